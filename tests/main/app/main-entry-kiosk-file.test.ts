// "Make a kiosk file…" through main/index.ts against the electron stand-in: the save dialog main shows, the
// file it writes, and that the kiosk config loader and the PIN check read that file back as meant.
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Channel, type KioskFileRequest } from '../../../preload/contract';
import type { IpcResult } from '../../../preload/ipc-result';
import { loadKioskConfig } from '../../../main/kiosk/config';
import { verifyPin } from '../../../main/kiosk/pin';
import type { FakeEngine } from './fake-engine';

const ROOT = resolve(__dirname, '../../..');
const engines = vi.hoisted((): FakeEngine[] => []);
// Not a date or a time, so finding it in the log would mean the PIN itself was written there.
const PIN = '80417356';

vi.mock('../../../main/app/engine-client', async (importOriginal) =>
  (await import('./entry-engine')).fakeEngineClientModule(await importOriginal(), engines),
);

let tmp: string;
let kioskDir: string;
let inside: string;
let outside: string;
const argv = process.argv;

beforeAll(async () => {
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'standalone-entry-kiosk-file-')));
  kioskDir = join(tmp, 'Kiosk');
  inside = join(kioskDir, 'stands', 'fosdem-2021');
  outside = join(tmp, 'elsewhere', 'stands-2022');
  mkdirSync(join(inside, 'content'), { recursive: true });
  mkdirSync(join(outside, 'content'), { recursive: true });
  vi.mocked(app.getPath).mockReturnValue(join(tmp, 'user-data'));
  vi.mocked(app.getAppPath).mockReturnValue(ROOT);
  process.argv = ['/opt/standalone/standalone', inside];
  await import('../../../main/index');
  (await import('electron-log/node')).default.transports.console.level = false;
  await vi.waitFor(() => expect(engines[0]?.calls ?? []).toContain(`indexFolder ${inside}`), {
    timeout: 10_000,
  });
  expect(await call(Channel.addFolder, outside)).toMatchObject({ ok: true });
});

afterAll(async () => {
  (await import('electron-log/node')).default.errorHandler.stopCatching();
  process.argv = argv;
  rmSync(tmp, { recursive: true, force: true });
});

beforeEach(() => {
  vi.mocked(dialog.showSaveDialog).mockClear();
  vi.mocked(dialog.showMessageBox).mockClear();
});

function window() {
  return vi.mocked(BrowserWindow).mock.results[0]!.value as unknown as { webContents: unknown };
}

async function call(channel: string, ...args: unknown[]): Promise<IpcResult> {
  const handler = vi.mocked(ipcMain.handle).mock.calls.find(([name]) => name === channel)![1];
  const ours = {
    sender: window().webContents,
    senderFrame: { url: 'standalone-app://app/index.html', parent: null },
  };
  return (await handler(ours as never, ...args)) as IpcResult;
}

const saveAs = (filePath: string) =>
  vi.mocked(dialog.showSaveDialog).mockResolvedValueOnce({ canceled: false, filePath });

const request = (changes: Partial<KioskFileRequest> = {}): KioskFileRequest => ({
  pin: PIN,
  collections: ['fosdem-2021', 'stands-2022'],
  edition: 'stands-2022',
  ...changes,
});

describe('making a kiosk file in the desktop app', () => {
  it('asks where to save it, and writes a file the kiosk reads back without a mistake', async () => {
    const file = join(kioskDir, 'entrance.standalone-kiosk');
    saveAs(file);
    const result = await call(
      Channel.makeKioskFile,
      request({ startScreen: 'attract', idleTimeoutSeconds: 120, textSize: 'large' }),
    );
    // The folder elsewhere is named for the organiser: a kiosk finds it only at that very place.
    expect(result).toEqual({ ok: true, value: { saved: true, path: file, fullPaths: [outside] } });
    expect(dialog.showSaveDialog).toHaveBeenCalledTimes(1);
    const [parent, options] = vi.mocked(dialog.showSaveDialog).mock.calls[0] as unknown as [
      unknown,
      Electron.SaveDialogOptions,
    ];
    expect(parent).toBe(window());
    // Proposed in the folder holding both stands folders, where both would travel with the file.
    expect(options.defaultPath).toBe(join(tmp, 'kiosk.standalone-kiosk'));

    // The folder beside the file is written relative to it, the other one absolute with forward slashes.
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(raw.folders).toEqual(['stands/fosdem-2021', outside.split(sep).join('/')]);
    expect(Object.keys(raw)).not.toContain('pin');

    const loaded = await loadKioskConfig(file);
    expect(loaded.error).toBeNull();
    expect(loaded.config.folders).toEqual([inside, outside]);
    expect(loaded.config.settings).toMatchObject({
      collection: 'stands-2022',
      startScreen: 'attract',
      idleTimeoutSeconds: 120,
      textSize: 'large',
      attract: { enabled: true, slideSeconds: 8 },
    });
    expect(await verifyPin(PIN, loaded.config.pinHash!)).toBe(true);
    expect(await verifyPin('80417357', loaded.config.pinHash!)).toBe(false);

    // Written atomically: nothing but the kiosk file is left beside it.
    expect(readdirSync(kioskDir).sort()).toEqual(['entrance.standalone-kiosk', 'stands']);
    // The PIN is kept nowhere else: not in the log, not in the settings.
    expect(readFileSync(join(tmp, 'user-data', 'main.log'), 'utf8')).not.toContain(PIN);
    expect(readFileSync(join(tmp, 'user-data', 'settings.json'), 'utf8')).not.toContain(PIN);
  });

  it('adds the ending a save dialog may leave off', async () => {
    saveAs(join(kioskDir, 'lobby'));
    const result = await call(
      Channel.makeKioskFile,
      request({ collections: ['fosdem-2021'], edition: null }),
    );
    expect(result).toEqual({
      ok: true,
      value: { saved: true, path: join(kioskDir, 'lobby.standalone-kiosk'), fullPaths: [] },
    });
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    const loaded = await loadKioskConfig(join(kioskDir, 'lobby.standalone-kiosk'));
    expect(loaded.error).toBeNull();
    expect(loaded.config.folders).toEqual([inside]);
    expect(loaded.config.settings).toMatchObject({ collection: null, startScreen: 'overview' });
    expect(await verifyPin(PIN, loaded.config.pinHash!)).toBe(true);
  });

  it('asks before replacing a kiosk file the save dialog did not ask about, its name given without the ending', async () => {
    // The dialog asks about replacing "hall" only; the file the ending leads to is a different one.
    const older = join(kioskDir, 'hall.standalone-kiosk');
    writeFileSync(older, '{"pinHash": null}');
    const answer = (response: number) =>
      vi.mocked(dialog.showMessageBox).mockResolvedValueOnce({ response, checkboxChecked: false });

    saveAs(join(kioskDir, 'hall'));
    answer(1);
    const kept = await call(Channel.makeKioskFile, request({ collections: ['fosdem-2021'], edition: null }));
    expect(kept).toEqual({ ok: true, value: { saved: false } });
    expect(readFileSync(older, 'utf8')).toBe('{"pinHash": null}');
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
    const [parent, question] = vi.mocked(dialog.showMessageBox).mock.calls[0] as unknown as [
      unknown,
      Electron.MessageBoxOptions,
    ];
    expect(parent).toBe(window());
    expect(question).toMatchObject({
      message: 'hall.standalone-kiosk already exists. Do you want to replace it?',
      detail: `It is in ${kioskDir}. Choose Cancel to keep it, then save again under another name.`,
      buttons: ['Replace', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
    });

    saveAs(join(kioskDir, 'hall'));
    answer(0);
    const replaced = await call(
      Channel.makeKioskFile,
      request({ collections: ['fosdem-2021'], edition: null }),
    );
    expect(replaced).toEqual({ ok: true, value: { saved: true, path: older, fullPaths: [] } });
    const loaded = await loadKioskConfig(older);
    expect(loaded.error).toBeNull();
    expect(await verifyPin(PIN, loaded.config.pinHash!)).toBe(true);
  });

  it('replaces an older kiosk file chosen by its full name, which the save dialog asked about itself', async () => {
    const older = join(kioskDir, 'hall.standalone-kiosk');
    writeFileSync(older, '{"pinHash": null}');
    saveAs(older);
    const result = await call(
      Channel.makeKioskFile,
      request({ collections: ['fosdem-2021'], edition: null }),
    );
    expect(result).toEqual({ ok: true, value: { saved: true, path: older, fullPaths: [] } });
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    expect(await verifyPin(PIN, (await loadKioskConfig(older)).config.pinHash!)).toBe(true);
  });

  it('writes nothing when the organiser cancels the save dialog', async () => {
    const before = readdirSync(kioskDir).sort();
    vi.mocked(dialog.showSaveDialog).mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await call(Channel.makeKioskFile, request())).toEqual({ ok: true, value: { saved: false } });
    expect(readdirSync(kioskDir).sort()).toEqual(before);
  });

  it('says clearly when the place cannot be written, and leaves nothing behind', async () => {
    const notAFolder = join(tmp, 'a-file');
    writeFileSync(notAFolder, '');
    saveAs(join(notAFolder, 'kiosk.standalone-kiosk'));
    expect(await call(Channel.makeKioskFile, request())).toEqual({
      ok: false,
      error: {
        code: 'failed',
        message: `The kiosk file could not be saved: the folder ${notAFolder} does not exist.`,
      },
    });
    expect(readdirSync(tmp).sort()).toEqual(['Kiosk', 'a-file', 'elsewhere', 'user-data']);
  });

  it('never puts the embedded demo stands on a kiosk, and asks nothing for a bad request', async () => {
    const demo = await call(Channel.listCollections);
    const demoId = (demo as { value: { id: string; root: string }[] }).value.find(
      (c) => c.root === join(ROOT, 'resources/demo'),
    )!.id;
    const info = (await call(Channel.getAppInfo)) as { value: { demoCollections: string[] } };
    expect(info.value.demoCollections).toEqual([demoId]);
    expect(
      await call(Channel.makeKioskFile, request({ collections: [demoId], edition: null })),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('demo stands') },
    });
    expect(await call(Channel.makeKioskFile, request({ edition: 'not-shown' }))).toMatchObject({
      ok: false,
      error: { message: 'The edition the kiosk starts on must be one of the folders it shows.' },
    });
    for (const pin of ['123', '12ab', '1234567890123', '']) {
      const refused = await call(Channel.makeKioskFile, request({ pin }));
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
      if (!refused.ok) expect(refused.error.message).toContain('The PIN must be 4 to 12 digits');
    }
    expect(await call(Channel.makeKioskFile, request({ collections: [] }))).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Choose at least one folder') },
    });
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});
