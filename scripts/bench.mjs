// `npm run bench`: builds what the bench runs, then runs every section in scripts/bench/*.mjs in name
// order, prints figures next to their targets and writes them all to .bench/results.json.
//
// A section is a module exporting `name`, `description`, optional `tokens` (the words --only accepts for
// it, besides its name) and `run(ctx)`, which returns a JSON-able object of its figures. The engine's
// section is scripts/bench/engine.mjs; a renderer section (first card painted, search-to-results) goes
// beside it as scripts/bench/renderer.mjs and is picked up without touching this file.
//
//   npm run bench                        everything
//   npm run bench -- --only corpus       one dataset (corpus, 1k, 10k) or one section (engine, …)
//   npm run bench -- --only 1k,renderer  several, comma-separated
//   npm run bench -- --runs 5            repeat cold runs (median shown); default 3, the 10k set once
//   npm run bench -- --no-hugo           skip the Hugo comparison
//   npm run bench -- --strict            exit 1 when a target is missed (for CI)
//   npm run bench -- --profile           write a CPU profile of every measured process to .bench/profiles
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildBenchEntries } from './bench/lib/build.mjs';
import { createReporter } from './bench/lib/report.mjs';

const repo = dirname(dirname(fileURLToPath(import.meta.url)));
const benchDir = join(repo, '.bench');

const HELP = `usage: npm run bench -- [--only NAMES] [--runs N] [--no-hugo]

  --only NAMES   comma-separated sections or datasets to run (engine, corpus, 1k, 10k, …)
  --runs N       cold runs per dataset, median reported (default 3; the 10k dataset runs once unless set)
  --no-hugo      do not time Hugo
  --strict       exit with status 1 when a target is missed
  --profile      write a CPU profile (.cpuprofile) of every measured process to .bench/profiles
Figures are printed and written to .bench/results.json (earlier figures of sections not run are kept).`;

async function main() {
  const { values } = parseArgs({
    options: {
      only: { type: 'string', multiple: true },
      runs: { type: 'string' },
      'no-hugo': { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const only = values.only ? new Set(values.only.flatMap((value) => value.split(',')).filter(Boolean)) : null;
  const runs = values.runs === undefined ? null : Number(values.runs);
  if (runs !== null && (!Number.isInteger(runs) || runs < 1))
    throw new Error('--runs takes a whole number ≥ 1');

  const sectionFiles = (await readdir(join(repo, 'scripts/bench')))
    .filter((name) => name.endsWith('.mjs'))
    .sort();
  const sections = [];
  for (const file of sectionFiles) {
    const section = await import(pathToFileURL(join(repo, 'scripts/bench', file)).href);
    if (typeof section.run !== 'function' || typeof section.name !== 'string') {
      throw new Error(`scripts/bench/${file} is not a bench section (it must export name and run)`);
    }
    sections.push(section);
  }
  const known = new Set(sections.flatMap((section) => [section.name, ...(section.tokens ?? [])]));
  for (const token of only ?? []) {
    if (!known.has(token))
      throw new Error(`--only ${token}: not a section or dataset (known: ${[...known].join(', ')})`);
  }
  const selected = sections.filter(
    (section) =>
      only === null || only.has(section.name) || (section.tokens ?? []).some((token) => only.has(token)),
  );

  await mkdir(benchDir, { recursive: true });
  const reporter = createReporter();
  reporter.heading(
    `Standalone bench — Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ` +
      `${Math.round(totalmem() / 2 ** 30)} GiB`,
  );
  // Figures taken on a busy machine are not comparable: say how busy it was.
  reporter.line(
    `load average at start: ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
  );
  reporter.line('building the bench entries (engine, generator)…');
  const build = await buildBenchEntries(repo, benchDir);

  const resultsFile = join(benchDir, 'results.json');
  const results = existsSync(resultsFile) ? JSON.parse(await readFile(resultsFile, 'utf8')) : {};
  results.machine = {
    node: process.version,
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? null,
    loadAverageAtStart: loadavg(),
  };
  results.sections ??= {};

  for (const section of selected) {
    reporter.heading(`${section.name}${section.description ? ` — ${section.description}` : ''}`);
    const ctx = {
      repo,
      benchDir,
      build,
      only,
      runs,
      hugo: !values['no-hugo'],
      profileDir: values.profile ? join(benchDir, 'profiles') : null,
      report: reporter,
      /** Whether a dataset or part of this section was asked for. */
      wants: (token) =>
        only === null ||
        only.has(section.name) ||
        (only.has(token) && (section.tokens ?? []).includes(token)),
    };
    const previous = results.sections[section.name] ?? {};
    const figures = await section.run(ctx);
    const targets = reporter.takeTargets();
    results.sections[section.name] = {
      ...previous,
      ...figures,
      targets: { ...previous.targets, ...targets },
      updatedAt: new Date().toISOString(),
    };
    await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  }
  reporter.heading('Targets');
  const missed = reporter.summary();
  reporter.line(`\nFigures written to ${resultsFile}`);
  // Missing a target is a finding, not a crash, unless --strict asks for a failing status.
  return values.strict && missed > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(
      `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
