// Hugo's `urlize`, which turns theme names, file names and folder names into the slugs the site used.
// Mirrors Hugo's PathSpec.UnicodeSanitize (v0.111, checked with `hugo` on sample strings: "XWiki &
// CryptPad" → "xwiki-cryptpad", "What's New" → "whats-new", "a - b" → "a-b") followed by lowercasing.
// Two deliberate differences, because a slug here is an identifier and not a URL: non-ASCII letters
// stay as they are (Hugo percent-encodes them afterwards) and path separators become hyphens.

import { basename } from 'node:path';
import { domainToASCII, domainToUnicode } from 'node:url';

const LETTER_DIGIT_MARK = /[\p{L}\p{Nd}\p{M}]/u;
const SPACE = /\s/u;
const HEX = /[0-9a-fA-F]/;

// Names that are already slugs (most folder and file names) come out unchanged.
const ALREADY_SLUG = /^[a-z0-9_~+@#][a-z0-9._~+@#-]*$/;

/** Hugo's urlize of a name, as a single path segment (never empty: falls back to `fallback`). */
export function urlize(name: string, fallback = 'untitled'): string {
  if (ALREADY_SLUG.test(name)) return name;
  const source = Array.from(name.normalize('NFC'));
  let out = '';
  let prependHyphen = false;
  let isPrevHyphen = false;
  for (let i = 0; i < source.length; i++) {
    let r = source[i]!;
    if (r === '/' || r === '\\') r = '-';
    const allowed =
      r === '.' ||
      r === '_' ||
      r === '#' ||
      r === '+' ||
      r === '~' ||
      r === '-' ||
      r === '@' ||
      LETTER_DIGIT_MARK.test(r) ||
      (r === '%' && HEX.test(source[i + 1] ?? '') && HEX.test(source[i + 2] ?? ''));
    if (allowed) {
      isPrevHyphen = r === '-';
      if (prependHyphen) {
        if (!isPrevHyphen) out += '-';
        prependHyphen = false;
      }
      out += r;
    } else if (out.length > 0 && !isPrevHyphen && SPACE.test(r)) {
      prependHyphen = true;
    }
  }
  out = out.toLowerCase();
  // "." and ".." are not names; neither is nothing at all.
  if (out === '' || out === '.' || out === '..') return fallback;
  return out;
}

/**
 * A collection id from a folder name: its urlize, made fit to be the host of `stand-asset://<id>/…` URLs
 * exactly as written. Chromium treats that host as a domain name: it maps it (lowercase, NFKC, `ﬁ` → `fi`),
 * refuses `#`, `@` and `%`, reads a name that is or ends in a number as an IPv4 address (`2021` →
 * `0.0.7.229`, `fosdem.2021` is no host at all). So ids keep only letters, digits, `-` and `_`, come out
 * the same from that mapping, and never are a number.
 */
export function collectionId(folderName: string): string {
  let id = urlize(folderName, 'stands')
    .replace(/[^\p{L}\p{N}\p{M}_-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
  const mapped = domainToUnicode(domainToASCII(id));
  id = /^[\p{L}\p{N}\p{M}_-]+$/u.test(mapped)
    ? mapped
    : id.replace(/[^a-z0-9_-]+/g, '-').replace(/^-|-$/g, '');
  if (id === '') return 'stands';
  return /^(?:\d+|0x[0-9a-f]*)$/i.test(id) ? `stands-${id}` : id;
}

/** Returns `base`, or `base-2`, `base-3`… whichever `taken` does not hold yet. */
export function uniqueSlug(base: string, taken: { has(value: string): boolean }): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * The id a stands folder gets as a new collection: its folder's name, unique among `taken`. A kiosk file
 * names its edition the same way, so that the kiosk, indexing its folders afresh, knows it.
 */
export function newCollectionId(root: string, taken: { has(value: string): boolean }): string {
  return uniqueSlug(collectionId(basename(root)), taken);
}
