// The built engine worker (out/main/engine-worker.js) in a real worker thread, as the app runs it.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngineClient } from '../../../main/app/engine-client';
import type { EngineEvent } from '../../../main/app/engine-rpc';

const WORKER = resolve(__dirname, '../../../out/main/engine-worker.js');
const DEMO = resolve(__dirname, '../../../resources/demo');
const built = existsSync(WORKER);
if (!built)
  console.warn('Engine worker test skipped: the app is not built (run `npx electron-vite build` first).');

describe.skipIf(!built)(
  `the built engine worker${built ? '' : ' (skipped: out/main/engine-worker.js is not built)'}`,
  () => {
    const tmp = mkdtempSync(join(tmpdir(), 'standalone-worker-'));
    afterAll(() => rmSync(tmp, { recursive: true, force: true }));

    it('indexes the demo off the main thread, reporting progress, and writes its store', async () => {
      const client = createEngineClient({ workerPath: WORKER, setup: { dbFile: join(tmp, 'store.json') } });
      const events: EngineEvent[] = [];
      client.onEvent((event) => events.push(event));
      try {
        const { collection } = await client.indexFolder(DEMO);
        expect(collection.name).toBe('Standalone Demo 2026');
        expect((await client.listStands(collection.id)).length).toBe(4);
        expect(events.some((e) => e.type === 'progress' && e.progress.phase === 'done')).toBe(true);
      } finally {
        await client.close();
      }
      expect(existsSync(join(tmp, 'store.json'))).toBe(true);
    });
  },
);
