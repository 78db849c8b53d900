// The visible text of stored HTML (already rewritten, about to be sanitized anyway), for the search
// index and its snippets. One pass with indexOf rather than a chain of regular expressions: search
// cuts snippets from the text of every hit it returns (fifty per query), so this runs a few hundred
// kilobytes per keystroke, and the regular expressions managed about 50 MB/s. Text inside scripts,
// styles, templates, SVG, frames, objects, the head and the title is not visible; comments and tags
// become spaces; entities are decoded (the `entities` package, htmlparser2's own); whitespace is
// collapsed. Linear whatever the markup: an element with no closing tag is looked for once.
import { decodeHTML } from 'entities';

const HIDDEN = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'svg',
  'iframe',
  'object',
  'head',
  'title',
]);
const NAME_CHAR = /[A-Za-z0-9]/;

/** The visible text of an HTML fragment, whitespace collapsed. */
export function plainText(html: string): string {
  if (!html) return '';
  let out = '';
  let lower: string | null = null;
  // Hidden elements with no closing tag after some point: none after any later point either.
  const unclosed = new Set<string>();
  let i = 0;
  while (i < html.length) {
    const open = html.indexOf('<', i);
    if (open === -1) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, open);
    if (html.startsWith('<!--', open)) {
      const end = html.indexOf('-->', open + 4);
      if (end !== -1) {
        out += ' ';
        i = end + 3;
        continue;
      }
    }
    const close = html.indexOf('>', open + 1);
    if (close === -1) {
      // A "<" that never closes is text.
      out += html.slice(open);
      break;
    }
    let nameEnd = open + 1;
    while (nameEnd < close && NAME_CHAR.test(html[nameEnd]!)) nameEnd++;
    const name = html.slice(open + 1, nameEnd).toLowerCase();
    if (HIDDEN.has(name) && !unclosed.has(name)) {
      lower ??= html.toLowerCase();
      const end = closingTag(lower, name, close + 1);
      if (end !== -1) {
        out += ' ';
        i = end;
        continue;
      }
      unclosed.add(name);
    }
    out += ' ';
    i = close + 1;
  }
  // U+FFFD is what a reference to no character (&#0;) decodes to: nothing a visitor searches for.
  if (out.includes('&')) out = decodeHTML(out).replace(/\uFFFD/g, ' ');
  // Single spaces, by far the most whitespace, are left alone: replacing each was most of the time.
  return out.replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

/** Offset just past `</name>` (spaces allowed before `>`) from `from` in lowercased HTML, or -1. */
function closingTag(lower: string, name: string, from: number): number {
  const needle = `</${name}`;
  for (let at = lower.indexOf(needle, from); at !== -1; at = lower.indexOf(needle, at + 1)) {
    let end = at + needle.length;
    while (end < lower.length && /\s/.test(lower[end]!)) end++;
    if (lower[end] === '>') return end + 1;
  }
  return -1;
}
