// Loads the Chromium harness (tests/e2e/harness.ts, TypeScript) into plain Node for the scripts that
// reuse it (`npm run snapshot`, the bench's renderer section), bundled by scripts/lib/bundle-for-node.mjs.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleForNode } from './lib/bundle-for-node.mjs';

const repo = dirname(dirname(fileURLToPath(import.meta.url)));

/** Bundles and imports the harness and the end-to-end fixtures. */
export async function loadHarness() {
  const built = await bundleForNode(repo, join(repo, 'out/e2e/node'), {
    harness: join(repo, 'tests/e2e/harness.ts'),
    fixtures: join(repo, 'tests/e2e/fixtures.ts'),
  });
  return {
    harness: await import(pathToFileURL(built.harness).href),
    fixtures: await import(pathToFileURL(built.fixtures).href),
  };
}
