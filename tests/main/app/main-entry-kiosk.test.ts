// main/index.ts started with a kiosk file on a machine where the app was opened once by hand first (as
// docs/kiosk.md asks, to get past the unsigned-app warning), which showed the demo stands.
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Channel } from '../../../preload/contract';
import { openSettings } from '../../../main/app/settings';
import type { FakeEngine } from './fake-engine';

const ROOT = resolve(__dirname, '../../..');
const engines = vi.hoisted((): FakeEngine[] => []);

vi.mock('../../../main/app/engine-client', async (importOriginal) =>
  (await import('./entry-engine')).fakeEngineClientModule(await importOriginal(), engines),
);

let tmp: string;
let stands: string;
const argv = process.argv;

beforeAll(async () => {
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'standalone-entry-kiosk-')));
  const kioskDir = join(tmp, 'Kiosk');
  stands = join(kioskDir, 'stands', 'fosdem-2021');
  mkdirSync(join(stands, 'content'), { recursive: true });
  const kioskFile = join(kioskDir, 'entrance.standalone-kiosk');
  writeFileSync(kioskFile, JSON.stringify({ folders: ['stands/fosdem-2021'], pinHash: null }));
  // The first launch by hand: no folders, so the demo was shown and the settings remember it.
  const userData = join(tmp, 'user-data');
  mkdirSync(userData);
  openSettings(join(userData, 'settings.json')).update((s) => {
    s.showDemo = true;
    s.demoRoot = join(ROOT, 'resources/demo');
  });
  vi.mocked(app.getPath).mockReturnValue(userData);
  vi.mocked(app.getAppPath).mockReturnValue(ROOT);
  process.argv = ['/opt/standalone/standalone', kioskFile];
  await import('../../../main/index');
  await vi.waitFor(() => expect(engines[0]?.calls ?? []).toContain(`indexFolder ${stands}`), {
    timeout: 10_000,
  });
  await vi.waitFor(() => expect(engines[0]!.calls).toContain('watch'));
});

afterAll(() => {
  process.argv = argv;
  rmSync(tmp, { recursive: true, force: true });
});

describe('a kiosk started with a kiosk file', () => {
  it('opens a locked kiosk window', () => {
    const win = vi.mocked(BrowserWindow).mock.results[0]!.value as { options: { kiosk?: boolean } };
    expect(win.options.kiosk).toBe(true);
  });

  it("shows only the kiosk file's folders to visitors, not the demo stands of a first launch by hand", async () => {
    const roots = (await engines[0]!.listCollections()).map((c) => c.root);
    expect(roots).toEqual([stands]);
    expect(engines[0]!.calls).not.toContain(`indexFolder ${join(ROOT, 'resources/demo')}`);
  });

  it('refuses to make a kiosk file, without showing a save dialog', async () => {
    const handler = vi.mocked(ipcMain.handle).mock.calls.find(([name]) => name === Channel.makeKioskFile)![1];
    const win = vi.mocked(BrowserWindow).mock.results[0]!.value as { webContents: unknown };
    const ours = {
      sender: win.webContents,
      senderFrame: { url: 'standalone-app://app/index.html', parent: null },
    };
    const request = { pin: '2468', collections: ['fosdem-2021'], edition: null };
    expect(await handler(ours as never, request)).toEqual({
      ok: false,
      error: { code: 'failed', message: 'Kiosk files are made in Standalone on a computer, not on a kiosk.' },
    });
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});
