// Belt and braces under the CSP: the app's session never talks to the network. Only the Vite dev server
// (development) is reachable over http(s)/ws.
import type { Session } from 'electron';

const NETWORK_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'];

/** Whether the app's page may request this URL over the network: only the dev server's origin, in development. */
export function isNetworkRequestAllowed(url: string, devServerOrigin: string | null): boolean {
  if (!devServerOrigin) return false;
  try {
    const target = new URL(url);
    const dev = new URL(devServerOrigin);
    const sameHost = target.hostname === dev.hostname && target.port === dev.port;
    return sameHost && ['http:', 'https:', 'ws:', 'wss:'].includes(target.protocol);
  } catch {
    return false;
  }
}

/** Cancels every network request of the session except the dev server's. */
export function blockNetwork(session: Pick<Session, 'webRequest'>, devServerOrigin: string | null): void {
  session.webRequest.onBeforeRequest({ urls: NETWORK_URL_PATTERNS }, (details, callback) => {
    callback({ cancel: !isNetworkRequestAllowed(details.url, devServerOrigin) });
  });
}
