import { BrowserWindow, Menu } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMainWindow } from '../../../main/app/main-window';
import { openSettings } from '../../../main/app/settings';

type FakeWindow = {
  options: Electron.BrowserWindowConstructorOptions;
  loadURL: ReturnType<typeof vi.fn>;
  setKiosk: ReturnType<typeof vi.fn>;
  maximize: ReturnType<typeof vi.fn>;
  emit(event: string, ...args: unknown[]): void;
  webContents: {
    emit(event: string, ...args: unknown[]): void;
    forcefullyCrashRenderer: ReturnType<typeof vi.fn>;
  };
};

beforeEach(() => vi.clearAllMocks());

/** The window of a locked kiosk on the app's page. */
function lockedKioskWindow(devTools = false): FakeWindow {
  return createMainWindow({
    preloadPath: '/p',
    url: 'standalone-app://app/index.html',
    settings: openSettings(null),
    devTools,
    kiosk: { isLocked: () => true, isQuitting: () => false, quit: vi.fn() },
  }) as unknown as FakeWindow;
}

describe('createMainWindow', () => {
  it('creates one secure window on the app page, at its saved place', () => {
    const settings = openSettings(null);
    settings.update((s) => void (s.window = { x: 50, y: 60, width: 1100, height: 800, maximized: true }));
    const window = createMainWindow({
      preloadPath: '/out/preload/index.cjs',
      url: 'standalone-app://app/index.html',
      settings,
      devTools: false,
      kiosk: null,
    }) as unknown as FakeWindow;
    expect(BrowserWindow).toHaveBeenCalledTimes(1);
    expect(window.options).toMatchObject({
      x: 50,
      y: 60,
      width: 1100,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: false },
    });
    expect(window.maximize).toHaveBeenCalled();
    expect(window.loadURL).toHaveBeenCalledWith('standalone-app://app/index.html');
  });

  it('saves its bounds when closed', () => {
    const settings = openSettings(null);
    const window = createMainWindow({
      preloadPath: '/p',
      url: 'standalone-app://app/index.html',
      settings,
      devTools: false,
      kiosk: null,
    }) as unknown as FakeWindow;
    window.emit('close', { preventDefault: vi.fn() });
    expect(settings.get().window).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: false });
  });

  it('locks a kiosk window down: kiosk options, no menu, no devtools', () => {
    const window = lockedKioskWindow(true);
    expect(window.options).toMatchObject({
      kiosk: true,
      fullscreen: true,
      webPreferences: { devTools: false, sandbox: true },
    });
    expect(window.setKiosk).toHaveBeenCalledWith(true);
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(null);
  });

  it('loads the page again when its renderer crashes, not in a loop, and keeps trying once a minute', () => {
    vi.useFakeTimers();
    try {
      const window = lockedKioskWindow();
      expect(window.loadURL).toHaveBeenCalledTimes(1);
      window.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
      expect(window.loadURL).toHaveBeenCalledTimes(1);
      window.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 0 });
      expect(window.loadURL).toHaveBeenCalledTimes(2);
      expect(window.loadURL).toHaveBeenLastCalledWith('standalone-app://app/index.html');
      window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
      window.webContents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
      window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
      expect(window.loadURL).toHaveBeenCalledTimes(4);
      // A fourth crash within the minute: no reload now, one when the minute is over, not one per crash.
      window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
      window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
      expect(window.loadURL).toHaveBeenCalledTimes(4);
      vi.advanceTimersByTime(61_000);
      expect(window.loadURL).toHaveBeenCalledTimes(5);
      window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
      expect(window.loadURL).toHaveBeenCalledTimes(6);
    } finally {
      vi.useRealTimers();
    }
  });

  it('ends a renderer that stays frozen (a stand picture too large to draw), so it is loaded again', () => {
    vi.useFakeTimers();
    try {
      const window = lockedKioskWindow();
      const crash = window.webContents.forcefullyCrashRenderer;
      // A hang it recovers from is left alone.
      window.webContents.emit('unresponsive');
      vi.advanceTimersByTime(5_000);
      window.webContents.emit('responsive');
      vi.advanceTimersByTime(60_000);
      expect(crash).not.toHaveBeenCalled();
      // One that lasts is ended, once; the renderer's end then loads the page again.
      window.webContents.emit('unresponsive');
      window.webContents.emit('unresponsive');
      vi.advanceTimersByTime(14_000);
      expect(crash).not.toHaveBeenCalled();
      vi.advanceTimersByTime(2_000);
      expect(crash).toHaveBeenCalledTimes(1);
      window.webContents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
      expect(window.loadURL).toHaveBeenCalledTimes(2);
      vi.advanceTimersByTime(60_000);
      expect(crash).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
