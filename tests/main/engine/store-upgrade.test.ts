// A store written by another version is thrown away and rebuilt from its folders: reading it must not
// cost more than the store itself (a 10,000-stand store is 95 MB; read whole, then parsed, the first
// start after an update took 1 GB).
import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openEngine } from '../../../main/engine/index';
import { STORE_SCHEMA } from '../../../main/engine/types';
import { FIXTURES, olderStoreLines, page, tempDir, tempSite } from './helpers';

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return { ...actual, readFile: vi.fn(actual.readFile) };
});

/**
 * A store as the previous schema left it, holding one folder of one stand that the organiser renamed
 * `name`: what the first start after an update finds.
 */
async function renamedInOlderStore(name: string) {
  const dbFile = path.join(tempDir(), 'store.json');
  const stick = tempSite({ 'content/stands/a.md': page('title: A\nshow_on_overview: true') });
  const first = await openEngine({ dbFile });
  const { collection } = await first.indexFolder(stick);
  await first.renameCollection(collection.id, name);
  await first.close();
  const text = readFileSync(dbFile, 'utf8');
  writeFileSync(dbFile, text.replace(`{"schema":${STORE_SCHEMA},`, `{"schema":${STORE_SCHEMA - 1},`));
  return { dbFile, stick, collection };
}

describe('a store from another version', () => {
  it('is read line by line for its folders only, never as one whole text', async () => {
    const dbFile = path.join(tempDir(), 'store.json');
    const root = path.join(tempDir(), 'harbour-2024');
    cpSync(path.join(FIXTURES, 'site'), root, { recursive: true });
    writeFileSync(dbFile, olderStoreLines(root));
    const engine = await openEngine({ dbFile });
    try {
      expect(engine.notices[0]).toMatch(/written by an older version of Standalone.*moved to/);
      expect(engine.listCollections().map((c) => c.root)).toEqual([root]);
      const wholeReads = vi.mocked(readFile).mock.calls.filter(([file]) => String(file) === dbFile);
      expect(wholeReads).toEqual([]);
    } finally {
      await engine.close();
    }
    expect(readFileSync(dbFile, 'utf8')).not.toBe(olderStoreLines(root));
  });

  it.each([
    ['line by line', (text: string) => text],
    ['whole', (text: string) => JSON.stringify(JSON.parse(text), null, 2)],
  ])('keeps the names the organiser gave its collections (%s)', async (_layout, layOut) => {
    const dbFile = path.join(tempDir(), 'store.json');
    const renamed = tempSite({ 'content/stands/a.md': page('title: A\nshow_on_overview: true') });
    const plain = tempSite({ 'content/stands/b.md': page('title: B\nshow_on_overview: true') });
    const first = await openEngine({ dbFile });
    const { collection } = await first.indexFolder(renamed);
    const other = (await first.indexFolder(plain)).collection;
    await first.renameCollection(collection.id, 'Harbour 2024');
    await first.close();
    const text = readFileSync(dbFile, 'utf8');
    writeFileSync(
      dbFile,
      layOut(text.replace(`{"schema":${STORE_SCHEMA},`, `{"schema":${STORE_SCHEMA - 1},`)),
    );
    const engine = await openEngine({ dbFile });
    try {
      expect(engine.notices[0]).toMatch(/written by an older version of Standalone/);
      expect(engine.getCollection(collection.id)!.name).toBe('Harbour 2024');
      expect(engine.getCollection(other.id)!.name).toBe(other.name);
      // Kept as a name the organiser gave: a new site title does not replace it.
      writeFileSync(path.join(renamed, 'config.toml'), 'title = "From the site"\n');
      await engine.indexFolder(renamed);
      expect(engine.getCollection(collection.id)!.name).toBe('Harbour 2024');
    } finally {
      await engine.close();
    }
  });

  it('keeps a folder that is not there as unavailable, with its name, and reads it once it is back', async () => {
    const { dbFile, stick, collection } = await renamedInOlderStore('On the USB stick');
    const away = `${stick}-away`;
    renameSync(stick, away);
    const upgraded = await openEngine({ dbFile });
    const notices = upgraded.notices.join(' ');
    await upgraded.close();
    // Kept in the new store too, not only for the run that rebuilt it.
    const engine = await openEngine({ dbFile });
    try {
      expect(notices).toMatch(/is not there \(was a drive removed\?\)\. It is listed as unavailable/);
      expect(engine.listCollections()).toEqual([
        expect.objectContaining({
          id: collection.id,
          root: stick,
          name: 'On the USB stick',
          available: false,
          indexedAt: '',
        }),
      ]);
      renameSync(away, stick);
      await engine.reindex(collection.id);
      expect(engine.getCollection(collection.id)).toMatchObject({
        available: true,
        name: 'On the USB stick',
      });
      expect(engine.listStands(collection.id).map((s) => s.slug)).toEqual(['a']);
    } finally {
      await engine.close();
    }
  });

  it('keeps a folder whose stick is out but whose mount point is there (no content/) as unavailable', async () => {
    const { dbFile, stick, collection } = await renamedInOlderStore('On the USB stick');
    // An fstab mount point stays behind, empty, while the stick is out.
    const away = `${stick}-away`;
    renameSync(stick, away);
    mkdirSync(stick);
    const engine = await openEngine({ dbFile });
    try {
      expect(engine.notices.join(' ')).toMatch(/It is listed as unavailable/);
      expect(engine.listCollections()).toEqual([
        expect.objectContaining({
          id: collection.id,
          name: 'On the USB stick',
          available: false,
          indexedAt: '',
        }),
      ]);
      rmSync(stick, { recursive: true });
      renameSync(away, stick);
      await engine.reindex(collection.id);
      expect(engine.listStands(collection.id).map((s) => s.slug)).toEqual(['a']);
    } finally {
      await engine.close();
    }
  });
});
