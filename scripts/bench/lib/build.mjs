// Bundles the TypeScript the bench runs (the engine's scenario runner, the stands generator) into
// .bench/build with Vite, the way electron-vite bundles main: dependencies stay external, resolved
// from node_modules. No TypeScript loader in the measured processes, so their memory is the engine's.
import { join } from 'node:path';
import { build } from 'vite';

/** Builds the bench's entries; returns their paths. */
export async function buildBenchEntries(repo, benchDir) {
  const outDir = join(benchDir, 'build');
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
          'engine-scenario': join(repo, 'scripts/bench/lib/engine-scenario.ts'),
          'generate-stands': join(repo, 'scripts/generate-stands.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
      },
    },
  });
  return {
    scenario: join(outDir, 'engine-scenario.mjs'),
    generator: join(outDir, 'generate-stands.mjs'),
  };
}
