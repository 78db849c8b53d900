// Hugo's `aliases:` front matter: old addresses of a stand or page. Hugo 0.111 writes a redirect page at
// each alias of a page it renders (none for a draft or a page `_build.render` gives no page), an absolute
// one as written, a relative one beside the page's own address (`x` on /stands/a/sub/ is /stands/a/x/,
// on /stands/a/ it is /stands/x/), and a real page at the same address wins (checked with `hugo`). A link
// to such an address reaches that stand or page on the site, so it does in the app.
import type { StandBuild } from './assemble';
import { urlKeyOf } from './plan';
import { linkKey, type LinkTarget } from './refs';

/** Most aliases taken from one file: real pages have a few; a hostile one must not fill the index. */
export const MAX_ALIASES_PER_FILE = 100;

/**
 * The link-map keys (see urlKeyOf) of the aliases a front matter's `aliases` declares for the page at
 * `urlKey`. Hugo takes a list, or one text split at spaces; it refuses web addresses (http://…).
 */
export function aliasKeysOf(value: unknown, urlKey: string): string[] {
  const items = typeof value === 'string' ? value.split(/\s+/) : Array.isArray(value) ? value : [];
  const keys: string[] = [];
  for (const item of items.slice(0, MAX_ALIASES_PER_FILE)) {
    if (typeof item !== 'string' || item === '') continue;
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(item) || /^[a-z][a-z0-9+.-]*:/i.test(item)) continue;
    const alias = item.replace(/\\/g, '/');
    const segments = alias.startsWith('/') ? [] : urlKey.split('/').slice(0, -1);
    for (const segment of alias.split('/')) {
      // Hugo joins a path that climbs above the site's root at the root.
      if (segment === '..') segments.pop();
      else if (segment !== '' && segment !== '.') segments.push(segment);
    }
    const key = urlKeyOf(segments.join('/'));
    if (key !== '' && !keys.includes(key)) keys.push(key);
  }
  return keys;
}

/**
 * The stand or page each alias of the built stands leads to. Two that declare the same alias: the one
 * whose file comes first in byte order, so that a fresh and an incremental index agree.
 */
export function aliasTargets(builds: Iterable<StandBuild>): Map<string, LinkTarget> {
  const found = new Map<string, { target: LinkTarget; file: string }>();
  const add = (keys: string[] | undefined, target: LinkTarget, file: string) => {
    for (const key of keys ?? []) {
      const known = found.get(key);
      if (!known || file < known.file) found.set(key, { target, file });
    }
  };
  for (const build of builds) {
    const stand = build.stand;
    if (!stand) continue;
    add(build.aliases, { type: 'stand', stand: stand.slug }, stand.file);
    for (const { page, aliases } of build.pageBuilds)
      if (aliases) add(aliases, { type: 'page', stand: stand.slug, page: page.slug }, page.file);
  }
  return new Map([...found].map(([key, { target }]) => [key, target]));
}

/** Whether a stand build declares an alias, on the stand or on one of its pages. */
export function declaresAliases(build: StandBuild | undefined): boolean {
  return (
    !!build && (build.aliases !== undefined || build.pageBuilds.some((page) => page.aliases !== undefined))
  );
}

/** The aliases that lead elsewhere (or nowhere) in `after` than in `before`, as dependency keys (`url:`). */
export function changedAliasKeys(
  before: ReadonlyMap<string, LinkTarget>,
  after: ReadonlyMap<string, LinkTarget>,
): Set<string> {
  const changed = new Set<string>();
  const same = (a: LinkTarget | undefined, b: LinkTarget | undefined) =>
    a === b || (a !== undefined && b !== undefined && linkKey(a) === linkKey(b));
  for (const [key, target] of before) if (!same(target, after.get(key))) changed.add(`url:${key}`);
  for (const [key, target] of after) if (!same(target, before.get(key))) changed.add(`url:${key}`);
  return changed;
}
