// The pieces `npm run package:check` relies on: if these lie, the packaging check passes for nothing.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { flipFuses, FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { parseIcns, parseIco, pngSize } from '../../scripts/packaging/icon-formats.mjs';
import {
  REQUIRED_FUSES,
  asarPackagePaths,
  fuseConfigProblems,
  fuseWireProblems,
  isBuiltin,
  lockfilePackages,
  moduleSpecifiers,
  packageOfSpecifier,
} from '../../scripts/packaging/inspect.mjs';
import { createStandInElectron } from '../../scripts/packaging/stand-in-electron.mjs';

const root = join(__dirname, '..', '..');
const config = parseYaml(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));

let work: string | undefined;
afterEach(() => {
  if (work) rmSync(work, { recursive: true, force: true });
  work = undefined;
});

/** The same translation electron-builder does from its `electronFuses` keys to @electron/fuses options. */
function toFuseConfig(fuses: Record<string, boolean>) {
  const names: Record<string, FuseV1Options> = {
    runAsNode: FuseV1Options.RunAsNode,
    enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
    enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
    enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
    enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
    onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
    grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
  };
  const result: Record<string, unknown> = { version: FuseVersion.V1 };
  for (const [key, value] of Object.entries(fuses)) {
    const option = names[key];
    if (option === undefined) throw new Error(`Unknown fuse ${key}`);
    result[option] = value;
  }
  return result as Parameters<typeof flipFuses>[1];
}

describe('fuses', () => {
  it('electron-builder.yml sets every required fuse', () => {
    expect(fuseConfigProblems(config.electronFuses)).toEqual([]);
  });

  it('a weakened configuration is reported, key by key', () => {
    const weak = { ...config.electronFuses, runAsNode: true };
    delete weak.onlyLoadAppFromAsar;
    expect(fuseConfigProblems(weak)).toEqual([
      'electronFuses.runAsNode is true, must be false',
      'electronFuses.onlyLoadAppFromAsar is undefined, must be true',
    ]);
    expect(fuseConfigProblems(undefined)).toEqual(['electronFuses is not configured']);
  });

  it('flips the stand-in Electron for real, and the wire reads back as required', async () => {
    work = mkdtempSync(join(tmpdir(), 'standalone-fuses-'));
    const executable = createStandInElectron(join(work, 'dist'), { version: '45.0.0' });
    // Before flipping, every required fuse is in Electron's shipped (unsafe) state.
    expect(fuseWireProblems(await getCurrentFuseWire(executable))).toHaveLength(REQUIRED_FUSES.length);
    await flipFuses(executable, toFuseConfig(config.electronFuses));
    expect(fuseWireProblems(await getCurrentFuseWire(executable))).toEqual([]);
    // The shell script before the wire is untouched, so the stand-in still refuses to run anything.
    expect(readFileSync(executable, 'utf8')).toMatch(/^#!\/bin\/sh\n[^]*\nexit 1\n/);
  });
});

describe('icons', () => {
  const icons = join(root, 'resources', 'icons');

  it('the Windows icon holds every size from 16 to 256, bitmaps below 256', () => {
    const entries = parseIco(readFileSync(join(icons, 'icon.ico')));
    expect(entries.map((entry) => entry.size)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    expect(entries.filter((entry) => entry.format === 'png').map((entry) => entry.size)).toEqual([256]);
  });

  it('the macOS icon holds PNGs up to 1024', () => {
    const sizes = parseIcns(readFileSync(join(icons, 'icon.icns'))).map((entry) => entry.size);
    expect(new Set(sizes)).toEqual(new Set([16, 32, 64, 128, 256, 512, 1024]));
  });

  it('the Linux icons are named by their real size', () => {
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(pngSize(readFileSync(join(icons, 'png', `${size}x${size}.png`)))).toEqual({
        width: size,
        height: size,
      });
    }
  });

  it('rejects damaged containers', () => {
    const ico = Buffer.from(readFileSync(join(icons, 'icon.ico')));
    ico.writeUInt32LE(ico.length, 6 + 12); // first entry's offset past the end
    expect(() => parseIco(ico)).toThrow(/past the end/);
    const icns = Buffer.from(readFileSync(join(icons, 'icon.icns')));
    expect(() => parseIcns(icns.subarray(0, icns.length - 1))).toThrow(/length/);
    expect(() => pngSize(Buffer.from('not a png at all, really not'))).toThrow(/not a PNG/);
  });
});

describe('what a package may hold', () => {
  it('finds the modules a built file loads', () => {
    const source = [
      'import matter from "gray-matter";',
      "import { join } from 'node:path';",
      'import{z}from"zod/v4";',
      'export * from "./chunks/a.js";',
      'const t = await import("smol-toml");',
      'const q = require("qrcode");',
      'import "./side-effect.js";',
    ].join('\n');
    expect(moduleSpecifiers(source)).toEqual([
      './chunks/a.js',
      './side-effect.js',
      'gray-matter',
      'node:path',
      'qrcode',
      'smol-toml',
      'zod/v4',
    ]);
    expect(packageOfSpecifier('zod/v4')).toBe('zod');
    expect(packageOfSpecifier('@scope/pkg/deep/file.js')).toBe('@scope/pkg');
    expect(packageOfSpecifier('./chunks/a.js')).toBeNull();
    expect(isBuiltin('node:path') && isBuiltin('fs/promises') && !isBuiltin('zod')).toBe(true);
  });

  it('sorts lockfile packages into required, optional and dev-only', () => {
    const lock = {
      packages: {
        '': { name: 'standalone' },
        'node_modules/zod': { version: '4.0.0' },
        'node_modules/react': { version: '19.0.0', dev: true },
        'node_modules/@img/sharp-linux-x64': { version: '1.0.0', optional: true },
        'node_modules/a/node_modules/b': { version: '2.0.0' },
      },
    };
    const { required, optional, devOnly } = lockfilePackages(lock);
    expect([...required.values()]).toEqual(['zod@4.0.0', 'b@2.0.0']);
    expect([...optional.values()]).toEqual(['@img/sharp-linux-x64@1.0.0']);
    expect([...devOnly.values()]).toEqual(['react@19.0.0']);
  });

  it('lists installed packages in an asar, nested ones included, sub-package manifests not', () => {
    const files = [
      '/package.json',
      '/node_modules/zod/package.json',
      '/node_modules/zod/v4/package.json',
      '/node_modules/@scope/pkg/package.json',
      '/node_modules/a/node_modules/b/package.json',
      '/out/main/index.js',
    ];
    expect(asarPackagePaths(files)).toEqual([
      'node_modules/@scope/pkg',
      'node_modules/a/node_modules/b',
      'node_modules/zod',
    ]);
  });
});
