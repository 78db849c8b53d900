// A stand-in for Electron's Linux distribution, for packaging where the real one cannot be downloaded.
// electron-builder copies an unpacked `electronDist` folder as it is, renames `electron` to the app's
// executable, moves LICENSE aside, prunes locales/ and writes resources/app.asar; then @electron/fuses
// flips the fuse wire it finds after a sentinel in the executable. The stand-in carries a real fuse wire
// (Electron's default states), so the fuses are flipped and read back for real.
import { Buffer } from 'node:buffer';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The marker @electron/fuses searches for; the wire follows it: version byte, length byte, one byte per fuse. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** Written into the stand-in executable so a check can tell it from a real Electron binary. */
export const STAND_IN_MARKER = 'STANDALONE-STAND-IN-ELECTRON';

/**
 * Electron's shipped fuse states ('1' on, '0' off), in @electron/fuses' V1 order: RunAsNode,
 * EnableCookieEncryption, EnableNodeOptionsEnvironmentVariable, EnableNodeCliInspectArguments,
 * EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar, LoadBrowserProcessSpecificV8Snapshot,
 * GrantFileProtocolExtraPrivileges, WasmTrapHandlers. Every fuse our builds set starts opposite.
 */
export const STAND_IN_FUSE_WIRE = '101100011';

/** Writes the stand-in distribution into `dir` (which must be empty or absent); returns the executable's path. */
export function createStandInElectron(dir, { version }) {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  const executable = join(dir, 'electron');
  const script = [
    '#!/bin/sh',
    `# ${STAND_IN_MARKER} ${version}: built for packaging checks, it cannot run an app.`,
    'echo "This is a stand-in for Electron used to check packaging; install a real build of Standalone." >&2',
    'exit 1',
    '',
  ].join('\n');
  // The shell stops at `exit`, so the wire after it is never read as script.
  const wire = Buffer.concat([
    Buffer.from(FUSE_SENTINEL, 'latin1'),
    Buffer.from([1, STAND_IN_FUSE_WIRE.length]),
    Buffer.from(STAND_IN_FUSE_WIRE, 'latin1'),
    Buffer.from('\n', 'latin1'),
  ]);
  writeFileSync(executable, Buffer.concat([Buffer.from(script, 'utf8'), wire]));
  chmodSync(executable, 0o755);
  const placeholder = (name) => `${STAND_IN_MARKER}: stand-in for ${name} of Electron ${version}\n`;
  writeFileSync(join(dir, 'LICENSE'), placeholder('LICENSE'));
  writeFileSync(
    join(dir, 'LICENSES.chromium.html'),
    `<!-- ${placeholder('LICENSES.chromium.html').trim()} -->\n`,
  );
  writeFileSync(join(dir, 'version'), `${version}\n`);
  for (const file of [
    'resources.pak',
    'chrome_100_percent.pak',
    'icudtl.dat',
    'snapshot_blob.bin',
    'v8_context_snapshot.bin',
  ]) {
    writeFileSync(join(dir, file), placeholder(file));
  }
  for (const locale of ['en-US', 'fr', 'nl', 'de'])
    writeFileSync(join(dir, 'locales', `${locale}.pak`), placeholder(locale));
  writeFileSync(join(dir, 'chrome-sandbox'), placeholder('chrome-sandbox'));
  return executable;
}
