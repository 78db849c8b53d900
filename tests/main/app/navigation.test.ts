import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions, hardenWebContents, isNavigationAllowed } from '../../../main/app/navigation';
import { blockNetwork, isNetworkRequestAllowed } from '../../../main/app/network';

const ENTRY = 'standalone-app://app/index.html';

describe('isNavigationAllowed', () => {
  it.each([
    ['standalone-app://app/index.html', true],
    ['standalone-app://app/index.html#/stands/x', true],
    ['STANDALONE-APP://APP/index.html', true],
    ['standalone-app://app/other.html', false],
    ['standalone-app://app/index.html?x=1', false],
    ['standalone-app://evil/index.html', false],
    ['https://example.org/', false],
    ['http://localhost:5173/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<h1>x</h1>', false],
    ['stand-asset://demo/static/logo.svg', false],
    ['standalone://stand/x', false],
    ['about:blank', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isNavigationAllowed(url, ENTRY)).toBe(allowed);
  });

  it('allows the dev server page in development', () => {
    expect(isNavigationAllowed('http://localhost:5173/', 'http://localhost:5173/')).toBe(true);
    expect(isNavigationAllowed('http://localhost:5173/#/themes', 'http://localhost:5173/')).toBe(true);
    expect(isNavigationAllowed('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
  });
});

function fakeContents() {
  const emitter = new EventEmitter();
  return Object.assign(emitter, { setWindowOpenHandler: vi.fn() });
}
const navigationEvent = (extra: Record<string, unknown> = {}) => ({ preventDefault: vi.fn(), ...extra });

describe('hardenWebContents', () => {
  it('refuses navigation away from the app and lets the app page reload', () => {
    const contents = fakeContents();
    hardenWebContents(contents as never, () => ENTRY);
    const away = navigationEvent();
    contents.emit('will-navigate', away, 'https://example.org/');
    expect(away.preventDefault).toHaveBeenCalled();
    const home = navigationEvent();
    contents.emit('will-navigate', home, ENTRY);
    expect(home.preventDefault).not.toHaveBeenCalled();
    const redirect = navigationEvent();
    contents.emit('will-redirect', redirect, 'file:///etc/passwd');
    expect(redirect.preventDefault).toHaveBeenCalled();
  });

  it('refuses every sub-frame navigation', () => {
    const contents = fakeContents();
    hardenWebContents(contents as never, () => ENTRY);
    const frame = navigationEvent({ isMainFrame: false, url: ENTRY });
    contents.emit('will-frame-navigate', frame);
    expect(frame.preventDefault).toHaveBeenCalled();
    const main = navigationEvent({ isMainFrame: true, url: 'https://example.org/' });
    contents.emit('will-frame-navigate', main);
    expect(main.preventDefault).toHaveBeenCalled();
  });

  it('denies window.open and target=_blank', () => {
    const contents = fakeContents();
    hardenWebContents(contents as never, () => ENTRY);
    const handler = contents.setWindowOpenHandler.mock.calls[0]![0] as (details: { url: string }) => unknown;
    expect(handler({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(handler({ url: ENTRY })).toEqual({ action: 'deny' });
  });

  it('refuses to attach webviews', () => {
    const contents = fakeContents();
    hardenWebContents(contents as never, () => ENTRY);
    const event = navigationEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('denyAllPermissions', () => {
  function fakeSession() {
    return Object.assign(new EventEmitter(), {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    });
  }

  it.each([
    'media',
    'notifications',
    'geolocation',
    'clipboard-read',
    'midiSysex',
    'openExternal',
    'fullscreen',
  ])('denies a %s permission request', (permission) => {
    const session = fakeSession();
    denyAllPermissions(session as never);
    const handler = session.setPermissionRequestHandler.mock.calls[0]![0] as (...a: unknown[]) => void;
    const callback = vi.fn();
    handler({}, permission, callback, {});
    expect(callback).toHaveBeenCalledWith(false);
  });

  it('answers every permission check and device request with no', () => {
    const session = fakeSession();
    denyAllPermissions(session as never);
    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as (...a: unknown[]) => boolean;
    expect(check({}, 'media', 'standalone-app://app', {})).toBe(false);
    const device = session.setDevicePermissionHandler.mock.calls[0]![0] as (...a: unknown[]) => boolean;
    expect(device({ deviceType: 'usb' })).toBe(false);
  });

  it('cancels device pickers and downloads', () => {
    const session = fakeSession();
    denyAllPermissions(session as never);
    const hid = { preventDefault: vi.fn() };
    const hidCallback = vi.fn();
    session.emit('select-hid-device', hid, {}, hidCallback);
    expect(hid.preventDefault).toHaveBeenCalled();
    expect(hidCallback).toHaveBeenCalledWith();
    const serialCallback = vi.fn();
    session.emit('select-serial-port', { preventDefault: vi.fn() }, [], {}, serialCallback);
    expect(serialCallback).toHaveBeenCalledWith('');
    const download = { preventDefault: vi.fn() };
    session.emit('will-download', download, {}, {});
    expect(download.preventDefault).toHaveBeenCalled();
  });
});

describe('blockNetwork', () => {
  it('cancels every network request in a built app', () => {
    const onBeforeRequest = vi.fn();
    blockNetwork({ webRequest: { onBeforeRequest } } as never, null);
    const [listener] = onBeforeRequest.mock.calls[0]! as [(...a: unknown[]) => void];
    const decide = (url: string) => {
      const callback = vi.fn();
      listener({ url }, callback);
      return callback.mock.calls[0]![0];
    };
    for (const url of [
      'https://www.youtube.com/embed/x',
      'http://127.0.0.1:8080/',
      'wss://example.org/',
      'ftp://example.org/',
    ]) {
      expect(decide(url), url).toEqual({ cancel: true });
    }
    for (const url of [
      'standalone-app://app/index.html',
      'stand-asset://demo/static/x.png',
      'devtools://devtools/x',
    ]) {
      expect(decide(url), url).toEqual({ cancel: false });
    }
  });

  it('lets only the dev server through in development', () => {
    expect(isNetworkRequestAllowed('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true);
    expect(isNetworkRequestAllowed('ws://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isNetworkRequestAllowed('http://localhost:8080/', 'http://localhost:5173')).toBe(false);
    expect(isNetworkRequestAllowed('https://example.org/', 'http://localhost:5173')).toBe(false);
    expect(isNetworkRequestAllowed('http://localhost:5173/', null)).toBe(false);
  });
});
