// The engine's bench section: for the 2021 corpus and synthetic folders of 1,000 and 10,000 stands,
// cold index, re-index with nothing changed and with one file changed, store size, peak memory and
// search latency, each scenario in a fresh process; and Hugo building the same folder, for the ratio.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { Buffer } from 'node:buffer';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { bytes, median, ms } from './lib/report.mjs';

export const name = 'engine';
export const description = 'indexing, re-indexing, store, memory and search';
export const tokens = ['corpus', '1k', '10k'];

const CORPUS_HUGO_SKIP = ['content/stands/checkmk/meet-the-team.md'];
const LIMITS = { oneChangedMs: 100, nothingChangedMs: 300, searchP95Ms: 20, peakRssMB: 300 };

/** Measures every dataset asked for; returns figures keyed by dataset. */
export async function run(ctx) {
  const datasets = [
    { token: 'corpus', label: 'FOSDEM 2021 corpus', hugoRatioLimit: 0.5, defaultRuns: 3 },
    {
      token: '1k',
      label: '1,000 synthetic stands',
      stands: 1000,
      seed: 1000,
      hugoRatioLimit: null,
      defaultRuns: 3,
    },
    {
      token: '10k',
      label: '10,000 synthetic stands',
      stands: 10000,
      seed: 10000,
      hugoRatioLimit: 1.0,
      defaultRuns: 1,
    },
  ];
  const figures = {};
  const hugo = ctx.hugo ? findHugo(ctx.repo) : { available: false, why: 'skipped (--no-hugo)' };
  if (!hugo.available) ctx.report.line(`Hugo: ${hugo.why}`);
  ctx.report.line("File cache: each timed run (the engine's and Hugo's) starts with the folder read once.");
  for (const dataset of datasets) {
    if (!ctx.wants(dataset.token)) continue;
    const site = await prepare(ctx, dataset);
    if (site === null) continue;
    try {
      figures[dataset.token] = await measure(ctx, dataset, site, hugo);
    } catch (error) {
      // One dataset failing (an engine crash) must not cost the figures of the others.
      const message = error instanceof Error ? error.message : String(error);
      ctx.report.line(`  FAILED: ${message}`);
      figures[dataset.token] = { label: dataset.label, error: message };
    }
  }
  const measured = Object.entries(figures).filter(([, figure]) => !figure.error);
  if (measured.length > 0) {
    // A table to paste into the README's benchmark section.
    const table = markdownTable(measured);
    await writeFile(join(ctx.benchDir, 'results-engine.md'), table);
    ctx.report.line(`\n${table}`);
  }
  return figures;
}

function markdownTable(measured) {
  const rows = [
    ['', ...measured.map(([, figure]) => figure.label)],
    ['files', ...measured.map(([, figure]) => String(figure.files))],
    ['cold index (engine)', ...measured.map(([, figure]) => ms(figure.cold.medianIndexMs))],
    ['cold index (whole process)', ...measured.map(([, figure]) => ms(figure.cold.medianWallMs))],
    ['hugo build', ...measured.map(([, figure]) => (figure.hugo?.medianMs ? ms(figure.hugo.medianMs) : '—'))],
    ['cold / hugo', ...measured.map(([, figure]) => (figure.hugo?.ratio ? `${figure.hugo.ratio}×` : '—'))],
    [
      'empty Node process / hugo',
      ...measured.map(([, f]) =>
        f.hugo?.emptyNodeMs ? `${ms(f.hugo.emptyNodeMs)}, ${f.hugo.emptyNodeRatio}×` : '—',
      ),
    ],
    [
      'nothing changed (fresh / warm)',
      ...measured.map(([, f]) => `${ms(f.nothingChanged.indexMs)} / ${ms(f.nothingChanged.warmIndexMs)}`),
    ],
    ['stat() alone, fresh', ...measured.map(([, f]) => ms(f.nothingChanged.statFloorMs))],
    [
      'one file changed (fresh / watch)',
      ...measured.map(([, f]) => `${ms(f.oneFileChanged.indexMs)} / ${ms(f.oneFileChanged.watchRunMs)}`),
    ],
    ['store size', ...measured.map(([, figure]) => bytes(figure.storeBytes))],
    ['store load', ...measured.map(([, figure]) => ms(figure.nothingChanged.openMs))],
    ['peak RSS', ...measured.map(([, figure]) => `${figure.peakRssMB.max} MB`)],
    [
      'search p50 / p95 (uncached)',
      ...measured.map(([, f]) => `${ms(f.search.p50Ms)} / ${ms(f.search.p95Ms)}`),
    ],
    ['first search after load', ...measured.map(([, figure]) => ms(figure.search.firstQueryMs))],
  ];
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(rows[0]), line(rows[0].map(() => '---')), ...rows.slice(1).map(line)].join('\n') + '\n';
}

async function prepare(ctx, dataset) {
  if (dataset.token === 'corpus') {
    const source = join(ctx.repo, '../shared/corpus/fosdem-2021');
    if (!existsSync(source)) {
      ctx.report.line(`-- ${dataset.label}: skipped, ${source} is absent`);
      return null;
    }
    // A writable copy: the one-file-changed scenario edits a file, and the corpus is read-only.
    const root = join(ctx.benchDir, 'fosdem-2021');
    await removeTree(root);
    await cp(source, root, { recursive: true });
    await makeWritable(root);
    const files = await listFiles(root);
    const subPages = files.filter(
      (file) => /^content\/stands\/[^/]+\/[^/]+\.md$/.test(file) && !/\/_?index\.md$/.test(file),
    );
    return {
      root,
      files: files.length,
      sampleSubPage: subPages.sort()[0] ?? files.find((file) => file.endsWith('.md')),
      hugoSkip: CORPUS_HUGO_SKIP,
      expected: null,
    };
  }
  const root = join(ctx.benchDir, `stands-${dataset.stands}`);
  const { generateStands, GENERATOR_VERSION } = await import(pathToFileURL(ctx.build.generator).href);
  const stampFile = join(root, '.generated.json');
  const stamp = { version: GENERATOR_VERSION, stands: dataset.stands, seed: dataset.seed };
  let site = null;
  if (existsSync(stampFile)) {
    const previous = JSON.parse(await readFile(stampFile, 'utf8'));
    if (JSON.stringify(previous.stamp) === JSON.stringify(stamp)) site = previous.site;
  }
  if (site === null) {
    const started = performance.now();
    ctx.report.line(`generating ${dataset.label} into ${root}…`);
    site = await generateStands({ root, stands: dataset.stands, seed: dataset.seed });
    delete site.slugs;
    await writeFile(stampFile, JSON.stringify({ stamp, site }));
    ctx.report.line(`  generated ${site.files} files in ${ms(performance.now() - started)}`);
  }
  return { root, files: site.files, sampleSubPage: site.sampleSubPage, hugoSkip: [], expected: site };
}

async function measure(ctx, dataset, site, hugo) {
  const runs = ctx.runs ?? dataset.defaultRuns;
  const store = join(ctx.benchDir, 'stores', `${dataset.token}.json`);
  await mkdir(join(ctx.benchDir, 'stores'), { recursive: true });
  ctx.report.line(`\n-- ${dataset.label}: ${site.files} files in ${site.root}`);

  const cold = [];
  for (let i = 0; i < runs; i += 1) {
    await removeStore(store);
    cold.push(await scenario(ctx, 'cold', site.root, store));
  }
  const last = cold[cold.length - 1];
  const coldWall = median(cold.map((r) => r.wallMs));
  const coldIndex = median(cold.map((r) => r.indexMs));
  const coldEngine = median(cold.map((r) => r.openMs + r.indexMs + r.closeMs));
  const storeBytes = (await stat(store)).size;
  const counts = last.counts ?? {};
  ctx.report.row(
    'cold index',
    ms(coldIndex),
    `open+index+close ${ms(coldEngine)}; whole process ${ms(coldWall)}${runs > 1 ? ` (median of ${runs})` : ''}`,
  );
  ctx.report.row(
    '  found',
    `${counts.stands ?? '?'} stands`,
    `${counts.listedStands ?? '?'} listed, ${counts.pages ?? '?'} pages, ${counts.themes ?? '?'} themes, ` +
      `${counts.assets ?? '?'} assets; ${counts.errors ?? '?'} errors, ${counts.warnings ?? '?'} warnings`,
  );
  ctx.report.row(
    '  process start',
    ms(median(cold.map((r) => r.startupMs))),
    `Node start and module load before indexing; ${last.rssAfterLoadMB} MB RSS then`,
  );
  if (site.expected && counts.stands !== undefined && counts.stands !== site.expected.stands) {
    ctx.report.line(
      `  note: the generator wrote ${site.expected.stands} stands, the engine counts ${counts.stands}`,
    );
  }
  if (last.notices?.length) ctx.report.line(`  notices: ${last.notices.join(' | ')}`);
  ctx.report.row('store size', bytes(storeBytes));

  const nothing = await scenario(ctx, 'reindex', site.root, store);
  ctx.report.row('  store load (open)', ms(nothing.openMs), 'in a fresh process, before the re-index');
  ctx.report.target({
    id: `${dataset.token}.nothing-changed`,
    label: 'nothing changed', // first re-index in a fresh process, as `standalone index` runs it
    value: nothing.indexMs,
    limit: LIMITS.nothingChangedMs,
    shown: ms(nothing.indexMs),
    limitShown: `≤ ${LIMITS.nothingChangedMs} ms`,
  });
  ctx.report.row(
    '  same, warm',
    ms(nothing.warmIndexMs),
    "median of 5 more full re-indexes in the same process (the app's 'index again')",
  );
  // The floor under both re-index figures: a fresh process must stat() every page and folder.
  const floor = await scenario(ctx, 'stat-floor', site.root, store);
  ctx.report.row(
    '  stat() alone',
    ms(floor.statFloorMs),
    `one stat() per page and folder a re-index must look at (${floor.statFloorEntries}), nothing else`,
  );
  noteChange(ctx, nothing, 0);

  const one = await withEditedFile(join(site.root, site.sampleSubPage), () =>
    scenario(ctx, 'reindex', site.root, store, site.sampleSubPage),
  );
  ctx.report.target({
    id: `${dataset.token}.one-file-changed`,
    label: 'one file changed',
    value: one.indexMs,
    limit: LIMITS.oneChangedMs,
    shown: ms(one.indexMs),
    limitShown: `≤ ${LIMITS.oneChangedMs} ms`,
  });
  ctx.report.row('  same, watch mode', ms(one.watchRunMs), 'median of 5 edits seen by the watcher (the app)');
  ctx.report.target({
    id: `${dataset.token}.one-file-changed-watch`,
    label: '  one changed, watch',
    value: one.watchRunMs,
    limit: LIMITS.oneChangedMs,
    shown: ms(one.watchRunMs),
    limitShown: `≤ ${LIMITS.oneChangedMs} ms`,
  });
  ctx.report.row(
    '  edit to notification',
    ms(one.watchNotifiedMs),
    `includes the watcher's quiet period; watches set up in ${ms(one.watchStartMs)}`,
  );
  noteChange(ctx, one, 1);

  const search = await scenario(ctx, 'search', site.root, store);
  const s = search.search;
  ctx.report.row(
    'first search',
    ms(s.firstQueryMs),
    `right after the store was loaded (${ms(search.openMs)}); the first visitor's wait`,
  );
  ctx.report.target({
    id: `${dataset.token}.search-p95`,
    label: 'search p95',
    value: s.p95Ms,
    limit: LIMITS.searchP95Ms,
    shown: ms(s.p95Ms),
    limitShown: `≤ ${LIMITS.searchP95Ms} ms`,
  });
  ctx.report.row(
    '  search p50 / max',
    `${ms(s.p50Ms)} / ${ms(s.maxMs)}`,
    `${s.queries} distinct queries, each once (no answer cached); slowest: ${s.slowest.join(', ')}`,
  );

  const rss = {
    cold: Math.max(...cold.map((r) => r.peakRssMB)),
    nothingChanged: nothing.peakRssMB,
    oneFileChanged: one.peakRssMB,
    search: search.peakRssMB,
  };
  const peak = Math.max(...Object.values(rss));
  ctx.report.target({
    id: `${dataset.token}.peak-rss`,
    label: 'peak RSS',
    value: peak,
    limit: LIMITS.peakRssMB,
    shown: `${peak} MB`,
    limitShown: `≤ ${LIMITS.peakRssMB} MB`,
  });
  ctx.report.row(
    '  per scenario',
    '',
    `cold ${rss.cold} MB, nothing changed ${rss.nothingChanged} MB, one changed ${rss.oneFileChanged} MB, search ${rss.search} MB`,
  );

  let hugoFigures = null;
  if (hugo.available) {
    hugoFigures = await timeHugo(ctx, hugo, dataset, site, runs);
    if (hugoFigures.error) {
      ctx.report.row('hugo', 'failed', hugoFigures.error);
    } else {
      const ratio = Math.round((coldWall / hugoFigures.medianMs) * 100) / 100;
      const engineRatio = Math.round((coldEngine / hugoFigures.medianMs) * 100) / 100;
      hugoFigures.ratio = ratio;
      hugoFigures.engineRatio = engineRatio;
      ctx.report.row(
        'hugo build',
        ms(hugoFigures.medianMs),
        `${runs > 1 ? `median of ${runs}; ` : ''}cold whole process / hugo = ${ratio}× (engine alone ${engineRatio}×)`,
      );
      // The floor under the whole-process figure: Node starting and stopping, with nothing to do. It
      // matters where a target leaves less than a second (the corpus); beside a big folder it is noise.
      if (hugoFigures.medianMs < 1000) {
        hugoFigures.emptyNodeMs = await emptyNodeProcessMs();
        hugoFigures.emptyNodeRatio = Math.round((hugoFigures.emptyNodeMs / hugoFigures.medianMs) * 100) / 100;
        ctx.report.row(
          '  empty Node process',
          ms(hugoFigures.emptyNodeMs),
          `node -e 0, median of ${EMPTY_NODE_RUNS}: ${hugoFigures.emptyNodeRatio}× hugo before reading anything`,
        );
      }
      if (dataset.hugoRatioLimit !== null) {
        ctx.report.target({
          id: `${dataset.token}.cold-vs-hugo`,
          label: 'cold / hugo',
          value: ratio,
          limit: dataset.hugoRatioLimit,
          shown: `${ratio}×`,
          limitShown: `≤ ${dataset.hugoRatioLimit}× hugo`,
        });
      }
    }
  }

  return {
    label: dataset.label,
    files: site.files,
    counts,
    cold: { runs: cold, medianWallMs: coldWall, medianIndexMs: coldIndex, medianEngineMs: coldEngine },
    storeBytes,
    nothingChanged: { ...nothing, statFloorMs: floor.statFloorMs, statFloorEntries: floor.statFloorEntries },
    oneFileChanged: { ...one, file: site.sampleSubPage },
    search: s,
    peakRssMB: { ...rss, max: peak },
    hugo: hugoFigures,
  };
}

function noteChange(ctx, result, expected) {
  const change = result.change ?? {};
  const total = (change.added ?? 0) + (change.changed ?? 0) + (change.removed ?? 0);
  if (total !== expected) {
    ctx.report.line(
      `  note: the engine reported ${change.added} added, ${change.changed} changed, ${change.removed} removed (expected ${expected})` +
        (change.changedFiles?.length ? `: ${change.changedFiles.join(', ')}` : ''),
    );
  }
}

const EMPTY_NODE_RUNS = 5;
let emptyNode = null;

/** How long `node -e 0` takes, start to exit, timed as scenarios are (once per bench: it is the same). */
async function emptyNodeProcessMs() {
  emptyNode ??= (async () => {
    const times = [];
    for (let i = 0; i < EMPTY_NODE_RUNS; i += 1) {
      const started = performance.now();
      await new Promise((resolvePromise, reject) => {
        const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
        child.on('error', reject);
        child.on('close', resolvePromise);
      });
      times.push(performance.now() - started);
    }
    return Math.round(median(times) * 10) / 10;
  })();
  return emptyNode;
}

/**
 * Reads every file under `root` once, so that what follows finds the folder in the operating system's
 * file cache. Hugo is timed on a copy of the folder written just before (so cached); the engine's runs
 * must start the same way, or the ratio measures the disk: on this machine, which keeps about 1 GB of
 * file cache, reading the 10,000-stand folder uncached takes 7.5 s, cached 1.2 s.
 */
async function warmFileCache(root) {
  for (const file of await listFiles(root)) await readFile(join(root, file));
}

/** Runs one scenario in a fresh Node process; resolves to its JSON line plus the process's wall time. */
async function scenario(ctx, mode, root, store, ...extra) {
  if (mode !== 'search') await warmFileCache(root);
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const profile = ctx.profileDir
      ? [
          '--cpu-prof',
          '--cpu-prof-dir',
          ctx.profileDir,
          '--cpu-prof-name',
          `${basename(store, '.json')}-${mode}-${Date.now()}.cpuprofile`,
        ]
      : [];
    const child = spawn(process.execPath, [...profile, ctx.build.scenario, mode, root, store, ...extra], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Math.round((performance.now() - started) * 10) / 10;
      const line = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) {
        reject(new Error(`scenario ${mode} on ${root} failed (exit ${code}):\n${stderr.trim()}`));
        return;
      }
      resolvePromise({ ...JSON.parse(line), wallMs });
    });
  });
}

/** Appends a paragraph to a file for the duration of `action`, then restores its bytes and times. */
async function withEditedFile(file, action) {
  const original = await readFile(file);
  const times = await stat(file);
  await writeFile(file, Buffer.concat([original, Buffer.from('\n\nEdited by the benchmark.\n')]));
  try {
    return await action();
  } finally {
    await writeFile(file, original);
    await utimes(file, times.atime, times.mtime);
  }
}

function findHugo(repo) {
  const reference = join(repo, '../shared/hugo-reference');
  if (!existsSync(join(reference, 'hugo.toml')))
    return { available: false, why: `skipped, ${reference} is absent` };
  const version = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  if (version.status !== 0)
    return { available: false, why: 'skipped, hugo is not installed (apt-get install hugo)' };
  return { available: true, reference, version: version.stdout.trim() };
}

/** Times `hugo` building the folder with the reference layout, as ../shared/hugo-reference/manifest.sh does. */
async function timeHugo(ctx, hugo, dataset, site, runs) {
  const work = join(ctx.benchDir, 'hugo', dataset.token);
  const out = join(ctx.benchDir, 'hugo', `${dataset.token}-public`);
  await removeTree(work);
  await mkdir(work, { recursive: true });
  await cp(join(site.root, 'content'), join(work, 'content'), { recursive: true });
  await makeWritable(work);
  if (existsSync(join(site.root, 'config.toml')))
    await cp(join(site.root, 'config.toml'), join(work, 'config.toml'));
  for (const skipped of site.hugoSkip) await rm(join(work, skipped), { force: true });
  const config = existsSync(join(work, 'config.toml'))
    ? `${join(work, 'config.toml')},${join(hugo.reference, 'hugo.toml')}`
    : join(hugo.reference, 'hugo.toml');
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    await removeTree(out);
    await warmFileCache(work);
    const started = performance.now();
    const result = await new Promise((resolvePromise) => {
      const child = spawn(
        'hugo',
        ['--quiet', '-s', work, '--config', config, '--themesDir', join(hugo.reference, 'themes'), '-d', out],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('close', (code) => resolvePromise({ code, stderr }));
    });
    const elapsed = performance.now() - started;
    if (result.code !== 0) return { error: result.stderr.trim().split('\n').slice(0, 3).join(' / ') };
    times.push(Math.round(elapsed * 10) / 10);
  }
  await removeTree(out);
  return { runs: times, medianMs: median(times), version: hugo.version, skipped: site.hugoSkip };
}

async function listFiles(root, prefix = '') {
  const entries = await readdir(join(root, prefix), { withFileTypes: true });
  const files = [];
  for (const entry of entries) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await listFiles(root, path)));
    else files.push(path);
  }
  return files;
}

async function makeWritable(root) {
  await chmod(root, 0o755);
  const entries = await readdir(root, { withFileTypes: true });
  for (const entry of entries) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) await makeWritable(path);
    else if (entry.isFile()) await chmod(path, 0o644);
  }
}

async function removeTree(path) {
  if (!existsSync(path)) return;
  await makeWritable(path).catch(() => {});
  await rm(path, { recursive: true, force: true });
}

async function removeStore(store) {
  // The engine may keep a backup or a temporary file beside the store: start truly cold.
  await rm(store, { force: true });
  const folder = join(store, '..');
  const base = store.slice(folder.length + 1);
  for (const name of await readdir(folder)) {
    if (name !== base && name.startsWith(base))
      await rm(join(folder, name), { recursive: true, force: true });
  }
}
