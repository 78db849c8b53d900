// Builds what the Chromium harness serves: the renderer exactly as electron-vite builds it (out/renderer),
// and the real preload bundled as a classic script with `electron` swapped for the shim. Each is rebuilt
// only when one of its sources is newer than its output.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type InlineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The repository root: the nearest folder above this file (or its bundle in out/) with our package.json. */
function findRepo(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (
    !existsSync(join(dir, 'package.json')) ||
    !readFileSync(join(dir, 'package.json'), 'utf8').includes('"name": "standalone"')
  ) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the repository root.');
    dir = parent;
  }
  return dir;
}

export const REPO = findRepo();
export const RENDERER_OUT = join(REPO, 'out/renderer');
export const PRELOAD_OUT = join(REPO, 'out/e2e/preload.js');

function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== 'node_modules') visit(join(path, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

function isStale(output: string, sources: string[]): boolean {
  if (!existsSync(output)) return true;
  return newestMtime(sources.map((s) => join(REPO, s))) > statSync(output).mtimeMs;
}

const RENDERER_SOURCES = ['renderer', 'preload/contract.ts', 'main/engine/types.ts', 'package.json'];

/** The renderer's vite config, as electron-vite's renderer preset resolves it for a production build. */
export function rendererConfig(outDir: string): InlineConfig {
  return {
    configFile: false,
    root: join(REPO, 'renderer'),
    base: './',
    mode: 'production',
    logLevel: 'warn',
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'chrome140',
      modulePreload: { polyfill: false },
      minify: false,
      reportCompressedSize: false,
      rollupOptions: { input: { index: join(REPO, 'renderer/index.html') } },
    },
  };
}

/** Builds out/renderer when a renderer source changed since. */
export async function ensureRendererBuilt(): Promise<void> {
  if (!isStale(join(RENDERER_OUT, 'index.html'), RENDERER_SOURCES)) return;
  // Build beside and swap, so a concurrent reader never sees half a bundle.
  const temp = `${RENDERER_OUT}.building-${process.pid}`;
  // Vite and the React plugin read NODE_ENV (vitest sets "test") to pick dev or production JSX and React.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build(rendererConfig(temp));
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  rmSync(RENDERER_OUT, { recursive: true, force: true });
  mkdirSync(dirname(RENDERER_OUT), { recursive: true });
  renameSync(temp, RENDERER_OUT);
}

/** Bundles preload/index.ts with the electron shim into one classic script. */
export async function ensurePreloadBuilt(): Promise<void> {
  if (!isStale(PRELOAD_OUT, ['preload', 'tests/e2e/electron-shim.ts'])) return;
  const temp = `${dirname(PRELOAD_OUT)}/building-${process.pid}`;
  await build({
    configFile: false,
    root: REPO,
    logLevel: 'warn',
    publicDir: false,
    resolve: { alias: { electron: join(REPO, 'tests/e2e/electron-shim.ts') } },
    build: {
      outDir: temp,
      emptyOutDir: true,
      target: 'chrome140',
      minify: false,
      reportCompressedSize: false,
      lib: {
        entry: join(REPO, 'preload/index.ts'),
        formats: ['iife'],
        name: 'standalonePreload',
        fileName: () => 'preload.js',
      },
    },
  });
  mkdirSync(dirname(PRELOAD_OUT), { recursive: true });
  renameSync(join(temp, 'preload.js'), PRELOAD_OUT);
  rmSync(temp, { recursive: true, force: true });
}

export const ENGINE_WORKER_OUT = join(REPO, 'out/e2e/engine-worker/engine-worker.mjs');

/** Bundles main/engine-worker.ts (the engine's worker thread, as the app starts it) for the harness. */
export async function ensureEngineWorkerBuilt(): Promise<void> {
  if (
    !isStale(ENGINE_WORKER_OUT, [
      'main/engine',
      'main/app/engine-rpc.ts',
      'main/engine-worker.ts',
      'package.json',
    ])
  ) {
    return;
  }
  const outDir = dirname(ENGINE_WORKER_OUT);
  const temp = `${outDir}.building-${process.pid}`;
  await build({
    configFile: false,
    root: REPO,
    logLevel: 'warn',
    publicDir: false,
    build: {
      ssr: true,
      target: 'node20',
      outDir: temp,
      emptyOutDir: true,
      minify: false,
      reportCompressedSize: false,
      rollupOptions: {
        input: { 'engine-worker': join(REPO, 'main/engine-worker.ts') },
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
      },
    },
  });
  rmSync(outDir, { recursive: true, force: true });
  renameSync(temp, outDir);
}
