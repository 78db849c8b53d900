// The one app window: its options (Electron's security checklist), its saved bounds, and its creation.
import type {
  BrowserWindow as BrowserWindowType,
  BrowserWindowConstructorOptions,
  Rectangle,
} from 'electron';
import type { WindowBounds } from './settings';

export interface WindowOptionsInput {
  preloadPath: string;
  bounds: WindowBounds | null;
  /** Devtools only in unpackaged builds. */
  devTools: boolean;
  kiosk: boolean;
}

const DEFAULT_SIZE = { width: 1280, height: 860 };
const MIN_SIZE = { width: 800, height: 600 };

/** The window's options; every security-relevant preference is set explicitly rather than left to defaults. */
export function windowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  const bounds = input.bounds;
  return {
    width: bounds?.width ?? DEFAULT_SIZE.width,
    height: bounds?.height ?? DEFAULT_SIZE.height,
    ...(bounds && bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Standalone',
    backgroundColor: '#1b1b1f',
    autoHideMenuBar: true,
    kiosk: input.kiosk,
    fullscreen: input.kiosk,
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: input.devTools,
    },
  };
}

/** Saved bounds are used only when they still fit on a connected display (a projector may be gone). */
export function boundsOnScreen(bounds: WindowBounds | null, workAreas: Rectangle[]): WindowBounds | null {
  if (!bounds) return null;
  const width = Math.max(MIN_SIZE.width, bounds.width);
  const height = Math.max(MIN_SIZE.height, bounds.height);
  if (bounds.x === undefined || bounds.y === undefined) return { ...bounds, width, height };
  const { x, y } = bounds;
  const visible = workAreas.some(
    (area) =>
      x + 100 <= area.x + area.width &&
      x + width - 100 >= area.x &&
      y >= area.y &&
      y + 40 <= area.y + area.height,
  );
  return visible ? { ...bounds, width, height } : { width, height, maximized: bounds.maximized };
}

/** What to save of a window: its normal (unmaximized) bounds and whether it was maximized. */
export function boundsOf(window: BrowserWindowType): WindowBounds {
  const { x, y, width, height } = window.getNormalBounds();
  return { x, y, width, height, maximized: window.isMaximized() };
}
