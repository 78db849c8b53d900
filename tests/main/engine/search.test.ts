// Full-text search: case, accents, small typos and prefixes; results grouped by stand with a snippet
// and highlight ranges that point at the matched words.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Engine } from '../../../main/engine/api';
import { openEngine } from '../../../main/engine/index';
import { CollectionSearch } from '../../../main/engine/search';
import type { SearchHit } from '../../../main/engine/types';
import { page, tempDir, tempSite } from './helpers';

let engine: Engine;
let id: string;

beforeAll(async () => {
  const root = tempSite({
    'content/stands/ecole.md': page(
      'title: École Numérique\nshow_on_overview: true\ndescription: Une école qui apprend la programmation aux enfants.',
    ),
    'content/stands/kernel/_index.md': page(
      'title: Kernel Hackers\nshow_on_overview: true\ndescription: We write drivers and schedulers.',
      'Our kernel runs on tiny boards.\n',
    ),
    'content/stands/kernel/scheduler.md': page(
      'title: The Scheduler',
      `${'Filler words about nothing in particular. '.repeat(10)}The completely fair scheduler decides which task runs next. ${'More filler text follows here. '.repeat(10)}\n`,
    ),
    'content/stands/secret.md': page(
      'title: Secret Draft\nshow_on_overview: true\ndraft: true\ndescription: kernel hidden.',
    ),
  });
  engine = await openEngine({ dbFile: null });
  id = (await engine.indexFolder(root)).collection.id;
  return () => engine.close();
});

const hits = (query: string): SearchHit[] => engine.search(id, query).flatMap((group) => group.hits);
const highlighted = (hit: SearchHit) => hit.highlights.map(([start, end]) => hit.snippet.slice(start, end));

describe('search', () => {
  it('ignores case and accents', () => {
    for (const query of ['ecole', 'ÉCOLE', 'École', 'numerique']) {
      expect(engine.search(id, query).map((g) => g.stand)).toEqual(['ecole']);
    }
  });

  it('forgives a small typo and matches prefixes', () => {
    expect(hits('schedular').map((h) => h.page ?? h.stand)).toContain('scheduler');
    expect(hits('progr').map((h) => h.stand)).toEqual(['ecole']);
  });

  it('groups hits by stand, stand and its pages together, and leaves drafts out', () => {
    const groups = engine.search(id, 'kernel');
    expect(groups.map((g) => g.stand)).toEqual(['kernel']);
    expect(groups[0]!.standTitle).toBe('Kernel Hackers');
    expect(groups[0]!.hits[0]).toMatchObject({
      kind: 'stand',
      collection: id,
      stand: 'kernel',
      page: null,
      title: 'Kernel Hackers',
    });
    const scheduler = engine.search(id, 'scheduler')[0]!;
    expect(scheduler.hits.map((h) => [h.kind, h.page])).toEqual(
      expect.arrayContaining([
        ['page', 'scheduler'],
        ['stand', null],
      ]),
    );
  });

  it('returns a snippet around the first match with highlight ranges on the matched words', () => {
    const hit = hits('fair scheduler').find((h) => h.page === 'scheduler')!;
    expect(hit.snippet).toMatch(/^….*completely fair scheduler decides.*…$/);
    expect(hit.snippet.length).toBeLessThanOrEqual(182);
    expect(highlighted(hit)).toEqual(expect.arrayContaining(['fair', 'scheduler']));
    const accented = hits('ecole')[0]!;
    expect(highlighted(accented)).toEqual(['école']);
  });

  it('requires every word and respects the limit', () => {
    expect(engine.search(id, 'kernel ecole')).toEqual([]);
    expect(hits('sched').length).toBeGreaterThan(1);
    expect(engine.search(id, 'sched', 1).flatMap((g) => g.hits)).toHaveLength(1);
  });

  it('answers nothing for empty queries and unknown collections', () => {
    expect(engine.search(id, '   ')).toEqual([]);
    expect(engine.search('nope', 'kernel')).toEqual([]);
  });
});

describe('search over a stored collection', () => {
  it("shows a page's new text once it is edited, not the text it showed before", async () => {
    const root = tempSite({
      'content/stands/lamp/_index.md': page('title: Lamp\nshow_on_overview: true\ndescription: A lamp.'),
      'content/stands/lamp/notes.md': page('title: Notes', 'The lantern glows amber at night.\n'),
    });
    const own = await openEngine({ dbFile: null });
    try {
      const collection = (await own.indexFolder(root)).collection.id;
      const snippet = () =>
        own
          .search(collection, 'lantern')
          .flatMap((group) => group.hits)
          .find((hit) => hit.page === 'notes')?.snippet;
      expect(snippet()).toContain('amber');
      writeFileSync(
        path.join(root, 'content/stands/lamp/notes.md'),
        page('title: Notes', 'The lantern glows green.\n'),
      );
      await own.indexFolder(root);
      expect(snippet()).toContain('green');
      expect(snippet()).not.toContain('amber');
    } finally {
      await own.close();
    }
  });

  it("finds a stand's added page and forgets its removed one once the folder is indexed again", async () => {
    const root = tempSite({
      'content/stands/lamp/_index.md': page('title: Lamp\nshow_on_overview: true\ndescription: A lamp.'),
      'content/stands/lamp/notes.md': page('title: Notes', 'The lantern glows amber.\n'),
    });
    const own = await openEngine({ dbFile: null });
    try {
      const collection = (await own.indexFolder(root)).collection.id;
      const pagesFor = (query: string) =>
        own
          .search(collection, query)
          .flatMap((group) => group.hits)
          .map((hit) => hit.page ?? 'stand');
      // The stand is described (and its texts kept) by this search, before the folder changes.
      expect(pagesFor('lamp lantern')).toEqual(['stand', 'notes']);
      writeFileSync(path.join(root, 'content/stands/lamp/wick.md'), page('title: Wick', 'A cotton wick.\n'));
      rmSync(path.join(root, 'content/stands/lamp/notes.md'));
      await own.indexFolder(root);
      expect(pagesFor('cotton')).toEqual(['wick']);
      expect(pagesFor('lantern')).toEqual([]);
      writeFileSync(
        path.join(root, 'content/stands/lamp/_index.md'),
        page('title: Lamp\nshow_on_overview: true\ndescription: A brass lamp.'),
      );
      await own.indexFolder(root);
      const stand = own
        .search(collection, 'brass')
        .flatMap((group) => group.hits)
        .find((hit) => hit.page === null);
      expect(stand?.snippet).toBe('A brass lamp.');
    } finally {
      await own.close();
    }
  });

  it('matches accented and plain words of the same page together', async () => {
    const root = tempSite({
      'content/stands/cafe/_index.md': page('title: Café\nshow_on_overview: true\ndescription: Coffee.'),
      'content/stands/cafe/menu.md': page(
        'title: Menu',
        'Our café serves a kernel of truth with crème brûlée.\n',
      ),
    });
    const own = await openEngine({ dbFile: null });
    try {
      const collection = (await own.indexFolder(root)).collection.id;
      const menu = own
        .search(collection, 'creme kernel')
        .flatMap((group) => group.hits)
        .find((hit) => hit.page === 'menu')!;
      expect(menu.highlights.map(([start, end]) => menu.snippet.slice(start, end))).toEqual([
        'kernel',
        'crème',
      ]);
    } finally {
      await own.close();
    }
  });

  it("finds words with ß, ł, ø or æ typed as a visitor's keyboard spells them (ss, l, o, ae)", async () => {
    const root = tempSite({
      'content/stands/yotta.md': page(
        'title: Yotta\nshow_on_overview: true\ndescription: Grüße from Łódź and Ørsted.',
        'Read the Encyclopædia. GRÜẞE!\n',
      ),
    });
    const own = await openEngine({ dbFile: null });
    try {
      const collection = (await own.indexFolder(root)).collection.id;
      for (const query of ['grusse', 'grüße', 'lodz', 'Łódź', 'orsted', 'encyclopaedia']) {
        expect(
          own.search(collection, query).map((group) => group.stand),
          query,
        ).toEqual(['yotta']);
      }
      const hit = own.search(collection, 'grusse')[0]!.hits[0]!;
      expect(hit.highlights.map(([start, end]) => hit.snippet.slice(start, end))).toContain('Grüße');
    } finally {
      await own.close();
    }
  });

  it('is ready as soon as the store is open, from the index the store keeps', async () => {
    const dbFile = path.join(tempDir(), 'store.json');
    const root = tempSite({
      'content/stands/ecole.md': page(
        'title: École Numérique\nshow_on_overview: true\ndescription: Programmation.',
      ),
      'content/stands/kernel/_index.md': page(
        'title: Kernel Hackers\nshow_on_overview: true',
        'Tiny boards.\n',
      ),
      'content/stands/kernel/scheduler.md': page('title: The Scheduler', 'The fair scheduler.\n'),
    });
    const first = await openEngine({ dbFile });
    const collection = (await first.indexFolder(root)).collection.id;
    const queries = ['ecole', 'sched', 'kernal', 'boards', 'fair scheduler'];
    const before = queries.map((query) => first.search(collection, query));
    await first.close();
    expect(before.every((groups) => groups.length > 0)).toBe(true);
    const text = readFileSync(dbFile, 'utf8');
    expect(text).toContain('"postings":"');

    const build = vi.spyOn(CollectionSearch, 'build');
    const second = await openEngine({ dbFile });
    expect(build).not.toHaveBeenCalled();
    expect(queries.map((query) => second.search(collection, query))).toEqual(before);
    await second.close();

    // A damaged index in the store is built again from the stored pages, silently.
    writeFileSync(dbFile, text.replace(/"postings":"[^"]{4}/g, '"postings":"////'));
    const third = await openEngine({ dbFile });
    expect(build).toHaveBeenCalledTimes(1);
    build.mockRestore();
    expect(third.notices).toEqual([]);
    expect(queries.map((query) => third.search(collection, query))).toEqual(before);
    await third.close();
  });

  it('stores an index it had to build again, so the next start does not build it once more', async () => {
    const dbFile = path.join(tempDir(), 'store.json');
    const root = tempSite({
      'content/stands/kernel.md': page('title: Kernel Hackers\nshow_on_overview: true', 'Tiny boards.\n'),
    });
    const first = await openEngine({ dbFile });
    const collection = (await first.indexFolder(root)).collection.id;
    await first.close();
    // An index an older version stored: its words were cut another way.
    const text = readFileSync(dbFile, 'utf8');
    expect(text).toMatch(/"v":\d+,/);
    writeFileSync(dbFile, text.replace(/"v":\d+,/, '"v":1,'));

    const build = vi.spyOn(CollectionSearch, 'build');
    const second = await openEngine({ dbFile });
    expect(build).toHaveBeenCalledTimes(1);
    expect(second.search(collection, 'boards').map((group) => group.stand)).toEqual(['kernel']);
    await second.close();
    const third = await openEngine({ dbFile });
    expect(build).toHaveBeenCalledTimes(1);
    build.mockRestore();
    expect(third.search(collection, 'boards').map((group) => group.stand)).toEqual(['kernel']);
    await third.close();
  });
});

describe('search in scripts written without spaces', () => {
  let cjk: Engine;
  let collection: string;

  beforeAll(async () => {
    const root = tempSite({
      'content/stands/harmony.md': page(
        'title: 鸿蒙开源社区\nshow_on_overview: true\ndescription: 面向全场景的开源操作系统，支持多种设备。',
      ),
      'content/stands/hello.md': page(
        'title: Hello World\nshow_on_overview: true',
        'The first program prints こんにちは世界 in Japanese, and สวัสดีชาวโลก in Thai.\n',
      ),
      'content/stands/kernel.md': page('title: Kernel Hackers\nshow_on_overview: true', 'Tiny boards.\n'),
    });
    cjk = await openEngine({ dbFile: null });
    collection = (await cjk.indexFolder(root)).collection.id;
    return () => cjk.close();
  });

  const standsFor = (query: string) => cjk.search(collection, query).map((group) => group.stand);

  it('finds a word inside a sentence of Chinese, Japanese or Thai', () => {
    expect(standsFor('操作系统')).toEqual(['harmony']);
    expect(standsFor('设备')).toEqual(['harmony']);
    expect(standsFor('开源')).toEqual(['harmony']);
    expect(standsFor('世界')).toEqual(['hello']);
    expect(standsFor('ชาวโลก')).toEqual(['hello']);
    expect(standsFor('kernel')).toEqual(['kernel']);
  });

  it('finds a word being typed, and highlights the words found', () => {
    // "操作系" is "操作" and the start of "系统".
    expect(standsFor('操作系')).toEqual(['harmony']);
    const hit = cjk.search(collection, '设备')[0]!.hits[0]!;
    expect(hit.highlights.map(([start, end]) => hit.snippet.slice(start, end))).toEqual(['设备']);
    const hello = cjk.search(collection, '世界')[0]!.hits[0]!;
    expect(hello.highlights.map(([start, end]) => hello.snippet.slice(start, end))).toEqual(['世界']);
  });
});
