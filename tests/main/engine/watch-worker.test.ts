// The engine runs in a worker thread in the app: the native watcher must load and report there, in more
// than one thread at once, and the built engine worker must send a change it saw.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { createEngineClient } from '../../../main/app/engine-client';
import type { EngineEvent } from '../../../main/app/engine-rpc';
import { eventually, page, tempSite } from './helpers';

const require = createRequire(import.meta.url);
const WATCHER = require.resolve('@parcel/watcher');
// As in the app, where the engine client holds it in the main thread (see holdWatcherLibrary).
require(WATCHER);
const ENGINE_WORKER = path.resolve(__dirname, '../../../out/main/engine-worker.js');

/** A worker thread that subscribes to `root` and posts 'ready', then every path it is told changed. */
const SUBSCRIBER = `
const { parentPort, workerData } = require('node:worker_threads');
const watcher = require(workerData.watcher);
watcher
  .subscribe(workerData.root, (error, events) => {
    if (error) parentPort.postMessage({ error: String(error) });
    for (const event of events) parentPort.postMessage({ type: event.type, path: event.path });
  })
  .then((subscription) => {
    parentPort.once('message', () => subscription.unsubscribe().then(() => parentPort.close()));
    parentPort.postMessage('ready');
  });
`;

/** A worker thread subscribed to `root`: the paths it reported, and how to stop it. */
async function subscriber(root: string) {
  const worker = new Worker(SUBSCRIBER, { eval: true, workerData: { watcher: WATCHER, root } });
  const messages: unknown[] = [];
  await new Promise<void>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('message', (message) => {
      messages.push(message);
      if (message === 'ready') resolve();
    });
  });
  return {
    sees: (file: string) =>
      eventually(() => messages.find((m) => (m as { path?: string }).path === file), 15_000),
    stop: async () => {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage('stop');
      await exited;
    },
  };
}

describe('the native watcher in worker threads', () => {
  it('loads and reports in two worker threads at once, and in one started after they ended', async () => {
    const root = tempSite({ 'content/stands/alpha.md': page('title: Alpha') });
    const file = path.join(root, 'content/stands/alpha.md');
    const first = await Promise.all([subscriber(root), subscriber(root)]);
    writeFileSync(file, page('title: Alpha, edited'));
    for (const worker of first) await worker.sees(file);
    await Promise.all(first.map((worker) => worker.stop()));
    // What the engine worker does when it is started again after a crash.
    const again = await subscriber(root);
    writeFileSync(file, page('title: Alpha, edited again'));
    await again.sees(file);
    await again.stop();
  });
});

describe.skipIf(!existsSync(ENGINE_WORKER))(
  `the built engine worker watching${existsSync(ENGINE_WORKER) ? '' : ' (skipped: run `npx electron-vite build` first)'}`,
  () => {
    it('sends a change it saw in a watched folder, and one for a folder that vanished', async () => {
      const root = tempSite({ 'content/stands/alpha.md': page('title: Alpha\nshow_on_overview: true') });
      const client = createEngineClient({ workerPath: ENGINE_WORKER, setup: { dbFile: null } });
      const events: EngineEvent[] = [];
      client.onEvent((event) => events.push(event));
      try {
        const { collection } = await client.indexFolder(root);
        await client.startWatching();
        writeFileSync(path.join(root, 'content/stands/beta.md'), page('title: Beta\nshow_on_overview: true'));
        const added = await eventually(
          () =>
            events.find(
              (e) => e.type === 'change' && e.outcome.change.added.includes('content/stands/beta.md'),
            ),
          15_000,
        );
        expect(added).toMatchObject({ outcome: { collection: { id: collection.id } } });
        rmSync(root, { recursive: true });
        await eventually(
          () => events.find((e) => e.type === 'change' && !e.outcome.collection.available),
          15_000,
        );
        await client.stopWatching();
      } finally {
        await client.close();
      }
    }, 40_000);
  },
);
