// main/index.ts asked to quit while its first index is still running (an organiser at a kiosk pressing
// Quit, Ctrl+Q on a desktop). The index holds the engine, so the orderly close (folders stopped, engine
// closed: main-entry.test.ts) cannot finish: the window goes at once and the app quits after a capped wait.
import { app, BrowserWindow } from 'electron';
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FakeEngine } from './fake-engine';

const ROOT = resolve(__dirname, '../../..');
const engines = vi.hoisted((): FakeEngine[] => []);

vi.mock('../../../main/app/engine-client', async (importOriginal) =>
  (await import('./entry-engine')).fakeEngineClientModule(await importOriginal(), engines, (engine) => {
    // The folder from the command line takes long to index: its index is still running.
    const indexFolder = engine.indexFolder.bind(engine);
    engine.indexFolder = (root) => {
      if (!root.endsWith('big-edition')) return indexFolder(root);
      engine.calls.push(`indexFolder ${root}`);
      return new Promise(() => undefined);
    };
  }),
);

let tmp: string;
const argv = process.argv;

beforeAll(async () => {
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'standalone-entry-quit-')));
  const folder = join(tmp, 'big-edition');
  mkdirSync(join(folder, 'content'), { recursive: true });
  vi.mocked(app.getPath).mockReturnValue(join(tmp, 'user-data'));
  vi.mocked(app.getAppPath).mockReturnValue(ROOT);
  process.argv = ['/opt/standalone/standalone', folder];
  await import('../../../main/index');
  (await import('electron-log/node')).default.transports.console.level = false;
  await vi.waitFor(() => expect(engines[0]?.calls ?? []).toContain(`indexFolder ${folder}`), {
    timeout: 10_000,
  });
});

afterAll(async () => {
  (await import('electron-log/node')).default.errorHandler.stopCatching();
  process.argv = argv;
  rmSync(tmp, { recursive: true, force: true });
});

describe('quitting during the first index', () => {
  it('hides the window at once and quits within the capped wait, though the index holds the engine', async () => {
    const window = vi.mocked(BrowserWindow).mock.results[0]!.value as { hide: ReturnType<typeof vi.fn> };
    const event = { preventDefault: vi.fn() };
    const asked = Date.now();
    app.emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(window.hide).toHaveBeenCalled();
    expect(app.quit).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled(), { timeout: 13_000, interval: 100 });
    expect(Date.now() - asked).toBeLessThan(13_000);
  }, 15_000);
});
