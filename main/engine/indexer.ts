// One indexing run over one folder: walk it, compare with what the store knew, rebuild only the stands
// and themes whose files changed (or whose references pointed at files that appeared or vanished), and
// derive the collection-wide model again. With nothing changed, a run is the walk and a comparison.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { aliasTargets, changedAliasKeys, declaresAliases } from './aliases';
import type { IndexOutcome, Limits } from './api';
import {
  buildStand,
  buildTheme,
  type BuildContext,
  caseKeyOf,
  depsOfBuild,
  keepLastReadable,
  type PageBuild,
  type StandBuild,
  type ThemeBuild,
  splitDeps,
} from './assemble';
import { buildAssetTable, isAssetPath } from './assets';
import { cascadeRules, type CascadeChain } from './cascade';
import { parseFrontMatter } from './front-matter';
import { IndexError } from './errors';
import { dirOf } from './paths';
import {
  CONTENT_EXTENSIONS,
  type CollectionPlan,
  isContentFile,
  isSectionIndex,
  linkKeysOf,
  ownerOf,
  type PagePlan,
  planCollection,
} from './plan';
import { problem } from './problems';
import { readTextFile } from './read';
import {
  absolutePathOf,
  CONFIG_DIR_FILES,
  CONFIG_FILES,
  type PartialWalk,
  type ScanResult,
  scanFolder,
  type ScannedFile,
  SITE_CONFIG_FILES,
} from './scan';
import { CollectionSearch } from './search';
import { readSiteConfig, yearIn } from './site-config';
import {
  type CollectionState,
  deriveState,
  NO_CASCADE,
  type SiteCascade,
  emptyCollection,
  notDerivedYet,
  ownersOf,
  planOf,
  searchDocsOf,
} from './state';
import type { IndexChange, IndexProgress } from './types';

export interface RunOptions {
  limits: Limits;
  onProgress?: (progress: IndexProgress) => void;
  /** What to look at again (watch mode); the rest of the last walk is kept. */
  only?: PartialWalk;
}

/** The outcome of a run, plus the content files it read (what an incremental run had to look at). */
export type RunOutcome = IndexOutcome & { reread: string[] };

/**
 * Indexes `root` as collection `id`. `previous` is what the store holds for it (null for a new folder).
 * Throws IndexError only for a new folder that cannot be indexed at all; a known folder that is gone is
 * marked unavailable and keeps its data.
 */
export function indexCollection(
  id: string,
  root: string,
  previous: CollectionState | null,
  options: RunOptions,
): { state: CollectionState; outcome: RunOutcome } {
  const progress = (phase: IndexProgress['phase'], done = 0, total = 0) =>
    options.onProgress?.({ collection: id, phase, done, total });
  progress('scanning');

  const unusable = folderProblem(root);
  if (unusable) {
    if (!previous) throw new IndexError(unusable.code, unusable.message);
    previous.collection.available = false;
    const missing = problem(id, '', unusable.code, unusable.message);
    progress('done');
    return {
      state: previous,
      outcome: {
        collection: previous.collection,
        change: { collection: id, added: [], changed: [], removed: [] },
        problems: [missing, ...previous.problems],
        reread: [],
      },
    };
  }

  const scan = scanFolder(
    root,
    id,
    options.limits,
    previous?.collection.available
      ? {
          files: previous.files,
          dirs: previous.dirs,
          startedAt: previous.scanStartedAt,
          problems: previous.walkProblems,
          emptyDirs: previous.emptyDirs,
        }
      : undefined,
    options.only,
  );
  try {
    return afterScan(id, root, previous, options, scan, progress);
  } catch (error) {
    // The tables a partial walk updated in place must not claim files the index has not taken in.
    scan.before?.undo();
    throw error;
  }
}

function afterScan(
  id: string,
  root: string,
  previous: CollectionState | null,
  options: RunOptions,
  scan: ScanResult,
  progress: (phase: IndexProgress['phase'], done?: number, total?: number) => void,
): { state: CollectionState; outcome: RunOutcome } {
  const change: IndexChange = { collection: id, added: [], changed: [], removed: [] };
  const compare = (rel: string) => {
    const file = scan.files.get(rel);
    // A partial walk updated the last walk's table in place: the old entry is in `before`.
    const old = scan.before?.files.has(rel) ? scan.before.files.get(rel) : previous?.files.get(rel);
    if (file && !old) change.added.push(rel);
    else if (file && old && (old.size !== file.size || old.mtimeMs !== file.mtimeMs))
      change.changed.push(rel);
    else if (!file && old) change.removed.push(rel);
  };
  if (scan.scope) {
    for (const rel of [...scan.scope].sort()) compare(rel);
  } else {
    for (const rel of scan.files.keys()) compare(rel);
    // Every file found was known and as many were known as found: none can have vanished.
    const sameSet = previous !== null && change.added.length === 0 && previous.files.size === scan.files.size;
    if (previous && !sameSet)
      for (const rel of previous.files.keys()) if (!scan.files.has(rel)) change.removed.push(rel);
  }

  const wasAvailable = previous?.collection.available ?? false;
  const now = Date.now();
  // Stands and themes with a publish or expiry date that has come since they were built.
  const due = previous ? dueOwners(previous, now) : new Set<string>();
  // Problems of the walk itself (a new link leading out, an empty folder) count as changes too.
  const walkSignature = [...scan.problems.map((p) => `${p.code} ${p.file}`), ...scan.emptyDirs].join('\n');
  const nothingChanged =
    change.added.length === 0 &&
    change.changed.length === 0 &&
    change.removed.length === 0 &&
    walkSignature === previous?.walkSignature &&
    due.size === 0;
  if (previous && nothingChanged && wasAvailable) {
    previous.collection.indexedAt = new Date().toISOString();
    previous.dirs = scan.dirs;
    previous.scanStartedAt = scan.startedAt;
    progress('done');
    return {
      state: previous,
      outcome: { collection: previous.collection, change, problems: previous.problems, reread: [] },
    };
  }

  // The plan depends on which files exist, the asset table on the assets: reuse them when they stand.
  const sameFiles = previous !== null && change.added.length === 0 && change.removed.length === 0;
  const plan = sameFiles ? planOf(previous) : planCollection(scan.files.keys());
  const assetsChanged = !sameFiles || change.changed.some(isAssetPath);
  const { assets, problems: assetProblems } = assetsChanged
    ? buildAssetTable(id, scan.files, options.limits)
    : { assets: previous!.assets.over(scan.files), problems: previous!.assetProblems };
  const scanProblems = [
    ...scan.problems,
    ...assetProblems,
    ...emptyStandFolders(id, scan.emptyDirs),
    ...noStandsFolder(id, scan),
  ];

  const touched = [...change.added, ...change.changed, ...change.removed];
  const configChanged = !previous || touched.some((rel) => SITE_CONFIG_FILES.includes(rel));
  const config = configChanged
    ? readSiteConfig(id, root, siteConfigFiles(scan.files))
    : {
        title: previous!.siteTitle,
        baseUrl: previous!.siteBaseUrl,
        params: previous!.siteParams,
        // The walk's own (a link out) are in scan.problems already.
        problems: previous!.scanProblems.filter(
          (p) => SITE_CONFIG_FILES.includes(p.file) && p.code !== 'symlink-outside',
        ),
      };
  scanProblems.push(...config.problems);

  // What the home page and the stands' and themes' sections cascade: read again when one of them changed.
  const cascadeTouched = !previous || touched.some((rel) => CASCADE_SECTIONS.includes(dirOfIndex(rel)));
  const cascade = cascadeTouched ? readCascade(root, scan.files, options.limits) : previous.cascade;
  const cascadeChanged =
    cascadeTouched && JSON.stringify(cascade) !== JSON.stringify(previous?.cascade ?? NO_CASCADE);

  const collection = previous?.collection ?? emptyCollection(id, root, path.basename(root));
  collection.available = true;
  if (!previous?.customName) collection.name = config.title ?? path.basename(root);
  collection.year = yearIn(config.title, path.basename(root));

  const state: CollectionState = previous ?? {
    collection,
    customName: false,
    files: scan.files,
    walkSignature,
    walkProblems: scan.problems,
    emptyDirs: scan.emptyDirs,
    dirs: scan.dirs,
    scanStartedAt: scan.startedAt,
    scanProblems,
    siteParams: config.params,
    siteTitle: config.title,
    siteBaseUrl: config.baseUrl,
    cascade,
    standBuilds: new Map(),
    themeBuilds: new Map(),
    plan,
    assets,
    assetProblems,
    ...notDerivedYet(),
  };
  const rebuildAll = !previous || configChanged || !wasAvailable || cascadeChanged;
  // The walk updated the file table in place: the old list is today's without what appeared, plus what vanished.
  const oldPlan =
    previous && !rebuildAll ? (previous.plan ?? planCollection(oldFileList(scan, change))) : null;
  const changedKeys = rebuildAll ? new Set<string>() : changedLinkKeys(oldPlan!, plan, change);
  const affected = rebuildAll
    ? allOwners(plan, previous)
    : affectedOwners(previous, oldPlan!, plan, change, changedKeys);
  for (const owner of due) affected.add(owner);
  const touchedFiles = new Set(touched);

  state.files = scan.files;
  state.walkSignature = walkSignature;
  state.walkProblems = scan.problems;
  state.emptyDirs = scan.emptyDirs;
  state.dirs = scan.dirs;
  state.scanStartedAt = scan.startedAt;
  const previousScanProblems = previous?.scanProblems;
  state.scanProblems = scanProblems;
  state.siteParams = config.params;
  state.siteTitle = config.title;
  state.siteBaseUrl = config.baseUrl;
  state.cascade = cascade;
  state.plan = plan;
  state.assets = assets;
  state.assetProblems = assetProblems;

  const aliasesBefore = state.aliases ?? aliasTargets(state.standBuilds.values());
  // Not known again until the stands are built (should a run fail, the next one makes them afresh).
  state.aliases = null;
  const ctx: BuildContext = {
    collection: id,
    root,
    limits: options.limits,
    now,
    files: scan.files,
    assets,
    plan,
    siteParams: config.params,
    cascade: cascadeChains(cascade),
    // Those of the last run: the stands built now may change them (see below).
    aliases: aliasesBefore,
  };
  const reread: string[] = [];
  // The search index follows each stand as it is built: its text is needed only for that moment.
  const search = !state.search || rebuildAll ? CollectionSearch.build([]) : state.search;
  const replaced = new Map<string, StandBuild | ThemeBuild | undefined>();
  const total = affected.size;
  let done = 0;
  /** Builds an owner again; `aliasKeys` in the second pass, which rebuilds the links to aliases that changed. */
  const rebuild = (owner: string, aliasKeys?: Set<string>) => {
    const kind = owner.slice(0, owner.indexOf(':'));
    const key = owner.slice(owner.indexOf(':') + 1);
    if (kind === 'stand') {
      const old = state.standBuilds.get(key);
      if (!replaced.has(owner)) replaced.set(owner, old);
      const standPlan = plan.stands.get(key);
      if (!standPlan) {
        state.standBuilds.delete(key);
        if (old?.stand) search.replaceStand(old.stand.slug, []);
        return;
      }
      const reusable = new Map<string, PageBuild>();
      // The stand folder's _index.md may cascade to its pages: a change to it reaches them all.
      const sectionTouched = standPlan.section !== null && touchedFiles.has(standPlan.section);
      if (aliasKeys) {
        // Its files were read in this run or did not change: only the pages linking to those aliases are read.
        for (const pageBuild of old?.pageBuilds ?? [])
          if (!splitDeps(pageBuild.deps).some((dep) => aliasKeys.has(dep)))
            reusable.set(pageBuild.page.file, pageBuild);
      }
      // So may a date that came: the stand is built again, all of it.
      else if (!rebuildAll && old && !sectionTouched && !due.has(owner)) {
        for (const pageBuild of old.pageBuilds) {
          if (touchedFiles.has(pageBuild.page.file)) continue;
          if (splitDeps(pageBuild.deps).some((dep) => changedKeys.has(dep))) continue;
          reusable.set(pageBuild.page.file, pageBuild);
        }
      }
      // So may a section's inside the folder (sub/_index.md): a change to it reaches the pages below it.
      const reuse = (page: PagePlan) =>
        !aliasKeys && page.sections?.some((file) => touchedFiles.has(file))
          ? undefined
          : reusable.get(page.file);
      const build = keepLastReadable(buildStand(ctx, standPlan, reuse), old);
      reread.push(...filesOfStand(standPlan).filter((file) => !reusable.has(file)));
      state.standBuilds.set(key, build);
      search.replaceStand(standPlan.slug, searchDocsOf(build));
    } else {
      if (!replaced.has(owner)) replaced.set(owner, state.themeBuilds.get(key));
      const themePlan = plan.themes.get(key);
      if (!themePlan) {
        state.themeBuilds.delete(key);
        return;
      }
      state.themeBuilds.set(key, buildTheme(ctx, themePlan));
      if (themePlan.file) reread.push(themePlan.file);
    }
  };
  for (const owner of affected) {
    progress('reading', done++, total);
    rebuild(owner);
  }
  // What a link to an alias leads to is only known once every stand declaring it is built: those
  // linking to an alias that appeared, went or now leads elsewhere are built again (aliases depend on
  // front matter only, so this second pass changes none).
  // Only a stand built again that declares aliases, or did, can change them.
  const redeclared = [...replaced].some(
    ([owner, old]) =>
      owner.startsWith('stand:') &&
      (declaresAliases(old as StandBuild | undefined) ||
        declaresAliases(state.standBuilds.get(owner.slice('stand:'.length)))),
  );
  const aliases = redeclared ? aliasTargets(state.standBuilds.values()) : aliasesBefore;
  const aliasKeys = redeclared ? changedAliasKeys(aliasesBefore, aliases) : new Set<string>();
  if (aliasKeys.size > 0) {
    ctx.aliases = aliases;
    // An index of dependencies made before this run knows the owners just built by their old ones.
    const stale = state.depIndex !== null;
    const again = new Set<string>();
    for (const key of aliasKeys) for (const owner of ownersOf(state, key)) again.add(owner);
    if (stale) for (const owner of affected) if (dependsOn(state, owner, aliasKeys)) again.add(owner);
    for (const owner of again) rebuild(owner, aliasKeys);
  }
  state.aliases = aliases;
  progress('assembling', total, total);
  collection.indexedAt = new Date().toISOString();
  deriveState(state, rebuildAll ? undefined : replaced, previousScanProblems);
  state.search = search;
  progress('done', total, total);
  return {
    state,
    outcome: { collection, change, problems: state.problems, reread: [...new Set(reread)].sort() },
  };
}

/** Whether the current build of an owner looked up one of `keys`. */
function dependsOn(state: CollectionState, owner: string, keys: ReadonlySet<string>): boolean {
  const key = owner.slice(owner.indexOf(':') + 1);
  const stand = owner.startsWith('stand:') ? state.standBuilds.get(key) : null;
  const deps =
    stand !== null ? (stand ? depsOfBuild(stand) : []) : splitDeps(state.themeBuilds.get(key)?.deps ?? '');
  return deps.some((dep) => keys.has(dep));
}

/**
 * The stands and themes whose next publish or expiry date has come (see StandBuild.until), or whose
 * latest passed one lies ahead again (the clock was set back): what is published changed though no
 * file did.
 */
export function dueOwners(state: CollectionState, now: number): Set<string> {
  const due = new Set<string>();
  const isDue = (build: { until?: number; since?: number }) =>
    (build.until !== undefined && build.until <= now) || (build.since !== undefined && build.since > now);
  for (const [key, build] of state.standBuilds) if (isDue(build)) due.add(`stand:${key}`);
  for (const [key, build] of state.themeBuilds) if (isDue(build)) due.add(`theme:${key}`);
  return due;
}

function folderProblem(
  root: string,
): { code: 'folder-missing' | 'folder-unreadable' | 'not-a-stands-folder'; message: string } | null {
  let stat;
  try {
    stat = statSync(root);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') {
      return { code: 'folder-unreadable', message: `The folder ${root} cannot be read (permission denied).` };
    }
    return {
      code: 'folder-missing',
      message: `The folder ${root} is not there (was a drive removed?). Its stands are kept as they were last indexed.`,
    };
  }
  if (!stat.isDirectory())
    return { code: 'not-a-stands-folder', message: `${root} is a file, not a stands folder.` };
  try {
    if (!statSync(path.join(root, 'content')).isDirectory()) throw new Error('not a directory');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') {
      return {
        code: 'folder-unreadable',
        message: `The content folder of ${root} cannot be read (permission denied).`,
      };
    }
    const inside = standsFoldersIn(root);
    return {
      code: 'not-a-stands-folder',
      message:
        inside.length === 0
          ? `${root} has no content/ folder, so it is not a stands website checkout. Choose the folder that holds config.toml, content/ and static/.`
          : `${root} has no content/ folder, so it is not a stands website checkout. It holds stands folders: ${listed(inside, SHOWN_STANDS_FOLDERS)}; choose one of them, the folder that holds config.toml, content/ and static/.`,
    };
  }
  return null;
}

/** At most this many of the stands folders found inside are named in that message. */
const SHOWN_STANDS_FOLDERS = 10;

/**
 * The folders directly inside `parent` that hold a content/ folder, by name: what an organiser who gave
 * the folder holding the editions (Kiosk/stands) meant to give. Hidden folders are left out.
 */
function standsFoldersIn(parent: string): string[] {
  let names: string[];
  try {
    names = readdirSync(parent).filter((name) => !name.startsWith('.'));
  } catch {
    return [];
  }
  return names.sort().filter((name) => {
    try {
      return statSync(path.join(parent, name, 'content')).isDirectory();
    } catch {
      return false;
    }
  });
}

function listed(names: string[], most: number): string {
  const shown = names.slice(0, most).join(', ');
  return names.length > most ? `${shown} and ${names.length - most} more` : shown;
}

function emptyStandFolders(collection: string, emptyDirs: string[]) {
  return emptyDirs
    .filter((dir) => /^content\/stands\/[^/]+$/.test(dir))
    .map((dir) =>
      problem(
        collection,
        dir,
        'stand-empty',
        "This stand folder is empty, perhaps because the stand's repository was not checked out. Check it out, or remove the folder.",
        { stand: null },
      ),
    );
}

/**
 * A Hugo site without content/stands/ (a blog, the wrong folder given in CI) has no stands to show: an
 * error, so that `check` fails instead of passing on "0 stands". An edition just begun has the folder.
 */
function noStandsFolder(collection: string, scan: ScanResult) {
  if (scan.dirs.has('content/stands')) return [];
  return [
    problem(
      collection,
      'content',
      'not-a-stands-folder',
      'This folder has no content/stands/ folder, so it has no stands. Is it the checkout of a stands website? Its stands go in content/stands/.',
      { stand: null },
    ),
  ];
}

/** The sections whose cascade reaches stands or themes, from the nearest: the home page last. */
const CASCADE_SECTIONS = ['content', 'content/stands', 'content/themes'];

/** The folder of a section's _index file ('' for any other file). */
function dirOfIndex(rel: string): string {
  return isSectionIndex(rel) ? dirOf(rel) : '';
}

/**
 * The `cascade` of the home page and of the stands' and themes' sections, as written (null where there
 * is none). A file that cannot be read or parsed cascades nothing; its problems are not a stand's.
 */
function readCascade(root: string, files: Map<string, ScannedFile>, limits: Limits): SiteCascade {
  const of = (dir: string): unknown => {
    for (const ext of CONTENT_EXTENSIONS) {
      const scanned = files.get(`${dir}/_index.${ext}`);
      if (!scanned) continue;
      const read = readTextFile(absolutePathOf(root, scanned), limits.maxContentFileBytes);
      if (!read.ok) return null;
      return (
        parseFrontMatter(read.text, limits.maxYamlAliases, limits.maxFrontMatterBytes).data.cascade ?? null
      );
    }
    return null;
  };
  return { home: of('content'), stands: of('content/stands'), themes: of('content/themes') };
}

/** The chains a stand's and a theme's files are under (the pages of a stand also under its folder's). */
function cascadeChains(cascade: SiteCascade): { stands: CascadeChain; themes: CascadeChain } {
  const home = cascadeRules({ cascade: cascade.home });
  const chain = (section: unknown) =>
    [cascadeRules({ cascade: section }), home].filter((rules) => rules.length > 0);
  return { stands: chain(cascade.stands), themes: chain(cascade.themes) };
}

/**
 * The site configuration's files, in the order Hugo reads them: the first at the top there is, then
 * every one of the configuration directory there is.
 */
function siteConfigFiles(files: Map<string, ScannedFile>): ScannedFile[] {
  const top = CONFIG_FILES.find((name) => files.has(name));
  return [top, ...CONFIG_DIR_FILES].flatMap((name) => (name === undefined ? [] : (files.get(name) ?? [])));
}

/** The files of the walk before this one. */
function* oldFileList(scan: ScanResult, change: IndexChange): Generator<string, void, undefined> {
  const added = new Set(change.added);
  for (const rel of scan.files.keys()) if (!added.has(rel)) yield rel;
  yield* change.removed;
}

/** Every stand and theme of the plan, and those the last run built that are gone now. */
function allOwners(plan: CollectionPlan, previous: CollectionState | null): Set<string> {
  const owners = new Set<string>();
  for (const key of plan.stands.keys()) owners.add(`stand:${key}`);
  for (const key of plan.themes.keys()) owners.add(`theme:${key}`);
  for (const key of previous?.standBuilds.keys() ?? []) owners.add(`stand:${key}`);
  for (const key of previous?.themeBuilds.keys() ?? []) owners.add(`theme:${key}`);
  return owners;
}

/** Link-map keys of files that appeared or vanished: references to them resolve differently now. */
function changedLinkKeys(oldPlan: CollectionPlan, plan: CollectionPlan, change: IndexChange): Set<string> {
  const keys = new Set<string>();
  for (const rel of change.added)
    for (const key of isContentFile(rel) ? linkKeysOf(plan, rel) : [`file:${rel}`, caseKeyOf(rel)])
      keys.add(key);
  for (const rel of change.removed)
    for (const key of isContentFile(rel) ? linkKeysOf(oldPlan, rel) : [`file:${rel}`, caseKeyOf(rel)])
      keys.add(key);
  return keys;
}

function affectedOwners(
  previous: CollectionState,
  oldPlan: CollectionPlan,
  plan: CollectionPlan,
  change: IndexChange,
  keys: Set<string>,
): Set<string> {
  const owners = new Set<string>();
  const addOwner = (p: CollectionPlan, rel: string) => {
    const owner = ownerOf(p, rel);
    if (owner) owners.add(owner);
  };
  for (const rel of [...change.added, ...change.changed]) addOwner(plan, rel);
  for (const rel of [...change.removed, ...change.changed]) addOwner(oldPlan, rel);
  // Files that appeared or vanished change what references resolve to.
  for (const key of keys) for (const owner of ownersOf(previous, key)) owners.add(owner);
  for (const key of oldPlan.stands.keys()) if (!plan.stands.has(key)) owners.add(`stand:${key}`);
  for (const key of oldPlan.themes.keys()) if (!plan.themes.has(key)) owners.add(`theme:${key}`);
  return owners;
}

function filesOfStand(plan: {
  listings: string[];
  section: string | null;
  bundle: string | null;
  pages: { file: string }[];
  orphans: { file: string }[];
}): string[] {
  return [
    ...plan.listings,
    plan.section,
    plan.bundle,
    ...plan.pages.map((p) => p.file),
    ...plan.orphans.map((p) => p.file),
  ].filter((file): file is string => file !== null);
}
