// The `standalone` command line: organisers index folders into the app's store before the event and
// check them in their content repository's CI. Plain Node over the engine; never imports electron.
import { mkdir, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { version } from '../../package.json';
import type { Engine, EngineOptions, IndexOutcome, Queries } from '../engine/api';
// Only the error classes: the engine itself (and its parsers) is loaded by the commands that index, so
// --help, --version and usage errors answer without it.
import { fileTrouble, NotAStoreError, StoreInUseError } from '../engine/errors';
import type { IndexProgress, Problem, ProblemCode } from '../engine/types';
import { showInvisible } from '../engine/visible-text';
import { appUserDataDir, storeFileIn } from '../paths';
import type { KioskConfig } from '../kiosk/config';
import {
  formatProblem,
  jsonReport,
  sortProblems,
  summaryLine,
  type IndexedFolder,
  type JsonReport,
} from './report';

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Whether stderr is a terminal: progress is drawn only there. */
  isTTY: boolean;
  /** Defaults to process.cwd(); folders and --db are resolved against it. */
  cwd?: string;
  /** Defaults to process.env; decides the default store location. */
  env?: NodeJS.ProcessEnv;
  /** Defaults to the real engine; tests may substitute one. */
  openEngine?: (options: EngineOptions) => Promise<Engine>;
}

/** Exit status: indexed without error-level problems. */
export const EXIT_OK = 0;
/** Exit status: indexed, with error-level problems. */
export const EXIT_PROBLEMS = 1;
/** Exit status: usage error, or nothing could be indexed. */
export const EXIT_FAILURE = 2;

// Problems that mean the folder as a whole yielded nothing.
const FOLDER_FAILURES: ReadonlySet<ProblemCode> = new Set([
  'folder-missing',
  'folder-unreadable',
  'not-a-stands-folder',
]);

const HELP_AFTER = `
Output:
  check prints every problem on stdout, one per line, the way compilers do:
      FILE:LINE: SEVERITY: MESSAGE [CODE]      (FILE: SEVERITY: … when the line is unknown)
  with FILE shown as you typed the folder (relative or absolute); a summary follows on stderr.
  Given a kiosk file (NAME.standalone-kiosk or .standalone-kiosk.json), check reads it as the app does,
  prints its problems as KIOSK-FILE: error: MESSAGE [kiosk-file] (a folder it names that is not there
  says which entry of "folders" names it), then checks each folder it names as if it had been typed,
  and warns when its "edition" or a "featured" stand or theme names nothing it checked.
  index prints the error-level problems and a summary on stdout (check lists the warnings too).
  Given a folder that holds stands folders (Kiosk/stands holding fosdem-2021/ and fosdem-2022/),
  index and check say it is none and name the stands folders inside it (ten at most), to choose from.
  On a terminal, progress is drawn on stderr. With --json, stdout holds one JSON document:
      { collections, stands: [{ collection, slug, title, listed, draft, rendered, themes, logo,
        pages: [{ slug, title, draft, rendered }] }],
        themes: [{ collection, slug, title, stands, rendered }],
        problems: [{ collection, file, line, severity, code, message }], durationMs }

Exit status:
  0  every folder was indexed and no error-level problem was found (warnings allowed)
  1  indexed, but some file has an error-level problem, or some folder could not be read, or a
     kiosk file could not be read or is invalid
  2  usage error, nothing could be indexed, the store is in use (the app or another index run),
     or --db names a file that is not a Standalone store (it is left as it is)

Examples:
  $ standalone index ../stands-2021 ../stands-2022     prepare this computer's app (a kiosk) from two editions
  $ standalone index ./stands --db /tmp/store.json --json > report.json
  $ standalone check .                                  in a stands repository's CI: fails on errors
  $ standalone check entrance.standalone-kiosk         the night before: a kiosk file and its folders
`;

interface RunOptions {
  db: string | null;
  /** Set when --db named the store: a file there that is no store is refused, not moved aside. */
  dbGiven?: boolean;
  json: boolean;
}

/** Runs the command line with `argv` (arguments after the program name); resolves to the exit status. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const env = io.env ?? process.env;
  let status = EXIT_OK;

  const program = new Command('standalone')
    .description(
      'Index folders laid out like the FOSDEM stands website into the store the Standalone app shows, or check them for problems.',
    )
    .version(version, '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .showHelpAfterError('(run standalone --help for usage)')
    .addHelpText('after', HELP_AFTER);

  program
    .command('index')
    .description(
      "index stand folders into a store (by default the app's own store for this user, so a kiosk can be prepared from the command line); only files that changed since the last run are read again",
    )
    .argument('<folder...>', 'stands folders (each with config.toml, content/ and static/), one per edition')
    .addOption(
      new Option(
        '--db <file>',
        'the store file to write; a file there that is not a Standalone store is refused and left as it is (a damaged store is moved aside and rebuilt)',
      ).default(null, `this user's app store, ${storeFileIn(appUserDataDir(env))}`),
    )
    .option('--json', 'print one JSON document (collections, stands, themes, problems, durationMs) on stdout')
    .addHelpText('after', HELP_AFTER)
    .action(async (folders: string[], options: { db: string | null; json?: boolean }) => {
      const db = resolve(cwd, options.db ?? storeFileIn(appUserDataDir(env)));
      const dbGiven = options.db !== null;
      status = await indexFolders(folders, { db, dbGiven, json: options.json === true }, io, cwd);
    });

  program
    .command('check')
    .description(
      'index stand folders without writing anything and print every problem as file:line: severity: message',
    )
    .argument(
      '<folder...>',
      'stands folders to check, or kiosk files (*.standalone-kiosk): the file itself, then each folder it names',
    )
    .option('--json', 'print the same JSON document as index --json instead of problem lines')
    .addHelpText('after', HELP_AFTER)
    .action(async (folders: string[], options: { json?: boolean }) => {
      status = await indexFolders(folders, { db: null, json: options.json === true }, io, cwd);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here too, with exit code 0.
      return error.exitCode === 0 ? EXIT_OK : EXIT_FAILURE;
    }
    io.stderr.write(`standalone: ${errorMessage(error)}\n`);
    return EXIT_FAILURE;
  }
  return status;
}

async function indexFolders(folders: string[], options: RunOptions, io: CliIo, cwd: string): Promise<number> {
  const started = performance.now();
  const failed: string[] = [];
  const roots: { arg: string; root: string; real: string }[] = [];
  // `check` reads a kiosk file as the app does, then checks the folders it names.
  const kiosk =
    options.db === null
      ? await kioskFileFolders(folders, options.json ? io.stderr : io.stdout, cwd)
      : { targets: folders.map((arg) => ({ arg, root: resolve(cwd, arg) })), errors: 0, files: [] };
  for (const { arg, root } of kiosk.targets) {
    // The engine knows a folder by its real path: the same folder reached through a symlink is one.
    const real = await realpath(root).catch(() => root);
    if (roots.some((known) => known.real === real)) continue;
    const unusable = await whyNotAFolder(root);
    if (unusable === null) {
      roots.push({ arg, root, real });
    } else {
      // Only `index` gets here with a kiosk file: the app indexes its folders when it starts.
      const kioskFile =
        unusable === 'not a folder' && (await import('../kiosk/startup')).isKioskFilePath(arg);
      const hint = kioskFile
        ? ` but a kiosk file: standalone check ${quoteArg(arg)} checks it and its folders`
        : '';
      io.stderr.write(`standalone: ${arg}: ${unusable}${hint}\n`);
      failed.push(arg);
    }
  }
  if (roots.length === 0) {
    io.stderr.write('standalone: nothing to index\n');
    return EXIT_FAILURE;
  }

  if (options.db !== null && (await isFolder(options.db))) {
    // The engine moves an unreadable store aside: never let that happen to someone's folder.
    io.stderr.write(`standalone: --db ${options.db} is a folder; give the store's file name\n`);
    return EXIT_FAILURE;
  }

  const progress = io.isTTY ? progressLine(io) : null;
  let engine: Engine;
  try {
    if (options.db !== null) await ensureParent(options.db);
    const openEngine = io.openEngine ?? (await import('../engine/index')).openEngine;
    engine = await openEngine({
      dbFile: options.db,
      keepForeignFile: options.dbGiven === true,
      onProgress: progress?.update,
    });
  } catch (error) {
    if (error instanceof StoreInUseError) {
      // Nothing was read or written: the other writer's work stays whole.
      io.stderr.write(
        `standalone: ${error.message} Close it, or choose another file with --db. (If neither is running, one stopped abruptly: run this again; a hold left on this computer is taken over at once, one from another computer after ten minutes.)\n`,
      );
      return EXIT_FAILURE;
    }
    if (error instanceof NotAStoreError) {
      // A mistyped --db (package.json, config.toml): the file stays exactly where it was.
      io.stderr.write(
        `standalone: --db ${options.db}: not a Standalone store (${error.why}); it was left as it is. Give the store's file name, or a new file.\n`,
      );
      return EXIT_FAILURE;
    }
    // A folder it may not write (the store's lock is taken beside it), a read-only or full disk.
    io.stderr.write(
      `standalone: cannot open the store ${options.db ?? ''} (${fileTrouble(error)}); nothing was indexed. Choose another file with --db.\n`,
    );
    return EXIT_FAILURE;
  }

  const indexed: IndexedFolder[] = [];
  let report: JsonReport | null = null;
  let unwritten: unknown = null;
  try {
    for (const notice of engine.notices) io.stderr.write(`standalone: notice: ${notice}\n`);
    for (const { arg, root } of roots) {
      await letSignalsIn();
      let outcome: IndexOutcome;
      try {
        outcome = await engine.indexFolder(root);
        // `check` is the audit before the event: it also reads the pictures the app would refuse to draw.
        if (options.db === null) {
          const { pictureProblems } = await import('../app/picture-problems');
          outcome = withProblems(outcome, pictureProblems(engine, outcome.collection.id));
        }
      } catch (error) {
        progress?.clear();
        io.stderr.write(`standalone: ${arg}: cannot index: ${errorMessage(error)}\n`);
        failed.push(arg);
        continue;
      }
      progress?.clear();
      const shownRoot = isAbsolute(arg) ? root : undefined;
      indexed.push({ arg, root, shownRoot, outcome });
      // The folder itself (file ''), not one of its sub-folders, which only cost the files inside.
      if (
        outcome.problems.some(
          (problem) =>
            problem.file === '' && FOLDER_FAILURES.has(problem.code) && problem.severity === 'error',
        )
      ) {
        failed.push(arg);
      }
    }

    await reportKioskSettings(kiosk.files, engine, options.json ? io.stderr : io.stdout);
    if (options.json) report = jsonReport(engine, indexed, 0);
    await letSignalsIn();
  } finally {
    progress?.clear();
    // Closing writes the store, so it is written before anything says it was.
    try {
      await engine.close();
    } catch (error) {
      unwritten = error;
    }
  }
  if (unwritten !== null) {
    // Written to a temporary file then renamed over the store: the store already there is intact.
    io.stderr.write(
      `standalone: the store ${options.db ?? ''} could not be written (${fileTrouble(unwritten)}); any store already there was left as it was. Choose another file with --db.\n`,
    );
    return EXIT_FAILURE;
  }

  const durationMs = Math.round(performance.now() - started);
  if (report !== null) {
    report.durationMs = durationMs;
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else if (indexed.length === 0) {
    // Not "Indexed 0 folders into <store>": nothing went into any store.
    io.stderr.write('standalone: nothing could be indexed\n');
  } else {
    printHuman(indexed, options, io, cwd, durationMs);
  }

  if (failed.length === kiosk.targets.length || indexed.length === 0) return EXIT_FAILURE;
  const errors = indexed.some((folder) =>
    folder.outcome.problems.some((problem) => problem.severity === 'error'),
  );
  return errors || failed.length > 0 || kiosk.errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

/**
 * The folders to check for `args`: each kiosk file among them (`*.standalone-kiosk`) is read as the app
 * reads it, its problems written to `out` the way compilers write them, and replaced by the folders it
 * names, resolved against the file and shown as if they had been typed. `errors` counts the error lines.
 */
async function kioskFileFolders(
  args: string[],
  out: CliIo['stdout'],
  cwd: string,
): Promise<{ targets: { arg: string; root: string }[]; errors: number; files: KioskFileRead[] }> {
  const targets: { arg: string; root: string }[] = [];
  const files: KioskFileRead[] = [];
  let errors = 0;
  const report = (file: string, severity: 'error' | 'warning', message: string) => {
    if (severity === 'error') errors += 1;
    out.write(`${showInvisible(`${file}: ${severity}: ${message} [kiosk-file]`)}\n`);
  };
  for (const arg of args) {
    const { isKioskFilePath, KIOSK_FILE_NO_PIN_NOTICE } = await import('../kiosk/startup');
    if (!isKioskFilePath(arg)) {
      targets.push({ arg, root: resolve(cwd, arg) });
      continue;
    }
    const { loadKioskConfig } = await import('../kiosk/config');
    const loaded = await loadKioskConfig(resolve(cwd, arg));
    for (const line of loaded.errors) report(arg, 'error', line);
    if (loaded.errors.length === 0) files.push({ arg, config: loaded.config });
    if (loaded.errors.length === 0 && loaded.config.pinHash === null) {
      report(arg, 'warning', KIOSK_FILE_NO_PIN_NOTICE);
    }
    for (const { folder, index, entry } of loaded.folderEntries) {
      const unusable = await whyNotAFolder(folder);
      if (unusable !== null) {
        report(arg, 'error', `folders[${index}] ${JSON.stringify(entry)}: ${unusable} (${folder})`);
        continue;
      }
      // As the organiser would type it: from here, or absolute as the file has it.
      const relativeToCwd = relative(cwd, folder) || '.';
      targets.push({ arg: isAbsolute(entry) ? folder : relativeToCwd, root: folder });
    }
  }
  return { targets, errors, files };
}

/** A kiosk file `check` read without error, for what its settings ask of the editions once indexed. */
interface KioskFileRead {
  arg: string;
  config: KioskConfig;
}

/** Writes the warnings of each kiosk file's `edition` and `featured` (see kiosk-check.ts) to `out`. */
async function reportKioskSettings(
  files: KioskFileRead[],
  queries: Queries,
  out: CliIo['stdout'],
): Promise<void> {
  if (files.length === 0) return;
  const { kioskSettingsWarnings } = await import('./kiosk-check');
  for (const { arg, config } of files) {
    for (const line of kioskSettingsWarnings(queries, config)) {
      out.write(`${showInvisible(`${arg}: warning: ${line} [kiosk-file]`)}\n`);
    }
  }
}

/** The outcome with more problems found after indexing (they are warnings), its counts to match. */
function withProblems(outcome: IndexOutcome, more: Problem[]): IndexOutcome {
  if (more.length === 0) return outcome;
  const { collection } = outcome;
  return {
    ...outcome,
    collection: {
      ...collection,
      counts: { ...collection.counts, warnings: collection.counts.warnings + more.length },
    },
    problems: [...outcome.problems, ...more],
  };
}

function printHuman(
  indexed: IndexedFolder[],
  options: RunOptions,
  io: CliIo,
  cwd: string,
  durationMs: number,
): void {
  const checking = options.db === null;
  let hiddenWarnings = 0;
  for (const folder of indexed) {
    for (const problem of sortProblems(folder.outcome.problems)) {
      // `index` prepares a store: errors matter there, the full list is `check`'s job.
      if (!checking && problem.severity !== 'error') {
        hiddenWarnings += 1;
        continue;
      }
      io.stdout.write(`${formatProblem(problem, folder, cwd)}\n`);
    }
  }
  const summary = checking ? io.stderr : io.stdout;
  for (const folder of indexed) summary.write(`${summaryLine(folder.outcome)}\n`);
  if (hiddenWarnings > 0) {
    summary.write(
      `${hiddenWarnings} warning${hiddenWarnings === 1 ? '' : 's'} not shown: run standalone check ${indexed.map((folder) => quoteArg(folder.arg)).join(' ')} to list them.\n`,
    );
  }
  const seconds = (durationMs / 1000).toFixed(durationMs < 10_000 ? 2 : 1);
  summary.write(
    checking
      ? `Checked ${plural(indexed.length, 'folder')} in ${seconds} s; nothing was written.\n`
      : `Indexed ${plural(indexed.length, 'folder')} in ${seconds} s into ${options.db}.\n`,
  );
}

function progressLine(io: CliIo): { update: (progress: IndexProgress) => void; clear: () => void } {
  let last = 0;
  let lastPhase = '';
  let shown = false;
  return {
    update(progress) {
      const now = performance.now();
      // Redrawing on every file would cost more than the indexing of small files.
      if (progress.phase === lastPhase && now - last < 80 && progress.done !== progress.total) return;
      last = now;
      lastPhase = progress.phase;
      const count = progress.total > 0 ? ` ${progress.done}/${progress.total}` : '';
      io.stderr.write(`\r\x1b[2K${progress.collection}: ${progress.phase}${count}`);
      shown = true;
    },
    clear() {
      if (shown) io.stderr.write('\r\x1b[2K');
      shown = false;
    },
  };
}

/**
 * Returns to the event loop once. Indexing a folder never does, so a Ctrl-C pressed meanwhile waits
 * here; it then ends the run before the store is written, and proper-lockfile's exit hook releases the
 * store's lock on the way out.
 */
function letSignalsIn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function whyNotAFolder(path: string): Promise<string | null> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? null : 'not a folder';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such folder';
    return `cannot read the folder (${code ?? errorMessage(error)})`;
  }
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function ensureParent(file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
}

function quoteArg(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
