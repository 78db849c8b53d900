// Problems: every file that cannot be used, or will not look right offline, gets one. Codes are stable
// for filters and tests; messages are sentences for organisers, not programmers.
import type { Problem, ProblemCode, Severity } from './types';

/** Severity of each code unless a caller says otherwise: errors lose content or break the rules. */
const DEFAULT_SEVERITY: Record<ProblemCode, Severity> = {
  'front-matter-invalid': 'error',
  'front-matter-not-object': 'error',
  'front-matter-code': 'error',
  'field-invalid': 'warning',
  'title-missing': 'warning',
  'theme-without-page': 'warning',
  'theme-unknown': 'warning',
  'logo-missing': 'warning',
  'asset-missing': 'warning',
  'asset-outside-folder': 'error',
  'link-broken': 'warning',
  'remote-image': 'warning',
  'remote-media': 'warning',
  'remote-frame': 'warning',
  'script-removed': 'warning',
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

/** Builds a problem with the code's usual severity. */
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
    message,
    stand: options.stand ?? null,
  };
}

/** The default severity of a code. */
export function severityOf(code: ProblemCode): Severity {
  return DEFAULT_SEVERITY[code];
}

/** Problems in a stable order: by file, then line, then code. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort(
    (a, b) =>
      compareStrings(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      compareStrings(a.code, b.code) ||
      compareStrings(a.message, b.message),
  );
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 1-based line of `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** 1-based line of the first occurrence of `needle` in `text`, or null. */
export function lineOf(text: string, needle: string): number | null {
  if (!needle) return null;
  const at = text.indexOf(needle);
  return at === -1 ? null : lineAt(text, at);
}
