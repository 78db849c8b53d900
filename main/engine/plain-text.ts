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
      const end = closingTag(html, name, close + 1);
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

/**
 * Offset just past `</name>` (any case, spaces allowed before `>`) from `from` in `html`, or -1.
 * Compared in ASCII only, on the HTML itself: lowercasing it whole makes some capitals longer (İ
 * becomes two units), which shifted every offset after one.
 */
function closingTag(html: string, name: string, from: number): number {
  for (let at = html.indexOf('</', from); at !== -1; at = html.indexOf('</', at + 2)) {
    let end = at + 2;
    let k = 0;
    // Setting bit 0x20 lowercases an ASCII capital, and makes nothing else a lowercase letter.
    while (k < name.length && (html.charCodeAt(end) | 0x20) === name.charCodeAt(k)) {
      end++;
      k++;
    }
    if (k < name.length) continue;
    while (end < html.length && /\s/.test(html[end]!)) end++;
    if (html[end] === '>') return end + 1;
  }
  return -1;
}
