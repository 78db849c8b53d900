// Hash location for wouter where the hash carries its own query (`#/c/x/search?q=y`). wouter's bundled
// hash hook writes the query into the page URL's real search part instead, which a reload or a deep
// link from the command line would not round-trip.
//
// Search as you type changes the route on every keystroke. Writing each one to history is a navigation
// the browser process handles (history entry, observers) for 8-14 ms on a 2-core machine, and the search
// request the keystroke sends waits behind it on the same thread: a keystroke's route is shown at once
// but written once typing pauses (`navigate(…, { typing: true })`), or before anything else moves.
import { useSyncExternalStore } from 'react';

/** How long typing must pause before the typed route is written to history. */
export const TYPING_WRITE_DELAY_MS = 400;

// The route shown but not yet written (`#/…`), and the timer that writes it.
let unwritten: string | null = null;
let writeTimer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  listeners.add(callback);
  return () => {
    window.removeEventListener('hashchange', callback);
    listeners.delete(callback);
  };
}

if (typeof window !== 'undefined') {
  // Back, forward or a typed address left the entry the unwritten route belonged to: it is dropped, or
  // it would overwrite the entry the visitor went to.
  window.addEventListener('popstate', () => {
    if (unwritten === null) return;
    dropUnwritten();
    for (const listener of [...listeners]) listener();
  });
  window.addEventListener('pagehide', () => flushLocation());
}

function dropUnwritten(): void {
  clearTimeout(writeTimer);
  writeTimer = undefined;
  unwritten = null;
}

/** Writes a route shown while typing to history now (the search box calls it when it loses focus). */
export function flushLocation(): void {
  const target = unwritten;
  dropUnwritten();
  if (target !== null && target !== window.location.hash) {
    history.replaceState(history.state, '', target);
  }
}

/** Splits `#/a/b?x=1` into `['/a/b', 'x=1']`. */
export function splitHash(hash: string): [string, string] {
  const raw = hash.replace(/^#/, '');
  const at = raw.indexOf('?');
  const path = at < 0 ? raw : raw.slice(0, at);
  const search = at < 0 ? '' : raw.slice(at + 1);
  return [path.startsWith('/') ? path : `/${path}`, search];
}

const currentHash = (): string => unwritten ?? window.location.hash;
const currentPath = (): string => splitHash(currentHash())[0];
const currentSearch = (): string => splitHash(currentHash())[1];

/**
 * Goes to a route path (with optional `?query`); `replace` edits the current history entry instead;
 * `typing` (with `replace`) shows the route at once and writes it once typing pauses.
 */
export function navigate(to: string, options: { replace?: boolean; typing?: boolean } = {}): void {
  const target = `#${to.startsWith('/') ? to : `/${to}`}`;
  if (options.replace && options.typing) {
    if (target === currentHash()) return;
    unwritten = target;
    clearTimeout(writeTimer);
    writeTimer = setTimeout(flushLocation, TYPING_WRITE_DELAY_MS);
    for (const listener of [...listeners]) listener();
    return;
  }
  // The typed route first, so the entry left behind holds what was typed.
  flushLocation();
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
