// Walks a stand folder: only its site configuration (`config.toml`, SITE_CONFIG_FILES), `content/`
// and `static/` (other folders of a site checkout, such as `themes/` or `.git/`, are not content). Symlinks
// are followed only when they stay inside the folder; pipes, sockets and devices are never opened; depth
// and file count are capped.
//
// The walk is what a re-index with nothing changed costs, so it does as little as it can: a folder
// whose modification time has not changed since the last walk (and was already old then) still has
// the same entries, so its listing is taken from the last walk instead of being read again; pages are
// always stat'ed (an edit changes their size or time, not their folder's), while assets in such a
// folder keep their last size and time (the index only needs to know they exist).
import { existsSync, lstatSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import type { Limits } from './api';
import { isInsideDir } from './paths';
import { isContentFile } from './plan';
import { problem } from './problems';
import type { Problem } from './types';

export interface ScannedFile {
  /** Folder-relative path, forward slashes. */
  rel: string;
  size: number;
  mtimeMs: number;
  /** The real absolute path when the file is reached through a symlink inside the folder. */
  real?: string;
  /**
   * The last walk that saw it (scanFolder's own bookkeeping; 0 before any). Set when the entry is made,
   * so every entry has the same layout: marking 70,000 entries made without it gave each one a second,
   * separate block of properties (8 MB at 10,000 stands).
   */
  seen: number;
}

/** A folder's entries as of a walk: name prefixed by its kind (d folder, f file, l link, o other). */
export interface ScannedDir {
  mtimeMs: number;
  entries: string[];
  /** The last walk that saw it (scanFolder's own bookkeeping; 0 before any), as for files. */
  seen: number;
}

export interface ScanResult {
  files: Map<string, ScannedFile>;
  dirs: Map<string, ScannedDir>;
  /** Problems of the walk itself. */
  problems: Problem[];
  /** Folder-relative directories found empty (stand folders whose repository was not checked out). */
  emptyDirs: string[];
  /** When the walk started (ms since the epoch): what the next walk compares folder times with. */
  startedAt: number;
  /** For a partial walk, the only files that may differ from the last walk; null after a full walk. */
  scope: Set<string> | null;
  /**
   * For a partial walk, which updates the last walk's tables in place (copying them costs more than
   * the walk itself), what the changed entries were before; `undo` puts them back.
   */
  before: { files: Map<string, ScannedFile | undefined>; undo(): void } | null;
}

/** What a partial walk (watch mode) looks at again, folder-relative. */
export interface PartialWalk {
  /** Folders walked again, with everything below them. */
  dirs: string[];
  /** Files only stat'ed again (their content changed); one that is gone or new has its folder walked. */
  files: string[];
}

/** What the last walk knew, to skip reading folders and stat'ing assets that cannot have changed. */
export interface PreviousScan {
  files: Map<string, ScannedFile>;
  dirs: Map<string, ScannedDir>;
  startedAt: number;
  problems: Problem[];
  emptyDirs: string[];
}

const TOP_LEVEL = ['content', 'static'];
/**
 * The site configuration files Hugo reads, in its order: it reads the first there is (checked with Hugo
 * 0.111, Debian's, which prefers hugo.* since 0.110 and reads `.yml` after `.yaml`).
 */
export const CONFIG_FILES = [
  'hugo.toml',
  'hugo.yaml',
  'hugo.yml',
  'hugo.json',
  'config.toml',
  'config.yaml',
  'config.yml',
  'config.json',
];
/**
 * The files of Hugo's configuration directory it reads (`config/_default/`, then `config/production/`, as
 * `hugo` builds for production), each over what came before: the site's own (`hugo.*`, `config.*`) and
 * its `params.*`, in each folder in the order of their names (checked with Hugo 0.111).
 */
export const CONFIG_DIR_FILES = ['_default', 'production'].flatMap((dir) =>
  ['config', 'hugo', 'params'].flatMap((name) =>
    ['json', 'toml', 'yaml', 'yml'].map((ext) => `config/${dir}/${name}.${ext}`),
  ),
);
/** Every file the site configuration may be read from, at the top and in the configuration directory. */
export const SITE_CONFIG_FILES = [...CONFIG_FILES, ...CONFIG_DIR_FILES];
/** Folder times can be this coarse (FAT on USB sticks): a folder changed this close to a walk is read again. */
const MTIME_SLACK_MS = 3000;

/** Hugo ignores dot files, editor backups and lock files; so do we, quietly. */
function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('#') || name.endsWith('~');
}

/** The absolute path to read a scanned file at. */
export function absolutePathOf(root: string, file: ScannedFile): string {
  return file.real ?? path.join(root, ...file.rel.split('/'));
}

/** Walks `root` (an existing directory) and returns every usable file with its size and mtime. */
export function scanFolder(
  root: string,
  collection: string,
  limits: Limits,
  previous?: PreviousScan,
  only?: PartialWalk,
): ScanResult {
  const startedAt = Date.now();
  // A walk after an earlier one updates that walk's tables in place: building them anew costs more
  // than the walk itself at 10,000 stands (90,000 entries, most of them unchanged). What it replaces is
  // kept in `filesBefore`/`dirsBefore`, to tell what changed and to undo. A whole walk marks what it
  // sees with this generation and drops the rest afterwards.
  const inPlace = previous !== undefined;
  const partial = inPlace && only !== undefined;
  const generation = ++walkGeneration;
  const fileTable = new WalkTable(previous?.files, generation, sameFile);
  const dirTable = new WalkTable(previous?.dirs, generation, sameDir);
  const files = fileTable.map;
  const dirs = dirTable.map;
  const filesBefore = fileTable.before;
  const dirsBefore = dirTable.before;
  const problems: Problem[] = [];
  const emptyDirs: string[] = [];
  const realRoot = realpathSync(root);
  const visitedDirs = new Set<string>([realRoot]);
  const trustBefore = previous ? previous.startedAt - MTIME_SLACK_MS : -Infinity;
  let entries = 0;
  let stopped = false;

  const stamp = (rel: string, abs: string, real?: string): void => {
    let stat: Stats;
    try {
      stat = statSync(abs);
    } catch (error) {
      problems.push(
        problem(
          collection,
          rel,
          'file-unreadable',
          `This file could not be read (${codeOf(error)}), so it was skipped.`,
        ),
      );
      return;
    }
    if (!stat.isFile()) {
      problems.push(
        problem(
          collection,
          rel,
          'file-not-regular',
          'This is not a regular file (a pipe, socket or device), so it was skipped.',
        ),
      );
      return;
    }
    // Unchanged (the usual case): mark the entry the last walk made rather than make another.
    const old = files.get(rel);
    if (old && old.size === stat.size && old.mtimeMs === stat.mtimeMs && old.real === real) {
      fileTable.keep(old);
      return;
    }
    fileTable.set(
      rel,
      real
        ? { rel, size: stat.size, mtimeMs: stat.mtimeMs, real, seen: 0 }
        : { rel, size: stat.size, mtimeMs: stat.mtimeMs, seen: 0 },
    );
  };

  const listing = (
    absDir: string,
    relDir: string,
    mtimeMs: number,
  ): { entries: string[]; cached: boolean } | null => {
    // In a partial walk the tables are updated in place: what the last walk knew may be in `dirsBefore`.
    const known = dirsBefore.has(relDir) ? dirsBefore.get(relDir) : previous?.dirs.get(relDir);
    if (known && known.mtimeMs === mtimeMs && mtimeMs < trustBefore)
      return { entries: known.entries, cached: true };
    let dirents: Dirent[];
    try {
      dirents = readdirSync(absDir, { withFileTypes: true });
    } catch (error) {
      problems.push(
        problem(
          collection,
          relDir,
          'folder-unreadable',
          `This folder could not be read (${codeOf(error)}), so its files were skipped.`,
        ),
      );
      return null;
    }
    const list: string[] = [];
    for (const dirent of dirents) {
      if (isIgnoredName(dirent.name)) continue;
      const kind = dirent.isDirectory() ? 'd' : dirent.isFile() ? 'f' : dirent.isSymbolicLink() ? 'l' : 'o';
      list.push(kind + dirent.name);
    }
    return { entries: list, cached: false };
  };

  const walk = (absDir: string, relDir: string, depth: number, mtimeMs: number) => {
    const listed = listing(absDir, relDir, mtimeMs);
    if (!listed) return;
    dirTable.set(relDir, { mtimeMs, entries: listed.entries, seen: 0 });
    if (listed.entries.length === 0) emptyDirs.push(relDir);
    for (const entry of listed.entries) {
      if (stopped) return;
      if (++entries > limits.maxFiles) {
        stopped = true;
        problems.push(
          problem(
            collection,
            relDir,
            'too-many-files',
            `This folder holds more than ${limits.maxFiles} files; Standalone stopped reading there, so some stands may be missing.`,
          ),
        );
        return;
      }
      const kind = entry[0];
      const name = entry.slice(1);
      const rel = `${relDir}/${name}`;
      const abs = `${absDir}${path.sep}${name}`;
      // Node reads a name that is not UTF-8 with U+FFFD for the bad bytes, and that name leads nowhere.
      if (name.includes('\uFFFD') && !leadsSomewhere(abs)) {
        const folder = kind === 'd';
        problems.push(
          problem(
            collection,
            rel,
            folder ? 'folder-unreadable' : 'file-unreadable',
            `The name of this ${folder ? 'folder' : 'file'} is not valid text (UTF-8), so Standalone cannot open it and skipped it${folder ? ' with its files' : ''}. Rename it.`,
          ),
        );
        continue;
      }
      if (kind === 'f') {
        const known =
          listed.cached && !isContentFile(rel)
            ? filesBefore.has(rel)
              ? filesBefore.get(rel)
              : previous?.files.get(rel)
            : undefined;
        if (known && !known.real) fileTable.set(rel, known);
        else stamp(rel, abs);
      } else if (kind === 'd') {
        enterDir(abs, rel, depth, false);
      } else if (kind === 'l') {
        followLink(abs, rel, depth, absDir);
      } else {
        problems.push(
          problem(
            collection,
            rel,
            'file-not-regular',
            'This is not a regular file (a pipe, socket or device), so it was skipped.',
          ),
        );
      }
    }
  };

  const enterDir = (abs: string, rel: string, depth: number, viaLink: boolean) => {
    if (depth + 1 > limits.maxDepth) {
      problems.push(
        problem(
          collection,
          rel,
          'too-deep',
          `This folder is nested more than ${limits.maxDepth} levels deep, so its contents were skipped.`,
        ),
      );
      return;
    }
    let stat: Stats;
    try {
      stat = statSync(abs);
    } catch (error) {
      problems.push(
        problem(
          collection,
          rel,
          'folder-unreadable',
          `This folder could not be read (${codeOf(error)}), so its files were skipped.`,
        ),
      );
      return;
    }
    // A folder reached through a link may be listed again later by its own name: never trust a cache.
    walk(abs, rel, depth + 1, viaLink ? Number.NaN : stat.mtimeMs);
  };

  const followLink = (abs: string, rel: string, depth: number, absDir: string) => {
    let real: string;
    try {
      real = realpathSync(abs);
    } catch {
      problems.push(
        problem(collection, rel, 'file-skipped', 'This link points at nothing, so it was skipped.'),
      );
      return;
    }
    if (!isInsideDir(realRoot, real)) {
      problems.push(
        problem(
          collection,
          rel,
          'symlink-outside',
          'This is a link to a place outside the folder. Standalone never reads outside the folder, so it was skipped. Copy the file into the folder instead.',
        ),
      );
      return;
    }
    let target: Stats;
    try {
      target = statSync(real);
    } catch (error) {
      problems.push(
        problem(collection, rel, 'file-unreadable', `This link could not be followed (${codeOf(error)}).`),
      );
      return;
    }
    if (target.isFile()) {
      fileTable.set(rel, { rel, size: target.size, mtimeMs: target.mtimeMs, real, seen: 0 });
      return;
    }
    if (!target.isDirectory()) {
      problems.push(
        problem(
          collection,
          rel,
          'file-not-regular',
          'This is not a regular file (a pipe, socket or device), so it was skipped.',
        ),
      );
      return;
    }
    // A link back up the tree must not make the walk go round in circles.
    if (visitedDirs.has(real) || isInsideDir(real, absDir)) {
      problems.push(
        problem(
          collection,
          rel,
          'file-skipped',
          'This link leads back to a folder that contains it, so it was skipped.',
        ),
      );
      return;
    }
    visitedDirs.add(real);
    enterDir(real, rel, depth, true);
  };

  const restat: string[] = [];
  let subtrees: string[] | null = null;
  if (previous && only) {
    // A changed file is stat'ed on its own when it is still the plain file the last walk found, reached
    // by the same path; anything else (new, gone, a link, now a folder) has its folder walked again.
    const walkDirs = [...only.dirs];
    for (const rel of new Set(only.files)) {
      const known = previous.files.get(rel);
      const parent = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
      if (known && !known.real && isStillPlainFile(realRoot, rel)) restat.push(rel);
      else if (previous.dirs.has(rel)) walkDirs.push(rel);
      else if (parent !== '') walkDirs.push(parent);
    }
    subtrees = minimalDirs(walkDirs);
  }
  /** Files the partial walk may have changed: those it saw and those it dropped. */
  const scope = subtrees ? new Set<string>() : null;
  if (subtrees && previous) {
    // Watch mode: only the folders something happened in are walked again; the rest is as it was.
    for (const name of SITE_CONFIG_FILES) fileTable.delete(name);
    const drop = (dir: string) => {
      const known = dirs.get(dir);
      dirTable.delete(dir);
      for (const entry of known?.entries ?? []) {
        const rel = `${dir}/${entry.slice(1)}`;
        if (entry[0] === 'd' || entry[0] === 'l') drop(rel);
        if (fileTable.delete(rel)) scope!.add(rel);
      }
    };
    for (const dir of subtrees) drop(dir);
    const walked = subtrees;
    const inside = (rel: string) => walked.some((dir) => rel === dir || rel.startsWith(`${dir}/`));
    for (const rel of restat) {
      if (inside(rel)) continue;
      fileTable.delete(rel);
      scope!.add(rel);
      stamp(rel, path.join(realRoot, ...rel.split('/')));
    }
    // The configuration is looked at again below, with its problems.
    for (const item of previous.problems)
      if (!inside(item.file) && !SITE_CONFIG_FILES.includes(item.file)) problems.push(item);
    for (const dir of previous.emptyDirs) if (!inside(dir)) emptyDirs.push(dir);
    for (const dir of subtrees) {
      const abs = path.join(realRoot, ...dir.split('/'));
      let stat: Stats;
      try {
        stat = lstatSync(abs);
      } catch {
        continue;
      }
      // A linked folder is walked by its parent, which knows whether the link may be followed.
      if (!stat.isDirectory()) continue;
      const depth = dir.split('/').length;
      if (depth > limits.maxDepth) continue;
      walk(abs, dir, depth, stat.mtimeMs);
    }
  } else {
    for (const top of TOP_LEVEL) {
      const abs = path.join(realRoot, top);
      let real: string;
      let stat: Stats;
      try {
        real = realpathSync(abs);
        stat = statSync(real);
      } catch {
        continue;
      }
      if (!isInsideDir(realRoot, real)) {
        problems.push(
          problem(
            collection,
            top,
            'symlink-outside',
            `The ${top} folder is a link to a place outside the folder, so it was skipped.`,
          ),
        );
        continue;
      }
      if (!stat.isDirectory()) continue;
      visitedDirs.add(real);
      walk(real, top, 1, real === abs ? stat.mtimeMs : Number.NaN);
    }
  }
  // The configuration directory's files are looked for only in its folders that are there: a failed
  // look-up costs 20 µs, and most sites have none of those folders.
  const configDirs = new Map<string, boolean>();
  for (const name of SITE_CONFIG_FILES) {
    const dir = name.slice(0, Math.max(0, name.lastIndexOf('/')));
    if (dir !== '' && !configDirs.has(dir)) configDirs.set(dir, existsSync(path.join(realRoot, dir)));
    if (dir !== '' && !configDirs.get(dir)) continue;
    const abs = path.join(realRoot, ...name.split('/'));
    try {
      const real = realpathSync(abs);
      if (!isInsideDir(realRoot, real)) {
        problems.push(
          problem(
            collection,
            name,
            'symlink-outside',
            'This is a link to a place outside the folder. Standalone never reads outside the folder, so the site configuration was not read from it. Copy the file into the folder instead.',
          ),
        );
        continue;
      }
      const stat = statSync(real);
      if (stat.isFile()) {
        fileTable.set(
          name,
          real === abs
            ? { rel: name, size: stat.size, mtimeMs: stat.mtimeMs, seen: 0 }
            : { rel: name, size: stat.size, mtimeMs: stat.mtimeMs, real, seen: 0 },
        );
      }
    } catch {
      // No site configuration: the folder's name is used instead.
    }
  }
  if (scope && subtrees) {
    const collect = (dir: string) => {
      for (const entry of dirs.get(dir)?.entries ?? []) {
        const rel = `${dir}/${entry.slice(1)}`;
        if (entry[0] === 'd' || entry[0] === 'l') collect(rel);
        if (files.has(rel)) scope.add(rel);
      }
    };
    for (const dir of subtrees) collect(dir);
    for (const name of SITE_CONFIG_FILES) scope.add(name);
  }
  if (inPlace && !partial) {
    // What the whole walk did not see is gone.
    fileTable.sweep();
    dirTable.sweep();
  }
  // A partial walk did not look at every folder: the next walk must not trust folders by this time.
  return {
    files,
    dirs,
    problems,
    emptyDirs,
    startedAt: subtrees && previous ? previous.startedAt : startedAt,
    // After a whole walk in place, what may differ is what it replaced.
    scope: scope ?? (inPlace ? new Set(filesBefore.keys()) : null),
    before: inPlace
      ? {
          files: filesBefore,
          undo() {
            fileTable.undo();
            dirTable.undo();
          },
        }
      : null,
  };
}

/** Walks so far, to mark what a walk saw (see scanFolder). */
let walkGeneration = 0;

/**
 * One of a walk's tables (files or folders), new or the last walk's updated in place. In place, it keeps
 * what each entry replaced (`before`), to tell what changed and to undo; it counts the entries this walk
 * marked, so that when they are all there are, nothing is swept.
 */
class WalkTable<T extends { seen: number }> {
  readonly before = new Map<string, T | undefined>();
  readonly map: Map<string, T>;
  private readonly inPlace: boolean;
  private marked = 0;

  constructor(
    previous: Map<string, T> | undefined,
    private readonly generation: number,
    private readonly same: (a: T, b: T) => boolean,
  ) {
    this.inPlace = previous !== undefined;
    this.map = previous ?? new Map();
  }

  /** Marks an entry this walk found unchanged. */
  keep(entry: T): void {
    if (entry.seen !== this.generation) this.marked++;
    entry.seen = this.generation;
  }

  set(rel: string, entry: T): void {
    const old = this.map.get(rel);
    if (old && this.same(old, entry)) return this.keep(old);
    this.remember(rel, old);
    this.map.set(rel, entry);
    if (old?.seen !== this.generation) this.marked++;
    entry.seen = this.generation;
  }

  delete(rel: string): boolean {
    this.remember(rel, this.map.get(rel));
    return this.map.delete(rel);
  }

  /** Deletes what this whole walk did not mark: it is gone. */
  sweep(): void {
    if (this.marked === this.map.size) return;
    this.map.forEach((entry, rel) => entry.seen !== this.generation && this.delete(rel));
  }

  undo(): void {
    for (const [rel, entry] of this.before) {
      if (entry) this.map.set(rel, entry);
      else this.map.delete(rel);
    }
  }

  private remember(rel: string, old: T | undefined): void {
    if (this.inPlace && !this.before.has(rel)) this.before.set(rel, old);
  }
}

function sameFile(a: ScannedFile, b: ScannedFile): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.real === b.real;
}

function sameDir(a: ScannedDir, b: ScannedDir): boolean {
  if (a.entries === b.entries) return Object.is(a.mtimeMs, b.mtimeMs);
  if (!Object.is(a.mtimeMs, b.mtimeMs) || a.entries.length !== b.entries.length) return false;
  for (let i = 0; i < a.entries.length; i++) if (a.entries[i] !== b.entries[i]) return false;
  return true;
}

/** Whether `rel` is still a regular file at its own path below the real root (no link on the way). */
function isStillPlainFile(realRoot: string, rel: string): boolean {
  const abs = path.join(realRoot, ...rel.split('/'));
  try {
    return lstatSync(abs).isFile() && realpathSync.native(abs) === abs;
  } catch {
    return false;
  }
}

/** Folders without those inside others of the list. */
function minimalDirs(list: string[]): string[] {
  const sorted = [...new Set(list)].sort();
  const out: string[] = [];
  for (const dir of sorted) if (!out.some((kept) => dir.startsWith(`${kept}/`))) out.push(dir);
  return out;
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'unknown error';
}

/**
 * Whether a path names something: false when it does not, or cannot even be looked at (a name that grew
 * past the system's limit once its bad bytes became U+FFFD, a folder that may not be entered).
 */
function leadsSomewhere(abs: string): boolean {
  try {
    return lstatSync(abs, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}
