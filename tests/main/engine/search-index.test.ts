// The search index on its own: ranking, the pages a stand's hits name, incremental updates (discarded
// documents, cleaning) giving exactly what a fresh index gives, and the stored form read back (or
// refused when damaged).
import { describe, expect, it } from 'vitest';
import {
  CollectionSearch,
  type SearchDoc,
  type StandDocs,
  type StoredSearchRecord,
  termsOf,
} from '../../../main/engine/search';

const WORDS = [
  'kernel',
  'compiler',
  'database',
  'network',
  'browser',
  'scheduler',
  'firmware',
  'privacy',
  'école',
  'numérique',
  'container',
  'contributor',
  'consent',
  'satellite',
];

/** A deterministic pseudo-random document set: stands with a few pages each. */
function corpus(stands: number, seed: number): Map<string, SearchDoc[]> {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const text = (count: number) =>
    Array.from({ length: count }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
  const out = new Map<string, SearchDoc[]>();
  for (let i = 0; i < stands; i++) {
    const stand = `stand-${String(i).padStart(3, '0')}`;
    const docs: SearchDoc[] = [{ stand, page: null, title: `Stand ${text(2)}`, text: text(30) }];
    for (let p = 0; p < Math.floor(random() * 4); p++)
      docs.push({ stand, page: `page-${p}`, title: `Page ${text(1)}`, text: text(20 + p * 10) });
    out.set(stand, docs);
  }
  return out;
}

function describer(docs: Map<string, SearchDoc[]>) {
  return (stand: string): StandDocs | null => {
    const list = docs.get(stand);
    const owner = list?.find((doc) => doc.page === null);
    if (!list || !owner) return null;
    return {
      standTitle: owner.title,
      docs: [owner, ...list.filter((doc) => doc.page !== null)].map(({ page, title, text }) => ({
        page,
        title,
        text,
      })),
    };
  };
}

const QUERIES = ['kernel', 'ecole', 'con', 'kernel comp', 'schedular', 'privacy satellite', 'stand', 'x'];

function answers(search: CollectionSearch, docs: Map<string, SearchDoc[]>, limit = 20) {
  return QUERIES.map((query) =>
    search
      .search('c', query, limit, describer(docs))
      // MiniSearch keeps running averages of field lengths: after discards and adds they differ from a
      // fresh index's in the last bits, so scores are compared to six decimals.
      .flatMap((group) => group.hits.map((hit) => [hit.stand, hit.page, hit.score.toFixed(6), hit.snippet])),
  );
}

describe('the search index', () => {
  it('splits and folds terms as visitors type them', () => {
    expect(termsOf('École NUMÉRIQUE, open-source (2024)!')).toEqual([
      'ecole',
      'numerique',
      'open',
      'source',
      '2024',
    ]);
  });

  it('ranks title matches above text matches, and exact words above typos', () => {
    const docs = new Map<string, SearchDoc[]>([
      ['a', [{ stand: 'a', page: null, title: 'Compilers', text: 'We talk about kernels and more.' }]],
      ['b', [{ stand: 'b', page: null, title: 'Kernel Hackers', text: 'Drivers, schedulers.' }]],
      ['c', [{ stand: 'c', page: null, title: 'Other', text: 'A kernal with a typo.' }]],
    ]);
    const search = CollectionSearch.build([...docs.values()].flat());
    const stands = (query: string) =>
      search.search('c', query, 10, describer(docs)).map((group) => group.stand);
    // "kernels" is a prefix match of the last word, "kernal" a typo, found only when the words as
    // typed find too little and ranked after everything they found.
    expect(stands('kernel')).toEqual(['b', 'a', 'c']);
    expect(search.search('c', 'kernel', 2, describer(docs)).map((group) => group.stand)).toEqual(['b', 'a']);
    expect(stands('compilers kernel')).toEqual(['a']);
  });

  it('names the pages of a stand that hold the words, the stand first when it holds them too', () => {
    const docs = new Map<string, SearchDoc[]>([
      [
        'k',
        [
          { stand: 'k', page: null, title: 'Kernel Hackers', text: 'We write drivers.' },
          { stand: 'k', page: 'sched', title: 'The Scheduler', text: 'The fair scheduler picks a task.' },
          { stand: 'k', page: 'boot', title: 'Booting', text: 'Firmware hands over to the kernel.' },
          { stand: 'k', page: 'misc', title: 'Misc', text: 'Nothing here.' },
        ],
      ],
    ]);
    const search = CollectionSearch.build([...docs.values()].flat());
    const hits = (query: string) =>
      search.search('c', query, 10, describer(docs)).flatMap((group) => group.hits.map((hit) => hit.page));
    expect(hits('kernel')).toEqual([null, 'boot']);
    expect(hits('fair scheduler')).toEqual(['sched']);
    // Every word must be in the stand, though not on one page: then the stand is the hit.
    expect(hits('drivers firmware')).toEqual([null, 'boot']);
    expect(hits('fair firmware')).toEqual(['sched', 'boot']);
    expect(search.search('c', 'kernel', 1, describer(docs)).flatMap((group) => group.hits)).toHaveLength(1);
  });

  it('gives after any sequence of updates exactly what a fresh index gives', () => {
    const docs = corpus(120, 7);
    const search = CollectionSearch.build([...docs.values()].flat());
    const changes = corpus(120, 99);
    let step = 0;
    for (const [stand, replacement] of changes) {
      step++;
      // Replace some stands, remove others, add new ones.
      if (step % 5 === 0) {
        docs.delete(stand);
        search.replaceStand(stand, []);
      } else {
        docs.set(stand, replacement);
        search.replaceStand(stand, replacement);
      }
      if (step % 40 === 0) {
        const extra = `new-${step}`;
        const added = [{ ...replacement[0]!, stand: extra }];
        docs.set(extra, added);
        search.replaceStand(extra, added);
      }
      // Storing cleans the index in place; updates go on after it.
      if (step % 25 === 0) expect([...search.toStored()].length).toBeGreaterThan(1);
      if (step % 30 === 0)
        expect(answers(search, docs)).toEqual(
          answers(CollectionSearch.build([...docs.values()].flat()), docs),
        );
    }
    expect(search.size).toBe(docs.size);
    expect(answers(search, docs)).toEqual(answers(CollectionSearch.build([...docs.values()].flat()), docs));
  });

  it('lets a typed prefix stand for its 50 closest completions, as search engines cap it', () => {
    // 80 long words starting with "ca", and the short ones a visitor typing "ca" most likely means.
    const long = Array.from(
      { length: 80 },
      (_, i) => `ca${'x'.repeat(8)}${String.fromCharCode(97 + (i % 26))}${i}`,
    );
    const docs = new Map<string, SearchDoc[]>();
    const add = (stand: string, text: string) =>
      docs.set(stand, [{ stand, page: null, title: `Stand ${stand}`, text }]);
    long.forEach((word, i) => add(`long-${i}`, word));
    add('cab', 'cab');
    add('cabin', 'cabin');
    const search = CollectionSearch.build([...docs.values()].flat());
    const found = (query: string) =>
      search.search('c', query, 200, describer(docs)).map((group) => group.stand);
    const ca = found('ca');
    expect(ca).toContain('cab');
    expect(ca).toContain('cabin');
    expect(ca).toHaveLength(50);
    // Typing on narrows the prefix down to what the visitor means, beyond the first 50.
    // (Typo-tolerant matches follow the exact ones.)
    expect(found(long[79]!.slice(0, 12))[0]).toBe('long-79');
    expect(found('cabi')[0]).toBe('cabin');
  });

  it('leaves stop words out of running text, and out of queries that have other words', () => {
    const docs = new Map<string, SearchDoc[]>();
    const add = (stand: string, title: string, text: string) =>
      docs.set(stand, [{ stand, page: null, title, text }]);
    add('who', 'The Who Foundation', 'A community of volunteers.');
    add('kernel', 'Lantern OS', 'The kernel of the system and the scheduler.');
    add('other', 'Quiet Database', 'Storage for the rest of us.');
    add('make', 'Builders', 'GNU Make builds what changed.');
    const search = CollectionSearch.build([...docs.values()].flat());
    const found = (query: string) =>
      search.search('c', query, 20, describer(docs)).map((group) => group.stand);
    // "the" is in every text but only one title.
    expect(found('the')).toEqual(['who']);
    // With other words, stop words are dropped rather than required.
    expect(found('the kernel')).toEqual(['kernel']);
    expect(found('kernel of the')).toEqual(['kernel']);
    // Only articles, conjunctions and prepositions: a word like "make" stays searchable.
    expect(found('gnu make')).toEqual(['make']);
    const [hit] = search.search('c', 'the scheduler', 5, describer(docs))[0]!.hits;
    expect(hit!.highlights.map(([from, to]) => hit!.snippet.slice(from, to))).toEqual(['scheduler']);
  });

  it('reads its stored form back to the same answers', () => {
    const docs = corpus(60, 3);
    const search = CollectionSearch.build([...docs.values()].flat());
    for (const [stand, replacement] of corpus(10, 5)) {
      docs.set(stand, replacement);
      search.replaceStand(stand, replacement);
    }
    const stored = JSON.parse(JSON.stringify([...search.toStored()])) as StoredSearchRecord[];
    const loaded = CollectionSearch.load(stored)!;
    expect(loaded).not.toBeNull();
    expect(loaded.size).toBe(search.size);
    expect(answers(loaded, docs)).toEqual(answers(search, docs));
  });

  it('reads back a stored form of several chunks of documents and terms', () => {
    // More stands and distinct words than one stored record holds (4,096 of each).
    const docs = new Map<string, SearchDoc[]>();
    for (let i = 0; i < 4500; i++) {
      const stand = `stand-${i}`;
      const own = `word${i} shared${i % 7} ${i % 2 ? 'kernel' : 'compiler'}`;
      docs.set(stand, [
        { stand, page: null, title: `Stand ${i}`, text: own },
        { stand, page: 'about', title: 'About', text: `page${i} ${WORDS[i % WORDS.length]}` },
      ]);
    }
    const search = CollectionSearch.build([...docs.values()].flat());
    const stored = JSON.parse(JSON.stringify([...search.toStored()])) as StoredSearchRecord[];
    expect(stored.filter((record) => 'postings' in record).length).toBeGreaterThan(2);
    expect(stored.filter((record) => 'docs' in record && Array.isArray(record.docs)).length).toBe(2);
    const loaded = CollectionSearch.load(stored)!;
    expect(loaded.size).toBe(4500);
    for (const query of ['word4321', 'page17', 'shared3 kernel', 'ecole', 'word449']) {
      expect(loaded.search('c', query, 20, describer(docs))).toEqual(
        search.search('c', query, 20, describer(docs)),
      );
    }
    expect(loaded.search('c', 'word4321', 5, describer(docs))[0]?.stand).toBe('stand-4321');
  });

  it('stores its postings in records well under 100 KB of text, however many stands hold each term', () => {
    // 3,000 stands of 60 words each from 2,000: 180,000 postings, several hundred kilobytes in all.
    const docs = new Map<string, SearchDoc[]>();
    let state = 7;
    const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 3000; i++) {
      const stand = `stand-${i}`;
      const text = Array.from({ length: 60 }, () => `w${Math.floor(random() * 2000)}`).join(' ');
      docs.set(stand, [{ stand, page: null, title: `Stand ${i}`, text }]);
    }
    const search = CollectionSearch.build([...docs.values()].flat());
    const stored = JSON.parse(JSON.stringify([...search.toStored()])) as StoredSearchRecord[];
    const postings = stored.flatMap((record) => ('postings' in record ? [record.postings] : []));
    expect(postings.join('').length).toBeGreaterThan(300_000);
    for (const text of postings) expect(text.length).toBeLessThan(100_000);
    const loaded = CollectionSearch.load(stored)!;
    for (const query of ['w17', 'w1999 w3', 'w42']) {
      expect(loaded.search('c', query, 20, describer(docs))).toEqual(
        search.search('c', query, 20, describer(docs)),
      );
    }
  });

  it('refuses a damaged stored form instead of answering wrongly', () => {
    const docs = corpus(20, 11);
    const stored = [...CollectionSearch.build([...docs.values()].flat()).toStored()];
    const damaged = (change: (records: StoredSearchRecord[]) => void) => {
      const copy = JSON.parse(JSON.stringify(stored)) as StoredSearchRecord[];
      change(copy);
      return CollectionSearch.load(copy);
    };
    expect(damaged(() => undefined)).not.toBeNull();
    expect(damaged((records) => records.splice(1, 1))).toBeNull();
    expect(damaged((records) => ((records[0] as { v: number }).v = 999))).toBeNull();
    expect(
      damaged((records) => {
        const last = records[records.length - 1] as { postings: string };
        last.postings = last.postings.slice(0, -8);
      }),
    ).toBeNull();
    expect(
      damaged((records) => {
        const last = records[records.length - 1] as { terms: string };
        last.terms = last.terms.split(' ').slice(1).join(' ');
      }),
    ).toBeNull();
    expect(
      damaged((records) => {
        const docs = records[1] as { docs: [number, string, number[]][] };
        docs.docs[0]![0] = 999_999;
      }),
    ).toBeNull();
    expect(
      damaged((records) => records.push({ nonsense: true } as unknown as StoredSearchRecord)),
    ).toBeNull();
    // Fields numbered otherwise than this version does: boosts would go to the wrong fields, or
    // postings past the arrays' end.
    const head = (records: StoredSearchRecord[]) =>
      records[0] as { fieldIds: Record<string, number>; nextId: number };
    expect(damaged((records) => (head(records).fieldIds = { title: 0, pages: 1, text: 3 }))).toBeNull();
    expect(damaged((records) => (head(records).fieldIds = { title: 1, pages: 0, text: 2 }))).toBeNull();
    // Document numbers the postings cannot hold, and the same document or stand twice.
    expect(damaged((records) => (head(records).nextId = 2 ** 32 + 1))).toBeNull();
    expect(damaged((records) => (head(records).nextId = 1.5))).toBeNull();
    const docsOf = (records: StoredSearchRecord[]) =>
      (records[1] as { docs: [number, string, number[]][] }).docs;
    expect(damaged((records) => (docsOf(records)[1]![1] = docsOf(records)[0]![1]))).toBeNull();
    expect(damaged((records) => (docsOf(records)[1]![0] = docsOf(records)[0]![0]))).toBeNull();
  });
});
