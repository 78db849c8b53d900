import {
  mkdirSync,
  mkdtempSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../preload/contract';
import { createEngineClient, type EngineClient } from '../../../main/app/engine-client';
import { createFolderManager, type FolderManager } from '../../../main/app/folders';
import { openEngine } from '../../../main/engine/index';
import { openSettings, type SettingsStore } from '../../../main/app/settings';
import { createFakeEngine, type FakeEngine } from './fake-engine';

let tmp: string;
let demo: string;
let engine: FakeEngine;
let client: EngineClient;
let settings: SettingsStore;
let events: AppEvent[];
let manager: FolderManager | null;

function folder(name: string): string {
  const path = join(tmp, name);
  mkdirSync(join(path, 'content'), { recursive: true });
  return realpathSync(path);
}

function start(options: { demoRoot?: string | null } = {}): FolderManager {
  manager = createFolderManager({
    engine: client,
    settings,
    emit: (event) => events.push(event),
    demoRoot: options.demoRoot === undefined ? demo : options.demoRoot,
    availabilityIntervalMs: 0,
  });
  return manager;
}

const roots = async () => (await client.listCollections()).map((c) => c.root).sort();

beforeEach(() => {
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'standalone-folders-')));
  demo = folder('demo');
  client = createEngineClient({ open: (o) => (engine = createFakeEngine(o)), setup: { dbFile: null } });
  settings = openSettings(join(tmp, 'settings.json'));
  events = [];
  manager = null;
});
afterEach(async () => {
  await manager?.stop();
  await client.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('first launch', () => {
  it('indexes the demo when there is no folder, and says the demo is all there is', async () => {
    const m = start();
    await m.start();
    expect(await roots()).toEqual([demo]);
    expect(await m.isDemoOnly()).toBe(true);
    expect(settings.get()).toMatchObject({ folders: [], showDemo: true, demoRoot: demo });
    expect(events.some((e) => e.type === 'collections' && e.collections.length === 1)).toBe(true);
    expect(engine.watching).toBe(true);
  });

  it('starts fine without a demo folder', async () => {
    const m = start({ demoRoot: null });
    await m.start();
    expect(await roots()).toEqual([]);
    expect(await m.isDemoOnly()).toBe(false);
  });
});

describe('folders', () => {
  it('adds a folder by path, remembers it and watches it', async () => {
    const m = start();
    await m.start();
    const stands = folder('fosdem-2026');
    const collection = await m.addFolder(stands);
    expect(collection.root).toBe(stands);
    expect(settings.get().folders).toEqual([stands]);
    expect(await m.isDemoOnly()).toBe(false);
    expect(engine.calls.filter((c) => c === 'watch').length).toBeGreaterThanOrEqual(2);
    expect(engine.watching).toBe(true);
  });

  it('refuses relative paths, missing folders and files with clear messages', async () => {
    const m = start();
    await m.start();
    await expect(m.addFolder('stands')).rejects.toThrow(/full path/);
    await expect(m.addFolder(join(tmp, 'missing'))).rejects.toThrow(/There is no folder at/);
    writeFileSync(join(tmp, 'file.txt'), 'x');
    await expect(m.addFolder(join(tmp, 'file.txt'))).rejects.toThrow(/is a file, not a folder/);
    expect(settings.get().folders).toEqual([]);
  });

  it('adds a folder through the picker, and does nothing when it is cancelled', async () => {
    const m = start();
    await m.start();
    expect(await m.chooseFolder(async () => null)).toBeNull();
    const stands = folder('picked');
    expect((await m.chooseFolder(async () => stands))!.root).toBe(stands);
  });

  it('removes a collection from the store and the settings, never touching the folder', async () => {
    const m = start();
    await m.start();
    const stands = folder('old');
    const { id } = await m.addFolder(stands);
    await m.removeCollection(id);
    expect(await roots()).toEqual([demo]);
    expect(settings.get().folders).toEqual([]);
    expect(realpathSync(stands)).toBe(stands);
    await expect(m.removeCollection('nope')).rejects.toThrow(/no collection "nope"/);
  });

  it('remembers that the organiser removed the demo', async () => {
    const m = start();
    await m.start();
    await m.addFolder(folder('real'));
    const demoId = (await client.listCollections()).find((c) => c.root === demo)!.id;
    await m.removeCollection(demoId);
    expect(settings.get().showDemo).toBe(false);
    await m.stop();

    const again = start();
    await again.start();
    expect(await roots()).toEqual([join(tmp, 'real')]);
  });

  it('brings the demo back when nothing else is left', async () => {
    settings.update((s) => void (s.showDemo = false));
    const m = start();
    await m.start();
    expect(await roots()).toEqual([demo]);
  });

  it('re-indexes and renames, publishing the new list', async () => {
    const m = start();
    await m.start();
    const { id } = await m.addFolder(folder('x'));
    events = [];
    expect((await m.reindexCollection(id)).id).toBe(id);
    expect((await m.renameCollection(id, '  FOSDEM 2026  ')).name).toBe('FOSDEM 2026');
    expect(events.filter((e) => e.type === 'collections')).toHaveLength(2);
    await expect(m.reindexCollection('nope')).rejects.toThrow(/no collection/);
  });
});

describe('start-up reconciliation', () => {
  it('re-reads every remembered folder', async () => {
    const a = folder('a');
    settings.update((s) => void s.folders.push(a));
    const m = start();
    await m.start();
    expect(await roots()).toEqual([a, demo].sort());
  });

  it('keeps a collection the store has but the settings lost (settings reset after corruption)', async () => {
    const m = start();
    await m.start();
    const a = folder('a');
    await m.addFolder(a);
    await m.stop();
    settings.update((s) => void (s.folders = []));
    const again = start();
    await again.start();
    expect(settings.get().folders).toEqual([a]);
    expect(await roots()).toContain(a);
  });

  it('forgets the demo indexed from an older install', async () => {
    const oldDemo = folder('old-install-demo');
    await client.indexFolder(oldDemo);
    settings.update((s) => void (s.demoRoot = oldDemo));
    const m = start();
    await m.start();
    expect(await roots()).toEqual([demo]);
    expect(settings.get().folders).toEqual([]);
  });

  it('reports a remembered folder that is missing, without failing', async () => {
    settings.update((s) => void s.folders.push(join(tmp, 'usb-stick')));
    const m = start();
    await m.start();
    expect(events).toContainEqual({
      type: 'notice',
      level: 'warning',
      message: expect.stringContaining('usb-stick'),
    });
    expect(settings.get().folders).toEqual([join(tmp, 'usb-stick')]);
  });

  it('reads a remembered folder that was never indexed once it is there (a stick put in after start)', async () => {
    const stick = join(tmp, 'late-stick');
    settings.update((s) => void s.folders.push(stick));
    const m = start();
    await m.start();
    expect(await roots()).toEqual([demo]);
    mkdirSync(stick);
    await m.checkAvailability();
    expect(await roots()).toEqual([demo]);
    const watches = engine.calls.filter((c) => c === 'watch').length;
    events = [];
    mkdirSync(join(stick, 'content'));
    await m.checkAvailability();
    expect(await roots()).toEqual([demo, stick].sort());
    expect(events.some((e) => e.type === 'collections' && e.collections.length === 2)).toBe(true);
    expect(engine.calls.filter((c) => c === 'watch').length).toBe(watches + 1);
    expect(settings.get().folders).toEqual([stick]);
  });

  it('reads a remembered folder spelled another way (a link to it) once, not at every look', async () => {
    const real = folder('stands-2031');
    const link = join(tmp, 'current-edition');
    symlinkSync(real, link);
    // The store knows it by the link (`standalone index` was given that); the settings by its real path.
    await client.indexFolder(link);
    settings.update((s) => void s.folders.push(real));
    const m = start();
    await m.start();
    expect(await roots()).toContain(link);
    const indexes = () => engine.calls.filter((c) => c.startsWith('indexFolder')).length;
    const watches = () => engine.calls.filter((c) => c === 'watch').length;
    const before = { indexes: indexes(), watches: watches() };
    events = [];
    await m.checkAvailability();
    await m.checkAvailability();
    expect({ indexes: indexes(), watches: watches() }).toEqual(before);
    expect(events.filter((e) => e.type === 'collections')).toEqual([]);
  });

  it('tries a folder that failed to index again only once it went away and came back', async () => {
    const stick = join(tmp, 'flaky-stick');
    settings.update((s) => void s.folders.push(stick));
    let failures = 1;
    const tries: string[] = [];
    const flaky = {
      ...client,
      indexFolder: async (root: string) => {
        tries.push(root);
        if (root === stick && failures-- > 0) throw new Error('the stick was pulled while it was read');
        return client.indexFolder(root);
      },
    };
    manager = createFolderManager({
      engine: flaky,
      settings,
      emit: (event) => events.push(event),
      demoRoot: demo,
      availabilityIntervalMs: 0,
    });
    const m = manager;
    await m.start();
    folder('flaky-stick');
    events = [];
    await m.checkAvailability();
    await m.checkAvailability();
    expect(tries.filter((root) => root === stick)).toHaveLength(1);
    expect(events.filter((e) => e.type === 'notice')).toHaveLength(1);
    // Pulled out, then put back: read again, and this time it works.
    renameSync(join(stick, 'content'), join(stick, 'content-away'));
    await m.checkAvailability();
    renameSync(join(stick, 'content-away'), join(stick, 'content'));
    await m.checkAvailability();
    expect(tries.filter((root) => root === stick)).toHaveLength(2);
    expect(await roots()).toContain(stick);
  });
});

describe('live updates', () => {
  it('pushes a changed event and the new collection list when the engine sees a change', async () => {
    const m = start();
    await m.start();
    events = [];
    const demoId = (await client.listCollections())[0]!.id;
    engine.fireChange(demoId, { changed: ['content/stands/quillpad.md'] });
    await client.listCollections();
    await new Promise((resolve) => setImmediate(resolve));
    await client.listCollections();
    expect(events[0]).toEqual({
      type: 'changed',
      change: { collection: demoId, added: [], changed: ['content/stands/quillpad.md'], removed: [] },
    });
    expect(events.some((e) => e.type === 'collections')).toBe(true);
  });

  it('tells the organiser when a folder cannot be watched, as a warning', async () => {
    const m = start();
    await m.start();
    events = [];
    engine.fireTrouble('Live updates are off for “Demo”: it is not a folder.');
    await client.listCollections();
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toContainEqual({
      type: 'notice',
      level: 'warning',
      message: 'Live updates are off for “Demo”: it is not a folder.',
    });
  });

  it('does not push an empty change, but still refreshes the list', async () => {
    const m = start();
    await m.start();
    events = [];
    engine.fireChange((await client.listCollections())[0]!.id);
    await client.listCollections();
    await new Promise((resolve) => setImmediate(resolve));
    await client.listCollections();
    expect(events.some((e) => e.type === 'changed')).toBe(false);
    expect(events.some((e) => e.type === 'collections')).toBe(true);
  });

  it('marks a folder that disappears unavailable, keeps it, and brings it back', async () => {
    const m = start();
    await m.start();
    const stick = folder('stick');
    const { id } = await m.addFolder(stick);
    renameSync(stick, join(tmp, 'unplugged'));
    await m.checkAvailability();
    expect(await client.getCollection(id)).toMatchObject({ available: false, root: stick });
    expect(settings.get().folders).toEqual([stick]);
    renameSync(join(tmp, 'unplugged'), stick);
    const watchesBefore = engine.calls.filter((c) => c === 'watch').length;
    await m.checkAvailability();
    expect(await client.getCollection(id)).toMatchObject({ available: true });
    expect(engine.calls.filter((c) => c === 'watch').length).toBe(watchesBefore + 1);
  });

  it('says nothing when a look at the folders finds them as they were (every screen reloads on a list)', async () => {
    const m = start();
    await m.start();
    await m.addFolder(folder('steady'));
    events = [];
    await m.checkAvailability();
    await m.checkAvailability();
    expect(events).toEqual([]);
  });

  it('reads a stick whose mount point stayed once, not every look, and again once it is back', async () => {
    // The real engine: a folder without content/ (an empty mount point) is unavailable to it.
    const real = createEngineClient({ open: openEngine, setup: { dbFile: null } });
    const calls: string[] = [];
    const counted: EngineClient = {
      ...real,
      reindex: (id) => (calls.push('reindex'), real.reindex(id)),
      startWatching: () => (calls.push('watch'), real.startWatching()),
    };
    const m = createFolderManager({
      engine: counted,
      settings,
      emit: (event) => events.push(event),
      demoRoot: null,
      availabilityIntervalMs: 0,
    });
    try {
      await m.start();
      const stick = folder('mounted-stick');
      mkdirSync(join(stick, 'content', 'stands'));
      writeFileSync(join(stick, 'content', 'stands', 'x.md'), '---\ntitle: X\n---\n');
      const { id } = await m.addFolder(stick);
      rmSync(join(stick, 'content'), { recursive: true });
      await m.checkAvailability();
      expect(await real.getCollection(id)).toMatchObject({ available: false });
      calls.length = 0;
      await m.checkAvailability();
      await m.checkAvailability();
      expect(calls).toEqual([]);
      mkdirSync(join(stick, 'content', 'stands'), { recursive: true });
      writeFileSync(join(stick, 'content', 'stands', 'x.md'), '---\ntitle: X\n---\n');
      await m.checkAvailability();
      expect(await real.getCollection(id)).toMatchObject({ available: true });
    } finally {
      await m.stop();
      await real.close();
    }
  });

  it('forwards progress, throttled', async () => {
    const m = start();
    await m.start();
    expect(events.some((e) => e.type === 'progress' && e.progress.phase === 'done')).toBe(true);
  });
});
