// A collection in memory: what was built (per stand and theme, as stored) plus the lookup tables the
// queries use, derived again after every run and after loading the store.
import {
  assembleCollection,
  type CollectionModel,
  depsOfBuild,
  problemsOfBuild,
  splitDeps,
  type StandBuild,
  type ThemeBuild,
} from './assemble';
import { plainText } from './plain-text';
import { type CollectionPlan, planCollection } from './plan';
import type { AssetTable } from './assets';
import { sortProblems } from './problems';
import { siteBaseUrl } from './site-config';
import type { LinkTarget } from './refs';
import type { ScannedDir, ScannedFile } from './scan';
import { opensInApp } from './publish';
import { CollectionSearch, type SearchDoc, type StandDocs } from './search';
import type { StoredCollection } from './store';
import type { Collection, Page, Problem, Stand, Theme } from './types';

/** The `cascade` of the home page and of the stands' and themes' sections, as written; null: none. */
export interface SiteCascade {
  home: unknown;
  stands: unknown;
  themes: unknown;
}

export const NO_CASCADE: SiteCascade = { home: null, stands: null, themes: null };

export interface CollectionState {
  collection: Collection;
  customName: boolean;
  files: Map<string, ScannedFile>;
  /** Folder listings of the last walk and when it started (see scan.ts). */
  dirs: Map<string, ScannedDir>;
  scanStartedAt: number;
  /** The walk's own problems and empty folders, to tell a walk that found something new. */
  walkSignature: string;
  walkProblems: Problem[];
  emptyDirs: string[];
  scanProblems: Problem[];
  siteParams: Record<string, unknown>;
  siteTitle: string | null;
  /** The published site's address (config.toml's `baseURL`, checked), ending in `/`; null when unusable. */
  siteBaseUrl: string | null;
  /** What the home page and the stands' and themes' sections cascade (see cascade.ts). */
  cascade: SiteCascade;
  standBuilds: Map<string, StandBuild>;
  themeBuilds: Map<string, ThemeBuild>;
  /** The plan of the last run; null after loading the store, until a run needs it (see planOf). */
  plan: CollectionPlan | null;
  assets: AssetTable;
  /** Assets too large to serve (part of scanProblems, kept apart to reuse the asset table). */
  assetProblems: Problem[];
  // Derived by `deriveState`.
  model: CollectionModel;
  standsBySlug: Map<string, Stand>;
  buildsBySlug: Map<string, StandBuild>;
  pagesByKey: Map<string, Page>;
  themesBySlug: Map<string, Theme>;
  problems: Problem[];
  /**
   * Dependency key → owner (`stand:<key>`, `theme:<key>`) that looked it up, or several. Only runs in
   * which files appear or vanish need it, so it is built then (see ownersOf) and kept up to date after.
   */
  depIndex: Map<string, string | string[]> | null;
  /**
   * What each alias leads to (see aliasTargets), made when a run first needs it and again only when a
   * stand built again declares aliases or did: an edit elsewhere never goes through all of them.
   */
  aliases: Map<string, LinkTarget> | null;
  search: CollectionSearch | null;
}

/** The fields `deriveState` fills in, empty: a new state has them until it is first derived. */
export function notDerivedYet(): Pick<
  CollectionState,
  | 'model'
  | 'standsBySlug'
  | 'buildsBySlug'
  | 'pagesByKey'
  | 'themesBySlug'
  | 'problems'
  | 'depIndex'
  | 'aliases'
  | 'search'
> {
  return {
    model: { stands: [], themes: [], themeStands: new Map(), problems: [] },
    standsBySlug: new Map(),
    buildsBySlug: new Map(),
    pagesByKey: new Map(),
    themesBySlug: new Map(),
    problems: [],
    depIndex: null,
    aliases: null,
    search: null,
  };
}

/** The collection's plan, made again from its file list when the store was just loaded. */
export function planOf(state: CollectionState): CollectionPlan {
  state.plan ??= planCollection(state.files.keys());
  return state.plan;
}

/** Key of a page in `pagesByKey`. */
export function pageKey(stand: string, page: string): string {
  return `${stand}\u0000${page}`;
}

/**
 * Recomputes the collection-wide model and the lookup tables. With `replaced` (owner → the build it
 * had before this run), the per-build tables are updated for those owners only.
 */
export function deriveState(
  state: CollectionState,
  replaced?: Map<string, StandBuild | ThemeBuild | undefined>,
  previousScanProblems?: Problem[],
): void {
  // Watch mode at 10,000 stands: re-assembling the collection (sorting, theme lists, link checks,
  // every problem sorted again) is most of a one-file run. When the stands rebuilt kept everything the
  // collection-wide parts depend on, those parts are patched instead.
  if (replaced && patchModel(state, replaced, previousScanProblems)) return;
  const model = assembleCollection(
    state.collection.id,
    state.standBuilds.values(),
    state.themeBuilds.values(),
  );
  state.model = model;
  state.standsBySlug = new Map(model.stands.map((stand) => [stand.slug, stand]));
  if (replaced) {
    for (const [owner, old] of replaced) updateTables(state, owner, old);
  } else {
    state.buildsBySlug = new Map();
    state.pagesByKey = new Map();
    state.depIndex = null;
    for (const build of state.standBuilds.values()) addTables(state, `stand:${build.key}`, build);
  }
  collectProblems(state);
  state.themesBySlug = new Map(model.themes.map((theme) => [theme.slug, theme]));
  countCollection(state);
}

function collectProblems(state: CollectionState): void {
  const problems: Problem[] = [...state.scanProblems];
  for (const build of state.standBuilds.values()) {
    if (build.problems.length > 0) problems.push(...build.problems);
    if (build.linkProblems.length > 0) problems.push(...build.linkProblems);
    for (const page of build.pageBuilds) if (page.problems.length > 0) problems.push(...page.problems);
  }
  for (const build of state.themeBuilds.values()) problems.push(...build.problems);
  problems.push(...state.model.problems);
  state.problems = sortProblems(problems);
}

function countCollection(state: CollectionState): void {
  const { model } = state;
  const counts = state.collection.counts;
  counts.stands = model.stands.length;
  counts.listedStands = model.stands.filter((stand) => stand.listed && !stand.draft).length;
  counts.pages = state.pagesByKey.size;
  counts.themes = model.themes.length;
  counts.assets = state.assets.size;
  counts.errors = state.problems.filter((p) => p.severity === 'error').length;
  counts.warnings = state.problems.length - counts.errors;
}

/** What the collection-wide model takes from a stand build: its order, lists, pages and links. */
function shapeOf(build: StandBuild): string {
  const stand = build.stand!;
  return JSON.stringify([
    build.sortKey,
    build.themeSortKey,
    stand.slug,
    stand.draft,
    stand.listed,
    stand.rendered,
    build.inThemes,
    stand.themes,
    build.themeNames,
    stand.pages.map((page) => [page.slug, page.draft, page.rendered]),
    build.crossLinks,
  ]);
}

function problemKeys(problems: Problem[]): string {
  return JSON.stringify(problems.map((p) => [p.file, p.line, p.code, p.severity, p.message, p.stand]));
}

/**
 * Puts rebuilt stands in the place of the builds they replace, when none of them changed its shape
 * (see shapeOf); false when the collection must be assembled again.
 */
function patchModel(
  state: CollectionState,
  replaced: Map<string, StandBuild | ThemeBuild | undefined>,
  previousScanProblems: Problem[] | undefined,
): boolean {
  const pairs: [StandBuild, StandBuild][] = [];
  for (const [owner, old] of replaced) {
    if (!owner.startsWith('stand:') || !old || !isStandBuild(old) || !old.stand) return false;
    const now = state.standBuilds.get(owner.slice('stand:'.length));
    if (!now?.stand || state.model.stands[old.stand.order] !== old.stand) return false;
    if (shapeOf(old) !== shapeOf(now)) return false;
    pairs.push([old, now]);
  }
  const sameProblems =
    previousScanProblems !== undefined &&
    problemKeys(previousScanProblems) === problemKeys(state.scanProblems) &&
    pairs.every(([old, now]) => problemKeys(problemsOfBuild(old)) === problemKeys(problemsOfBuild(now)));
  for (const [old, now] of pairs) {
    const stand = now.stand!;
    stand.order = old.stand!.order;
    state.model.stands[stand.order] = stand;
    for (const slug of stand.themes) {
      const list = state.model.themeStands.get(slug);
      const at = list ? list.indexOf(old.stand!) : -1;
      if (at !== -1) list![at] = stand;
    }
    state.standsBySlug.set(stand.slug, stand);
  }
  for (const [owner, old] of replaced) updateTables(state, owner, old);
  if (!sameProblems) collectProblems(state);
  else {
    // The same problems, but the rebuilt stands' own objects: the list must not hold the old ones.
    const fresh = new Map<string, Problem>();
    for (const [, now] of pairs) for (const item of problemsOfBuild(now)) fresh.set(problemKey(item), item);
    state.problems = state.problems.map((item) => fresh.get(problemKey(item)) ?? item);
  }
  countCollection(state);
  return true;
}

function problemKey(p: Problem): string {
  return `${p.file}\u0000${p.line}\u0000${p.code}\u0000${p.message}`;
}

function isStandBuild(build: StandBuild | ThemeBuild): build is StandBuild {
  return 'pageBuilds' in build;
}

function addTables(state: CollectionState, owner: string, build: StandBuild | ThemeBuild): void {
  if (state.depIndex)
    indexDeps(state.depIndex, owner, isStandBuild(build) ? depsOfBuild(build) : splitDeps(build.deps));
  if (!isStandBuild(build) || !build.stand) return;
  state.buildsBySlug.set(build.stand.slug, build);
  for (const { page } of build.pageBuilds) state.pagesByKey.set(pageKey(page.stand, page.slug), page);
}

function updateTables(state: CollectionState, owner: string, old: StandBuild | ThemeBuild | undefined): void {
  if (old) {
    const index = state.depIndex;
    const deps = index ? (isStandBuild(old) ? depsOfBuild(old) : splitDeps(old.deps)) : [];
    for (const dep of deps) {
      const owners = index!.get(dep);
      if (owners === owner) index!.delete(dep);
      else if (Array.isArray(owners)) {
        const rest = owners.filter((other) => other !== owner);
        index!.set(dep, rest.length === 1 ? rest[0]! : rest);
      }
    }
    if (isStandBuild(old) && old.stand) {
      if (state.buildsBySlug.get(old.stand.slug) === old) state.buildsBySlug.delete(old.stand.slug);
      for (const { page } of old.pageBuilds) {
        const key = pageKey(page.stand, page.slug);
        if (state.pagesByKey.get(key) === page) state.pagesByKey.delete(key);
      }
    }
  }
  const key = owner.slice(owner.indexOf(':') + 1);
  const now = owner.startsWith('stand:') ? state.standBuilds.get(key) : state.themeBuilds.get(key);
  if (now) addTables(state, owner, now);
}

function indexDeps(index: Map<string, string | string[]>, owner: string, deps: string[]): void {
  for (const dep of deps) {
    const owners = index.get(dep);
    if (owners === undefined) index.set(dep, owner);
    else if (typeof owners === 'string') {
      if (owners !== owner) index.set(dep, [owners, owner]);
    } else if (!owners.includes(owner)) owners.push(owner);
  }
}

/** The owners that looked a dependency key up. */
export function ownersOf(state: CollectionState, key: string): string[] {
  if (!state.depIndex) {
    const index = new Map<string, string | string[]>();
    for (const build of state.standBuilds.values())
      indexDeps(index, `stand:${build.key}`, depsOfBuild(build));
    for (const build of state.themeBuilds.values())
      indexDeps(index, `theme:${build.key}`, splitDeps(build.deps));
    state.depIndex = index;
  }
  const owners = state.depIndex.get(key);
  return owners === undefined ? [] : typeof owners === 'string' ? [owners] : owners;
}

/**
 * The search documents of a stand build: the published stand and its published pages, with their text;
 * only those with a page of their own (`_build.render`), as a hit must open something.
 */
export function searchDocsOf(build: StandBuild | undefined): SearchDoc[] {
  const stand = build?.stand;
  if (!build || !stand || !opensInApp(stand)) return [];
  const docs: SearchDoc[] = [{ stand: stand.slug, page: null, title: stand.title, text: standText(stand) }];
  for (const { page, unrendered } of build.pageBuilds) {
    if (page.draft || unrendered) continue;
    docs.push({
      stand: stand.slug,
      page: page.slug,
      title: page.title,
      text: plainText(page.html),
    });
  }
  return docs;
}

function standText(stand: Stand): string {
  return [stand.descriptionHtml, stand.showcaseHtml, stand.newThisYearHtml, stand.bodyHtml]
    .map((html) => plainText(html))
    .filter(Boolean)
    .join(' ');
}

/** Builds the search index of a collection from its stand builds. */
export function buildSearch(state: CollectionState): CollectionSearch {
  const docs: SearchDoc[] = [];
  for (const build of state.buildsBySlug.values()) docs.push(...searchDocsOf(build));
  return CollectionSearch.build(docs);
}

/**
 * Stands described lately, per collection: a visitor typing a word asks for the same stands keystroke
 * after keystroke, and cutting their texts out of the HTML was a fifth of each search. A stand or page
 * that is built again is a new object, so an entry is used only while its objects are still the ones
 * the collection holds.
 */
const DESCRIBED_KEPT = 256;
const described = new WeakMap<CollectionState, Map<string, Described>>();

interface Described {
  owner: Stand;
  pages: Page[];
  docs: StandDocs;
}

/** A stand's title and its and its published pages' texts (what was indexed), or null when it is gone. */
export function describeStand(state: CollectionState, stand: string): StandDocs | null {
  const owner = state.standsBySlug.get(stand);
  if (!owner || !opensInApp(owner)) return null;
  const pages: Page[] = [];
  for (const ref of owner.pages) {
    if (!opensInApp(ref)) continue;
    const found = state.pagesByKey.get(pageKey(stand, ref.slug));
    if (found && !found.draft) pages.push(found);
  }
  let kept = described.get(state);
  if (!kept) described.set(state, (kept = new Map()));
  const known = kept.get(stand);
  // Least recently used last out: a stand used again moves to the end.
  kept.delete(stand);
  if (known && known.owner === owner && sameItems(known.pages, pages)) {
    kept.set(stand, known);
    return known.docs;
  }
  const docs: StandDocs = {
    standTitle: owner.title,
    docs: [
      { page: null, title: owner.title, text: standText(owner) },
      ...pages.map((page) => ({ page: page.slug, title: page.title, text: plainText(page.html) })),
    ],
  };
  kept.set(stand, { owner, pages, docs });
  if (kept.size > DESCRIBED_KEPT) kept.delete(kept.keys().next().value!);
  return docs;
}

function sameItems<T>(a: T[], b: T[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** A new, empty collection record. */
export function emptyCollection(id: string, root: string, name: string): Collection {
  return {
    id,
    root,
    name,
    year: null,
    indexedAt: new Date(0).toISOString(),
    available: true,
    counts: { stands: 0, listedStands: 0, pages: 0, themes: 0, assets: 0, errors: 0, warnings: 0 },
  };
}

/** The items of an iterable, mapped one at a time as they are read (the store streams its lists). */
function* mapped<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U, void, undefined> {
  for (const item of items) yield map(item);
}

/** The stored form of a collection. */
export function toStored(state: CollectionState): StoredCollection {
  return {
    collection: state.collection,
    customName: state.customName,
    files: mapped(state.files.values(), (file): [string, number, number] => [
      file.rel,
      file.size,
      file.mtimeMs,
    ]),
    dirs: mapped(state.dirs, ([rel, dir]): [string, number | null, string[]] => [
      rel,
      dir.mtimeMs,
      dir.entries,
    ]),
    scanStartedAt: state.scanStartedAt,
    walkSignature: state.walkSignature,
    walkProblems: state.walkProblems,
    emptyDirs: state.emptyDirs,
    scanProblems: state.scanProblems,
    siteParams: state.siteParams,
    siteTitle: state.siteTitle,
    siteBaseUrl: state.siteBaseUrl,
    cascade: state.cascade,
    stands: state.standBuilds.values(),
    themes: [...state.themeBuilds.values()],
    search: state.search?.toStored() ?? [],
  };
}

/** A collection loaded from the store, with its lookup tables derived. */
export function fromStored(
  stored: StoredCollection,
  assetsOf: (files: Map<string, ScannedFile>) => { assets: AssetTable; problems: Problem[] },
  /** Told when the stored search index could not be used and was built again: worth storing. */
  onSearchBuilt?: () => void,
): CollectionState {
  const files = new Map<string, ScannedFile>();
  for (const [rel, size, mtimeMs] of stored.files) files.set(rel, { rel, size, mtimeMs, seen: 0 });
  const table = assetsOf(files);
  const dirs = new Map<string, ScannedDir>();
  for (const [rel, mtimeMs, entries] of stored.dirs ?? [])
    dirs.set(rel, { mtimeMs: mtimeMs ?? Number.NaN, entries, seen: 0 });
  const siteParams = Object.assign(Object.create(null) as Record<string, unknown>, stored.siteParams ?? {});
  const state: CollectionState = {
    collection: stored.collection,
    customName: stored.customName === true,
    files,
    dirs,
    scanStartedAt: typeof stored.scanStartedAt === 'number' ? stored.scanStartedAt : 0,
    walkSignature: typeof stored.walkSignature === 'string' ? stored.walkSignature : '',
    walkProblems: Array.isArray(stored.walkProblems) ? stored.walkProblems : [],
    emptyDirs: Array.isArray(stored.emptyDirs) ? stored.emptyDirs : [],
    scanProblems: stored.scanProblems,
    siteParams,
    siteTitle: stored.siteTitle ?? null,
    // Checked again: the store is a file on disk like any other.
    siteBaseUrl: siteBaseUrl(stored.siteBaseUrl),
    cascade: { ...NO_CASCADE, ...stored.cascade },
    standBuilds: new Map(Array.from(stored.stands, (build) => [build.key, build])),
    themeBuilds: new Map(Array.from(stored.themes, (build) => [build.key, build])),
    plan: null,
    assets: table.assets,
    assetProblems: table.problems,
    ...notDerivedYet(),
  };
  deriveState(state);
  // The stored index is used as it is; a store without one (or with one of another version) gets it built.
  const stored_search = Array.isArray(stored.search) ? CollectionSearch.load(stored.search) : null;
  stored.search = [];
  if (stored_search && stored_search.size === countSearchStands(state)) state.search = stored_search;
  else {
    state.search = buildSearch(state);
    onSearchBuilt?.();
  }
  return state;
}

/** The stands the search index holds: the published ones (one document each). */
function countSearchStands(state: CollectionState): number {
  let count = 0;
  for (const build of state.buildsBySlug.values()) if (build.stand && !build.stand.draft) count++;
  return count;
}
