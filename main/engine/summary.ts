// The plain-text card summary. The site's overview cards showed the stand's text cut to 200 characters
// the way Hugo's `truncate` does: at a word boundary, with an ellipsis. Here: the `overview` field when
// the stand has one, else its description; tags stripped, whitespace collapsed, and when longer than
// 200 characters cut at the last space before character 200 with "…" appended (200 in all at most).

export const SUMMARY_LENGTH = 200;

/** Cuts collapsed plain text to at most `max` characters at a word boundary, ending with "…". */
export function truncateText(text: string, max = SUMMARY_LENGTH): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const head = chars.slice(0, max - 1).join('');
  const space = head.lastIndexOf(' ');
  const cut = space > max / 2 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}
