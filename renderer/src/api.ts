// The renderer's only door to the rest of the app. Every other file imports `api` from here, so the
// surface the page can reach is this one typed object (and nothing at all in a plain browser).
import type { StandaloneApi } from '../../preload/contract';

declare global {
  interface Window {
    /** Exposed, frozen, by the preload through contextBridge. Absent in a plain browser. */
    readonly api?: StandaloneApi;
  }
}

// Read once, before any stand content is on the page: named elements (`<img name="api">`) cannot
// shadow it later, and the sanitizer prefixes ids and names anyway.
const bridge: StandaloneApi | null = typeof window !== 'undefined' && window.api ? window.api : null;

/** True when the preload's bridge is there (inside the app, or the end-to-end harness). */
export const hasApi = bridge !== null;

/** The bridge. Only call it below `<RequireApi>`, which shows a message when the bridge is missing. */
export const api: StandaloneApi = bridge ?? missingApi();

function missingApi(): StandaloneApi {
  const fail = (): Promise<never> =>
    Promise.reject(new Error('Standalone’s desktop bridge is not available.'));
  return new Proxy({} as StandaloneApi, {
    get: (_target, key) => (key === 'onEvent' ? () => () => undefined : fail),
  });
}
