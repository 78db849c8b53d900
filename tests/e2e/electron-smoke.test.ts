// The real app in real Electron: launch the built app, see the demo stands, add a folder, watch a live
// update arrive. Runs wherever Electron's binary is installed (the release workflow's runners); skipped,
// saying why, where it is not (this machine cannot download it).
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StandaloneApi } from '../../preload/contract';

const ROOT = resolve(__dirname, '../..');
const MAIN = join(ROOT, 'out/main/index.js');
const DEMO = join(ROOT, 'resources/demo');

/** The Electron binary, found the way the `electron` package finds it, without triggering its download. */
function electronBinary(): { path: string | null; reason: string } {
  const pkg = join(ROOT, 'node_modules/electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      path: null,
      reason: 'the Electron binary is not installed (node_modules/electron/path.txt is missing)',
    };
  }
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary))
    return { path: null, reason: `the Electron binary is not installed (${binary} is missing)` };
  if (!existsSync(MAIN))
    return { path: null, reason: 'the app is not built (run `npx electron-vite build` first)' };
  return { path: binary, reason: '' };
}

const binary = electronBinary();
if (!binary.path) console.warn(`Electron smoke test skipped: ${binary.reason}.`);

type ApiWindow = Window & { api: StandaloneApi };

describe.skipIf(!binary.path)(
  `Electron smoke test${binary.path ? '' : ` (skipped: ${binary.reason})`}`,
  () => {
    let tmp: string;
    let app: ElectronApplication;
    let page: Page;

    beforeAll(async () => {
      tmp = mkdtempSync(join(tmpdir(), 'standalone-smoke-'));
      // Chromium refuses its sandbox as root (CI containers); the app's own sandbox settings are unchanged.
      const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
      app = await electron.launch({
        executablePath: binary.path!,
        args: [...rootArgs, MAIN],
        env: { ...process.env, STANDALONE_USER_DATA: join(tmp, 'user-data'), ELECTRON_RENDERER_URL: '' },
        timeout: 60_000,
      });
      page = await app.firstWindow();
    });

    afterAll(async () => {
      await app?.close();
      rmSync(tmp, { recursive: true, force: true });
    });

    it('opens on the demo stands', async () => {
      await page.getByText('Lumen Board').first().waitFor({ timeout: 30_000 });
      const collections = await page.evaluate(() => (window as unknown as ApiWindow).api.listCollections());
      expect(collections.map((c) => c.name)).toEqual(['Standalone Demo 2026']);
    });

    it('gives the page no Node and a frozen bridge', async () => {
      const probe = await page.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        frozen: Object.isFrozen((window as unknown as ApiWindow).api),
        origin: location.origin,
      }));
      expect(probe).toEqual({
        require: 'undefined',
        process: 'undefined',
        frozen: true,
        origin: 'standalone-app://app',
      });
    });

    it('adds a folder and shows a change saved in it', async () => {
      const folder = join(tmp, 'stands-2027');
      cpSync(DEMO, folder, { recursive: true });
      const collection = await page.evaluate(
        (path) => (window as unknown as ApiWindow).api.addFolder(path),
        folder,
      );
      expect(collection.root).toBe(folder);

      writeFileSync(
        join(folder, 'content/stands/tidewatch.md'),
        '---\ntitle: Tidewatch Live\nthemes: [Community Tools]\nshow_on_overview: true\n---\n',
      );
      await page.waitForFunction(
        async (id) => {
          const stands = await (window as unknown as ApiWindow).api.listStands(id);
          return stands.some((stand) => stand.title === 'Tidewatch Live');
        },
        collection.id,
        { timeout: 20_000, polling: 250 },
      );
    });
  },
);
