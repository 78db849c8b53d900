// The structure of a stands folder, told from file paths alone (no file is read): which files make up
// each stand (its listing file `content/stands/<name>.md`, its folder `content/stands/<name>/` with
// `_index.md` or `index.md` and sub-pages) and each theme, what slug and URL each gets, and the site URLs
// links may use to reach them. Because it needs no reading, it is recomputed on every run and tells an
// incremental re-index which stands a changed file belongs to.
import { baseName, extensionOf, stemOf } from './paths';
import type { LinkTarget } from './refs';
import { uniqueSlug, urlize } from './urlize';

export const CONTENT_EXTENSIONS = new Set(['md', 'markdown', 'html', 'htm']);

export function isContentFile(file: string): boolean {
  return CONTENT_EXTENSIONS.has(extensionOf(file));
}

export interface PagePlan {
  file: string;
  slug: string;
  /** The page's URL path without slashes around it (`stands/x/page`); its segments are what relative references are relative to. */
  urlKey: string;
}

export interface SkippedFile {
  file: string;
  reason:
    | 'index-beside-index'
    | 'leaf-bundle-resource'
    | 'orphan'
    | 'duplicate-index'
    | 'duplicate-listing'
    | 'duplicate-folder';
}

export interface StandPlan {
  /** The stand's slug: Hugo's URL for `<name>.md` and `<name>/` alike, so both make one stand. */
  key: string;
  slug: string;
  /** The folder's name in `content/stands/`, when the stand has a folder. */
  folder: string | null;
  /** The listing file `content/stands/<name>.md` (at most one: Hugo keeps the last of same-URL files). */
  listings: string[];
  /** `_index.*` of the folder: the stand's own page and the parent of its sub-pages. */
  section: string | null;
  /** `index.*` of the folder when there is no `_index.*`: the stand's page, without sub-pages. */
  bundle: string | null;
  pages: PagePlan[];
  /** Pages in a folder without `_index.*`: published by Hugo but linked from nowhere. */
  orphans: PagePlan[];
  skipped: SkippedFile[];
}

export interface ThemePlan {
  key: string;
  slug: string;
  file: string | null;
}

export interface CollectionPlan {
  stands: Map<string, StandPlan>;
  themes: Map<string, ThemePlan>;
  /** Which plan a content file belongs to: `stand:<key>` or `theme:<key>`. */
  owner: Map<string, string>;
  /**
   * Link targets by site URL key (`stands/x/page`) and by content file (`content/stands/x/page.md`).
   * Two maps keyed by strings the plan already holds, rather than one keyed by new `url:`/`file:`
   * strings: at 10,000 stands that is tens of thousands of strings less.
   */
  urlLinks: Map<string, LinkTarget>;
  fileLinks: Map<string, LinkTarget>;
}

const STANDS = 'content/stands/';
const THEMES = 'content/themes/';

/**
 * Plans a collection from its file list. Files whose names differ only in case or punctuation have
 * the same URL on the site; like Hugo (checked with `hugo`), the last in byte order wins.
 */
export function planCollection(files: Iterable<string>): CollectionPlan {
  const stands = new Map<string, StandPlan>();
  const themes = new Map<string, ThemePlan>();
  const owner = new Map<string, string>();
  // One owner string per stand, shared by all its files (tens of thousands of files at 10,000 stands).
  const owners = new Map<string, string>();
  const ownerKey = (slug: string) => {
    let key = owners.get(slug);
    if (key === undefined) {
      key = `stand:${slug}`;
      owners.set(slug, key);
    }
    return key;
  };
  const standOf = (slug: string) => {
    let plan = stands.get(slug);
    if (!plan) {
      plan = {
        key: slug,
        slug,
        folder: null,
        listings: [],
        section: null,
        bundle: null,
        pages: [],
        orphans: [],
        skipped: [],
      };
      stands.set(slug, plan);
    }
    return plan;
  };
  const sorted = [...files].filter(isContentFile).sort();
  // Which folder of each slug wins (the last name in byte order).
  const folderOf = new Map<string, string>();
  for (const file of sorted) {
    if (!file.startsWith(STANDS)) continue;
    const rest = file.slice(STANDS.length);
    const slash = rest.indexOf('/');
    if (slash !== -1) folderOf.set(urlize(rest.slice(0, slash)), rest.slice(0, slash));
  }
  const folderPages = new Map<string, string[]>();

  for (const file of sorted) {
    if (file.startsWith(STANDS)) {
      const rest = file.slice(STANDS.length);
      const slash = rest.indexOf('/');
      if (slash === -1) {
        const stem = stemOf(rest);
        if (stem === '_index' || stem === 'index') continue;
        const plan = standOf(urlize(stem));
        plan.listings.push(file);
        owner.set(file, ownerKey(plan.key));
        continue;
      }
      const folder = rest.slice(0, slash);
      const plan = standOf(urlize(folder));
      owner.set(file, ownerKey(plan.key));
      if (folderOf.get(plan.slug) !== folder) {
        plan.skipped.push({ file, reason: 'duplicate-folder' });
        continue;
      }
      plan.folder = folder;
      const inner = rest.slice(slash + 1);
      if (!inner.includes('/') && stemOf(inner) === '_index') {
        if (plan.section) plan.skipped.push({ file: plan.section, reason: 'duplicate-index' });
        plan.section = file;
        continue;
      }
      if (!inner.includes('/') && stemOf(inner) === 'index') {
        if (plan.bundle) plan.skipped.push({ file: plan.bundle, reason: 'duplicate-index' });
        plan.bundle = file;
        continue;
      }
      const list = folderPages.get(plan.key) ?? [];
      list.push(file);
      folderPages.set(plan.key, list);
    } else if (file.startsWith(THEMES)) {
      const rest = file.slice(THEMES.length);
      const slash = rest.indexOf('/');
      if (slash === -1) continue;
      const key = rest.slice(0, slash);
      const inner = rest.slice(slash + 1);
      if (inner.includes('/') || stemOf(inner) !== '_index') continue;
      const slug = urlize(key);
      themes.set(slug, { key: slug, slug, file });
      owner.set(file, `theme:${slug}`);
    }
  }

  for (const plan of stands.values()) {
    if (plan.section && plan.bundle) {
      // Hugo ignores index.* beside _index.*: the folder is a section, not a leaf bundle.
      plan.skipped.push({ file: plan.bundle, reason: 'index-beside-index' });
      plan.bundle = null;
    }
    for (const extra of plan.listings.slice(0, -1))
      plan.skipped.push({ file: extra, reason: 'duplicate-listing' });
    plan.listings = plan.listings.slice(-1);
    const taken = new Set<string>();
    for (const file of folderPages.get(plan.key) ?? []) {
      const inner = file.slice(STANDS.length + plan.folder!.length + 1);
      const segments = inner.split('/');
      const dirs = segments.slice(0, -1);
      const isNestedBundle = dirs.length > 0 && stemOf(baseName(inner)) === 'index';
      if (plan.bundle) {
        plan.skipped.push({ file, reason: 'leaf-bundle-resource' });
        continue;
      }
      const pathSegments = isNestedBundle ? dirs : [...dirs, stemOf(baseName(inner))];
      const urlSegments = pathSegments.map((segment) => urlize(segment));
      const slug = uniqueSlug(urlSegments.join('-'), taken);
      taken.add(slug);
      const page: PagePlan = {
        file,
        slug,
        urlKey: ['stands', plan.slug, ...urlSegments].join('/'),
      };
      if (plan.section) plan.pages.push(page);
      else plan.orphans.push(page);
    }
  }

  const urlLinks = new Map<string, LinkTarget>();
  const fileLinks = new Map<string, LinkTarget>();
  for (const plan of stands.values()) {
    const stand: LinkTarget = { type: 'stand', stand: plan.slug };
    urlLinks.set(`stands/${plan.slug}`, stand);
    for (const file of [...plan.listings, plan.section, plan.bundle]) if (file) fileLinks.set(file, stand);
    for (const page of plan.pages) {
      const target: LinkTarget = { type: 'page', stand: plan.slug, page: page.slug };
      urlLinks.set(page.urlKey, target);
      fileLinks.set(page.file, target);
    }
    for (const page of plan.orphans) {
      urlLinks.set(page.urlKey, stand);
      fileLinks.set(page.file, stand);
    }
  }
  for (const plan of themes.values()) {
    const target: LinkTarget = { type: 'theme', theme: plan.slug };
    urlLinks.set(`themes/${plan.slug}`, target);
    if (plan.file) fileLinks.set(plan.file, target);
  }
  return { stands, themes, owner, urlLinks, fileLinks };
}

/** The link-map keys a content file contributes (what changes when it appears or disappears). */
export function linkKeysOf(plan: CollectionPlan, file: string): string[] {
  const keys = [`file:${file}`];
  const ownerKey = plan.owner.get(file);
  if (!ownerKey) return keys;
  const [kind, key] = [ownerKey.slice(0, ownerKey.indexOf(':')), ownerKey.slice(ownerKey.indexOf(':') + 1)];
  if (kind === 'theme') {
    const theme = plan.themes.get(key);
    if (theme) keys.push(`url:themes/${theme.slug}`);
    return keys;
  }
  const stand = plan.stands.get(key);
  if (!stand) return keys;
  keys.push(`url:stands/${stand.slug}`);
  for (const page of [...stand.pages, ...stand.orphans])
    if (page.file === file) keys.push(`url:${page.urlKey}`);
  return keys;
}

/** Normalises URL path segments into a link-map key: lowercased, without `index.html` or `.html`. */
export function urlKeyOf(url: string): string {
  let segments = url
    .toLowerCase()
    .split('/')
    .filter((segment) => segment !== '');
  const last = segments[segments.length - 1];
  if (last === 'index.html' || last === 'index.htm' || last === 'index.xml') segments = segments.slice(0, -1);
  else if (last && /\.html?$/.test(last)) segments[segments.length - 1] = last.replace(/\.html?$/, '');
  return segments.join('/');
}
