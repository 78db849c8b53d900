import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngineClient, type EngineClient } from '../../../main/app/engine-client';
import type { EngineEvent } from '../../../main/app/engine-rpc';
import type { EngineOptions } from '../../../main/engine/api';
import { createFakeEngine, type FakeEngine } from './fake-engine';

const clients: EngineClient[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function inProcess(): { client: EngineClient; engine: () => FakeEngine; options: () => EngineOptions } {
  let engine: FakeEngine | null = null;
  let options: EngineOptions | null = null;
  const client = createEngineClient({
    open: (o) => {
      options = o;
      engine = createFakeEngine(o);
      return engine;
    },
    setup: { dbFile: null },
  });
  clients.push(client);
  return { client, engine: () => engine!, options: () => options! };
}

const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'standalone-client-'));
  dirs.push(dir);
  return dir;
};

describe('createEngineClient (in-process)', () => {
  it('opens the engine with the setup and answers queries with copies', async () => {
    const { client, engine, options } = inProcess();
    const folder = tempDir();
    const outcome = await client.indexFolder(folder);
    expect(options().dbFile).toBeNull();
    expect(outcome.collection.root).toBeTruthy();
    const [listed] = await client.listCollections();
    listed!.name = 'changed by the caller';
    expect(engine().getCollection(listed!.id)!.name).not.toBe('changed by the caller');
    expect(await client.search(listed!.id, 'lumen')).toEqual([
      { stand: 'demo', standTitle: 'hit for lumen', hits: [] },
    ]);
    expect(await client.notices()).toEqual(['store rebuilt (fake)']);
  });

  it('rejects with the engine’s own message', async () => {
    const { client } = inProcess();
    await expect(client.reindex('nope')).rejects.toThrow('Unknown collection nope');
  });

  it('forwards progress and watch changes as events', async () => {
    const { client, engine } = inProcess();
    const events: EngineEvent[] = [];
    const unsubscribe = client.onEvent((event) => events.push(event));
    const { collection } = await client.indexFolder(tempDir());
    await client.startWatching();
    expect(engine().watching).toBe(true);
    engine().fireChange(collection.id, { changed: ['content/stands/x.md'] });
    await client.listCollections(); // a round trip: the event was posted before the answer
    expect(events.map((e) => e.type)).toEqual(['progress', 'change']);
    expect(events[1]).toMatchObject({ outcome: { change: { changed: ['content/stands/x.md'] } } });
    unsubscribe();
    engine().fireChange(collection.id);
    await client.listCollections();
    expect(events).toHaveLength(2);
    await client.stopWatching();
    expect(engine().watching).toBe(false);
  });

  it('runs commands one at a time, in order', async () => {
    const { client, engine } = inProcess();
    const a = tempDir();
    const b = tempDir();
    await Promise.all([client.indexFolder(a), client.indexFolder(b), client.listCollections()]);
    expect(engine().calls.filter((c) => c.startsWith('indexFolder'))).toEqual([
      `indexFolder ${a}`,
      `indexFolder ${b}`,
    ]);
  });

  it('answers every request with the reason when the engine cannot open', async () => {
    const client = createEngineClient({
      open: () => {
        throw new Error('The store is locked by another program.');
      },
      setup: { dbFile: null },
    });
    clients.push(client);
    await expect(client.listCollections()).rejects.toThrow('The store is locked by another program.');
  });

  it('stops watching and closes the engine on close, then refuses calls', async () => {
    const { client, engine } = inProcess();
    await client.startWatching();
    await client.close();
    expect(engine().calls.slice(-2)).toEqual(['unwatch', 'close']);
    await expect(client.listCollections()).rejects.toThrow(/closed/);
  });
});

describe('createEngineClient (worker thread)', () => {
  it('rejects pending calls with a clear reason when the worker dies, and restarts on the next call', async () => {
    const dir = tempDir();
    const workerPath = join(dir, 'worker.mjs');
    // A stand-in worker: answers `listCollections`, dies on anything else.
    writeFileSync(
      workerPath,
      `import { parentPort } from 'node:worker_threads';
       parentPort.on('message', (m) => {
         if (m.method === 'listCollections') parentPort.postMessage({ id: m.id, ok: true, value: ['alive'] });
         else process.exit(3);
       });`,
    );
    const client = createEngineClient({ workerPath, setup: { dbFile: null } });
    clients.push(client);
    const events: EngineEvent[] = [];
    client.onEvent((event) => events.push(event));
    expect(await client.listCollections()).toEqual(['alive']);
    await expect(client.reindex('x')).rejects.toThrow(/stopped \(exit code 3\)/);
    expect(events).toEqual([
      { type: 'error', message: expect.stringMatching(/restarts on the next request/) },
    ]);
    expect(await client.listCollections()).toEqual(['alive']);
  });

  it('runs the engine in-process when the worker cannot start at all', async () => {
    const dir = tempDir();
    const workerPath = join(dir, 'broken-worker.mjs');
    writeFileSync(workerPath, 'throw new Error("cannot load from here");');
    const client = createEngineClient({
      workerPath,
      setup: { dbFile: null },
      fallback: async () => (options) => createFakeEngine(options),
    });
    clients.push(client);
    const events: EngineEvent[] = [];
    client.onEvent((event) => events.push(event));
    const folder = tempDir();
    const [outcome, collections] = await Promise.all([client.indexFolder(folder), client.listCollections()]);
    expect(outcome.collection.available).toBe(true);
    expect(collections).toBeInstanceOf(Array);
    expect(events[0]).toEqual({
      type: 'error',
      message: expect.stringMatching(/cannot load from here.*runs in the app itself/),
    });
    expect(await client.listCollections()).toHaveLength(1);
  });
});
