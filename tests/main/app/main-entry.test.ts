// main/index.ts wired against the electron stand-in: what the app does at start, in Electron's order.
import { app, BrowserWindow, ipcMain, protocol, session } from 'electron';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Channel } from '../../../preload/contract';
import { PRIVILEGED_SCHEMES } from '../../../main/app/schemes';
import type { FakeEngine } from './fake-engine';

const ROOT = resolve(__dirname, '../../..');
const engines = vi.hoisted((): FakeEngine[] => []);

vi.mock('../../../main/app/engine-client', async (importOriginal) =>
  (await import('./entry-engine')).fakeEngineClientModule(await importOriginal(), engines),
);

let tmp: string;
let folder: string;
const argv = process.argv;

beforeAll(async () => {
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'standalone-entry-')));
  folder = join(tmp, 'stands-from-cli');
  mkdirSync(folder);
  vi.mocked(app.getPath).mockReturnValue(join(tmp, 'user-data'));
  vi.mocked(app.getAppPath).mockReturnValue(ROOT);
  process.argv = ['/opt/standalone/standalone', '--no-sandbox', folder];
  await import('../../../main/index');
  // What the app says on the terminal is not under test here.
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

const window = () =>
  vi.mocked(BrowserWindow).mock.results[0]!.value as InstanceType<typeof BrowserWindow> & {
    options: Electron.BrowserWindowConstructorOptions;
    webContents: { mainFrame: unknown };
  };

describe('app start-up', () => {
  it('registers the privileged schemes and takes the single-instance lock', () => {
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith(PRIVILEGED_SCHEMES);
    expect(app.requestSingleInstanceLock).toHaveBeenCalledWith({ folder });
  });

  it('serves the bundle and the stand assets from their protocols', () => {
    const schemes = vi.mocked(protocol.handle).mock.calls.map(([scheme]) => scheme);
    expect(schemes.sort()).toEqual(['stand-asset', 'standalone-app']);
  });

  it('locks the session down: permissions and network', () => {
    const ses = session.defaultSession;
    expect(ses.setPermissionRequestHandler).toHaveBeenCalled();
    expect(ses.setPermissionCheckHandler).toHaveBeenCalled();
    expect(ses.webRequest.onBeforeRequest).toHaveBeenCalled();
    expect(app.listenerCount('web-contents-created')).toBe(1);
  });

  it('opens one secure window on the bundled page', () => {
    expect(BrowserWindow).toHaveBeenCalledTimes(1);
    const win = window();
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(win.options.webPreferences!.preload).toMatch(/preload[/\\]index\.cjs$/);
    expect(win.loadURL).toHaveBeenCalledWith('standalone-app://app/index.html');
  });

  it('serves every channel, to our window only', async () => {
    const handlers = new Map(vi.mocked(ipcMain.handle).mock.calls.map(([channel, fn]) => [channel, fn]));
    expect([...handlers.keys()].sort()).toEqual(Object.values(Channel).sort());
    const list = handlers.get(Channel.listCollections)!;
    const ours = {
      sender: window().webContents,
      senderFrame: { url: 'standalone-app://app/index.html', parent: null },
    };
    const result = (await list(ours as never)) as { ok: boolean; value: { root: string }[] };
    expect(result.ok).toBe(true);
    expect(result.value.map((c) => c.root)).toEqual(
      expect.arrayContaining([folder, join(ROOT, 'resources/demo')]),
    );
    const theirs = { sender: {}, senderFrame: { url: 'standalone-app://app/index.html', parent: null } };
    expect(await list(theirs as never)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('saves the settings in the user data folder', async () => {
    const { loadSettings } = await import('../../../main/app/settings');
    expect(loadSettings(join(tmp, 'user-data', 'settings.json')).settings.folders).toEqual([folder]);
  });

  it('opens a folder handed over by a second launch', async () => {
    const second = join(tmp, 'second');
    mkdirSync(second);
    app.emit('second-instance', {}, ['/opt/standalone/standalone', second], tmp, { folder: second });
    expect(window().focus).toHaveBeenCalled();
    await vi.waitFor(() => expect(engines[0]!.calls).toContain(`indexFolder ${second}`));
  });

  it('opens a folder macOS hands over as a file event', async () => {
    const dropped = join(tmp, 'dropped-on-dock');
    mkdirSync(dropped);
    const event = { preventDefault: vi.fn() };
    app.emit('open-file', event, dropped);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(engines[0]!.calls).toContain(`indexFolder ${dropped}`));
  });

  it("writes its start, every notice and pages that stopped to the app's log", async () => {
    // The stand-in's getPath gives the user data folder for every name, 'logs' included.
    const logText = () => readFileSync(join(tmp, 'user-data', 'main.log'), 'utf8');
    expect(logText()).toContain(
      `Standalone 0.0.0 started (Electron ${process.versions.electron}, ${process.platform} ${process.arch}).\n`,
    );
    const missing = join(tmp, 'not-there');
    app.emit('open-file', { preventDefault: vi.fn() }, missing);
    await vi.waitFor(() => expect(logText()).toMatch(new RegExp(`\\[(warn|error)\\] +.*${missing}`)));
    app.emit('render-process-gone', {}, {}, { reason: 'oom', exitCode: 133 });
    expect(logText()).toContain("[warn]  The window's page stopped (oom, exit code 133).");
    app.emit('render-process-gone', {}, {}, { reason: 'clean-exit', exitCode: 0 });
    expect(logText()).not.toContain('clean-exit');
  });

  it('holds notices while its page loads again, and gives them once the page asks', async () => {
    const handlers = new Map(vi.mocked(ipcMain.handle).mock.calls.map(([channel, fn]) => [channel, fn]));
    const ours = {
      sender: window().webContents,
      senderFrame: { url: 'standalone-app://app/index.html', parent: null },
    };
    const sent = () =>
      vi
        .mocked(window().webContents.send)
        .mock.calls.map(([, event]) => event as { type: string; message?: string })
        .filter((event) => event.type === 'notice' && event.message?.includes('while-reloading'));
    window().webContents.emit('did-start-loading');
    const missing = join(tmp, 'while-reloading');
    app.emit('open-file', { preventDefault: vi.fn() }, missing);
    await vi.waitFor(() =>
      expect(readFileSync(join(tmp, 'user-data', 'main.log'), 'utf8')).toContain('while-reloading'),
    );
    expect(sent()).toEqual([]);
    await handlers.get(Channel.listCollections)!(ours as never);
    expect(sent()).toHaveLength(1);
    // From the moment the page crashed, not only once it is loaded again (up to a minute later).
    window().webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    app.emit('open-file', { preventDefault: vi.fn() }, `${missing}-again`);
    await vi.waitFor(() =>
      expect(readFileSync(join(tmp, 'user-data', 'main.log'), 'utf8')).toContain('while-reloading-again'),
    );
    expect(sent()).toHaveLength(1);
    await handlers.get(Channel.listCollections)!(ours as never);
    expect(sent()).toHaveLength(2);
  });

  it('stops watching and closes the engine before quitting', async () => {
    const event = { preventDefault: vi.fn() };
    app.emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    expect(engines[0]!.calls).toContain('close');
  });
});
