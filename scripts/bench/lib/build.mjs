// Bundles the TypeScript the bench runs (the engine's scenario runner, the stands generator) into
// .bench/build. No TypeScript loader in the measured processes, so their memory is the engine's.
import { join } from 'node:path';
import { bundleForNode } from '../../lib/bundle-for-node.mjs';

/** Builds the bench's entries; returns their paths. */
export async function buildBenchEntries(repo, benchDir) {
  const built = await bundleForNode(repo, join(benchDir, 'build'), {
    'engine-scenario': join(repo, 'scripts/bench/lib/engine-scenario.ts'),
    'generate-stands': join(repo, 'scripts/generate-stands.ts'),
  });
  return { scenario: built['engine-scenario'], generator: built['generate-stands'] };
}
