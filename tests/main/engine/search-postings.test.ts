// The search index's postings in typed arrays: they behave as the Maps MiniSearch would have made (the
// same answers to the same calls, in the same order), and a MiniSearch that uses them finds, ranks and
// forgets exactly what a stock MiniSearch does over the same documents and updates.
import MiniSearch, { type Options } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { usePackedPostings } from '../../../main/engine/search';
import { Postings, PostingsLog, TermPostings } from '../../../main/engine/search-postings';

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('Postings', () => {
  it('answers every call as a Map does, over random appends, inserts, updates and deletes', () => {
    const random = seeded(7);
    const packed = new Postings();
    const map = new Map<number, number>();
    for (let step = 0; step < 20_000; step++) {
      const roll = random();
      // Mostly appends of the next document, as indexing does; sometimes anything else.
      const last = Math.max(-1, ...[...map.keys()].slice(-1));
      const document = roll < 0.5 ? last + 1 + Math.floor(random() * 3) : Math.floor(random() * 400);
      if (roll < 0.75) {
        const count = 1 + Math.floor(random() * 5);
        packed.set(document, count);
        map.set(document, count);
      } else if (roll < 0.9) {
        packed.increment(document);
        map.set(document, (map.get(document) ?? 0) + 1);
      } else {
        expect(packed.delete(document)).toBe(map.delete(document));
      }
      expect(packed.size).toBe(map.size);
      expect(packed.get(document)).toBe(map.get(document));
    }
    const sorted = [...map].sort((a, b) => a[0] - b[0]);
    expect([...packed]).toEqual(sorted);
    expect([...packed.keys()]).toEqual(sorted.map(([document]) => document));
    expect(packed.get(100_000)).toBeUndefined();
  });

  it('keeps the order documents were added in, as a Map does when they come in ascending order', () => {
    const packed = new Postings();
    const map = new Map<number, number>();
    for (const document of [0, 3, 4, 9, 12, 30]) {
      packed.increment(document);
      packed.increment(document);
      map.set(document, 2);
    }
    expect([...packed]).toEqual([...map]);
  });

  it('goes on after the last document it gave when documents are deleted during the walk', () => {
    const packed = new Postings();
    const map = new Map<number, number>();
    for (let document = 0; document < 50; document++) {
      packed.set(document, document + 1);
      map.set(document, document + 1);
    }
    const walk = (postings: Postings | Map<number, number>) => {
      const seen: number[] = [];
      for (const [document] of postings) {
        seen.push(document);
        // What MiniSearch's vacuum does: delete the document it is looking at, and others too.
        if (document % 3 === 0) postings.delete(document);
        if (document % 7 === 0) postings.delete(document + 1);
        if (document === 40) postings.delete(49);
      }
      return seen;
    };
    expect(walk(packed)).toEqual(walk(map));
    expect([...packed]).toEqual([...map]);
    // The same through keys(), the walk MiniSearch's scoring takes (it deletes discarded documents).
    const seen: [number[], number[]] = [[], []];
    for (const [index, postings] of [packed, map].entries()) {
      for (const document of postings.keys()) {
        seen[index]!.push(document);
        if (document % 2 === 0) postings.delete(document);
        if (document === 20) postings.delete(22);
      }
    }
    expect(seen[0]).toEqual(seen[1]);
    expect([...packed]).toEqual([...map]);
  });

  it('keeps only the documents still indexed, in one pass, as deleting the others would', () => {
    const random = seeded(5);
    const packed = new Postings();
    const map = new Map<number, number>();
    for (let document = 0; document < 1000; document += 1 + Math.floor(random() * 3)) {
      packed.set(document, 1 + (document % 7));
      map.set(document, 1 + (document % 7));
    }
    const kept = new Set([...map.keys()].filter(() => random() < 0.6));
    const before = map.size;
    for (const document of [...map.keys()]) if (!kept.has(document)) map.delete(document);
    expect(packed.retain(kept)).toBe(before - map.size);
    expect([...packed]).toEqual([...map]);
    expect(packed.get([...kept][3]!)).toBe(map.get([...kept][3]!));
    expect(packed.retain(new Set())).toBe(map.size);
    expect(packed.size).toBe(0);
  });

  it('refuses what is not a document number rather than storing something else', () => {
    const packed = new Postings();
    expect(() => packed.set(-1, 1)).toThrow(RangeError);
    expect(() => packed.set(1.5, 1)).toThrow(RangeError);
    expect(() => packed.set(2 ** 32, 1)).toThrow(RangeError);
    expect(packed.size).toBe(0);
  });
});

describe('TermPostings', () => {
  it('holds postings by field number as a Map does, deletions during the walk included', () => {
    const term = new TermPostings();
    const map = new Map<number, Postings>();
    const fields = [2, 0, 1].map((field) => [field, new Postings()] as const);
    for (const [field, postings] of fields) {
      term.set(field, postings);
      map.set(field, postings);
    }
    expect(term.size).toBe(3);
    expect(term.get(1)).toBe(map.get(1));
    expect(term.get(5)).toBeUndefined();
    // Order is by field number; MiniSearch only looks fields up and walks them all.
    const fieldsOf = () => [...term].map(([field]) => field);
    expect(fieldsOf()).toEqual([0, 1, 2]);
    for (const [field] of term) if (field === 0) term.delete(1);
    expect(fieldsOf()).toEqual([0, 2]);
    expect(term.delete(1)).toBe(false);
    expect(term.size).toBe(2);
    expect(() => term.set(-1, new Postings())).toThrow(RangeError);
  });
});

interface Doc {
  id: string;
  title: string;
  text: string;
}

const WORDS = [
  'kernel',
  'kernels',
  'compiler',
  'compile',
  'database',
  'network',
  'networking',
  'browser',
  'privacy',
  'container',
  'contributor',
  'consent',
  'satellite',
  'firmware',
];

function documents(count: number, random: () => number): Doc[] {
  const text = (words: number) =>
    Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
  return Array.from({ length: count }, (_, i) => ({
    id: `doc-${i}`,
    title: text(2),
    text: text(5 + Math.floor(random() * 40)),
  }));
}

describe('PostingsLog', () => {
  it('refuses a field or document number it cannot hold, before anything is logged', () => {
    const terms = new Map<string, TermPostings>();
    const log = new PostingsLog(3);
    expect(() => log.add('kernel', 3, 0, 1)).toThrow(RangeError);
    expect(() => log.add('kernel', 0, 2 ** 32, 1)).toThrow(RangeError);
    expect(log.size).toBe(0);
    log.add('kernel', 2, 7, 2);
    log.applyTo((term) => {
      if (!terms.has(term)) terms.set(term, new TermPostings());
      return terms.get(term)!;
    });
    expect([...terms.get('kernel')!.get(2)!]).toEqual([[7, 2]]);
  });

  it('is empty after a put in place that failed, so a retry does not count twice', () => {
    const log = new PostingsLog(1);
    log.add('kernel', 0, 1, 1);
    expect(() =>
      log.applyTo(() => {
        throw new Error('no index');
      }),
    ).toThrow('no index');
    expect(log.size).toBe(0);
  });
});

describe('MiniSearch on packed postings', () => {
  const options: Options<Doc> = {
    fields: ['title', 'text'],
    storeFields: [],
    autoVacuum: false,
    searchOptions: { boost: { title: 3 }, combineWith: 'AND' },
  };
  const queries: [string, Parameters<MiniSearch<Doc>['search']>[1]][] = [
    ['kernel', {}],
    ['kernel network', {}],
    ['kernel network', { combineWith: 'OR' }],
    ['con', { prefix: true }],
    ['netwrk', { fuzzy: 0.2 }],
    ['compilr databse', { fuzzy: 0.3, prefix: true }],
    ['missing', { fuzzy: 0.2 }],
  ];

  it('finds and ranks exactly what stock MiniSearch does, through adds, discards, vacuums and re-adds', async () => {
    const random = seeded(42);
    const stock = new MiniSearch<Doc>(options);
    const packed = new MiniSearch<Doc>(options);
    const { flush, vacuum } = usePackedPostings(packed);
    const compare = () => {
      flush();
      for (const [query, searchOptions] of queries)
        expect(packed.search(query, searchOptions)).toEqual(stock.search(query, searchOptions));
      expect(packed.termCount).toBe(stock.termCount);
      expect(packed.documentCount).toBe(stock.documentCount);
      // Every posting of every word, as MiniSearch's own serialisation spells them.
      expect(packed.toJSON()).toEqual(stock.toJSON());
    };
    const docs = documents(300, random);
    const current = new Map(docs.map((doc) => [doc.id, doc]));
    stock.addAll(docs);
    packed.addAll(docs);
    compare();
    for (let round = 0; round < 3; round++) {
      // Change some documents as re-indexing does: discard, then add their new version.
      const changed = docs.filter(() => random() < 0.2);
      for (const doc of changed) {
        stock.discard(doc.id);
        packed.discard(doc.id);
      }
      compare();
      const again = changed.map((doc) => ({ ...doc, text: documents(1, random)[0]!.text }));
      for (const doc of again) current.set(doc.id, doc);
      stock.addAll(again);
      packed.addAll(again);
      compare();
      await stock.vacuum({ batchSize: 1_000_000, batchWait: 0 });
      // Ours (what CollectionSearch uses), and MiniSearch's own, which must work on packed postings too.
      if (round === 1) await packed.vacuum({ batchSize: 1_000_000, batchWait: 0 });
      else vacuum();
      expect(packed.dirtCount).toBe(stock.dirtCount);
      compare();
    }
    // Removing documents with their fields, MiniSearch's other way to forget, works the same too.
    for (const id of ['doc-5', 'doc-6', 'doc-299']) {
      stock.remove(current.get(id)!);
      packed.remove(current.get(id)!);
    }
    compare();
    expect(packed.search('kernel').map((result) => result.id)).not.toContain('doc-5');
  });

  it('finds a word again after every document that had it was forgotten', async () => {
    for (const ours of [true, false]) {
      const stock = new MiniSearch<Doc>(options);
      const packed = new MiniSearch<Doc>(options);
      const { flush, vacuum } = usePackedPostings(packed);
      for (const index of [stock, packed]) {
        index.add({ id: 'a', title: 'kernel', text: 'zeppelin network' });
        flush();
        index.discard('a');
        // The vacuum deletes "zeppelin" from the index's tree: nobody has it any more.
        if (index === packed && ours) vacuum();
        else await index.vacuum({ batchSize: 1_000_000, batchWait: 0 });
        index.add({ id: 'b', title: 'browser', text: 'zeppelin privacy' });
      }
      flush();
      expect(packed.toJSON()).toEqual(stock.toJSON());
      expect(packed.search('zeppelin')).toEqual(stock.search('zeppelin'));
      expect(packed.search('zeppelin').map((result) => result.id)).toEqual(['b']);
    }
  });

  it('puts a log of many chunks of postings in place as stock MiniSearch adds them', () => {
    const random = seeded(3);
    const vocabulary = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}`);
    // 400 documents of about 300 distinct words: 120,000 postings, more than one chunk of the log.
    const docs = Array.from({ length: 400 }, (_, i) => ({
      id: `doc-${i}`,
      title: vocabulary[i]!,
      text: Array.from({ length: 330 }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' '),
    }));
    const stock = new MiniSearch<Doc>(options);
    const packed = new MiniSearch<Doc>(options);
    const { flush } = usePackedPostings(packed);
    stock.addAll(docs.slice(0, 300));
    packed.addAll(docs.slice(0, 300));
    flush();
    // A second batch appends to postings that are already in place.
    stock.addAll(docs.slice(300));
    packed.addAll(docs.slice(300));
    flush();
    expect(packed.toJSON()).toEqual(stock.toJSON());
    for (const query of ['w1', 'w2s', 'w3 w4', 'w1a w2b w3c', 'w9', 'wz']) {
      expect(packed.search(query, { prefix: true })).toEqual(stock.search(query, { prefix: true }));
      expect(packed.search(query, { combineWith: 'OR' })).toEqual(stock.search(query, { combineWith: 'OR' }));
    }
  });

  it('puts logged postings in place before MiniSearch removes or forgets anything', () => {
    const stock = new MiniSearch<Doc>(options);
    const packed = new MiniSearch<Doc>(options);
    usePackedPostings(packed);
    const a = { id: 'a', title: 'kernel', text: 'secret network' };
    for (const index of [stock, packed]) {
      index.add(a);
      index.add({ id: 'b', title: 'browser', text: 'network privacy' });
      // No flush in between: remove must find a's postings, as in stock MiniSearch.
      index.remove(a);
    }
    expect(packed.toJSON()).toEqual(stock.toJSON());
    expect(packed.search('secret')).toEqual([]);
    for (const index of [stock, packed]) {
      index.add({ id: 'c', title: 'compiler', text: 'secret' });
      index.removeAll();
      index.add({ id: 'd', title: 'firmware', text: 'satellite' });
    }
    // removeAll numbers documents from 0 again: c's logged words must not become d's.
    expect(packed.search('secret')).toEqual([]);
    expect(packed.toJSON()).toEqual(stock.toJSON());
  });

  it('refuses an index that already has terms, whose postings are Maps', () => {
    const index = new MiniSearch<Doc>(options);
    index.add({ id: 'a', title: 'kernel', text: 'network' });
    expect(() => usePackedPostings(index)).toThrow(/without terms/);
  });
});
