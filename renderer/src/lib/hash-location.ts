// Hash location for wouter where the hash carries its own query (`#/c/x/search?q=y`). wouter's bundled
// hash hook writes the query into the page URL's real search part instead, which a reload or a deep
// link from the command line would not round-trip.
import { useSyncExternalStore } from 'react';

function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

/** Splits `#/a/b?x=1` into `['/a/b', 'x=1']`. */
export function splitHash(hash: string): [string, string] {
  const raw = hash.replace(/^#/, '');
  const at = raw.indexOf('?');
  const path = at < 0 ? raw : raw.slice(0, at);
  const search = at < 0 ? '' : raw.slice(at + 1);
  return [path.startsWith('/') ? path : `/${path}`, search];
}

const currentPath = (): string => splitHash(window.location.hash)[0];
const currentSearch = (): string => splitHash(window.location.hash)[1];

/** Goes to a route path (with optional `?query`); `replace` edits the current history entry instead. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const target = `#${to.startsWith('/') ? to : `/${to}`}`;
  if (target === window.location.hash) return;
  // Through the History API and a hashchange sent at once: setting location.hash announces the change
  // only later, and a controlled search box would drop what is typed in between.
  const oldURL = window.location.href;
  if (options.replace) history.replaceState(history.state, '', target);
  else history.pushState(null, '', target);
  window.dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: window.location.href }));
}

/** wouter location hook: the hash's path part. */
export function useHashPath(): [string, typeof navigate] {
  return [useSyncExternalStore(subscribe, currentPath), navigate];
}
useHashPath.hrefs = (path: string): string => `#${path}`;

/** wouter search hook: the hash's query part. */
export function useHashSearch(): string {
  return useSyncExternalStore(subscribe, currentSearch);
}
