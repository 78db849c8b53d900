// `npm run snapshot -- <folder> <route> <outdir>`: renders one route of the app over a stands folder in
// Chromium, through the same harness as the end-to-end tests, and writes screenshot.png, dom.html,
// requests.json (every request the page attempted) and console.json into <outdir>.
//
//   npm run snapshot -- resources/demo '#/' /tmp/shot
//   npm run snapshot -- ../stands-2022 /c/stands-2022/search?q=matrix /tmp/shot --width 1024 --height 768 --dark
//
// Options: --width N --height N (viewport, default 1280×800), --dark (dark colour scheme), --full (whole
// page, not just the viewport), --scale N (device pixel ratio). Several folders: separate them with commas.
// `<folder>` may also be `fixtures`, the end-to-end tests' own stands.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import { loadHarness } from './harness.mjs';

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      width: { type: 'string', default: '1280' },
      height: { type: 'string', default: '800' },
      dark: { type: 'boolean', default: false },
      full: { type: 'boolean', default: false },
      scale: { type: 'string', default: '1' },
    },
  });
  const [folderArg, routeArg, outArg] = positionals;
  if (!folderArg || !routeArg || !outArg) {
    process.stderr.write(
      'usage: npm run snapshot -- <folder> <route> <outdir> [--width N] [--height N] [--dark] [--full]\n',
    );
    return 2;
  }
  const { harness: h, fixtures } = await loadHarness();
  let folders;
  let scratch = null;
  if (folderArg === 'fixtures') {
    scratch = mkdtempSync(join(tmpdir(), 'standalone-fixtures-'));
    const made = await fixtures.writeFixtures(scratch);
    folders = [made.lantern2031, made.lantern2030, made.hostile];
  } else {
    folders = folderArg.split(',').map((folder) => resolve(folder));
    for (const folder of folders) if (!existsSync(folder)) throw new Error(`No folder at ${folder}`);
  }
  const route = routeArg.replace(/^#/, '') || '/';
  const harness = await h.startHarness({
    folders,
    viewport: { width: Number(values.width), height: Number(values.height) },
    colorScheme: values.dark ? 'dark' : 'light',
    deviceScaleFactor: Number(values.scale),
  });
  try {
    await harness.open(route.startsWith('/') ? route : `/${route}`);
    // Let lazy images decode before the picture is taken.
    await harness.page.waitForLoadState('networkidle').catch(() => undefined);
    await h.writeSnapshot(harness, resolve(outArg), { fullPage: values.full });
    const off = harness.offMachine();
    process.stdout.write(
      `snapshot: ${resolve(outArg)} — ${harness.requests.length} requests (${off.length} off the machine), ` +
        `${harness.consoleErrors().length} console errors, ${harness.pageErrors.length} page errors\n`,
    );
  } finally {
    await harness.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    process.stderr.write(
      `snapshot: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
