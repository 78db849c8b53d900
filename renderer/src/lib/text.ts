// Pure text helpers for the screens.

/** Up to two initials of a title, for logo placeholders. */
export function initials(title: string): string {
  const words = title
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const letters =
    words.length > 1 ? [words[0]!, words[1]!].map((w) => [...w][0]) : [...(words[0] ?? '?')].slice(0, 2);
  return letters.join('').toUpperCase() || '?';
}

export interface TextPart {
  text: string;
  highlighted: boolean;
}

/**
 * Splits a snippet into plain and highlighted parts from [start, end) ranges, tolerating ranges that
 * overlap, are unsorted or run past the text.
 */
export function splitHighlights(text: string, ranges: readonly (readonly [number, number])[]): TextPart[] {
  const clean = ranges
    .map(
      ([start, end]) =>
        [Math.max(0, Math.min(start, text.length)), Math.max(0, Math.min(end, text.length))] as const,
    )
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of clean) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  const parts: TextPart[] = [];
  let at = 0;
  for (const [start, end] of merged) {
    if (start > at) parts.push({ text: text.slice(at, start), highlighted: false });
    parts.push({ text: text.slice(start, end), highlighted: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), highlighted: false });
  return parts;
}

/** "FOSDEM 2021 Stands" → "FOSDEM 2021": the event a collection is the stands of. */
export function eventName(collectionName: string): string {
  return collectionName.replace(/\s+stands?\s*$/i, '').trim() || collectionName;
}

/**
 * Each item's name as `nameOf` gives it, told apart where two share one by the item's id: two editions
 * (a copy of last year's folder whose config.toml still has last year's title) become "FOSDEM 2021
 * (stands-2022)", two stands of one title "Matrix (matrix-2)".
 */
export function distinctLabels<C extends { id: string; name: string }>(
  collections: readonly C[],
  nameOf: (name: string) => string = (name) => name,
): Map<string, string> {
  const count = new Map<string, number>();
  for (const { name } of collections) count.set(nameOf(name), (count.get(nameOf(name)) ?? 0) + 1);
  return new Map(
    collections.map(({ id, name }) => {
      const label = nameOf(name);
      return [id, count.get(label)! > 1 ? `${label} (${id})` : label];
    }),
  );
}

/** "Indexed 3 Feb 2025, 14:02", or "Not indexed yet" for a collection kept without an index (''). */
export function indexedText(indexedAt: string, now: Date = new Date()): string {
  return indexedAt === '' ? 'Not indexed yet' : `Indexed ${formatWhen(indexedAt, now)}`;
}

/** A short, local, human date and time for freshness ("indexed …"). */
export function formatWhen(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'unknown';
  const seconds = Math.round((now.getTime() - date.getTime()) / 1000);
  if (seconds >= 0 && seconds < 60) return 'just now';
  if (seconds >= 0 && seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "1 stand", "3 stands". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}
