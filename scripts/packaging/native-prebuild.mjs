#!/usr/bin/env node
// The one native module the app ships: @parcel/watcher's prebuilt binary, one package per platform and
// architecture, installed by npm for the machine it runs on only. It must sit outside the asar (a native
// module cannot be loaded from inside one) and be built for the architecture of the package it is in.
//
//   node scripts/packaging/native-prebuild.mjs fetch <platform> <arch>...
//       puts the prebuilt packages for other architectures into node_modules (macOS builds x64 and arm64
//       on one runner), at the version and with the integrity package-lock.json records
//   node scripts/packaging/native-prebuild.mjs check <resources folder> <platform> <arch>
//       fails unless the packaged app holds the binary for that platform and architecture, unpacked
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const log = (line) => process.stdout.write(`${line}\n`);
const logError = (line) => process.stderr.write(`${line}\n`);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The prebuilt package of @parcel/watcher for a platform and architecture (glibc on Linux). */
export function watcherPackage(platform, arch) {
  return `@parcel/watcher-${platform}-${arch}${platform === 'linux' ? '-glibc' : ''}`;
}

/** The binary's path in the app, as the asar lists it; electron-builder unpacks it to app.asar.unpacked. */
export function watcherBinary(platform, arch) {
  return `node_modules/${watcherPackage(platform, arch)}/watcher.node`;
}

/** The platform and architecture a native binary is built for, from its header; null if not one. */
export function binaryTarget(bytes) {
  if (bytes.length >= 20 && bytes.readUInt32BE(0) === 0x7f454c46) {
    const machine = bytes.readUInt16LE(18);
    return {
      platform: 'linux',
      arch: { 0x3e: 'x64', 0xb7: 'arm64', 0x28: 'arm' }[machine] ?? `elf-${machine}`,
    };
  }
  if (bytes.length >= 8 && bytes.readUInt32LE(0) === 0xfeedfacf) {
    const cpu = bytes.readUInt32LE(4);
    return { platform: 'darwin', arch: { 0x01000007: 'x64', 0x0100000c: 'arm64' }[cpu] ?? `macho-${cpu}` };
  }
  if (bytes.length >= 64 && bytes.toString('latin1', 0, 2) === 'MZ') {
    const pe = bytes.readUInt32LE(0x3c);
    if (pe + 6 <= bytes.length && bytes.readUInt32BE(pe) === 0x50450000) {
      const machine = bytes.readUInt16LE(pe + 4);
      return { platform: 'win32', arch: { 0x8664: 'x64', 0xaa64: 'arm64' }[machine] ?? `pe-${machine}` };
    }
  }
  return null;
}

/** Problems with the packaged binary for `platform`/`arch` under `resources` (empty: it is right). */
export function checkPackagedBinary(resources, platform, arch, asar) {
  const inAsar = watcherBinary(platform, arch);
  const file = join(resources, 'app.asar.unpacked', ...inAsar.split('/'));
  if (!existsSync(file)) return [`${file} is missing`];
  const target = binaryTarget(readFileSync(file));
  const problems = [];
  if (target?.platform !== platform || target?.arch !== arch)
    problems.push(`${file} is built for ${target ? `${target.platform} ${target.arch}` : 'nothing known'}`);
  try {
    if (!asar.statFile(join(resources, 'app.asar'), inAsar).unpacked)
      problems.push(`app.asar does not mark ${inAsar} as unpacked`);
  } catch {
    problems.push(`app.asar does not list ${inAsar}`);
  }
  return problems;
}

/** Installs the prebuilt packages for `arches` that npm left out, checked against package-lock.json. */
function fetch(platform, arches) {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const work = mkdtempSync(join(tmpdir(), 'native-prebuild-'));
  try {
    for (const arch of arches) {
      const name = watcherPackage(platform, arch);
      const entry = lock.packages?.[`node_modules/${name}`];
      if (!entry?.version || !entry.integrity) throw new Error(`package-lock.json does not record ${name}`);
      const target = join(root, 'node_modules', ...name.split('/'));
      if (existsSync(join(target, 'package.json'))) {
        log(`${name}@${entry.version}: installed`);
        continue;
      }
      // `npm pack` fetches without the platform check `npm install` makes, and keeps the lockfile as it is.
      const packed = spawnSync('npm', ['pack', '--silent', `${name}@${entry.version}`], {
        cwd: work,
        encoding: 'utf8',
        shell: process.platform === 'win32',
      });
      if (packed.status !== 0) throw new Error(`npm pack ${name} failed: ${packed.stderr}`);
      const tarball = join(work, packed.stdout.trim().split('\n').pop());
      const [algorithm, expected] = entry.integrity.split('-');
      const actual = createHash(algorithm).update(readFileSync(tarball)).digest('base64');
      if (actual !== expected)
        throw new Error(`${name}@${entry.version}: integrity differs from package-lock.json`);
      mkdirSync(target, { recursive: true });
      const untar = spawnSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], {
        stdio: 'inherit',
      });
      if (untar.status !== 0) throw new Error(`unpacking ${name} failed`);
      log(`${name}@${entry.version}: fetched, integrity checked`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function main(argv) {
  const [command, ...rest] = argv;
  if (command === 'fetch' && rest.length >= 2) return fetch(rest[0], rest.slice(1));
  if (command === 'check' && rest.length === 3) {
    const asar = createRequire(join(root, 'package.json'))('@electron/asar');
    const [resources, platform, arch] = rest;
    const problems = checkPackagedBinary(resources, platform, arch, asar);
    for (const problem of problems) logError(`FAIL ${problem}`);
    if (problems.length === 0)
      log(`ok   ${watcherPackage(platform, arch)} unpacked, built for ${platform} ${arch}`);
    process.exitCode = problems.length === 0 ? 0 : 1;
    return;
  }
  logError('usage: native-prebuild.mjs fetch <platform> <arch>... | check <resources> <platform> <arch>');
  process.exitCode = 2;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    logError(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
