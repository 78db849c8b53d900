// What a reference in stand content (an HTML src/href, a front-matter logo, a relref argument) points
// at, decided without trusting it: remote, another scheme, or a local path turned into candidate
// folder-relative files and site URLs that are guaranteed to stay inside the folder.
import { joinSegments, splitSegments } from './paths';
import { ASSET_SCHEME, INTERNAL_LINK_SCHEME } from './types';

export type RefClass =
  /** Nothing to resolve: empty, or only a fragment or query on the same page. */
  | { kind: 'none' }
  | { kind: 'remote'; url: string }
  /** A scheme the engine leaves to the renderer's sanitizer (mailto:, tel:, data:, javascript:…). */
  | { kind: 'scheme'; scheme: string }
  /** Our own schemes written by the content itself: never trusted. */
  | { kind: 'ours' }
  /** Something that could only mean a place outside the folder (a drive letter, a UNC or file: path, NUL). */
  | { kind: 'outside' }
  | { kind: 'local'; path: string; absolute: boolean; fragment: string };

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;
// Browsers drop these anywhere in a URL, and leading/trailing spaces, before parsing it.
const STRIPPED = /[\t\n\r]/g;

/** Classifies a raw reference exactly as a browser would read it, then decodes its path safely. */
export function classifyRef(raw: string): RefClass {
  const value = raw.replace(STRIPPED, '').trim();
  if (value === '') return { kind: 'none' };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return { kind: 'outside' };
  const scheme = SCHEME.exec(value);
  if (scheme) {
    const name = scheme[1]!.toLowerCase();
    if (name.length === 1 || name === 'file') return { kind: 'outside' };
    if (name === 'http' || name === 'https') return { kind: 'remote', url: value };
    if (name === ASSET_SCHEME || name === INTERNAL_LINK_SCHEME) return { kind: 'ours' };
    return { kind: 'scheme', scheme: name };
  }
  if (value.startsWith('\\\\') || value.startsWith('/\\') || value.startsWith('\\/'))
    return { kind: 'outside' };
  if (value.startsWith('//')) return { kind: 'remote', url: `https:${value}` };
  const hashAt = value.indexOf('#');
  const fragment = hashAt === -1 ? '' : value.slice(hashAt + 1);
  let pathPart = hashAt === -1 ? value : value.slice(0, hashAt);
  const queryAt = pathPart.indexOf('?');
  if (queryAt !== -1) pathPart = pathPart.slice(0, queryAt);
  if (pathPart === '') return { kind: 'none' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathPart);
  } catch {
    // A lone `%` is a literal character to a web server; keep the text as written.
    decoded = pathPart;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return { kind: 'outside' };
  // Browsers read backslashes as slashes in http(s) URLs; so do we, before checking for `..`.
  decoded = decoded.replace(/\\/g, '/');
  if (/^[a-zA-Z]:\//.test(decoded) || decoded.startsWith('//')) return { kind: 'outside' };
  return { kind: 'local', path: decoded, absolute: decoded.startsWith('/'), fragment };
}

/** Where a local reference is looked for: folder-relative files and site URL paths, best first. */
export interface RefCandidates {
  files: string[];
  urls: string[];
}

/** Where the referring text lives: its file's folder and the URL folder of the page it renders on. */
export interface RefBase {
  /** Folder-relative directory of the source file, e.g. `content/stands/x`. */
  fileDir: string;
  /** URL path segments of the page's own URL, e.g. `['stands', 'x']` for `/stands/x/`. */
  urlDir: readonly string[];
}

/**
 * Candidates for a local path, or null when every reading of it climbs out of the folder. Tried in this
 * order: beside the source file, relative to the page's URL (as the browser would), then from the site
 * root (front matter writes `stands/x/logo.png` for `static/stands/x/logo.png`).
 */
export function candidatesFor(refPath: string, base: RefBase): RefCandidates | null {
  const files: string[] = [];
  const urls: string[] = [];
  const addUrl = (segments: string[] | null) => {
    if (!segments || segments.length === 0) return;
    const url = segments.join('/');
    if (!urls.includes(url)) urls.push(url);
    for (const top of ['static', 'content']) {
      const file = `${top}/${url}`;
      if (!files.includes(file)) files.push(file);
    }
  };
  if (refPath.startsWith('/')) {
    addUrl(joinSegments([], refPath));
  } else {
    const besideFile = joinSegments(splitSegments(base.fileDir), refPath);
    if (besideFile && besideFile.length > 0) files.push(besideFile.join('/'));
    addUrl(joinSegments(base.urlDir, refPath));
    addUrl(joinSegments([], refPath));
  }
  if (files.length === 0 && urls.length === 0) return null;
  return { files, urls };
}

/** Encodes a folder-relative file as a `stand-asset:` URL, each segment percent-encoded. */
export function assetUrl(collection: string, file: string): string {
  return `${ASSET_SCHEME}://${encodeURIComponent(collection)}/${file.split('/').map(encodeURIComponent).join('/')}`;
}

/** Internal link targets the renderer routes inside the app. */
export type LinkTarget =
  | { type: 'stand'; stand: string }
  | { type: 'page'; stand: string; page: string }
  | { type: 'theme'; theme: string };

/** An internal link target as one string: `stand:<slug>`, `page:<stand>/<page>` or `theme:<slug>`. */
export function linkKey(target: LinkTarget): string {
  if (target.type === 'page') return `page:${target.stand}/${target.page}`;
  return target.type === 'stand' ? `stand:${target.stand}` : `theme:${target.theme}`;
}

/** The `standalone:` URL of an internal link target. */
export function internalUrl(target: LinkTarget, fragment = ''): string {
  // Fragments arrive as written (maybe already percent-encoded): keep safe characters, encode the rest
  // a character at a time (an emoji whole; half of one, which encodeURIComponent refuses, as U+FFFD).
  const hash = fragment ? `#${fragment.replace(/[^\w\-.~%]/gu, encodeCharacter)}` : '';
  switch (target.type) {
    case 'stand':
      return `${INTERNAL_LINK_SCHEME}://stand/${encodeURIComponent(target.stand)}${hash}`;
    case 'page':
      return `${INTERNAL_LINK_SCHEME}://page/${encodeURIComponent(target.stand)}/${encodeURIComponent(target.page)}${hash}`;
    case 'theme':
      return `${INTERNAL_LINK_SCHEME}://theme/${encodeURIComponent(target.theme)}${hash}`;
  }
}

function encodeCharacter(character: string): string {
  return /^[\uD800-\uDFFF]$/u.test(character) ? '%EF%BF%BD' : encodeURIComponent(character);
}
