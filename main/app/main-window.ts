// Creating the app window and keeping its bounds in the settings.
import { BrowserWindow, Menu, screen } from 'electron';
import { lockDownKioskWindow, withKioskWindowOptions } from '../kiosk/window-options';
import type { SettingsStore } from './settings';
import { boundsOf, boundsOnScreen, windowOptions } from './window';

export interface MainWindowInput {
  preloadPath: string;
  url: string;
  settings: SettingsStore;
  devTools: boolean;
  /** Kiosk mode: the window is locked down while `isLocked()`; null for a normal window. */
  kiosk: { isLocked(): boolean; isQuitting(): boolean; quit(): void } | null;
}

/** Opens the window on the app's page, at its saved place when that is still on a screen. */
export function createMainWindow(input: MainWindowInput): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const bounds = input.kiosk ? null : boundsOnScreen(input.settings.get().window, workAreas);
  const base = windowOptions({
    preloadPath: input.preloadPath,
    bounds,
    devTools: input.devTools,
    kiosk: false,
  });
  const window = new BrowserWindow(input.kiosk ? withKioskWindowOptions(base) : base);
  if (input.kiosk) {
    const kiosk = input.kiosk;
    lockDownKioskWindow(window, {
      setApplicationMenu: (menu) => Menu.setApplicationMenu(menu),
      isLocked: () => kiosk.isLocked(),
      isQuitting: () => kiosk.isQuitting(),
      quit: () => kiosk.quit(),
    });
  } else if (bounds?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  reloadWhenRendererGone(window, input.url);
  endFrozenRenderer(window);

  if (!input.kiosk) {
    let saveTimer: ReturnType<typeof setTimeout> | null = null;
    const save = () => {
      if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return;
      const next = boundsOf(window);
      input.settings.update((s) => void (s.window = next));
    };
    const saveSoon = () => {
      if (saveTimer) clearTimeout(saveTimer);
      saveTimer = setTimeout(save, 500);
    };
    window.on('resize', saveSoon);
    window.on('move', saveSoon);
    window.on('close', () => {
      if (saveTimer) clearTimeout(saveTimer);
      save();
    });
  }
  void window.loadURL(input.url);
  return window;
}

const RELOADS_PER_MINUTE = 3;

/**
 * A page whose renderer crashed or was killed (out of memory on a stand's huge image, a GPU failure) is
 * loaded again, instead of leaving a blank window that on a kiosk stays blank until someone restarts it.
 * A page that keeps crashing is not reloaded in a loop: after a few tries within a minute, the next comes
 * once that minute is over, so an unattended kiosk keeps trying (a crash that was only a moment's
 * shortage of memory) without spinning.
 */
function reloadWhenRendererGone(window: BrowserWindow, url: string): void {
  let recent: number[] = [];
  let later: NodeJS.Timeout | null = null;
  const reload = () => {
    recent.push(Date.now());
    void window.loadURL(url).catch(() => undefined);
  };
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || window.isDestroyed() || later) return;
    const now = Date.now();
    recent = recent.filter((time) => now - time < 60_000);
    if (recent.length < RELOADS_PER_MINUTE) return reload();
    later = setTimeout(
      () => {
        later = null;
        if (!window.isDestroyed()) reload();
      },
      60_000 - (now - recent[0]!),
    );
  });
}

/** How long a renderer may stay unresponsive before it is ended and its page loaded again. */
const FROZEN_MS = 15_000;

/**
 * A renderer that stops answering and does not come back (a stand picture or SVG too costly to draw,
 * a runaway layout) is ended, so that the page is loaded again as after a crash: a kiosk with no one
 * at its keyboard would otherwise show a frozen screen until someone restarts it, and Electron asks no
 * one. A hang the renderer recovers from within FROZEN_MS is left alone.
 */
function endFrozenRenderer(window: BrowserWindow): void {
  let timer: NodeJS.Timeout | null = null;
  window.webContents.on('unresponsive', () => {
    timer ??= setTimeout(() => {
      timer = null;
      if (!window.isDestroyed()) window.webContents.forcefullyCrashRenderer();
    }, FROZEN_MS);
  });
  window.webContents.on('responsive', () => {
    if (timer) clearTimeout(timer);
    timer = null;
  });
}
