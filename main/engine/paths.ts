// Safe path handling: everything a stand folder names (a logo, an image's src, a link) is resolved in
// a virtual tree of folder-relative segments, where `..` can never climb above the folder, and only
// then looked up in the index. Nothing here touches the file system except `realPathInside`.
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/** True when absolute path `child` is `parent` itself or somewhere inside it. */
export function isInsideDir(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The real absolute path of a folder-relative file, only when it is a regular file whose real location
 * (symlinks followed) is inside the folder's real location; null otherwise.
 */
export function realPathInside(root: string, relative: string): string | null {
  try {
    const realRoot = realpathSync(root);
    const candidate = path.resolve(realRoot, ...relative.split('/'));
    if (!isInsideDir(realRoot, candidate)) return null;
    const real = realpathSync(candidate);
    if (!isInsideDir(realRoot, real)) return null;
    return statSync(real).isFile() ? real : null;
  } catch {
    return null;
  }
}

/** Splits a slash path into segments, dropping empty ones and `.`. */
export function splitSegments(value: string): string[] {
  return value.split('/').filter((segment) => segment !== '' && segment !== '.');
}

/**
 * Applies `relative` (slash separated, already decoded) to `base` segments; null when `..` would climb
 * above the base's root. `base` is itself relative to that root.
 */
export function joinSegments(base: readonly string[], relative: string): string[] | null {
  const out = [...base];
  for (const segment of relative.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length === 0) return null;
      out.pop();
      continue;
    }
    out.push(segment);
  }
  return out;
}

/** Folder-relative directory of a folder-relative file (`content/stands/x/a.md` → `content/stands/x`). */
export function dirOf(file: string): string {
  const at = file.lastIndexOf('/');
  return at === -1 ? '' : file.slice(0, at);
}

/** File name of a folder-relative path. */
export function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

/** Lowercased extension without the dot (`''` when there is none). */
export function extensionOf(file: string): string {
  const name = baseName(file);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** File name without its extension. */
export function stemOf(file: string): string {
  const name = baseName(file);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? name : name.slice(0, dot);
}
