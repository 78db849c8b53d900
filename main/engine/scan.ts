// Walks a stand folder: only `config.toml`, `content/` and `static/` (other folders of a site checkout,
// such as `themes/` or `.git/`, are not content). Symlinks are followed only when they stay inside the
// folder; pipes, sockets and devices are never opened; depth and file count are capped. The walk only
// stats: it is what a no-change re-index costs, so it reads no file contents.
import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import type { Limits } from './api';
import { isInsideDir } from './paths';
import { problem } from './problems';
import type { Problem } from './types';

export interface ScannedFile {
  /** Folder-relative path, forward slashes. */
  rel: string;
  /** Absolute path to read (a symlink's real target when the file is a link inside the folder). */
  abs: string;
  size: number;
  mtimeMs: number;
}

export interface ScanResult {
  files: Map<string, ScannedFile>;
  problems: Problem[];
  /** Folder-relative directories found empty (stand folders whose repository was not checked out). */
  emptyDirs: string[];
}

const TOP_LEVEL = ['content', 'static'];
export const CONFIG_FILES = ['config.toml', 'hugo.toml'];

/** Hugo ignores dot files, editor backups and lock files; so do we, quietly. */
function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('#') || name.endsWith('~');
}

/** Walks `root` (an existing directory) and returns every usable file with its size and mtime. */
export function scanFolder(root: string, collection: string, limits: Limits): ScanResult {
  const files = new Map<string, ScannedFile>();
  const problems: Problem[] = [];
  const emptyDirs: string[] = [];
  const realRoot = realpathSync(root);
  const visitedDirs = new Set<string>([realRoot]);
  let entries = 0;
  let stopped = false;

  const add = (rel: string, abs: string, stat: Stats) => {
    files.set(rel, { rel, abs, size: stat.size, mtimeMs: stat.mtimeMs });
  };

  const walk = (absDir: string, relDir: string, depth: number) => {
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
      return;
    }
    let used = 0;
    for (const dirent of dirents) {
      if (stopped) return;
      const name = dirent.name;
      if (isIgnoredName(name)) continue;
      used++;
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
      const rel = `${relDir}/${name}`;
      let abs = path.join(absDir, name);
      let isDir = dirent.isDirectory();
      let isFile = dirent.isFile();
      if (dirent.isSymbolicLink()) {
        let real: string;
        try {
          real = realpathSync(abs);
        } catch {
          problems.push(
            problem(collection, rel, 'file-skipped', 'This link points at nothing, so it was skipped.'),
          );
          continue;
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
          continue;
        }
        let target: Stats;
        try {
          target = statSync(real);
        } catch (error) {
          problems.push(
            problem(
              collection,
              rel,
              'file-unreadable',
              `This link could not be followed (${codeOf(error)}).`,
            ),
          );
          continue;
        }
        abs = real;
        isDir = target.isDirectory();
        isFile = target.isFile();
        if (isFile) {
          add(rel, abs, target);
          continue;
        }
      }
      if (isDir) {
        if (depth + 1 > limits.maxDepth) {
          problems.push(
            problem(
              collection,
              rel,
              'too-deep',
              `This folder is nested more than ${limits.maxDepth} levels deep, so its contents were skipped.`,
            ),
          );
          continue;
        }
        if (dirent.isSymbolicLink()) {
          // A link back up the tree must not make the walk go round in circles.
          if (visitedDirs.has(abs) || isInsideDir(abs, absDir)) {
            problems.push(
              problem(
                collection,
                rel,
                'file-skipped',
                'This link leads back to a folder that contains it, so it was skipped.',
              ),
            );
            continue;
          }
          visitedDirs.add(abs);
        }
        walk(abs, rel, depth + 1);
        continue;
      }
      if (!isFile) {
        problems.push(
          problem(
            collection,
            rel,
            'file-not-regular',
            'This is not a regular file (a pipe, socket or device), so it was skipped.',
          ),
        );
        continue;
      }
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
        continue;
      }
      if (!stat.isFile()) continue;
      add(rel, abs, stat);
    }
    if (used === 0) emptyDirs.push(relDir);
  };

  for (const top of TOP_LEVEL) {
    const abs = path.join(realRoot, top);
    let stat: Stats;
    try {
      stat = statSync(abs);
    } catch {
      continue;
    }
    let real: string;
    try {
      real = realpathSync(abs);
    } catch {
      continue;
    }
    if (!stat.isDirectory() || !isInsideDir(realRoot, real)) {
      if (!isInsideDir(realRoot, real)) {
        problems.push(
          problem(
            collection,
            top,
            'symlink-outside',
            `The ${top} folder is a link to a place outside the folder, so it was skipped.`,
          ),
        );
      }
      continue;
    }
    visitedDirs.add(real);
    walk(real, top, 1);
  }
  for (const name of CONFIG_FILES) {
    const abs = path.join(realRoot, name);
    try {
      const stat = statSync(abs);
      const real = realpathSync(abs);
      if (stat.isFile() && isInsideDir(realRoot, real)) add(name, real, stat);
    } catch {
      // No site configuration: the folder's name is used instead.
    }
  }
  return { files, problems, emptyDirs };
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'unknown error';
}
