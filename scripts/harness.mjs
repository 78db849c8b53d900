// Loads the Chromium harness (tests/e2e/harness.ts, TypeScript) into plain Node for the scripts that
// reuse it (`npm run snapshot`, the bench's renderer section): bundled with Vite the way the bench bundles
// the engine, dependencies left external.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const repo = dirname(dirname(fileURLToPath(import.meta.url)));

/** Bundles and imports the harness and the end-to-end fixtures. */
export async function loadHarness() {
  const outDir = join(repo, 'out/e2e/node');
  await build({
    configFile: false,
    root: repo,
    logLevel: 'warn',
    publicDir: false,
    build: {
      ssr: true,
      target: 'node20',
      outDir,
      emptyOutDir: true,
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      rollupOptions: {
        input: {
          harness: join(repo, 'tests/e2e/harness.ts'),
          fixtures: join(repo, 'tests/e2e/fixtures.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
      },
    },
  });
  return {
    harness: await import(pathToFileURL(join(outDir, 'harness.mjs')).href),
    fixtures: await import(pathToFileURL(join(outDir, 'fixtures.mjs')).href),
  };
}
