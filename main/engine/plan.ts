// The structure of a stands folder, told from file paths alone (no file is read): which files make up
// each stand (its listing file `content/stands/<name>.md`, its folder `content/stands/<name>/` with
// `_index.md` or `index.md` and sub-pages) and each theme, what slug and URL each gets, and the site URLs
// links may use to reach them. Because it needs no reading, it is recomputed on every run and tells an
// incremental re-index which stands a changed file belongs to.
import { baseName, dirOf, stemOf } from './paths';
import type { LinkTarget } from './refs';
import { uniqueSlug, urlize } from './urlize';

/**
 * The extensions Hugo makes pages of (of those Standalone renders), matched as written: Hugo takes
 * `README.MD` or `page.HTML` for a file to copy, not a page. Checked with `hugo`.
 */
export const CONTENT_EXTENSIONS = new Set(['md', 'markdown', 'mdown', 'html', 'htm']);

/** Whether a content file is a section's `_index.*` (the folder's own page, and the parent of those below it). */
export function isSectionIndex(file: string): boolean {
  return isContentFile(file) && stemOf(file) === '_index';
}

export function isContentFile(file: string): boolean {
  const name = baseName(file);
  const dot = name.lastIndexOf('.');
  return dot > 0 && CONTENT_EXTENSIONS.has(name.slice(dot + 1));
}

export interface PagePlan {
  file: string;
  slug: string;
  /** The page's URL path without slashes around it (`stands/x/page`); its segments are what relative references are relative to. */
  urlKey: string;
  /**
   * Set when Hugo lists it not on the stand's page but on a section's inside the stand's folder (a
   * sub-folder with `_index.*` holds it), or, for such a section below a folder without one, on none
   * (checked with `hugo`). It is published at its address all the same.
   */
  offStandList?: true;
  /**
   * The `_index.*` of the sections inside the stand's folder above it, the nearest first (not its own):
   * their cascade reaches it and, when one is not published, Hugo publishes no page below it. Absent
   * when there is none.
   */
  sections?: string[];
  /** The `_index.*` of the section inside the stand's folder whose list of pages Hugo puts it on, if any. */
  listedOn?: string;
}

export interface SkippedFile {
  file: string;
  reason:
    | 'index-beside-index'
    | 'leaf-bundle-resource'
    | 'nested-bundle-resource'
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
}

const STANDS = 'content/stands/';

/**
 * The address segments of a stand's page below `/stands/<stand>/`, from its file inside the stand's
 * folder (`docs/Install Guide.md` → `docs`, `install-guide`), as Hugo publishes it: a leaf bundle's
 * `index.*` and a nested section's `_index.*` at its folder's address.
 */
export function pageUrlSegments(inner: string): string[] {
  const dirs = inner.split('/').slice(0, -1);
  const stem = stemOf(baseName(inner));
  return (dirs.length > 0 && (stem === 'index' || stem === '_index') ? dirs : [...dirs, stem]).map(
    (segment) => urlize(segment),
  );
}

/** A stand page's file inside its stand's folder (`content/stands/<folder>/<inner>`). */
export function innerPageFile(file: string): string {
  return file.split('/').slice(3).join('/');
}
const THEMES = 'content/themes/';

/**
 * Plans a collection from its file list. Files whose names differ only in case or punctuation have
 * the same URL on the site; like Hugo (checked with `hugo`), the last in byte order wins.
 */
export function planCollection(files: Iterable<string>): CollectionPlan {
  // At 10,000 stands this runs over 41,000 content files: it keeps map lookups to one per stand folder
  // (a folder's files are next to each other once sorted) rather than several per file.
  const stands = new Map<string, StandPlan>();
  const themes = new Map<string, ThemePlan>();
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
  let lastFolder: string | null = null;
  for (const file of sorted) {
    if (!file.startsWith(STANDS)) continue;
    const slash = file.indexOf('/', STANDS.length);
    if (slash === -1) continue;
    const folder = file.slice(STANDS.length, slash);
    if (folder === lastFolder) continue;
    lastFolder = folder;
    folderOf.set(urlize(folder), folder);
  }
  const folderPages = new Map<StandPlan, string[]>();
  let current: { folder: string; plan: StandPlan; winner: boolean } | null = null;

  for (const file of sorted) {
    if (file.startsWith(STANDS)) {
      const slash = file.indexOf('/', STANDS.length);
      if (slash === -1) {
        const stem = stemOf(file.slice(STANDS.length));
        if (stem === '_index' || stem === 'index') continue;
        standOf(urlize(stem)).listings.push(file);
        continue;
      }
      const folder = file.slice(STANDS.length, slash);
      if (current === null || current.folder !== folder) {
        const plan = standOf(urlize(folder));
        current = { folder, plan, winner: folderOf.get(plan.slug) === folder };
        if (current.winner) plan.folder = folder;
      }
      const plan = current.plan;
      if (!current.winner) {
        plan.skipped.push({ file, reason: 'duplicate-folder' });
        continue;
      }
      const inner = file.slice(slash + 1);
      const nested = inner.includes('/');
      const stem = nested ? '' : stemOf(inner);
      if (stem === '_index') {
        if (plan.section) plan.skipped.push({ file: plan.section, reason: 'duplicate-index' });
        plan.section = file;
        continue;
      }
      if (stem === 'index') {
        if (plan.bundle) plan.skipped.push({ file: plan.bundle, reason: 'duplicate-index' });
        plan.bundle = file;
        continue;
      }
      const list = folderPages.get(plan);
      if (list) list.push(file);
      else folderPages.set(plan, [file]);
    } else if (file.startsWith(THEMES)) {
      const theme = themeKeyOf(file);
      if (theme === null) continue;
      const slug = urlize(theme);
      themes.set(slug, { key: slug, slug, file });
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
    const pageFiles = folderPages.get(plan) ?? [];
    // Folders inside the stand's folder with an index.* (and no _index.*): leaf bundles, whose other
    // files, those in their sub-folders too, are the bundle's attachments to Hugo, not pages.
    const bundleDirs = new Set<string>();
    const sectionDirs = new Set<string>();
    // Each section's _index.* by folder (the last one, as Hugo uses it).
    const sectionFiles = new Map<string, string>();
    for (const file of pageFiles) {
      const inner = file.slice(STANDS.length + plan.folder!.length + 1);
      const stem = stemOf(baseName(inner));
      if (stem === 'index') bundleDirs.add(dirOf(inner));
      else if (stem === '_index') {
        sectionDirs.add(dirOf(inner));
        sectionFiles.set(dirOf(inner), file);
      }
    }
    for (const dir of sectionDirs) bundleDirs.delete(dir);
    const inBundle = (inner: string) => {
      if (bundleDirs.size === 0) return false;
      const segments = inner.split('/');
      const own =
        stemOf(segments[segments.length - 1]!) === 'index' ? segments.length - 2 : segments.length - 1;
      for (let end = 1; end <= own; end++) if (bundleDirs.has(segments.slice(0, end).join('/'))) return true;
      return false;
    };
    for (const file of pageFiles) {
      const inner = file.slice(STANDS.length + plan.folder!.length + 1);
      if (plan.bundle) {
        plan.skipped.push({ file, reason: 'leaf-bundle-resource' });
        continue;
      }
      if (inBundle(inner)) {
        plan.skipped.push({ file, reason: 'nested-bundle-resource' });
        continue;
      }
      const urlSegments = pageUrlSegments(inner);
      const slug = uniqueSlug(urlSegments.join('-'), taken);
      taken.add(slug);
      const page: PagePlan = {
        file,
        slug,
        urlKey: ['stands', plan.slug, ...urlSegments].join('/'),
      };
      if (!onStandList(inner, sectionDirs)) page.offStandList = true;
      if (sectionFiles.size > 0) {
        const sections = sectionsAbove(inner, sectionFiles);
        if (sections.length > 0) page.sections = sections;
        // A section is on the list of the section right above its folder only, any other page on the nearest's.
        const listedOn =
          stemOf(baseName(inner)) === '_index' ? sectionFiles.get(dirOf(dirOf(inner))) : sections[0];
        if (listedOn) page.listedOn = listedOn;
      }
      if (plan.section) plan.pages.push(page);
      else plan.orphans.push(page);
    }
  }
  return { stands, themes };
}

/**
 * Whether Hugo lists a page of a stand's folder (`inner`, its path inside the folder) on the stand's
 * page: a section (`docs/_index.md`) only in a folder right inside the stand's, any other page only
 * when no folder above it inside the stand's (`sectionDirs`) is a section.
 */
function onStandList(inner: string, sectionDirs: ReadonlySet<string>): boolean {
  const dirs = inner.split('/').slice(0, -1);
  if (stemOf(baseName(inner)) === '_index') return dirs.length === 1;
  if (sectionDirs.size === 0) return true;
  for (let end = 1; end <= dirs.length; end++)
    if (sectionDirs.has(dirs.slice(0, end).join('/'))) return false;
  return true;
}

/**
 * The `_index.*` of the sections (`sectionFiles`, by folder inside the stand's) above a page of a stand's
 * folder (`inner`, its path inside the folder), the nearest first; a section's own is not among them.
 */
function sectionsAbove(inner: string, sectionFiles: ReadonlyMap<string, string>): string[] {
  const dirs = inner.split('/').slice(0, -1);
  if (stemOf(baseName(inner)) === '_index') dirs.pop();
  const sections: string[] = [];
  for (let end = dirs.length; end >= 1; end--) {
    const file = sectionFiles.get(dirs.slice(0, end).join('/'));
    if (file) sections.push(file);
  }
  return sections;
}

/** The theme folder name of a theme page (`content/themes/<name>/_index.*`), or null. */
function themeKeyOf(file: string): string | null {
  if (!file.startsWith(THEMES)) return null;
  const rest = file.slice(THEMES.length);
  const slash = rest.indexOf('/');
  if (slash === -1) return null;
  const inner = rest.slice(slash + 1);
  if (inner.includes('/') || stemOf(inner) !== '_index') return null;
  return rest.slice(0, slash);
}

/**
 * Which plan a content file belongs to (`stand:<key>` or `theme:<key>`), told from its path: a
 * listing file, any file in a stand's folder (skipped ones included), a theme's page.
 */
export function ownerOf(plan: CollectionPlan, file: string): string | null {
  if (!isContentFile(file)) return null;
  if (file.startsWith(STANDS)) {
    const slash = file.indexOf('/', STANDS.length);
    let key: string;
    if (slash === -1) {
      const stem = stemOf(file.slice(STANDS.length));
      if (stem === '_index' || stem === 'index') return null;
      key = urlize(stem);
    } else key = urlize(file.slice(STANDS.length, slash));
    return plan.stands.has(key) ? `stand:${key}` : null;
  }
  const theme = themeKeyOf(file);
  if (theme === null) return null;
  const slug = urlize(theme);
  return plan.themes.has(slug) ? `theme:${slug}` : null;
}

/** Pages of a stand by URL key and by file, made when a stand with many pages is first looked in. */
const pageIndexes = new WeakMap<StandPlan, { byUrl: Map<string, PagePlan>; byFile: Map<string, PagePlan> }>();

function findPage(stand: StandPlan, by: 'byUrl' | 'byFile', value: string): PagePlan | undefined {
  const pages = stand.pages.length > 0 ? stand.pages : stand.orphans;
  if (pages.length <= 16) return pages.find((page) => (by === 'byUrl' ? page.urlKey : page.file) === value);
  let index = pageIndexes.get(stand);
  if (!index) {
    index = { byUrl: new Map(), byFile: new Map() };
    for (const page of pages) {
      index.byUrl.set(page.urlKey, page);
      index.byFile.set(page.file, page);
    }
    pageIndexes.set(stand, index);
  }
  return index[by].get(value);
}

/** The stand, page or theme a site URL key (`stands/x/page`, lowercase, no slashes around) leads to. */
export function linkByUrl(plan: CollectionPlan, urlKey: string): LinkTarget | null {
  const parts = urlKey.split('/');
  if (parts[0] === 'themes' && parts.length === 2)
    return plan.themes.has(parts[1]!) ? { type: 'theme', theme: parts[1]! } : null;
  if (parts[0] !== 'stands' || parts.length < 2) return null;
  const stand = plan.stands.get(parts[1]!);
  if (!stand) return null;
  if (parts.length === 2) return { type: 'stand', stand: stand.slug };
  const page = findPage(stand, 'byUrl', urlKey);
  if (!page) return null;
  return stand.pages.length > 0
    ? { type: 'page', stand: stand.slug, page: page.slug }
    : { type: 'stand', stand: stand.slug };
}

/** The stand, page or theme a content file (`content/stands/x/page.md`) renders. */
export function linkByFile(plan: CollectionPlan, file: string): LinkTarget | null {
  const owner = ownerOf(plan, file);
  if (owner === null) return null;
  const key = owner.slice(owner.indexOf(':') + 1);
  if (owner.startsWith('theme:')) {
    const theme = plan.themes.get(key)!;
    return theme.file === file ? { type: 'theme', theme: theme.slug } : null;
  }
  const stand = plan.stands.get(key)!;
  if (file === stand.listings[0] || file === stand.section || file === stand.bundle)
    return { type: 'stand', stand: stand.slug };
  const page = findPage(stand, 'byFile', file);
  if (!page) return null;
  return stand.pages.length > 0
    ? { type: 'page', stand: stand.slug, page: page.slug }
    : { type: 'stand', stand: stand.slug };
}

/** The link-map keys a content file contributes (what changes when it appears or disappears). */
export function linkKeysOf(plan: CollectionPlan, file: string): string[] {
  const keys = [`file:${file}`];
  const ownerKey = ownerOf(plan, file);
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
