// Turning a URL path into a path inside one folder, refusing every way out. Shared by the stand asset
// protocol and the app's own bundle protocol.
import { realpath, stat } from 'node:fs/promises';
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

/**
 * The real path of `file` when it is a regular file whose real location (all symlinks followed) is inside
 * the real location of `root`; null otherwise.
 */
export async function realFileInside(
  root: string,
  file: string,
): Promise<{ path: string; size: number } | null> {
  try {
    const [realRoot, realTarget] = await Promise.all([realpath(root), realpath(file)]);
    if (!isInsideFolder(realRoot, realTarget)) return null;
    const info = await stat(realTarget);
    if (!info.isFile()) return null;
    return { path: realTarget, size: info.size };
  } catch {
    return null;
  }
}
