// Problems: every file that cannot be used, or will not look right offline, gets one. Codes are stable
// for filters and tests; messages are sentences for organisers, not programmers.
import type { Problem, ProblemCode, Severity } from './types';
import { showInvisible } from './visible-text';

/** Severity of each code unless a caller says otherwise: errors lose content or break the rules. */
const DEFAULT_SEVERITY: Record<ProblemCode, Severity> = {
  'front-matter-invalid': 'error',
  'front-matter-not-object': 'error',
  'front-matter-code': 'error',
  'field-invalid': 'warning',
  'title-missing': 'warning',
  'theme-without-page': 'warning',
  'logo-missing': 'warning',
  'asset-missing': 'warning',
  'asset-outside-folder': 'error',
  'picture-not-shown': 'warning',
  'link-broken': 'warning',
  'remote-image': 'warning',
  'remote-media': 'warning',
  'remote-frame': 'warning',
  'script-removed': 'warning',
  'style-ignored': 'warning',
  'base-url-unusable': 'warning',
  'content-unreadable': 'error',
  'content-kept': 'warning',
  'shortcode-invalid': 'error',
  'shortcode-unknown': 'warning',
  'duplicate-stand': 'error',
  'stand-empty': 'warning',
  'file-too-large': 'error',
  'file-binary': 'error',
  'file-not-utf8': 'error',
  'file-unreadable': 'error',
  'file-not-regular': 'warning',
  'symlink-outside': 'warning',
  'too-deep': 'warning',
  'too-many-files': 'error',
  'file-skipped': 'warning',
  'folder-missing': 'error',
  'folder-unreadable': 'error',
  'not-a-stands-folder': 'error',
};

export interface ProblemOptions {
  line?: number | null;
  stand?: string | null;
  severity?: Severity;
}

/**
 * Builds a problem with the code's usual severity. The message's control, bidi and invisible characters
 * (from the file names, links and values it quotes) are written out, so it reads as what it says.
 */
export function problem(
  collection: string,
  file: string,
  code: ProblemCode,
  message: string,
  options: ProblemOptions = {},
): Problem {
  return {
    collection,
    file,
    line: options.line ?? null,
    severity: options.severity ?? DEFAULT_SEVERITY[code],
    code,
    message: showInvisible(message),
    stand: options.stand ?? null,
  };
}

/** Most problems kept per file: past this, a file is broken throughout and one summary says so. */
export const MAX_PROBLEMS_PER_FILE = 200;

/**
 * Problems in a stable order: by file, then line, then code. A file with more than
 * MAX_PROBLEMS_PER_FILE keeps that many (errors first) and one summary of the rest.
 */
export function sortProblems(problems: Problem[]): Problem[] {
  problems.sort(compareProblems);
  let capped: Problem[] | null = null;
  for (let start = 0; start < problems.length;) {
    let end = start + 1;
    while (end < problems.length && problems[end]!.file === problems[start]!.file) end++;
    // One over the cap is left alone: that is a capped file with its summary, sorted again.
    if (end - start > MAX_PROBLEMS_PER_FILE + 1) {
      capped ??= problems.slice(0, start);
      capped.push(...capFile(problems.slice(start, end)));
    } else if (capped) {
      for (let i = start; i < end; i++) capped.push(problems[i]!);
    }
    start = end;
  }
  if (!capped) return problems;
  problems.length = 0;
  problems.push(...capped);
  return problems;
}

function compareProblems(a: Problem, b: Problem): number {
  return (
    compareStrings(a.file, b.file) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    compareStrings(a.code, b.code) ||
    compareStrings(a.message, b.message)
  );
}

// One file's problems, in order: the first errors, then the first warnings, up to the cap, then a summary.
function capFile(sorted: Problem[]): Problem[] {
  const errors = sorted.filter((p) => p.severity === 'error');
  const kept = new Set(errors.slice(0, MAX_PROBLEMS_PER_FILE));
  for (const p of sorted) {
    if (kept.size >= MAX_PROBLEMS_PER_FILE) break;
    kept.add(p);
  }
  const out = sorted.filter((p) => kept.has(p));
  const dropped = sorted.filter((p) => !kept.has(p));
  const counts = new Map<ProblemCode, number>();
  for (const p of dropped) counts.set(p.code, (counts.get(p.code) ?? 0) + 1);
  const code = [...counts].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))[0]![0];
  const first = dropped[0]!;
  out.push({
    collection: first.collection,
    file: first.file,
    // The last kept line, so that sorting again by file and line keeps the summary after them.
    line: out[out.length - 1]!.line,
    severity: dropped.some((p) => p.severity === 'error') ? 'error' : 'warning',
    code,
    message: `… and ${dropped.length.toLocaleString('en-US')} more problems like these in this file. Fix the ones above, then check again.`,
    stand: first.stand,
  });
  return out;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Line lookups for one text at a time: its line starts are found once, and searches go on from where the
// previous one matched, because references are mostly looked up in the order they appear. A page with a
// hundred thousand references costs one pass over it instead of one per reference; a budget bounds the
// work when lookups jump around (past it, lines are unknown rather than slow).
interface LineIndex {
  text: string;
  /** Offsets of the newlines. */
  newlines: number[] | null;
  cursor: number;
  budget: number;
}

let current: LineIndex | null = null;

function indexOfText(text: string): LineIndex {
  if (current === null || current.text !== text) {
    current = { text, newlines: null, cursor: 0, budget: 32 * text.length + 1024 * 1024 };
  }
  return current;
}

/** 1-based line of `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  const index = indexOfText(text);
  if (index.newlines === null) {
    const newlines: number[] = [];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) newlines.push(i);
    index.newlines = newlines;
  }
  // Lines before `offset` = newlines at offsets below it.
  const newlines = index.newlines;
  let low = 0;
  let high = newlines.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (newlines[mid]! < offset) low = mid + 1;
    else high = mid;
  }
  return low + 1;
}

/**
 * 1-based line of `needle` in `text`, or null: its next occurrence from the previous lookup in the same
 * text, else its first one.
 */
export function lineOf(text: string, needle: string): number | null {
  if (!needle) return null;
  const index = indexOfText(text);
  if (index.budget <= 0) return null;
  const from = index.cursor;
  let at = text.indexOf(needle, from);
  index.budget -= (at === -1 ? text.length : at + needle.length) - from;
  if (at === -1 && from > 0) {
    at = text.indexOf(needle);
    index.budget -= at === -1 ? from : at + needle.length;
  }
  if (at === -1) return null;
  index.cursor = at;
  return lineAt(text, at);
}
