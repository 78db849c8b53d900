// Stored HTML is kept compressed: a folder of ten thousand stands holds tens of megabytes of pages, and
// the engine keeps its whole index in memory (and in one JSON file). Short fragments stay as they are;
// longer ones become a marker followed by base64 of raw DEFLATE (fast level). Queries unpack what they
// return, so nothing outside the engine ever sees the packed form.
import { deflateRawSync, inflateRawSync } from 'node:zlib';

const MARKER = '\u0000z:';
/** Fragments shorter than this are not worth compressing. */
const MIN_PACKED = 400;

/** The stored form of an HTML string. */
export function packHtml(html: string): string {
  if (html.length < MIN_PACKED && !html.startsWith('\u0000')) return html;
  return MARKER + deflateRawSync(Buffer.from(html, 'utf8'), { level: 1 }).toString('base64');
}

/** The HTML string of a stored form. */
export function unpackHtml(stored: string): string {
  if (!stored.startsWith(MARKER)) return stored;
  try {
    return inflateRawSync(Buffer.from(stored.slice(MARKER.length), 'base64')).toString('utf8');
  } catch {
    // A hand-edited store: show nothing rather than garbage.
    return '';
  }
}
