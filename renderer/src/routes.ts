// The app's hash routes. Every screen is deep-linkable: the part after `#` is the route, and a query
// after `?` inside the hash carries screen state (the search text, the problem filters).
//
//   #/                                      first collection's overview (or #/collections when none)
//   #/collections                           collections: switch edition, add, re-index, rename, remove
//   #/c/:collection                         overview: every listed stand as a card, in the site's order
//   #/c/:collection/themes                  all themes with their stand counts
//   #/c/:collection/themes/:theme           one theme and its stands
//   #/c/:collection/stands/:stand           a stand
//   #/c/:collection/stands/:stand/:page     a stand's sub-page
//   #/c/:collection/search?q=text           search across stands and pages
//   #/c/:collection/problems?severity=&stand=&code=   content problems, for organisers

export const patterns = {
  home: '/',
  collections: '/collections',
  overview: '/c/:collection',
  themes: '/c/:collection/themes',
  theme: '/c/:collection/themes/:theme',
  stand: '/c/:collection/stands/:stand',
  page: '/c/:collection/stands/:stand/:page',
  search: '/c/:collection/search',
  problems: '/c/:collection/problems',
} as const;

const enc = encodeURIComponent;

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Builders for every route's path (without the `#`). */
export const to = {
  home: () => '/',
  collections: () => '/collections',
  overview: (collection: string) => `/c/${enc(collection)}`,
  themes: (collection: string) => `/c/${enc(collection)}/themes`,
  theme: (collection: string, theme: string) => `/c/${enc(collection)}/themes/${enc(theme)}`,
  stand: (collection: string, stand: string) => `/c/${enc(collection)}/stands/${enc(stand)}`,
  page: (collection: string, stand: string, page: string) =>
    `/c/${enc(collection)}/stands/${enc(stand)}/${enc(page)}`,
  search: (collection: string, q = '') => withQuery(`/c/${enc(collection)}/search`, { q }),
  problems: (collection: string, filter: { severity?: string; stand?: string; code?: string } = {}) =>
    withQuery(`/c/${enc(collection)}/problems`, filter),
};

/** `#`-prefixed href for a route path. */
export const href = (path: string): string => `#${path}`;

/** Decodes a route parameter; a malformed escape is kept as typed rather than crashing the screen. */
export function param(value: string | undefined): string {
  if (value === undefined) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The collection id a path belongs to, if it is one of the `/c/:collection…` routes. */
export function collectionOfPath(path: string): string | null {
  const match = /^\/c\/([^/?]+)/.exec(path);
  return match ? param(match[1]) : null;
}
