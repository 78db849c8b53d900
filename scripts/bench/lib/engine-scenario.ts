// One benchmark scenario in a fresh Node process, so each one's peak memory is its own. Built by the
// bench (scripts/bench/lib/build.mjs) into .bench/build/engine-scenario.mjs; prints one JSON line.
//   engine-scenario cold    <folder> <store>   index into a store that does not exist yet
//   engine-scenario reindex <folder> <store> [file]
//                                              index again into the store the last run left; then, warm,
//                                              WARM_RUNS more times (appending a line to `file` before each)
//   engine-scenario search  <folder> <store>   time the fixed queries over the stored collection
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openEngine } from '../../../main/engine/index';

/** The fixed queries: words of the synthetic vocabulary and of real stands, prefixes, phrases, misses. */
export const SEARCH_QUERIES = [
  'linux',
  'kernel',
  'database',
  'community',
  'open source',
  'python',
  'privacy',
  'game',
  'compiler desktop',
  'satellite',
  'foundation',
  'documentation',
  'ker',
  'con',
  'free software',
  'container orchestration',
  'x',
  'nothing-matches-this',
];

const SEARCH_ROUNDS = 20;
// Re-indexes after the first, in the same process: what the app's watch mode sees.
const WARM_RUNS = 5;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

async function main(): Promise<void> {
  const [mode, folder, store, edited] = process.argv.slice(2);
  if (!mode || !folder || !store)
    throw new Error('usage: engine-scenario cold|reindex|search <folder> <store>');
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
    if (mode === 'reindex') {
      const warm: number[] = [];
      for (let run = 0; run < WARM_RUNS; run += 1) {
        if (edited) await appendFile(join(folder, edited), `\nEdited again by the benchmark (${run}).\n`);
        mark = performance.now();
        await engine.indexFolder(folder);
        warm.push(performance.now() - mark);
      }
      warm.sort((a, b) => a - b);
      result.warmIndexMs = round(percentile(warm, 50));
    }
  } else if (mode === 'search') {
    const collection =
      engine.listCollections().find((known) => known.root === folder) ?? engine.listCollections()[0];
    if (!collection) throw new Error(`the store ${store} holds no collection`);
    result.collection = collection.id;
    const first: number[] = [];
    const timings: number[] = [];
    const hits: Record<string, number> = {};
    for (let round = 0; round <= SEARCH_ROUNDS; round += 1) {
      for (const query of SEARCH_QUERIES) {
        mark = performance.now();
        const groups = engine.search(collection.id, query);
        const elapsed = performance.now() - mark;
        // The first round is the cold one (lazy index, JIT): reported apart from the steady state.
        if (round === 0) {
          first.push(elapsed);
          hits[query] = groups.reduce((sum, group) => sum + group.hits.length, 0);
        } else timings.push(elapsed);
      }
    }
    timings.sort((a, b) => a - b);
    result.search = {
      queries: SEARCH_QUERIES.length,
      rounds: SEARCH_ROUNDS,
      firstRoundMaxMs: round(Math.max(...first)),
      firstQueryMs: round(first[0] ?? 0),
      p50Ms: round(percentile(timings, 50)),
      p95Ms: round(percentile(timings, 95)),
      maxMs: round(timings[timings.length - 1] ?? 0),
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
  // Linux reports kilobytes.
  result.peakRssMB = Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
