import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// electron-vite looks for src/ by default; our layout names each process's folder explicitly.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      sourcemap: false,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'main/index.ts'),
          cli: resolve(__dirname, 'main/cli.ts'),
          'engine-worker': resolve(__dirname, 'main/engine-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      sourcemap: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'preload/index.ts') },
        // A sandboxed preload cannot load ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [
      react(),
      {
        // In `npm run dev` the page's meta CSP would block React's refresh preamble and Vite's hot-reload
        // socket; the main process sends the app's CSP (plus what hot reload needs) as a header instead.
        name: 'standalone:dev-csp',
        apply: 'serve',
        transformIndexHtml: (html: string) =>
          html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/i, ''),
      },
    ],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      sourcemap: false,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
