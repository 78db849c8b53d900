// What makes the window a kiosk: options and blocked shortcuts as plain data (tested as data), and one
// small glue function that applies them to a window. The glue takes its Electron pieces as parameters and
// only imports Electron's types, so tests run it on fakes.
import type { BrowserWindow, BrowserWindowConstructorOptions, Input } from 'electron';

/** Options merged over the app's own window options in kiosk mode. Never weakens the app's security options. */
export const KIOSK_WINDOW_OPTIONS = {
  kiosk: true,
  fullscreen: true,
  autoHideMenuBar: true,
  resizable: false,
  movable: false,
  minimizable: false,
  maximizable: false,
  fullscreenable: true,
  webPreferences: { devTools: false, zoomFactor: 1, spellcheck: false },
} as const satisfies BrowserWindowConstructorOptions;

/** The app's window options with the kiosk's applied; web preferences are merged, not replaced. */
export function withKioskWindowOptions(
  base: BrowserWindowConstructorOptions,
): BrowserWindowConstructorOptions {
  return {
    ...base,
    ...KIOSK_WINDOW_OPTIONS,
    webPreferences: { ...base.webPreferences, ...KIOSK_WINDOW_OPTIONS.webPreferences },
  };
}

/** The key combination that opens the organiser PIN pad; it must reach the page even in a locked kiosk. */
export const PIN_PAD_SHORTCUT = 'Ctrl+Alt+Shift+K';

export interface BlockedShortcut {
  /** As people write it: `Ctrl+Shift+I`. `Cmd` is the macOS Command key. */
  keys: string;
  /** What the combination would do in Electron, Chromium or the operating system's window manager. */
  does: string;
}

/**
 * Every shortcut a locked kiosk swallows, named so the docs and tests can list them. Any other Ctrl/Cmd or
 * Alt combination and every function key is swallowed too (see `blockedShortcutFor`), so this list is the
 * documented core, not the limit.
 */
export const BLOCKED_SHORTCUTS: readonly BlockedShortcut[] = Object.freeze([
  { keys: 'Ctrl+Q', does: 'quits the app' },
  { keys: 'Cmd+Q', does: 'quits the app (macOS)' },
  { keys: 'Ctrl+Shift+Q', does: 'quits the app' },
  { keys: 'Ctrl+W', does: 'closes the window' },
  { keys: 'Cmd+W', does: 'closes the window (macOS)' },
  { keys: 'Ctrl+F4', does: 'closes the window' },
  { keys: 'Alt+F4', does: 'closes the window (Windows, Linux)' },
  { keys: 'Ctrl+R', does: 'reloads the page' },
  { keys: 'Cmd+R', does: 'reloads the page (macOS)' },
  { keys: 'Ctrl+Shift+R', does: 'reloads without cache' },
  { keys: 'Cmd+Shift+R', does: 'reloads without cache (macOS)' },
  { keys: 'F5', does: 'reloads the page' },
  { keys: 'Shift+F5', does: 'reloads without cache' },
  { keys: 'Ctrl+F5', does: 'reloads without cache' },
  { keys: 'F11', does: 'leaves full screen' },
  { keys: 'Cmd+Ctrl+F', does: 'leaves full screen (macOS)' },
  { keys: 'F12', does: 'opens the developer tools' },
  { keys: 'Ctrl+Shift+I', does: 'opens the developer tools' },
  { keys: 'Ctrl+Shift+J', does: 'opens the developer tools console' },
  { keys: 'Ctrl+Shift+C', does: 'opens the element inspector' },
  { keys: 'Cmd+Alt+I', does: 'opens the developer tools (macOS)' },
  { keys: 'Cmd+Alt+J', does: 'opens the developer tools console (macOS)' },
  { keys: 'Cmd+Alt+C', does: 'opens the element inspector (macOS)' },
  { keys: 'Ctrl+U', does: 'views the page source' },
  { keys: 'Cmd+H', does: 'hides the app (macOS)' },
  { keys: 'Cmd+Alt+H', does: 'hides other apps (macOS)' },
  { keys: 'Cmd+M', does: 'minimises the window (macOS)' },
  { keys: 'Ctrl+N', does: 'opens a new window' },
  { keys: 'Cmd+N', does: 'opens a new window (macOS)' },
  { keys: 'Ctrl+Shift+N', does: 'opens a new private window' },
  { keys: 'Ctrl+T', does: 'opens a new tab' },
  { keys: 'Ctrl+Shift+T', does: 'reopens a closed tab' },
  { keys: 'Ctrl+P', does: 'prints' },
  { keys: 'Cmd+P', does: 'prints (macOS)' },
  { keys: 'Ctrl+O', does: 'opens a file' },
  { keys: 'Ctrl+S', does: 'saves the page' },
  { keys: 'Ctrl+J', does: 'shows downloads' },
  { keys: 'Ctrl+H', does: 'shows history' },
  { keys: 'Ctrl+D', does: 'bookmarks the page' },
  { keys: 'Ctrl+L', does: 'focuses an address bar' },
  { keys: 'Ctrl+G', does: 'finds the next match' },
  { keys: 'Ctrl+F', does: 'opens find in page' },
  { keys: 'Ctrl+=', does: 'zooms in' },
  { keys: 'Ctrl++', does: 'zooms in' },
  { keys: 'Ctrl+Shift+=', does: 'zooms in' },
  { keys: 'Ctrl+-', does: 'zooms out' },
  { keys: 'Ctrl+0', does: 'resets the zoom' },
  { keys: 'Cmd+=', does: 'zooms in (macOS)' },
  { keys: 'Cmd+-', does: 'zooms out (macOS)' },
  { keys: 'Cmd+0', does: 'resets the zoom (macOS)' },
  { keys: 'Cmd+,', does: 'opens preferences (macOS)' },
  { keys: 'Cmd+`', does: "cycles the app's windows (macOS)" },
  { keys: 'Alt+Left', does: 'goes back in browser history' },
  { keys: 'Alt+Right', does: 'goes forward in browser history' },
  { keys: 'Alt+Home', does: 'opens a home page' },
  { keys: 'F1', does: 'opens help' },
  { keys: 'F6', does: 'moves focus out of the page' },
  { keys: 'F7', does: 'turns on caret browsing' },
  { keys: 'BrowserRefresh', does: 'reloads (media keyboards)' },
  { keys: 'BrowserHome', does: 'opens a home page (media keyboards)' },
  { keys: 'BrowserSearch', does: 'opens a web search (media keyboards)' },
]);

interface Combo {
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
  key: string;
}

/** Parses `Ctrl+Shift+I` (the last part is the key; `Ctrl++` is Ctrl and the plus key). */
export function parseShortcut(keys: string): Combo {
  const parts = keys.endsWith('++') ? [...keys.slice(0, -2).split('+'), '+'] : keys.split('+');
  const key = parts.pop()!;
  const combo: Combo = { control: false, meta: false, alt: false, shift: false, key: key.toLowerCase() };
  for (const modifier of parts) {
    if (modifier === 'Ctrl') combo.control = true;
    else if (modifier === 'Cmd') combo.meta = true;
    else if (modifier === 'Alt') combo.alt = true;
    else if (modifier === 'Shift') combo.shift = true;
    else throw new Error(`Unknown modifier "${modifier}" in ${keys}`);
  }
  return combo;
}

export type KeyInput = Pick<Input, 'type' | 'key' | 'code' | 'control' | 'meta' | 'alt' | 'shift'>;

// The physical key behind `code`, so Ctrl+Q is caught whatever the keyboard layout calls the key.
function keyOfCode(code: string): string | null {
  const letterOrDigit = /^(?:Key|Digit|Numpad)([A-Z0-9])$/.exec(code);
  if (letterOrDigit) return letterOrDigit[1]!.toLowerCase();
  const named: Record<string, string> = {
    Equal: '=',
    Minus: '-',
    NumpadAdd: '+',
    NumpadSubtract: '-',
    Comma: ',',
    Backquote: '`',
    ArrowLeft: 'left',
    ArrowRight: 'right',
  };
  return named[code] ?? (/^F[0-9]{1,2}$/.test(code) ? code.toLowerCase() : null);
}

function keyNames(input: KeyInput): Set<string> {
  const names = new Set<string>();
  const key = input.key.toLowerCase();
  names.add(key.startsWith('arrow') ? key.slice('arrow'.length) : key);
  const fromCode = keyOfCode(input.code);
  if (fromCode) names.add(fromCode);
  return names;
}

const matches = (combo: Combo, input: KeyInput, names: Set<string>): boolean =>
  combo.control === input.control &&
  combo.meta === input.meta &&
  combo.alt === input.alt &&
  combo.shift === input.shift &&
  names.has(combo.key);

const TABLE = BLOCKED_SHORTCUTS.map((shortcut) => ({ shortcut, combo: parseShortcut(shortcut.keys) }));
const PIN_COMBOS = [parseShortcut(PIN_PAD_SHORTCUT), parseShortcut('Cmd+Alt+Shift+K')];

// Text editing a visitor may do with a physical keyboard in the search field.
const EDITING_KEYS = new Set([
  'a',
  'c',
  'v',
  'x',
  'z',
  'y',
  'backspace',
  'delete',
  'left',
  'right',
  'home',
  'end',
]);
const MODIFIER_KEYS = new Set(['control', 'shift', 'alt', 'meta', 'os', 'altgraph', 'capslock']);
const CATCH_ALL: BlockedShortcut = { keys: 'Ctrl/Cmd/Alt+any key, F1–F24', does: 'app and browser commands' };

/**
 * The shortcut a key press would trigger if a locked kiosk let it through, or null when the press is safe
 * (typing, arrows, Enter, Escape, editing shortcuts, the PIN pad combination).
 */
export function blockedShortcutFor(input: KeyInput): BlockedShortcut | null {
  const names = keyNames(input);
  if (PIN_COMBOS.some((combo) => matches(combo, input, names))) return null;
  const listed = TABLE.find(({ combo }) => matches(combo, input, names));
  if (listed) return listed.shortcut;
  const key = input.key.toLowerCase();
  if (MODIFIER_KEYS.has(key)) return null;
  if (/^f[0-9]{1,2}$/.test(key) || key.startsWith('browser') || key === 'help' || key === 'contextmenu') {
    return CATCH_ALL;
  }
  // AltGr arrives as Ctrl+Alt on Windows; it types characters (@, €, {), so it must pass.
  const altGraph = input.control && input.alt && !input.meta && key.length === 1;
  if ((input.control || input.meta || input.alt) && !altGraph) {
    const editing =
      (input.control || input.meta) && !input.alt && [...names].some((n) => EDITING_KEYS.has(n));
    return editing ? null : CATCH_ALL;
  }
  return null;
}

/** The Electron pieces the lock-down needs, passed in so tests can hand over fakes. */
export interface KioskLockdownDeps {
  /** `Menu.setApplicationMenu`. */
  setApplicationMenu(menu: null): void;
  /** True while the kiosk is locked (`KioskService.isLocked`). */
  isLocked(): boolean;
  /** True once the app is quitting or the session ends, so closing must be allowed. */
  isQuitting(): boolean;
  /** `app.quit`: an unlocked kiosk has no menu, so Ctrl/Cmd+Q is handled here. */
  quit(): void;
}

export type KioskWindow = Pick<
  BrowserWindow,
  'setKiosk' | 'isKiosk' | 'setMenuBarVisibility' | 'removeMenu'
> & {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  on(event: 'leave-full-screen', listener: () => void): unknown;
  on(event: 'query-session-end' | 'session-end', listener: () => void): unknown;
  webContents: {
    on(
      event: 'before-input-event',
      listener: (event: { preventDefault(): void }, input: KeyInput) => void,
    ): unknown;
    on(event: 'devtools-opened' | 'did-finish-load', listener: () => void): unknown;
    on(event: 'zoom-changed', listener: (event: { preventDefault(): void }) => void): unknown;
    on(event: 'context-menu', listener: (event: { preventDefault(): void }) => void): unknown;
    setVisualZoomLevelLimits(minimumLevel: number, maximumLevel: number): unknown;
    setZoomFactor(factor: number): void;
    closeDevTools(): void;
  };
};

const QUIT_COMBOS = [parseShortcut('Ctrl+Q'), parseShortcut('Cmd+Q')];

/**
 * Locks a window down for kiosk use: no menu, kiosk full screen, zoom fixed at 100 %, devtools closed,
 * context menu suppressed, blocked shortcuts swallowed and closing refused while locked. Call once, right
 * after creating the window with `withKioskWindowOptions`.
 */
export function lockDownKioskWindow(win: KioskWindow, deps: KioskLockdownDeps): void {
  deps.setApplicationMenu(null);
  win.removeMenu();
  win.setMenuBarVisibility(false);
  win.setKiosk(true);

  const contents = win.webContents;
  const fixZoom = (): void => {
    contents.setZoomFactor(1);
    // Pinch-zoom limits are per page load in Chromium; a rejected promise here must not crash main.
    void Promise.resolve(contents.setVisualZoomLevelLimits(1, 1)).catch(() => undefined);
  };
  fixZoom();
  contents.on('did-finish-load', fixZoom);
  contents.on('zoom-changed', (event) => {
    event.preventDefault();
    fixZoom();
  });

  contents.on('before-input-event', (event, input) => {
    if (!deps.isLocked()) {
      const names = keyNames(input);
      if (input.type === 'keyDown' && QUIT_COMBOS.some((combo) => matches(combo, input, names))) {
        event.preventDefault();
        deps.quit();
      }
      return;
    }
    if (blockedShortcutFor(input)) event.preventDefault();
  });
  contents.on('devtools-opened', () => {
    if (deps.isLocked()) contents.closeDevTools();
  });
  contents.on('context-menu', (event) => event.preventDefault());

  win.on('leave-full-screen', () => {
    if (deps.isLocked() && !win.isKiosk()) win.setKiosk(true);
  });
  // Windows logging off or shutting down closes the window: refusing would hold up the shutdown.
  let sessionEnding = false;
  win.on('query-session-end', () => (sessionEnding = true));
  win.on('session-end', () => (sessionEnding = true));
  win.on('close', (event) => {
    if (deps.isLocked() && !deps.isQuitting() && !sessionEnding) event.preventDefault();
  });
}
