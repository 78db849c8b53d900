// Turning a URL path into a path inside one folder, refusing every way out. Shared by the stand asset
// protocol and the app's own bundle protocol.
import { constants } from 'node:fs';
import { open, realpath, stat, type FileHandle } from 'node:fs/promises';
import { sep } from 'node:path';

/**
 * Splits a URL pathname into decoded segments, or null when any segment could step out of a folder or
 * name something other than a plain relative file: `.`/`..` (also percent-encoded), encoded `/` or `\`,
 * NUL and control characters, drive letters, empty segments (`//`), malformed percent-encoding.
 */
export function decodeUrlPath(pathname: string): string[] | null {
  if (!pathname.startsWith('/')) return null;
  const raw = pathname.slice(1).split('/');
  const segments: string[] = [];
  for (const part of raw) {
    let segment: string;
    try {
      segment = decodeURIComponent(part);
    } catch {
      return null;
    }
    if (segment === '' || segment === '.' || segment === '..') return null;
    // eslint-disable-next-line no-control-regex
    if (/[/\\\u0000-\u001f\u007f]/.test(segment)) return null;
    // A second round of decoding must not reveal a way out either ("%252e%252e" → "%2e%2e" → "..").
    let twice = segment;
    try {
      twice = decodeURIComponent(segment);
    } catch {
      // Not valid percent-encoding after one decode: a literal "%" in a file name, which is fine.
    }
    if (twice === '.' || twice === '..' || /[/\\]/.test(twice)) return null;
    if (/^[a-zA-Z]:/.test(segment)) return null;
    segments.push(segment);
  }
  return segments.length > 0 ? segments : null;
}

/** Whether `target` is `root` itself or below it; `/srv/stands-evil` is not below `/srv/stands`. */
export function isInsideFolder(root: string, target: string): boolean {
  const base = root.endsWith(sep) ? root : root + sep;
  return target.startsWith(base);
}

/** Which file a path led to when it was checked: a file swapped in afterwards is another one. */
export interface FileIdentity {
  dev: number;
  ino: number;
}

/**
 * The real path of `file` when it is a regular file whose real location (all symlinks followed) is inside
 * the real location of `root`; null otherwise.
 */
export async function realFileInside(
  root: string,
  file: string,
): Promise<{ path: string; size: number; identity: FileIdentity } | null> {
  try {
    const [realRoot, realTarget] = await Promise.all([realpath(root), realpath(file)]);
    if (!isInsideFolder(realRoot, realTarget)) return null;
    const info = await stat(realTarget);
    if (!info.isFile()) return null;
    return { path: realTarget, size: info.size, identity: { dev: info.dev, ino: info.ino } };
  } catch {
    return null;
  }
}

// Never wait (a FIFO opened for reading blocks until someone writes) and never follow a symlink at the
// end of the path. Windows has neither flag, nor FIFOs in a folder.
export const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/**
 * Opens a file that `realFileInside` checked, for reading. The handle is only returned when it is that very
 * regular file (same identity) and at most `maxBytes` long: a file swapped for a FIFO, a symlink or another
 * file between the check and the opening is refused, without blocking. The caller closes the handle (a
 * read stream made from it closes it when done).
 */
export async function openCheckedFile(
  path: string,
  identity: FileIdentity,
  maxBytes: number,
): Promise<{ handle: FileHandle; size: number } | null> {
  let handle: FileHandle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch {
    return null;
  }
  try {
    const info = await handle.stat();
    if (info.isFile() && info.dev === identity.dev && info.ino === identity.ino && info.size <= maxBytes) {
      return { handle, size: info.size };
    }
  } catch {
    // Treated like any other file that is not the one checked.
  }
  await handle.close().catch(() => undefined);
  return null;
}
