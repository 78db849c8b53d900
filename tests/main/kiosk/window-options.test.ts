import { EventEmitter } from 'node:events';
import type { BrowserWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  BLOCKED_SHORTCUTS,
  KIOSK_WINDOW_OPTIONS,
  PIN_PAD_SHORTCUT,
  blockedShortcutFor,
  lockDownKioskWindow,
  parseShortcut,
  withKioskWindowOptions,
  type KeyInput,
  type KioskWindow,
} from '../../../main/kiosk/window-options';

// Compile-time check: a real BrowserWindow is accepted by the lock-down.
export const acceptsBrowserWindow = (win: BrowserWindow): KioskWindow => win;

const press = (
  key: string,
  code: string,
  mods: Partial<Pick<KeyInput, 'control' | 'meta' | 'alt' | 'shift'>> = {},
): KeyInput => ({
  type: 'keyDown',
  key,
  code,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
});

// Turns a table entry into the key event a US keyboard would send for it.
function inputFor(keys: string): KeyInput {
  const combo = parseShortcut(keys);
  const named: Record<string, [string, string]> = {
    '=': ['=', 'Equal'],
    '+': ['+', 'NumpadAdd'],
    '-': ['-', 'Minus'],
    ',': [',', 'Comma'],
    '`': ['`', 'Backquote'],
    left: ['ArrowLeft', 'ArrowLeft'],
    right: ['ArrowRight', 'ArrowRight'],
    home: ['Home', 'Home'],
    browserrefresh: ['BrowserRefresh', 'BrowserRefresh'],
    browserhome: ['BrowserHome', 'BrowserHome'],
    browsersearch: ['BrowserSearch', 'BrowserSearch'],
  };
  const [key, code] =
    named[combo.key] ??
    (/^f[0-9]+$/.test(combo.key)
      ? [combo.key.toUpperCase(), combo.key.toUpperCase()]
      : /^[0-9]$/.test(combo.key)
        ? [combo.key, `Digit${combo.key}`]
        : [combo.shift ? combo.key.toUpperCase() : combo.key, `Key${combo.key.toUpperCase()}`]);
  return {
    type: 'keyDown',
    key,
    code,
    control: combo.control,
    meta: combo.meta,
    alt: combo.alt,
    shift: combo.shift,
  };
}

describe('blocked shortcuts', () => {
  it('names the shortcuts that quit, reload, open devtools or new windows', () => {
    const keys = BLOCKED_SHORTCUTS.map((s) => s.keys);
    for (const must of [
      'Ctrl+Q',
      'Cmd+Q',
      'Ctrl+W',
      'Ctrl+R',
      'Ctrl+Shift+R',
      'F5',
      'F11',
      'F12',
      'Ctrl+Shift+I',
      'Ctrl+Shift+J',
      'Ctrl+Shift+C',
      'Alt+F4',
      'Cmd+H',
      'Cmd+M',
      'Ctrl+N',
      'Ctrl+T',
      'Ctrl+P',
      'Ctrl+O',
      'Ctrl+S',
      'Ctrl+=',
      'Ctrl+-',
      'Ctrl+0',
    ]) {
      expect(keys).toContain(must);
    }
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(BLOCKED_SHORTCUTS.map((s) => [s.keys, s]))('blocks %s', (keys, shortcut) => {
    expect(blockedShortcutFor(inputFor(keys))).toBe(shortcut);
  });

  it('matches the physical key, whatever the layout calls it', () => {
    // Ctrl+Q on an AZERTY keyboard: the key labelled A sits where Q is on QWERTY, and vice versa.
    expect(blockedShortcutFor(press('a', 'KeyQ', { control: true }))?.keys).toBe('Ctrl+Q');
    expect(blockedShortcutFor(press('q', 'KeyA', { control: true }))?.keys).toBe('Ctrl+Q');
    expect(blockedShortcutFor(press('+', 'Equal', { control: true, shift: true }))?.keys).toBe(
      'Ctrl+Shift+=',
    );
    expect(blockedShortcutFor(press('-', 'NumpadSubtract', { control: true }))?.keys).toBe('Ctrl+-');
    expect(blockedShortcutFor(press('0', 'Numpad0', { control: true }))?.keys).toBe('Ctrl+0');
  });

  it('blocks unlisted command combinations and function keys too', () => {
    for (const input of [
      press('k', 'KeyK', { control: true }),
      press('Tab', 'Tab', { control: true }),
      press('e', 'KeyE', { meta: true }),
      press('d', 'KeyD', { alt: true }),
      press('F3', 'F3'),
      press('F24', 'F24'),
      press('BrowserStop', 'BrowserStop'),
      press('ContextMenu', 'ContextMenu'),
    ]) {
      expect(blockedShortcutFor(input), JSON.stringify(input)).not.toBeNull();
    }
  });

  it('lets typing, navigation, editing, AltGr characters and the PIN pad combination through', () => {
    for (const input of [
      press('a', 'KeyA'),
      press('A', 'KeyA', { shift: true }),
      press('Enter', 'Enter'),
      press('Escape', 'Escape'),
      press('Backspace', 'Backspace'),
      press('Tab', 'Tab'),
      press('Tab', 'Tab', { shift: true }),
      press('ArrowDown', 'ArrowDown'),
      press(' ', 'Space'),
      press('Control', 'ControlLeft', { control: true }),
      press('Shift', 'ShiftLeft', { shift: true }),
      press('a', 'KeyA', { control: true }),
      press('c', 'KeyC', { control: true }),
      press('v', 'KeyV', { meta: true }),
      press('z', 'KeyZ', { control: true }),
      press('Backspace', 'Backspace', { control: true }),
      press('@', 'KeyQ', { control: true, alt: true }), // AltGr+Q on a German keyboard
      press('€', 'KeyE', { control: true, alt: true }),
      press('K', 'KeyK', { control: true, alt: true, shift: true }),
      press('K', 'KeyK', { meta: true, alt: true, shift: true }),
    ]) {
      expect(blockedShortcutFor(input), JSON.stringify(input)).toBeNull();
    }
    expect(PIN_PAD_SHORTCUT).toBe('Ctrl+Alt+Shift+K');
  });

  it('parses shortcuts, including the plus key', () => {
    expect(parseShortcut('Ctrl++')).toEqual({
      control: true,
      meta: false,
      alt: false,
      shift: false,
      key: '+',
    });
    expect(parseShortcut('Cmd+Alt+I')).toEqual({
      control: false,
      meta: true,
      alt: true,
      shift: false,
      key: 'i',
    });
    expect(() => parseShortcut('Hyper+X')).toThrow('Unknown modifier');
  });
});

describe('kiosk window options', () => {
  it('asks for a full-screen kiosk window without devtools and with zoom fixed', () => {
    expect(KIOSK_WINDOW_OPTIONS).toMatchObject({
      kiosk: true,
      fullscreen: true,
      autoHideMenuBar: true,
      webPreferences: { devTools: false, zoomFactor: 1 },
    });
  });

  it("merges over the app's options, keeping its security preferences", () => {
    const merged = withKioskWindowOptions({
      width: 1200,
      show: false,
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        preload: '/p.cjs',
        devTools: true,
      },
    });
    expect(merged).toMatchObject({ width: 1200, show: false, kiosk: true, fullscreen: true });
    expect(merged.webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      preload: '/p.cjs',
      devTools: false,
      zoomFactor: 1,
      spellcheck: false,
    });
  });
});

describe('lockDownKioskWindow', () => {
  function fakeWindow() {
    const contents = Object.assign(new EventEmitter(), {
      setVisualZoomLevelLimits: vi.fn(() => Promise.resolve()),
      setZoomFactor: vi.fn(),
      closeDevTools: vi.fn(),
    });
    let kiosk = false;
    const win = Object.assign(new EventEmitter(), {
      webContents: contents,
      setKiosk: vi.fn((on: boolean) => {
        kiosk = on;
      }),
      isKiosk: () => kiosk,
      setMenuBarVisibility: vi.fn(),
      removeMenu: vi.fn(),
    });
    return { win, contents };
  }

  function setup() {
    const { win, contents } = fakeWindow();
    const state = { locked: true, quitting: false };
    const deps = {
      setApplicationMenu: vi.fn(),
      isLocked: () => state.locked,
      isQuitting: () => state.quitting,
      quit: vi.fn(),
    };
    lockDownKioskWindow(win as unknown as KioskWindow, deps);
    const event = () => ({ preventDefault: vi.fn() });
    return { win, contents, deps, state, event };
  }

  it('removes the menu, enters kiosk full screen and fixes the zoom', () => {
    const { win, contents, deps } = setup();
    expect(deps.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(win.removeMenu).toHaveBeenCalled();
    expect(win.setMenuBarVisibility).toHaveBeenCalledWith(false);
    expect(win.setKiosk).toHaveBeenCalledWith(true);
    expect(contents.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1);
    expect(contents.setZoomFactor).toHaveBeenCalledWith(1);
    contents.setZoomFactor.mockClear();
    contents.emit('did-finish-load');
    expect(contents.setZoomFactor).toHaveBeenCalledWith(1);
    const zoom = { preventDefault: vi.fn() };
    contents.setZoomFactor.mockClear();
    contents.emit('zoom-changed', zoom, 'in');
    expect(zoom.preventDefault).toHaveBeenCalled();
    expect(contents.setZoomFactor).toHaveBeenCalledWith(1);
  });

  it('swallows blocked shortcuts while locked and lets them through once unlocked', () => {
    const { contents, state, event, deps } = setup();
    const reload = event();
    contents.emit('before-input-event', reload, inputFor('Ctrl+R'));
    expect(reload.preventDefault).toHaveBeenCalled();
    const typing = event();
    contents.emit('before-input-event', typing, press('m', 'KeyM'));
    expect(typing.preventDefault).not.toHaveBeenCalled();
    const quitLocked = event();
    contents.emit('before-input-event', quitLocked, inputFor('Ctrl+Q'));
    expect(deps.quit).not.toHaveBeenCalled();

    state.locked = false;
    const reloadUnlocked = event();
    contents.emit('before-input-event', reloadUnlocked, inputFor('Ctrl+R'));
    expect(reloadUnlocked.preventDefault).not.toHaveBeenCalled();
    const quit = event();
    contents.emit('before-input-event', quit, inputFor('Cmd+Q'));
    expect(deps.quit).toHaveBeenCalledTimes(1);
  });

  it('closes devtools, suppresses the context menu, re-enters kiosk and refuses to close while locked', () => {
    const { win, contents, state, event } = setup();
    contents.emit('devtools-opened');
    expect(contents.closeDevTools).toHaveBeenCalledTimes(1);
    const menu = event();
    contents.emit('context-menu', menu, {});
    expect(menu.preventDefault).toHaveBeenCalled();

    win.setKiosk(false);
    win.emit('leave-full-screen');
    expect(win.isKiosk()).toBe(true);

    const close = event();
    win.emit('close', close);
    expect(close.preventDefault).toHaveBeenCalled();
    state.quitting = true;
    const closeWhileQuitting = event();
    win.emit('close', closeWhileQuitting);
    expect(closeWhileQuitting.preventDefault).not.toHaveBeenCalled();
    state.quitting = false;
    state.locked = false;
    const closeUnlocked = event();
    win.emit('close', closeUnlocked);
    expect(closeUnlocked.preventDefault).not.toHaveBeenCalled();
    contents.emit('devtools-opened');
    expect(contents.closeDevTools).toHaveBeenCalledTimes(1);
  });

  it('lets Windows close a locked kiosk when the session ends', () => {
    const { win, event } = setup();
    win.emit('query-session-end', {});
    const close = event();
    win.emit('close', close);
    expect(close.preventDefault).not.toHaveBeenCalled();
  });
});
