// Nothing navigates away from the app, opens windows, attaches webviews or gets a permission. Applied to
// every web contents Electron creates (`app.on('web-contents-created')`) and to the session.
import type { Session, WebContents } from 'electron';
import { originOf } from './origin';

/**
 * Whether a navigation may proceed: only to the app's own entry page (a reload of the same document, or
 * its hash routes). Everything else, stand links included, goes through `window.api.openExternal`.
 */
export function isNavigationAllowed(target: string, appEntryUrl: string): boolean {
  let to: URL;
  let entry: URL;
  try {
    to = new URL(target);
    entry = new URL(appEntryUrl);
  } catch {
    return false;
  }
  const origin = originOf(target);
  const samePath =
    to.pathname === entry.pathname || (entry.pathname === '/' && to.pathname === '/index.html');
  return (
    origin !== null && origin === originOf(appEntryUrl) && samePath && to.search === '' && to.username === ''
  );
}

type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Refuses navigation away from the app, every `window.open`/`target=_blank`, and every `<webview>`. */
export function hardenWebContents(contents: HardenableContents, appEntryUrl: () => string): void {
  const refuse = (event: { preventDefault(): void }, url: string) => {
    if (!isNavigationAllowed(url, appEntryUrl())) event.preventDefault();
  };
  contents.on('will-navigate', (event, url) => refuse(event, url));
  contents.on('will-redirect', (event, url) => refuse(event, url));
  contents.on('will-frame-navigate', (event) => {
    // Frames are forbidden by the CSP; a frame navigating anyway is refused outright.
    if (!event.isMainFrame) event.preventDefault();
    else refuse(event, event.url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'on'
>;

/** Every permission (camera, microphone, notifications, geolocation, HID, USB, serial…) is denied. */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  session.on('will-download', (event) => event.preventDefault());
}
