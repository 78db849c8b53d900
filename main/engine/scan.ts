// Walks a stand folder: only `config.toml`, `content/` and `static/` (other folders of a site checkout,
// such as `themes/` or `.git/`, are not content). Symlinks are followed only when they stay inside the
// folder; pipes, sockets and devices are never opened; depth and file count are capped.
//
// The walk is what a re-index with nothing changed costs, so it does as little as it can: a folder
// whose modification time has not changed since the last walk (and was already old then) still has
// the same entries, so its listing is taken from the last walk instead of being read again; pages are
// always stat'ed (an edit changes their size or time, not their folder's), while assets in such a
// folder keep their last size and time (the index only needs to know they exist).
import { lstatSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
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
  /** The last walk that saw it (scanFolder's own bookkeeping). */
  seen?: number;
}

/** A folder's entries as of a walk: name prefixed by its kind (d folder, f file, l link, o other). */
export interface ScannedDir {
  mtimeMs: number;
  entries: string[];
  /** The last walk that saw it (scanFolder's own bookkeeping). */
  seen?: number;
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
export const CONFIG_FILES = ['config.toml', 'hugo.toml'];
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
  const files = inPlace ? previous.files : new Map<string, ScannedFile>();
  const dirs = inPlace ? previous.dirs : new Map<string, ScannedDir>();
  const filesBefore = new Map<string, ScannedFile | undefined>();
  const dirsBefore = new Map<string, ScannedDir | undefined>();
  // Entries marked by this walk: when they are all there is, nothing vanished and nothing is swept.
  let filesSeen = 0;
  let dirsSeen = 0;
  const setFile = (rel: string, file: ScannedFile) => {
    const old = files.get(rel);
    if (old && old.size === file.size && old.mtimeMs === file.mtimeMs && old.real === file.real) {
      if (old.seen !== generation) filesSeen++;
      old.seen = generation;
      return;
    }
    if (inPlace && !filesBefore.has(rel)) filesBefore.set(rel, old);
    files.set(rel, file);
    if (old?.seen !== generation) filesSeen++;
    file.seen = generation;
  };
  const deleteFile = (rel: string): boolean => {
    if (inPlace && !filesBefore.has(rel)) filesBefore.set(rel, files.get(rel));
    return files.delete(rel);
  };
  const setDir = (rel: string, dir: ScannedDir) => {
    const old = dirs.get(rel);
    if (old && sameDir(old, dir)) {
      if (old.seen !== generation) dirsSeen++;
      old.seen = generation;
      return;
    }
    if (inPlace && !dirsBefore.has(rel)) dirsBefore.set(rel, old);
    dirs.set(rel, dir);
    if (old?.seen !== generation) dirsSeen++;
    dir.seen = generation;
  };
  const deleteDir = (rel: string) => {
    if (inPlace && !dirsBefore.has(rel)) dirsBefore.set(rel, dirs.get(rel));
    dirs.delete(rel);
  };
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
      if (old.seen !== generation) filesSeen++;
      old.seen = generation;
      return;
    }
    setFile(
      rel,
      real
        ? { rel, size: stat.size, mtimeMs: stat.mtimeMs, real }
        : { rel, size: stat.size, mtimeMs: stat.mtimeMs },
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
    setDir(relDir, { mtimeMs, entries: listed.entries });
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
      if (kind === 'f') {
        const known =
          listed.cached && !isContentFile(rel)
            ? filesBefore.has(rel)
              ? filesBefore.get(rel)
              : previous?.files.get(rel)
            : undefined;
        if (known && !known.real) setFile(rel, known);
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
      setFile(rel, { rel, size: target.size, mtimeMs: target.mtimeMs, real });
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
    for (const name of CONFIG_FILES) deleteFile(name);
    const drop = (dir: string) => {
      const known = dirs.get(dir);
      deleteDir(dir);
      for (const entry of known?.entries ?? []) {
        const rel = `${dir}/${entry.slice(1)}`;
        if (entry[0] === 'd' || entry[0] === 'l') drop(rel);
        if (deleteFile(rel)) scope!.add(rel);
      }
    };
    for (const dir of subtrees) drop(dir);
    const walked = subtrees;
    const inside = (rel: string) => walked.some((dir) => rel === dir || rel.startsWith(`${dir}/`));
    for (const rel of restat) {
      if (inside(rel)) continue;
      deleteFile(rel);
      scope!.add(rel);
      stamp(rel, path.join(realRoot, ...rel.split('/')));
    }
    for (const item of previous.problems) if (!inside(item.file)) problems.push(item);
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
  for (const name of CONFIG_FILES) {
    const abs = path.join(realRoot, name);
    try {
      const stat = statSync(abs);
      const real = realpathSync(abs);
      if (stat.isFile() && isInsideDir(realRoot, real)) {
        setFile(
          name,
          real === abs
            ? { rel: name, size: stat.size, mtimeMs: stat.mtimeMs }
            : { rel: name, size: stat.size, mtimeMs: stat.mtimeMs, real },
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
    for (const name of CONFIG_FILES) scope.add(name);
  }
  if (inPlace && !partial) {
    // What the whole walk did not see is gone.
    if (filesSeen !== files.size) files.forEach((file, rel) => file.seen !== generation && deleteFile(rel));
    if (dirsSeen !== dirs.size) dirs.forEach((dir, rel) => dir.seen !== generation && deleteDir(rel));
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
            for (const [rel, file] of filesBefore) {
              if (file) files.set(rel, file);
              else files.delete(rel);
            }
            for (const [rel, dir] of dirsBefore) {
              if (dir) dirs.set(rel, dir);
              else dirs.delete(rel);
            }
          },
        }
      : null,
  };
}

/** Walks so far, to mark what a walk saw (see scanFolder). */
let walkGeneration = 0;

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
