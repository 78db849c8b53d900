// Belt and braces under the CSP: the app's session never talks to the network. Only the Vite dev server
// (development) is reachable over http(s)/ws.
import type { Session } from 'electron';

const NETWORK_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);

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

/** Whether a request of the app's session goes to the network (rather than the app's own schemes). */
export function isNetworkUrl(url: string): boolean {
  try {
    return NETWORK_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/**
 * Cancels every network request of the session except the dev server's. No URL filter: a listener for
 * every request cannot be defeated by a scheme a filter forgot, and a bad pattern cannot stop the app.
 */
export function blockNetwork(session: Pick<Session, 'webRequest'>, devServerOrigin: string | null): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const blocked = isNetworkUrl(details.url) && !isNetworkRequestAllowed(details.url, devServerOrigin);
    callback({ cancel: blocked });
  });
}
