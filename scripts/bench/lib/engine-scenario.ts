// One benchmark scenario in a fresh Node process, so each one's peak memory is its own. Built by the
// bench (scripts/bench/lib/build.mjs) into .bench/build/engine-scenario.mjs; prints one JSON line.
//   engine-scenario cold    <folder> <store>   index into a store that does not exist yet
//   engine-scenario reindex <folder> <store>   index again into the store the last run left (nothing
//                                              changed); then WARM_RUNS more full re-indexes in the same
//                                              process (the app's "index again")
//   engine-scenario reindex <folder> <store> <file>
//                                              the same after the bench edited `file`; then watch mode,
//                                              as the app runs it: WARM_RUNS more edits of `file`, each
//                                              picked up by the engine's watcher
//   engine-scenario search  <folder> <store>   open the store, search at once (what the first visitor
//                                              waits for), then every query of SEARCH_QUERIES once
//   engine-scenario stat-floor <folder>        stat() alone on what a re-index must look at (see statFloor)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { IndexOutcome } from '../../../main/engine/api';
import { openEngine } from '../../../main/engine/index';
import { isContentFile } from '../../../main/engine/plan';
import { SEARCH_QUERIES } from './search-queries';

// Re-indexes after the first, in the same process: what the app sees.
const WARM_RUNS = 5;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

function median(values: number[]): number {
  return round(
    percentile(
      [...values].sort((a, b) => a - b),
      50,
    ),
  );
}

async function main(): Promise<void> {
  const [mode, folder, store, edited] = process.argv.slice(2);
  if (mode === 'stat-floor' && folder) {
    process.stdout.write(`${JSON.stringify({ mode, ...statFloor(resolve(folder)) })}\n`);
    return;
  }
  if (!mode || !folder || !store)
    throw new Error(
      'usage: engine-scenario cold|reindex|search <folder> <store> [file] | stat-floor <folder>',
    );
  if (new Set(SEARCH_QUERIES).size !== SEARCH_QUERIES.length)
    throw new Error('SEARCH_QUERIES repeats a query');
  // Time since the process started: Node's own start plus loading the engine's modules.
  const startupMs = performance.now();
  const result: Record<string, unknown> = {
    mode,
    startupMs: round(startupMs),
    rssAfterLoadMB: Math.round(process.memoryUsage.rss() / 2 ** 20),
  };

  let mark = performance.now();
  const engine = await openEngine({ dbFile: store });
  result.openMs = round(performance.now() - mark);
  result.notices = engine.notices;

  if (mode === 'cold' || mode === 'reindex') {
    mark = performance.now();
    const outcome = await engine.indexFolder(folder);
    result.indexMs = round(performance.now() - mark);
    result.collection = outcome.collection.id;
    result.counts = outcome.collection.counts;
    result.change = {
      added: outcome.change.added.length,
      changed: outcome.change.changed.length,
      removed: outcome.change.removed.length,
      changedFiles: outcome.change.changed.slice(0, 5),
    };
    if (mode === 'reindex' && !edited) {
      const warm: number[] = [];
      for (let run = 0; run < WARM_RUNS; run += 1) {
        mark = performance.now();
        await engine.indexFolder(folder);
        warm.push(performance.now() - mark);
      }
      result.warmIndexMs = median(warm);
    } else if (mode === 'reindex' && edited) {
      Object.assign(result, await watchEdits(engine, folder, edited));
    }
  } else if (mode === 'search') {
    const collection =
      engine.listCollections().find((known) => known.root === folder) ?? engine.listCollections()[0];
    if (!collection) throw new Error(`the store ${store} holds no collection`);
    result.collection = collection.id;
    // The first visitor's search, right after the store was loaded: nothing may be built lazily here.
    mark = performance.now();
    const firstHits = engine.search(collection.id, 'community').length;
    const firstQueryMs = round(performance.now() - mark);
    const timings: number[] = [];
    const hits: Record<string, number> = {};
    for (const query of SEARCH_QUERIES) {
      mark = performance.now();
      const groups = engine.search(collection.id, query);
      timings.push(performance.now() - mark);
      hits[query] = groups.reduce((sum, group) => sum + group.hits.length, 0);
    }
    const sorted = [...timings].sort((a, b) => a - b);
    const slowest = SEARCH_QUERIES.map((query, index) => [query, timings[index]!] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([query, ms]) => `${query} ${round(ms)} ms`);
    result.search = {
      queries: SEARCH_QUERIES.length,
      firstQueryMs,
      firstHits,
      p50Ms: round(percentile(sorted, 50)),
      p95Ms: round(percentile(sorted, 95)),
      maxMs: round(sorted[sorted.length - 1] ?? 0),
      slowest,
      hits,
    };
  } else {
    throw new Error(`unknown mode ${mode}`);
  }

  mark = performance.now();
  await engine.close();
  result.closeMs = round(performance.now() - mark);
  result.engineMs = round(performance.now() - startupMs);
  result.heapUsedMB = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
  result.peakRssMB = Math.round(peakRssKB() / 102.4) / 10;
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/**
 * What a re-index of an unchanged folder cannot go below, whatever the engine does: one stat() per
 * entry it must look at again (every folder under content/ and static/, for its modification time, and
 * every page, for its size and time; assets in unchanged folders are not looked at), one after the
 * other in a fresh process, with nothing else. Listing the folder first is not timed.
 */
function statFloor(folder: string): Record<string, unknown> {
  const paths: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const abs = join(dir, entry.name);
      if (entry.isDirectory()) {
        paths.push(abs);
        visit(abs);
      } else if (entry.isFile() && isContentFile(entry.name)) {
        paths.push(abs);
      }
    }
  };
  for (const top of ['content', 'static']) {
    const abs = join(folder, top);
    try {
      if (!statSync(abs).isDirectory()) continue;
    } catch {
      continue;
    }
    paths.push(abs);
    visit(abs);
  }
  const mark = performance.now();
  for (const abs of paths) statSync(abs);
  return { statFloorMs: round(performance.now() - mark), statFloorEntries: paths.length };
}

/**
 * This process's own peak resident memory, in kilobytes. On Linux, getrusage's maxRSS (what
 * `process.resourceUsage().maxRSS` reads) carries over the parent's resident memory at the moment it
 * forked this process, so a bench that had read a big folder made every small scenario look as big as
 * itself; /proc/self/status's VmHWM is the high-water mark of this process image alone.
 */
function peakRssKB(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]);
  } catch {
    // Not Linux.
  }
  return process.resourceUsage().maxRSS;
}

/**
 * Watch mode as the app runs it: the engine watches the folder; each edit of `file` is picked up by
 * the watcher, which waits for the folder to be quiet (WATCH_DEBOUNCE_MS) and re-indexes the folders
 * the change happened in. Reports the re-index itself and the whole edit-to-notification time.
 */
async function watchEdits(
  engine: Awaited<ReturnType<typeof openEngine>>,
  folder: string,
  file: string,
): Promise<Record<string, unknown>> {
  let notify: ((outcome: IndexOutcome) => void) | null = null;
  // What setting the watches up costs: the time until they are ready, and the memory they hold after.
  // CPU time too (every thread of the process): the wall time depends on what else the machine runs.
  const rssBefore = process.memoryUsage.rss();
  const cpuBefore = process.cpuUsage();
  const mark = performance.now();
  const stop = await engine.watch((outcome) => notify?.(outcome));
  const watchStartMs = round(performance.now() - mark);
  const cpu = process.cpuUsage(cpuBefore);
  const rssAfter = process.memoryUsage.rss();
  const runs: number[] = [];
  const notified: number[] = [];
  try {
    for (let run = 0; run < WARM_RUNS; run += 1) {
      const outcome = new Promise<IndexOutcome>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error('the watcher did not report the edit within 20 s')),
          20_000,
        );
        notify = (received) => {
          if (!received.change.changed.includes(file)) return;
          clearTimeout(timer);
          resolve(received);
        };
      });
      const edited = performance.now();
      await appendFile(join(folder, file), `\nEdited again by the benchmark (${run}).\n`);
      const received = await outcome;
      notified.push(performance.now() - edited);
      runs.push(received.durationMs ?? Number.NaN);
    }
  } finally {
    notify = null;
    await stop();
  }
  return {
    watchStartMs,
    watchStartCpuMs: round((cpu.user + cpu.system) / 1000),
    watchRssMB: Math.round(rssAfter / 2 ** 20),
    watchRssAddedMB: Math.round((rssAfter - rssBefore) / 2 ** 20),
    watchRunMs: median(runs),
    watchNotifiedMs: median(notified),
    warmIndexMs: median(runs),
  };
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
