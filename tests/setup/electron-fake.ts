// A stand-in for the parts of `electron` the main-process glue and the preload use. Every function is a
// vi.fn() so tests can assert on calls; emitters are real so tests can fire events.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/** A fake event emitter whose `on` is still observable. */
class FakeEmitter extends EventEmitter {}

export const app = Object.assign(new FakeEmitter(), {
  getPath: vi.fn((_name: string) => '/nonexistent'),
  getVersion: vi.fn(() => '0.0.0'),
  getAppPath: vi.fn(() => '/nonexistent/app'),
  setPath: vi.fn(),
  isPackaged: false,
  whenReady: vi.fn(() => Promise.resolve()),
  quit: vi.fn(),
  exit: vi.fn(),
  requestSingleInstanceLock: vi.fn((_data?: Record<string, unknown>) => true),
});

/** A fake webContents: real events, spies for the methods the glue calls. */
export class FakeWebContents extends FakeEmitter {
  send = vi.fn();
  setWindowOpenHandler = vi.fn();
  setZoomFactor = vi.fn();
  setVisualZoomLevelLimits = vi.fn(() => Promise.resolve());
  closeDevTools = vi.fn();
  forcefullyCrashRenderer = vi.fn();
  mainFrame = { url: 'standalone-app://app/index.html', parent: null };
}

/**
 * A fake BrowserWindow: records its options, real window events, spies for what the glue calls. Everything
 * is an instance field because vi.fn() constructs with its own prototype, dropping class methods.
 */
export class FakeBrowserWindow {
  private readonly events = new FakeEmitter();
  options: unknown;
  webContents = new FakeWebContents();
  on = vi.fn((event: string, listener: (...args: unknown[]) => void) => this.events.on(event, listener));
  once = vi.fn((event: string, listener: (...args: unknown[]) => void) => this.events.once(event, listener));
  emit = (event: string, ...args: unknown[]) => this.events.emit(event, ...args);
  loadURL = vi.fn(() => Promise.resolve());
  show = vi.fn();
  hide = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  maximize = vi.fn();
  isMinimized = vi.fn(() => false);
  isMaximized = vi.fn(() => false);
  isFullScreen = vi.fn(() => false);
  isDestroyed = vi.fn(() => false);
  isKiosk = vi.fn(() => false);
  setKiosk = vi.fn();
  removeMenu = vi.fn();
  setMenuBarVisibility = vi.fn();
  getNormalBounds = vi.fn(() => ({ x: 10, y: 20, width: 1000, height: 700 }));
  constructor(options: unknown) {
    this.options = options;
  }
}
export const BrowserWindow = Object.assign(vi.fn(FakeBrowserWindow), {
  /** Every window made so far that is not destroyed. */
  getAllWindows: vi.fn((): FakeBrowserWindow[] =>
    BrowserWindow.mock.results
      .map((result) => result.value as FakeBrowserWindow)
      .filter((window) => !window.isDestroyed()),
  ),
});

export const ipcMain = { handle: vi.fn(), removeHandler: vi.fn(), on: vi.fn() };

export const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };

const fakeSession = Object.assign(new FakeEmitter(), {
  setPermissionRequestHandler: vi.fn(),
  setPermissionCheckHandler: vi.fn(),
  setDevicePermissionHandler: vi.fn(),
  webRequest: { onBeforeRequest: vi.fn(), onHeadersReceived: vi.fn() },
  protocol,
});
export const session = { defaultSession: fakeSession };

export const shell = { openExternal: vi.fn(() => Promise.resolve()) };

export const dialog = {
  showOpenDialog: vi.fn(() => Promise.resolve({ canceled: true, filePaths: [] as string[] })),
  showSaveDialog: vi.fn(() => Promise.resolve({ canceled: true, filePath: '' })),
  showErrorBox: vi.fn((_title: string, _content: string) => undefined),
  showMessageBox: vi.fn(() => Promise.resolve({ response: 0, checkboxChecked: false })),
};

export const screen = {
  getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]),
};

export const Menu = { setApplicationMenu: vi.fn() };

export const net = { fetch: vi.fn() };

export const contextBridge = { exposeInMainWorld: vi.fn() };

export const ipcRenderer = Object.assign(new FakeEmitter(), {
  invoke: vi.fn((_channel: string, ..._args: unknown[]): Promise<unknown> =>
    Promise.resolve({ ok: true, value: null }),
  ),
});

export default {
  app,
  BrowserWindow,
  ipcMain,
  protocol,
  session,
  shell,
  dialog,
  screen,
  Menu,
  net,
  contextBridge,
  ipcRenderer,
};
