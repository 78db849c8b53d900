// What the command line prints: problem lines the way compilers print them, a summary, and the JSON
// document CI tools read. Pure functions over the engine's answers.
import { isAbsolute, join, relative } from 'node:path';
import type { IndexOutcome, Queries } from '../engine/api';
import type { Collection, Problem, Severity } from '../engine/types';
import { showInvisible } from '../engine/visible-text';

/** One folder given on the command line and what indexing it gave. */
export interface IndexedFolder {
  /** The folder as typed. */
  arg: string;
  /** Its absolute path. */
  root: string;
  /** Set when the folder was typed as an absolute path: problem paths are then shown absolute too. */
  shownRoot?: string | undefined;
  outcome: IndexOutcome;
}

/** The document `--json` prints; its shape is part of the command line's contract. */
export interface JsonReport {
  collections: Collection[];
  stands: {
    collection: string;
    slug: string;
    title: string;
    listed: boolean;
    draft: boolean;
    /** False when `_build.render` gives the stand no page of its own (its card is still listed). */
    rendered: boolean;
    themes: string[];
    logo: string | null;
    pages: { slug: string; title: string; draft: boolean; rendered: boolean }[];
  }[];
  /** `rendered` is false when `_build.render` gives the theme no page of its own (it is still listed). */
  themes: { collection: string; slug: string; title: string; stands: number; rendered: boolean }[];
  problems: {
    collection: string;
    file: string;
    line: number | null;
    severity: Severity;
    code: string;
    message: string;
  }[];
  durationMs: number;
}

/**
 * A problem as `file:line: severity: message [code]`, the file shown the way the folder was typed. A file
 * name may hold line breaks and bidi controls (Linux allows them): they are written out, so that no name
 * can forge another problem line or reorder this one.
 */
export function formatProblem(problem: Problem, folder: IndexedFolder, cwd: string): string {
  const absolute = problem.file === '' ? folder.root : join(folder.root, problem.file);
  let shown = absolute;
  if (folder.shownRoot === undefined) {
    shown = relative(cwd, absolute) || '.';
    if (isAbsolute(shown)) shown = absolute;
  }
  const where = problem.line === null ? shown : `${shown}:${problem.line}`;
  return showInvisible(`${where}: ${problem.severity}: ${problem.message} [${problem.code}]`);
}

/** One line per collection: what the store now holds and how many problems it has. */
export function summaryLine(outcome: IndexOutcome): string {
  const { collection, change } = outcome;
  const c = collection.counts;
  const files = change.added.length + change.changed.length + change.removed.length;
  const changes =
    files === 0
      ? 'no file changed'
      : `${change.added.length} added, ${change.changed.length} changed, ${change.removed.length} removed`;
  return (
    `${showInvisible(collection.name)} (${collection.id}): ${count(c.stands, 'stand')} (${c.listedStands} listed), ` +
    `${count(c.pages, 'page')}, ${count(c.themes, 'theme')}, ${count(c.assets, 'asset')}; ` +
    `${count(c.errors, 'error')}, ${count(c.warnings, 'warning')}; ${changes}`
  );
}

/** The `--json` document for the folders indexed in this run. */
export function jsonReport(queries: Queries, indexed: IndexedFolder[], durationMs: number): JsonReport {
  const report: JsonReport = { collections: [], stands: [], themes: [], problems: [], durationMs };
  for (const { outcome } of indexed) {
    const id = outcome.collection.id;
    // As this run found it: `check` adds the pictures the app will not draw, which the store never holds.
    report.collections.push(outcome.collection);
    for (const stand of queries.listAllStands(id)) {
      report.stands.push({
        collection: stand.collection,
        slug: stand.slug,
        title: stand.title,
        listed: stand.listed,
        draft: stand.draft,
        rendered: stand.rendered,
        themes: [...stand.themes],
        logo: stand.logo,
        pages: stand.pages.map((page) => ({
          slug: page.slug,
          title: page.title,
          draft: page.draft,
          rendered: page.rendered,
        })),
      });
    }
    for (const theme of queries.listThemes(id)) {
      report.themes.push({
        collection: theme.collection,
        slug: theme.slug,
        title: theme.title,
        stands: theme.standCount,
        rendered: theme.rendered,
      });
    }
    for (const problem of sortProblems(outcome.problems)) {
      report.problems.push({
        collection: problem.collection,
        file: problem.file,
        line: problem.line,
        severity: problem.severity,
        code: problem.code,
        message: problem.message,
      });
    }
  }
  return report;
}

/** Problems in reading order: by file, then line (file-level problems first). */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0),
  );
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
