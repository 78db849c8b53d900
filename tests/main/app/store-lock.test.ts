// The app on a store another writer holds (a `standalone index` run): it neither crashes nor changes
// anything, says what holds the store and opens it by itself once it is free; a store taken over while
// open is reported, never overwritten.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../preload/contract';
import { createEngineClient, type EngineClient } from '../../../main/app/engine-client';
import { STORE_RETRY_MS } from '../../../main/app/engine-rpc';
import { createAppServices } from '../../../main/app/services';
import { openSettings } from '../../../main/app/settings';
import type { Engine } from '../../../main/engine/api';
import { openEngine } from '../../../main/engine/index';

let tmp: string;
let dbFile: string;
let client: EngineClient;

beforeEach(() => {
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'standalone-app-lock-')));
  dbFile = join(tmp, 'standalone-store.json');
  client = createEngineClient({ open: openEngine, setup: { dbFile } });
});
afterEach(async () => {
  await client.close();
  rmSync(tmp, { recursive: true, force: true });
});

function site(): string {
  const root = join(tmp, 'harbour-2024');
  cpSync(join(__dirname, '../../fixtures/engine/site'), root, { recursive: true });
  return root;
}

function services(events: AppEvent[] = []) {
  const settings = openSettings(join(tmp, 'settings.json'));
  const app = createAppServices({
    engine: client,
    settings,
    emit: (event) => events.push(event),
    demoRoot: null,
    pickFolder: async () => null,
    openExternalUrl: async () => undefined,
    version: '1.2.3',
    platform: 'linux',
    availabilityIntervalMs: 0,
  });
  return { ...app, settings };
}

describe('the app on a store in use', () => {
  it('waits for a standalone index run, says why, changes nothing meanwhile, then opens by itself', async () => {
    const root = site();
    const cli: Engine = await openEngine({ dbFile });
    await cli.indexFolder(root);
    await cli.close();
    const before = readFileSync(dbFile, 'utf8');
    const holder = await openEngine({ dbFile });
    const events: AppEvent[] = [];
    const { services: app } = services(events);
    const listed = Promise.resolve(app.listCollections());
    let answered = false;
    void listed.then(
      () => (answered = true),
      () => (answered = true),
    );
    await expect
      .poll(() => events, { timeout: 5000 })
      .toContainEqual({
        type: 'notice',
        level: 'warning',
        message: `Standalone is waiting for its store ${dbFile}: a \`standalone index\` run, or another copy of Standalone using the same data folder, is writing it. Nothing was changed. Standalone opens it by itself as soon as that has finished, or has stopped.`,
      });
    // Two tries later the store is still held: nothing answered, nothing written, told only once.
    await new Promise((resolve) => setTimeout(resolve, STORE_RETRY_MS * 2 + 200));
    expect(answered).toBe(false);
    expect(events.filter((event) => event.type === 'notice')).toHaveLength(1);
    expect(readFileSync(dbFile, 'utf8')).toBe(before);
    await holder.close();
    const collections = await listed;
    expect(collections.map((c) => c.root)).toEqual([root]);
  }, 15_000);

  it('says so to a page that was still loading when the app found its store held', async () => {
    const holder = await openEngine({ dbFile });
    try {
      // As in the app: start-up asks the engine first; the page subscribes once loaded, then asks.
      let page: AppEvent[] | null = null;
      const app = createAppServices({
        engine: client,
        settings: openSettings(join(tmp, 'settings.json')),
        emit: (event) => page?.push(event),
        demoRoot: null,
        pickFolder: async () => null,
        openExternalUrl: async () => undefined,
        version: '1.2.3',
        platform: 'linux',
        availabilityIntervalMs: 0,
      });
      void app.folders.start().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const seen: AppEvent[] = (page = []);
      void Promise.resolve(app.services.listCollections()).catch(() => undefined);
      await expect
        .poll(() => seen, { timeout: 1000 })
        .toContainEqual({
          type: 'notice',
          level: 'warning',
          message: expect.stringContaining(`Standalone is waiting for its store ${dbFile}`),
        });
      await client.close();
    } finally {
      await holder.close();
    }
  });

  it('quits at once while waiting for the store, leaving it to its holder', async () => {
    const holder = await openEngine({ dbFile });
    try {
      const { services: app } = services();
      const listed = Promise.resolve(app.listCollections());
      await new Promise((resolve) => setTimeout(resolve, 100));
      const refused = expect(listed).rejects.toThrow('closed before its store could be opened');
      const started = Date.now();
      await client.close();
      expect(Date.now() - started).toBeLessThan(STORE_RETRY_MS);
      await refused;
      // The holder still has it: the app never took the store.
      await expect(openEngine({ dbFile })).rejects.toThrow('is in use by Standalone');
    } finally {
      await holder.close();
    }
  });

  it('holds the store while open and releases it when the app quits', async () => {
    const { folders } = services();
    await folders.start();
    await client.indexFolder(site());
    await expect(openEngine({ dbFile })).rejects.toThrow('is in use by Standalone');
    await folders.stop();
    await client.close();
    const after = await openEngine({ dbFile });
    expect(after.listCollections()).toHaveLength(1);
    await after.close();
  });

  it('tells the organiser when another process took the store over, and never writes over it', async () => {
    const events: AppEvent[] = [];
    const { folders } = services(events);
    await folders.start();
    const { collection } = await client.indexFolder(site());
    await client.close();
    // Opened again, then its lock replaced as a process that found it stale would.
    client = createEngineClient({ open: openEngine, setup: { dbFile } });
    const again = services(events);
    await again.folders.start();
    const before = readFileSync(dbFile, 'utf8');
    rmdirSync(`${dbFile}.lock`);
    mkdirSync(`${dbFile}.lock`);
    await again.services.renameCollection(collection.id, 'Renamed');
    // The rename's write is due half a second later: it finds the lock taken and tells the renderer.
    await expect
      .poll(() => events, { timeout: 5000 })
      .toContainEqual({
        type: 'notice',
        level: 'error',
        message: expect.stringContaining(`Standalone no longer holds the store ${dbFile}`),
      });
    await again.folders.stop();
    await client.close();
    expect(readFileSync(dbFile, 'utf8')).toBe(before);
  });

  it('tells the organiser when the store cannot be saved (a full or read-only disk)', async () => {
    const events: AppEvent[] = [];
    const { folders, services: app } = services(events);
    await folders.start();
    const { collection } = await client.indexFolder(site());
    // A folder where each write starts its temporary file: every write fails, as on a full disk.
    mkdirSync(join(tmp, '.standalone-store.json.tmp'));
    await app.renameCollection(collection.id, 'Renamed');
    await expect
      .poll(() => events, { timeout: 5000 })
      .toContainEqual({
        type: 'notice',
        level: 'warning',
        message: expect.stringContaining(`Standalone could not save its store ${dbFile}`),
      });
    // What the organiser sees is still right.
    expect((await client.listCollections())[0]).toMatchObject({ name: 'Renamed' });
    await folders.stop();
    await client.close().catch(() => undefined);
  });
});
