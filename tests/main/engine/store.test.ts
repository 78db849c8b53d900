// The store file: written atomically by the engine, read back on open; a bad store is moved aside,
// never deleted, and rebuilt from the folders it listed.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NotAStoreError, openEngine } from '../../../main/engine/index';
import { STORE_SCHEMA } from '../../../main/engine/types';
import { engineFor, FIXTURES, olderStoreLines, page, tempDir, tempSite } from './helpers';

function siteCopy(): string {
  const root = path.join(tempDir(), 'harbour-2024');
  cpSync(path.join(FIXTURES, 'site'), root, { recursive: true });
  return root;
}

function asideFiles(dbFile: string): string[] {
  return readdirSync(path.dirname(dbFile)).filter((name) =>
    name.startsWith(`${path.basename(dbFile)}.corrupt-`),
  );
}

describe('the store', () => {
  it('keeps everything between runs, in one JSON file with a schema version', async () => {
    const dbFile = path.join(tempDir(), 'store.json');
    const root = siteCopy();
    const first = await openEngine({ dbFile });
    const { collection } = await first.indexFolder(root);
    const stand = first.getStand(collection.id, 'lighthouse');
    await first.close();
    const stored = JSON.parse(readFileSync(dbFile, 'utf8')) as { schema: number };
    expect(stored.schema).toBe(STORE_SCHEMA);
    expect(readdirSync(path.dirname(dbFile))).toEqual(['store.json']);

    const second = await openEngine({ dbFile });
    expect(second.notices).toEqual([]);
    expect(second.listCollections()).toEqual([
      expect.objectContaining({ id: collection.id, name: 'Harbour Expo 2024 Stands' }),
    ]);
    expect(second.getStand(collection.id, 'lighthouse')).toEqual(stand);
    expect(second.listThemes(collection.id).map((t) => t.slug)).toEqual([
      'databases',
      'operating-systems',
      'tide-computing',
    ]);
    expect(second.listProblems({ collection: collection.id }).length).toBe(
      collection.counts.errors + collection.counts.warnings,
    );
    // Nothing changed on disk: the re-index reads nothing.
    const again = await second.indexFolder(root);
    expect(again.change).toEqual({ collection: collection.id, added: [], changed: [], removed: [] });
    expect(again.reread).toEqual([]);
    await second.close();
  });

  it("keeps a stand that _build takes off the overview on its theme's page after the store is read back", async () => {
    const dbFile = path.join(tempDir(), 'store.json');
    const root = tempSite({
      'content/themes/tools/_index.md': page('title: Tools'),
      'content/stands/plain.md': page('title: Plain\nshow_on_overview: true\nthemes: [Tools]'),
      'content/stands/quiet.md': page(
        'title: Quiet\nshow_on_overview: true\nthemes: [Tools]\n_build: {list: never}',
      ),
    });
    const first = await openEngine({ dbFile });
    const { collection } = await first.indexFolder(root);
    await first.close();
    const second = await openEngine({ dbFile });
    try {
      const onTheme = () => second.getTheme(collection.id, 'tools')!.stands.map((s) => s.slug);
      expect(onTheme()).toEqual(['plain', 'quiet']);
      expect(second.listStands(collection.id).map((s) => s.slug)).toEqual(['plain']);
      // The theme is assembled again from the stored stands when another stand changes.
      writeFileSync(
        path.join(root, 'content/stands/plain.md'),
        page('title: Plain again\nshow_on_overview: true\nthemes: [Tools]'),
      );
      await second.indexFolder(root);
      expect(onTheme()).toEqual(['plain', 'quiet']);
    } finally {
      await second.close();
    }
  });

  it('is plain JSON, written one record per line, and still read when someone reformats it', async () => {
    const dbFile = path.join(tempDir(), 'store.json');
    const root = siteCopy();
    const first = await openEngine({ dbFile });
    const { collection } = await first.indexFolder(root);
    await first.close();
    const text = readFileSync(dbFile, 'utf8');
    const lines = text.split('\n');
    expect(lines[0]).toBe(`{"schema":${STORE_SCHEMA},"collections":[`);
    expect(lines).toContain('],"stands":[');
    const data = JSON.parse(text) as { collections: { stands: unknown[] }[] };
    expect(data.collections[0]!.stands.length).toBeGreaterThan(5);
    writeFileSync(dbFile, JSON.stringify(data, null, 2));
    const second = await openEngine({ dbFile });
    expect(second.notices).toEqual([]);
    expect(second.listStands(collection.id).map((s) => s.slug)).toEqual([
      'anchor-lab',
      'lighthouse',
      'quay-db',
    ]);
    await second.close();
  });

  it('writes nothing when it has no store file', async () => {
    const dir = tempDir();
    const engine = await openEngine({ dbFile: null });
    await engine.indexFolder(siteCopy());
    await engine.close();
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    [
      'damaged',
      (dbFile: string, root: string) =>
        writeFileSync(
          dbFile,
          `{"schema":${STORE_SCHEMA},"collections":[{"collection":{"id":"x","root":${JSON.stringify(root)}`,
        ),
    ],
    [
      'from an older version',
      (dbFile: string, root: string) =>
        writeFileSync(
          dbFile,
          JSON.stringify({ schema: 0, collections: [{ collection: { id: 'old', root } }] }),
        ),
    ],
    [
      'from an older version, laid out as the engine writes stores',
      (dbFile: string, root: string) => writeFileSync(dbFile, olderStoreLines(root)),
    ],
    [
      'cut short',
      (dbFile: string, root: string) =>
        writeFileSync(
          dbFile,
          `{"schema":${STORE_SCHEMA},"collections":[\n{"collection":{"id":"x","root":${JSON.stringify(root)}},"files":[\n`,
        ),
    ],
    [
      'of an unexpected shape',
      (dbFile: string, root: string) =>
        writeFileSync(dbFile, JSON.stringify({ schema: STORE_SCHEMA, collections: [{ root }] })),
    ],
  ])('moves a store that is %s aside and rebuilds it from its folders', async (_, spoil) => {
    const dbFile = path.join(tempDir(), 'store.json');
    const root = siteCopy();
    spoil(dbFile, root);
    const original = readFileSync(dbFile, 'utf8');
    const engine = await openEngine({ dbFile });
    expect(engine.notices[0]).toMatch(/moved to .*store\.json\.corrupt-/);
    expect(engine.notices.join(' ')).toMatch(/indexed again/);
    const aside = asideFiles(dbFile);
    expect(aside).toHaveLength(1);
    expect(readFileSync(path.join(path.dirname(dbFile), aside[0]!), 'utf8')).toBe(original);
    expect(engine.listCollections().map((c) => c.root)).toEqual([root]);
    expect(engine.listStands(engine.listCollections()[0]!.id)).toHaveLength(3);
    await engine.close();
    expect(JSON.parse(readFileSync(dbFile, 'utf8')).schema).toBe(STORE_SCHEMA);
  });

  it('starts empty, with a notice, when a damaged store names no folder it can use', async () => {
    const dbFile = path.join(tempDir(), 'store.json');
    writeFileSync(dbFile, 'not json at all');
    const engine = await openEngine({ dbFile });
    expect(engine.notices).toHaveLength(1);
    expect(engine.listCollections()).toEqual([]);
    expect(asideFiles(dbFile)).toHaveLength(1);
    await engine.close();
  });

  it.each([
    ['a package.json', '{\n  "name": "stands",\n  "version": "1.0.0"\n}\n'],
    ['a config.toml', 'baseURL = "https://stands.example.org"\ntitle = "Stands"\n'],
    ['a text file', 'Notes for the event.\n'],
    ['a JSON list', '[1, 2, 3]\n'],
    ['a babel config with comments', '{\n  // the project root\n  "root": "./src",\n  "presets": []\n}\n'],
    ['bytes that are not text', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff])],
  ])('with keepForeignFile, refuses %s and leaves it where it is', async (_, content) => {
    const dir = tempDir();
    const dbFile = path.join(dir, 'store.json');
    writeFileSync(dbFile, content);
    await expect(openEngine({ dbFile, keepForeignFile: true })).rejects.toBeInstanceOf(NotAStoreError);
    expect(readdirSync(dir)).toEqual(['store.json']);
    expect(readFileSync(dbFile)).toEqual(Buffer.from(content));
  });

  it.each([
    [
      'damaged',
      (root: string) =>
        `{"schema":${STORE_SCHEMA},"collections":[{"collection":{"id":"x","root":${JSON.stringify(root)}`,
    ],
    [
      'cut short',
      (root: string) =>
        `{"schema":${STORE_SCHEMA},"collections":[\n{"collection":{"id":"x","root":${JSON.stringify(root)}},"fi`,
    ],
    ['cut short within its header', () => '{"sche'],
    [
      'damaged at its start',
      (root: string) => `\0\0\0\0":[{"collection":{"id":"x","root":${JSON.stringify(root)}},`,
    ],
    [
      'reformatted and cut short',
      (root: string) =>
        `{\n  "schema": ${STORE_SCHEMA},\n  "collections": [\n    {"collection": {"root": ${JSON.stringify(root)}`,
    ],
    [
      'from an older version',
      (root: string) => JSON.stringify({ schema: 0, collections: [{ collection: { id: 'old', root } }] }),
    ],
    [
      'without its schema',
      (root: string) => JSON.stringify({ collections: [{ collection: { id: 'old', root } }] }),
    ],
    ['empty', () => ''],
  ])('with keepForeignFile, still moves a store that is %s aside', async (_, spoil) => {
    const dbFile = path.join(tempDir(), 'store.json');
    const root = siteCopy();
    writeFileSync(dbFile, spoil(root));
    const engine = await openEngine({ dbFile, keepForeignFile: true });
    expect(engine.notices[0]).toMatch(/moved to .*store\.json\.corrupt-/);
    expect(asideFiles(dbFile)).toHaveLength(1);
    await engine.close();
  });

  it('reads a store that a Windows editor saved with a byte-order mark, as it was', async () => {
    const dbFile = path.join(tempDir(), 'store.json');
    const root = siteCopy();
    const first = await openEngine({ dbFile });
    const { collection } = await first.indexFolder(root);
    await first.renameCollection(collection.id, 'Harbour, renamed');
    await first.close();
    const text = readFileSync(dbFile, 'utf8');
    for (const saved of [`\uFEFF${text}`, `\uFEFF${JSON.stringify(JSON.parse(text), null, 2)}`]) {
      writeFileSync(dbFile, saved);
      const engine = await openEngine({ dbFile });
      try {
        expect(engine.notices).toEqual([]);
        expect(engine.getCollection(collection.id)).toMatchObject({ name: 'Harbour, renamed' });
        expect(engine.listStands(collection.id)).toHaveLength(3);
      } finally {
        await engine.close();
      }
      expect(asideFiles(dbFile)).toEqual([]);
    }
  });

  it('moves aside a store it cannot read', async () => {
    const dbFile = path.join(tempDir(), 'store.json');
    mkdirSync(dbFile);
    const engine = await openEngine({ dbFile });
    expect(engine.notices[0]).toMatch(/could not be read/);
    expect(asideFiles(dbFile)).toHaveLength(1);
    await engine.indexFolder(siteCopy());
    await engine.close();
    expect(existsSync(dbFile)).toBe(true);
  });

  it('says once when the store cannot be saved, and again after it could be in between', async () => {
    const dbFile = path.join(tempDir(), 'store.json');
    // Where each write starts its temporary file: a folder there makes every write fail, as a full or
    // read-only disk does.
    const temp = path.join(path.dirname(dbFile), '.store.json.tmp');
    const told: string[] = [];
    const engine = await openEngine({ dbFile, onStoreWriteFailed: (message) => told.push(message) });
    // The engine's own wait for scheduled writes (not part of the app's API).
    const flush = () => (engine as typeof engine & { flush(): Promise<void> }).flush();
    const root = siteCopy();
    mkdirSync(temp);
    await engine.indexFolder(root);
    await expect(flush()).rejects.toThrow();
    writeFileSync(path.join(root, 'content/stands/lighthouse.md'), '---\ntitle: Lit\n---\n', { flag: 'a' });
    await engine.indexFolder(root);
    await expect(flush()).rejects.toThrow();
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/could not save its store .*store\.json/);
    expect(told[0]).toMatch(/still shows every folder/);

    rmSync(temp, { recursive: true });
    await engine.renameCollection(engine.listCollections()[0]!.id, 'Saved');
    await flush();
    mkdirSync(temp);
    await engine.renameCollection(engine.listCollections()[0]!.id, 'Not saved');
    await expect(flush()).rejects.toThrow();
    expect(told).toHaveLength(2);
    rmSync(temp, { recursive: true });
    await engine.close();
  });
});

describe('collections', () => {
  it('maps the same root to the same id, and gives different folders of one name distinct ids', async () => {
    const engine = await engineFor();
    const a = siteCopy();
    const b = path.join(tempDir(), 'harbour-2024');
    cpSync(a, b, { recursive: true });
    const first = await engine.indexFolder(a);
    const again = await engine.indexFolder(`${a}/`);
    const other = await engine.indexFolder(b);
    expect(first.collection.id).toBe('harbour-2024');
    expect(again.collection.id).toBe('harbour-2024');
    expect(other.collection.id).toBe('harbour-2024-2');
  });

  it('names a collection after its folder when the site has no title, with the year from the name', async () => {
    const root = path.join(tempDir(), 'expo-2019');
    cpSync(path.join(FIXTURES, 'publishing'), root, { recursive: true });
    writeFileSync(path.join(root, 'config.toml'), 'baseURL = "x"\n');
    const engine = await engineFor();
    const { collection } = await engine.indexFolder(root);
    expect(collection).toMatchObject({ name: 'expo-2019', year: 2019 });
  });

  it('renames and removes collections, keeping a new name across re-indexing', async () => {
    const dbFile = path.join(tempDir(), 'store.json');
    const root = siteCopy();
    const engine = await openEngine({ dbFile });
    const { collection } = await engine.indexFolder(root);
    expect((await engine.renameCollection(collection.id, '  Kiosk A  ')).name).toBe('Kiosk A');
    await engine.reindex(collection.id);
    expect(engine.getCollection(collection.id)!.name).toBe('Kiosk A');
    await engine.close();
    const reopened = await openEngine({ dbFile });
    expect(reopened.getCollection(collection.id)!.name).toBe('Kiosk A');
    await reopened.removeCollection(collection.id);
    expect(reopened.listCollections()).toEqual([]);
    await reopened.close();
    expect(JSON.parse(readFileSync(dbFile, 'utf8')).collections).toEqual([]);
  });

  it('keeps the data of a folder that went away, marked unavailable, and recovers when it is back', async () => {
    const root = siteCopy();
    const engine = await engineFor();
    const { collection } = await engine.indexFolder(root);
    renameSync(root, `${root}-away`);
    const gone = await engine.reindex(collection.id);
    expect(gone.collection.available).toBe(false);
    expect(gone.problems[0]).toMatchObject({ code: 'folder-missing', severity: 'error' });
    expect(engine.listStands(collection.id)).toHaveLength(3);
    renameSync(`${root}-away`, root);
    const back = await engine.reindex(collection.id);
    expect(back.collection.available).toBe(true);
    expect(back.problems.some((p) => p.code === 'folder-missing')).toBe(false);
  });

  it('refuses to re-index or rename an unknown collection', async () => {
    const engine = await engineFor();
    await expect(engine.reindex('nope')).rejects.toMatchObject({ code: 'unknown-collection' });
    await expect(engine.renameCollection('nope', 'x')).rejects.toThrow();
  });
});
