// The visible text of stored HTML (already rewritten, about to be sanitized anyway), for the search
// index and its snippets. One pass with indexOf rather than a chain of regular expressions: search
// cuts snippets from the text of every hit it returns (fifty per query), so this runs a few hundred
// kilobytes per keystroke, and the regular expressions managed about 50 MB/s. Text inside scripts,
// styles, templates, SVG, frames, objects, the head and the title is not visible; comments and tags
// become spaces; the few entities HTML text commonly holds are decoded; whitespace is collapsed.

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
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};
const ENTITY = /&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi;
const NAME_CHAR = /[A-Za-z0-9]/;

/** The visible text of an HTML fragment, whitespace collapsed. */
export function plainText(html: string): string {
  if (!html) return '';
  let out = '';
  let lower: string | null = null;
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
    if (HIDDEN.has(name)) {
      lower ??= html.toLowerCase();
      const end = closingTag(lower, name, close + 1);
      if (end !== -1) {
        out += ' ';
        i = end;
        continue;
      }
    }
    out += ' ';
    i = close + 1;
  }
  if (out.includes('&')) out = out.replace(ENTITY, decodeEntity);
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

function decodeEntity(entity: string, name: string): string {
  if (name[0] === '#') {
    const code =
      name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
  }
  return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
}
