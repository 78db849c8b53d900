// The check that each package holds the native watcher for its own architecture: if it misreads a
// binary's header, a Mac package with the other architecture's watcher would pass.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { binaryTarget, watcherPackage } from '../../scripts/packaging/native-prebuild.mjs';

function machO(cpu: number): Buffer {
  const bytes = Buffer.alloc(32);
  bytes.writeUInt32LE(0xfeedfacf, 0);
  bytes.writeUInt32LE(cpu, 4);
  return bytes;
}

function pe(machine: number): Buffer {
  const bytes = Buffer.alloc(128);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(64, 0x3c);
  bytes.writeUInt32BE(0x50450000, 64);
  bytes.writeUInt16LE(machine, 68);
  return bytes;
}

describe('native prebuilds', () => {
  it('names the prebuilt package of each platform', () => {
    expect(watcherPackage('linux', 'x64')).toBe('@parcel/watcher-linux-x64-glibc');
    expect(watcherPackage('darwin', 'arm64')).toBe('@parcel/watcher-darwin-arm64');
    expect(watcherPackage('win32', 'x64')).toBe('@parcel/watcher-win32-x64');
  });

  it('reads the platform and architecture from a binary header', () => {
    // The binary npm installed here, for this machine.
    const platform = process.platform;
    const arch = process.arch;
    const installed = createRequire(import.meta.url).resolve(
      `${watcherPackage(platform, arch)}/watcher.node`,
    );
    expect(binaryTarget(readFileSync(installed))).toEqual({ platform, arch });
    expect(binaryTarget(machO(0x01000007))).toEqual({ platform: 'darwin', arch: 'x64' });
    expect(binaryTarget(machO(0x0100000c))).toEqual({ platform: 'darwin', arch: 'arm64' });
    expect(binaryTarget(pe(0x8664))).toEqual({ platform: 'win32', arch: 'x64' });
    expect(binaryTarget(pe(0xaa64))).toEqual({ platform: 'win32', arch: 'arm64' });
    expect(binaryTarget(Buffer.from('#!/bin/sh\necho not a binary\n'.repeat(4)))).toBeNull();
  });
});
