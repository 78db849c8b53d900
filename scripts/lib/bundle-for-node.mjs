// Bundles TypeScript entries for plain Node with Vite, the way electron-vite bundles main: dependencies
// stay external, resolved from node_modules, so no TypeScript loader runs in the processes that load them.
import { join } from 'node:path';
import { build } from 'vite';

/** Bundles `input` (name → entry file) into `outDir` as ES modules `<name>.mjs`; returns each one's path. */
export async function bundleForNode(repo, outDir, input) {
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
        input,
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
      },
    },
  });
  return Object.fromEntries(Object.keys(input).map((name) => [name, join(outDir, `${name}.mjs`)]));
}
