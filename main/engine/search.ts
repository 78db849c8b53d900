// Full-text search over a collection's published stands and pages, on MiniSearch. Terms are normalised
// the same way when indexing and searching: Unicode decomposition with accents stripped, lowercased, so
// "Ecole", "école" and "ÉCOLE" are the same word. English stop words are not indexed in running text
// and are left out of queries that have other words. Every word must match; the last word also matches
// as a prefix (two letters or more, or one character of Chinese or Japanese, standing for its 50 closest
// completions), so results appear while typing. Scripts written without spaces are cut into words by
// Intl.Segmenter (see wordsOf). When the words as typed find fewer results than asked for, words of four
// letters or more may also match with a small typo (a fifth of their length, at most 2 edits), ranked
// after the exact matches. Ranking is MiniSearch's BM25+ with the title boosted. Results are grouped by stand, with a
// snippet around the first match and the matched words' ranges for highlighting.
//
// One MiniSearch document per stand (its title, its pages' titles, and the text of the stand and all
// its pages), not one per page: MiniSearch keeps a Map entry per document for every term, and at
// 10,000 stands one document per page (32,500 documents) made a 175 MB index, 33 MB of store and
// 2.3 s to load; per stand it is about half. The pages a hit names are found afterwards, in the few
// stands a search returns: those whose title or text holds a matched word (the stand itself too).
// Every word must be somewhere in the stand, not necessarily on one page.
//
// The index stores no fields, only stand slugs; names and text for hits come from the collection. It
// is built while indexing (a changed stand is discarded and added again) and kept in the store, so
// opening the store gives a ready index and the first visitor waits no longer than the next.
import MiniSearch, { type AsPlainObject, type Options, type SearchResult } from 'minisearch';
import { Postings, PostingsLog, TermPostings } from './search-postings';
import type { SearchGroup, SearchHit } from './types';

/** A document to index: a published stand (page null) or one of its published pages. */
export interface SearchDoc {
  stand: string;
  page: string | null;
  title: string;
  /** Plain text of the document (its HTML fields' text). */
  text: string;
}

/** What the collection has of a stand, to name hits and cut snippets: the stand's and its pages' documents. */
export interface StandDocs {
  standTitle: string;
  /** The stand itself first (page null), then its published pages; texts as they were indexed. */
  docs: DescribedDoc[];
}

/** One document of a described stand. */
export interface DescribedDoc {
  page: string | null;
  title: string;
  text: string;
  /**
   * The normalised forms of the words of its title and text that hold a character outside ASCII (the
   * only words whose normalised form is not simply their lowercase), made when a search first needs
   * them and kept with the document.
   */
  folded?: Set<string>;
}

/** Looks a stand up in the collection: null when it is gone. */
export type DescribeStand = (stand: string) => StandDocs | null;

/** A MiniSearch document: one stand with its pages. */
interface StandDoc {
  id: string;
  title: string;
  pages: string;
  text: string;
}

/**
 * The stored form of MiniSearch's `toJSON()`, as records of moderate size (the store writes one record
 * per line): a header with the counts, then document ids and field lengths, then terms in chunks, each
 * chunk's postings packed as varints (per term and field: how many documents, then each document as
 * the difference from the previous one, and its count), in base64. MiniSearch's own JSON spelled every
 * posting as `"1234":1`; read back, that made millions of small objects before `loadJS` turned them
 * into its maps. Packed, a term's object is made only while `loadJS` reads it.
 */
export type StoredSearchRecord =
  | {
      v: number;
      documentCount: number;
      nextId: number;
      fieldIds: Record<string, number>;
      averageFieldLength: number[];
      dirtCount: number;
      serializationVersion: number;
      docs: number;
      terms: number;
    }
  | { docs: [shortId: number, id: string, fieldLength: number[]][] }
  | { terms: string; postings: string };

export const DEFAULT_SEARCH_LIMIT = 50;
/**
 * Version of the stored form; another version is ignored and the index is built again. 8: words of
 * Chinese, Japanese and other scripts written without spaces are cut by a dictionary (see wordsOf).
 * 9: ß, æ, ø, ł and the other letters of FOLDED are indexed as they are spelt without them.
 */
const STORED_VERSION = 9;
/** Document numbers the postings' arrays hold (MiniSearch gives each added stand the next one). */
const MAX_DOCUMENTS = 0xffffffff;
const CHUNK = 4096;
/**
 * Postings bytes per stored record, at most (about): each record's text stays well under the size at
 * which V8 puts a string in its large-object space, which only a full collection frees. With records of
 * 4,096 terms (700 KB of text each at 10,000 stands), writing the store raised the peak by 20 MB.
 */
const RECORD_BYTES = 48 * 1024;

const SNIPPET_BEFORE = 60;
const SNIPPET_LENGTH = 180;
const WORD = /[^\s\p{Z}\p{P}]+/gu;
const SEPARATORS = /[\s\p{Z}\p{P}]+/u;
const NON_ASCII = /[^ -~]/;
/**
 * Scripts written without spaces between words. A run of them would be one "word" of a whole sentence, so
 * nothing inside it could be found: Intl.Segmenter cuts such runs into words with ICU's dictionaries.
 */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const SEGMENTER = new Intl.Segmenter('und', { granularity: 'word' });
/**
 * Longest run of such scripts handed to the segmenter at once. ICU's dictionary takes time growing with
 * the square of a run's length, and far worse past about 65,000 characters: a page of 80,000 Chinese
 * characters with no punctuation took 15 s, one of 700,000 minutes. Punctuation ends a real sentence
 * long before this; longer runs are cut in pieces this long (a word may be cut where two pieces meet).
 */
const MAX_SEGMENTED = 1000;
/** Longest term indexed: longer "words" are data (base64, hashes), not something visitors type. */
const MAX_TERM = 64;
const MAX_QUERY_TERMS = 16;
/**
 * English stop words, left out of the running text's index: Lucene's English analyser's set (the
 * default of Lucene and Elasticsearch), articles, conjunctions and prepositions only, so words such as
 * "make", "can" or "who" stay searchable. They are in nearly every stand and found nothing a visitor
 * wants. Titles keep them.
 */
const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be but by for if in into is it no not of on or such that the their then there ' +
    'these they this to was will with'
  ).split(' '),
);
/** Most words a typed prefix stands for (the typed word itself among them). */
const MAX_PREFIX_EXPANSIONS = 50;

/**
 * Latin letters that carry no accent to strip (NFD leaves them whole), as keyboards without them spell
 * them: "Grüße" is found as "grusse", "Łódź" as "lodz", "Ørsted" as "orsted".
 */
const FOLDED: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const TO_FOLD = /[ßæœøłđðþı]/g;

/** The normalisation applied to every indexed and searched term. */
export function normaliseTerm(term: string): string | null {
  if (term === '') return null;
  if (!NON_ASCII.test(term)) return term.toLowerCase();
  const normalised = term
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(TO_FOLD, (letter) => FOLDED[letter]!);
  return normalised === '' ? null : normalised;
}

/** The words of `text`, cut at spaces and punctuation, and runs of unspaced scripts by a dictionary. */
function wordsOf(text: string): string[] {
  const pieces = text.split(SEPARATORS);
  if (!UNSPACED.test(text)) return pieces;
  const out: string[] = [];
  for (const piece of pieces) {
    if (!UNSPACED.test(piece)) out.push(piece);
    else
      segmentRun(piece, (word) => {
        out.push(word);
      });
  }
  return out;
}

/**
 * Calls `visit` with each word the dictionary finds in `run` and its offset, MAX_SEGMENTED characters at
 * a time, until it returns true. Returns whether it did.
 */
function segmentRun(run: string, visit: (word: string, at: number) => boolean | void): boolean {
  for (let from = 0; from < run.length;) {
    let to = Math.min(run.length, from + MAX_SEGMENTED);
    // Never between the two halves of a character.
    const code = run.charCodeAt(to);
    if (to < run.length && code >= 0xdc00 && code <= 0xdfff) to--;
    for (const part of SEGMENTER.segment(run.slice(from, to)))
      if (part.isWordLike && visit(part.segment, from + part.index)) return true;
    from = to;
  }
  return false;
}

/**
 * Calls `visit` with each word of `text` and its offset, cut as wordsOf cuts them, until it returns true.
 * Returns whether it did.
 */
function eachWord(text: string, visit: (word: string, at: number) => boolean | void): boolean {
  const unspaced = UNSPACED.test(text);
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    if (!unspaced || !UNSPACED.test(word)) {
      if (visit(word, match.index)) return true;
      continue;
    }
    if (segmentRun(word, (part, at) => visit(part, match.index + at))) return true;
  }
  return false;
}

/** The normalised terms of a text, in order. */
export function termsOf(text: string): string[] {
  const out: string[] = [];
  for (const word of wordsOf(text)) {
    if (word === '' || word.length > MAX_TERM) continue;
    const term = normaliseTerm(word);
    if (term) out.push(term);
  }
  return out;
}

const OPTIONS: Options<StandDoc> = {
  fields: ['title', 'pages', 'text'],
  storeFields: [],
  tokenize: wordsOf,
  processTerm: (term, field) => {
    if (term.length > MAX_TERM) return null;
    const normalised = normaliseTerm(term);
    return normalised !== null && field === 'text' && STOP_WORDS.has(normalised) ? null : normalised;
  },
  // Discarded documents are cleaned from the index in one pass when a search or the store needs it
  // (see clean), not in timed batches behind the caller's back.
  autoVacuum: false,
  searchOptions: {
    combineWith: 'AND',
    boost: { title: 3, pages: 2 },
    // The word being typed; one letter is too little to go on, but one character of Chinese is a word.
    prefix: (term, index, terms) => index === terms.length - 1 && (term.length >= 2 || UNSPACED.test(term)),
    maxFuzzy: 2,
  },
};
const FUZZY = (term: string): number | false => (term.length >= 4 ? 0.2 : false);

/**
 * The parts of MiniSearch's state that this file reads and fills (minisearch 7, pinned). Its own
 * toJSON spells each term's postings as an object keyed by document number, which V8 backs with an
 * array as long as the highest number: with a real vocabulary at 1,000 stands that made 350 MB at
 * every store write. Its maps are read here instead, and loaded back the way its loadJS does. Its
 * postings are kept in typed arrays rather than Maps (see search-postings.ts): `addTerm`, the one
 * place MiniSearch makes them, is replaced by one that counts a document's words for ours.
 */
interface MiniSearchInternals {
  _index: {
    readonly size: number;
    atPrefix(prefix: string): Iterable<[string, TermPostings]>;
    [Symbol.iterator](): Iterator<[string, TermPostings]>;
    set(term: string, data: TermPostings): unknown;
    fetch(term: string, create: () => TermPostings): TermPostings;
    delete(term: string): void;
  };
  _documentIds: Map<number, string>;
  _fieldLength: Map<number, number[]>;
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _nextId: number;
  _dirtCount: number;
  addTerm(field: number, document: number, term: string): void;
}

function internals<T>(index: MiniSearch<T>): MiniSearchInternals {
  const inner = index as unknown as Partial<MiniSearchInternals>;
  if (
    !inner._index ||
    typeof inner._index.set !== 'function' ||
    typeof inner._index.atPrefix !== 'function' ||
    typeof inner._index.fetch !== 'function' ||
    typeof inner._index.delete !== 'function' ||
    typeof inner._dirtCount !== 'number' ||
    typeof inner.addTerm !== 'function' ||
    inner.addTerm.length !== 3 ||
    !(inner._documentIds instanceof Map) ||
    !(inner._fieldLength instanceof Map) ||
    typeof inner._fieldIds !== 'object' ||
    !Array.isArray(inner._avgFieldLength) ||
    typeof inner._nextId !== 'number'
  )
    throw new Error('MiniSearch changed its internals: see internals() in main/engine/search.ts');
  return inner as MiniSearchInternals;
}

/**
 * What usePackedPostings gives: `flush` puts the postings of the documents added since in place;
 * `vacuum` drops discarded documents' postings, as MiniSearch's vacuum does, in one pass per term.
 */
export interface PackedPostings {
  flush(): void;
  vacuum(): void;
}

/**
 * Makes a MiniSearch index that has no terms yet keep its postings in typed arrays (search-postings.ts)
 * instead of Maps. The postings of documents added are logged and put in place by `flush()`, which
 * MiniSearch's methods that read or forget postings call first (and CollectionSearch before reading
 * them itself). Exported for its differential test.
 */
export function usePackedPostings<T>(index: MiniSearch<T>): PackedPostings {
  const inner = internals(index);
  if (inner._index.size > 0) throw new Error('usePackedPostings needs an index without terms yet');
  const log = new PostingsLog(Object.keys(inner._fieldIds).length);
  // MiniSearch calls addTerm for every word of a document; the words of the field being added are
  // counted, and logged once each when the field is done (the add that was counting finishes it).
  const counting = { document: -1, field: -1, counts: new Map<string, number>() };
  const record = () => {
    const { document, field, counts } = counting;
    if (counts.size === 0) return;
    counting.counts = new Map();
    for (const [term, count] of counts) log.add(term, field, document, count);
  };
  inner.addTerm = (field, document, term) => {
    if (document !== counting.document || field !== counting.field) {
      record();
      counting.document = document;
      counting.field = field;
    }
    counting.counts.set(term, (counting.counts.get(term) ?? 0) + 1);
  };
  const add = index.add.bind(index);
  index.add = (document) => {
    if (inner._nextId > MAX_DOCUMENTS) throw new RangeError('the search index holds too many documents');
    try {
      add(document);
    } finally {
      record();
    }
  };
  const newTerm = () => new TermPostings();
  const flush = () => log.applyTo((term) => inner._index.fetch(term, newTerm));
  // MiniSearch's own ways to read or forget postings put the logged ones in place first, so the index
  // is never seen half made whichever of its methods is called.
  for (const name of [
    'search',
    'autoSuggest',
    'remove',
    'removeAll',
    'discardAll',
    'replace',
    'vacuum',
    'toJSON',
  ] as const) {
    const method = (index[name] as (...args: unknown[]) => unknown).bind(index);
    (index as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      flush();
      return method(...args);
    };
  }
  // MiniSearch's vacuum walks every posting through its iterator and deletes discarded ones one at a
  // time: at 10,000 stands, 0.2 s at every store write after a change. Here each term's postings are
  // compacted in one pass, and words nobody has any more leave the tree afterwards.
  const vacuum = () => {
    flush();
    if (index.dirtCount === 0) return;
    const documents = inner._documentIds;
    const gone: string[] = [];
    for (const [term, data] of inner._index) {
      for (const [field, postings] of data) {
        postings.retain(documents);
        if (postings.size === 0) data.delete(field);
      }
      if (data.size === 0) gone.push(term);
    }
    for (const term of gone) inner._index.delete(term);
    inner._dirtCount = 0;
  };
  return { flush, vacuum };
}

/**
 * MiniSearch expands a prefix to every word that starts with it, with no limit: at 10,000 stands "co"
 * is hundreds of words and a hundred thousand postings, 100 ms or more for one keystroke. Search
 * engines cap that (Elasticsearch's max_expansions); MiniSearch has no option, so its index's prefix
 * lookup, which only prefix search uses, gives the closest completions: the fewest letters added, then
 * alphabetical: the words closest to what was typed (MiniSearch would also rank longer, more frequent
 * completions, which the visitor reaches by typing on).
 */
function limitPrefixExpansions(inner: MiniSearchInternals): void {
  const index = inner._index;
  const atPrefix = index.atPrefix.bind(index);
  index.atPrefix = (prefix) => {
    const all = [...atPrefix(prefix)];
    if (all.length <= MAX_PREFIX_EXPANSIONS) return all;
    return all
      .sort(([a], [b]) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, MAX_PREFIX_EXPANSIONS);
  };
}

export class CollectionSearch {
  private constructor(
    private readonly index: MiniSearch<StandDoc>,
    private readonly postings: PackedPostings,
  ) {
    limitPrefixExpansions(internals(index));
  }

  /** An index of the given documents (stands and pages, in any order). */
  static build(docs: Iterable<SearchDoc>): CollectionSearch {
    const index = new MiniSearch(OPTIONS);
    const search = new CollectionSearch(index, usePackedPostings(index));
    const byStand = new Map<string, SearchDoc[]>();
    for (const doc of docs) {
      const list = byStand.get(doc.stand);
      if (list) list.push(doc);
      else byStand.set(doc.stand, [doc]);
    }
    for (const [stand, list] of byStand) search.replaceStand(stand, list);
    return search;
  }

  /** The index as it was stored, or null when the stored form is unusable (then build it again). */
  static load(records: readonly StoredSearchRecord[]): CollectionSearch | null {
    try {
      return CollectionSearch.decode(records);
    } catch {
      return null;
    }
  }

  /** Number of stands indexed. */
  get size(): number {
    return this.index.documentCount;
  }

  /** Replaces a stand's documents, its own and its pages' (an empty list removes the stand). */
  replaceStand(stand: string, docs: SearchDoc[]): void {
    if (this.index.has(stand)) this.index.discard(stand);
    const own = docs.find((doc) => doc.page === null);
    if (!own) return;
    const pages = docs.filter((doc) => doc.page !== null);
    this.index.add({
      id: stand,
      title: own.title,
      pages: pages.map((page) => page.title).join(' '),
      text: [own.text, ...pages.map((page) => page.text)].join(' '),
    });
  }

  /**
   * Puts the postings of the stands added since in place and drops discarded stands' postings, so
   * document frequencies are exact again (see usePackedPostings).
   */
  private clean(): void {
    this.postings.vacuum();
  }

  /** Searches; `describe` gives a result stand's title and its and its pages' texts. */
  search(collection: string, query: string, limit: number, describe: DescribeStand): SearchGroup[] {
    const trimmed = query.trim().slice(0, 200);
    if (trimmed === '' || limit <= 0 || this.size === 0) return [];
    const typed = [...new Set(termsOf(trimmed))].slice(0, MAX_QUERY_TERMS);
    // Running text holds no stop words: a query keeps them only when it has nothing else (titles do).
    const meaningful = typed.filter((term) => !STOP_WORDS.has(term));
    const queryTerms = meaningful.length > 0 ? meaningful : typed;
    if (queryTerms.length === 0) return [];
    this.clean();
    const text = queryTerms.join(' ');
    const groups: SearchGroup[] = [];
    let hits = 0;
    const take = (results: SearchResult[]) => {
      for (const result of results) {
        if (hits >= limit) return;
        const group = this.group(collection, result, describe, limit - hits);
        if (!group) continue;
        groups.push(group);
        hits += group.hits.length;
      }
    };
    const exact = best(this.index.search(text), limit);
    take(exact);
    // Typos are forgiven only when the words as typed find too little: it is the costly part.
    if (hits < limit) {
      const found = new Set(exact.map((result) => result.id as string));
      const more = this.index
        .search(text, { fuzzy: FUZZY })
        .filter((result) => !found.has(result.id as string));
      take(best(more, limit));
    }
    return groups;
  }

  /**
   * The hits of one stand a search found: the stand and the pages whose title or text holds a matched
   * word, best first (a page's score is the stand's, in proportion to the matched words it holds). A
   * stand whose words are spread over pages with none holding a matched word alone is one hit.
   */
  private group(
    collection: string,
    result: SearchResult,
    describe: DescribeStand,
    room: number,
  ): SearchGroup | null {
    const stand = result.id as string;
    const found = describe(stand);
    if (!found) return null;
    const terms = new Set(result.terms);
    const hits: SearchHit[] = [];
    for (const doc of found.docs) {
      const held = matchedTerms(doc, terms);
      if (held === 0) continue;
      const { snippet, highlights } = makeSnippet(doc.text, terms);
      hits.push({
        kind: doc.page === null ? 'stand' : 'page',
        collection,
        stand,
        standTitle: found.standTitle,
        page: doc.page,
        title: doc.title,
        snippet,
        highlights,
        score: (result.score * Math.max(held, 1)) / terms.size,
      });
    }
    if (hits.length === 0) {
      const own = found.docs[0]!;
      const { snippet, highlights } = makeSnippet(own.text, terms);
      hits.push({
        kind: 'stand',
        collection,
        stand,
        standTitle: found.standTitle,
        page: null,
        title: own.title,
        snippet,
        highlights,
        score: result.score / Math.max(terms.size, 1),
      });
    }
    // Best first; the stand before its pages when they score the same.
    hits.sort((a, b) => b.score - a.score || (a.page === null ? -1 : b.page === null ? 1 : 0));
    return { stand, standTitle: found.standTitle, hits: hits.slice(0, room) };
  }

  /** The stored form, record by record as the store writes them. */
  *toStored(): Generator<StoredSearchRecord, void, undefined> {
    this.clean();
    const inner = internals(this.index);
    const terms = inner._index.size;
    yield {
      v: STORED_VERSION,
      documentCount: this.index.documentCount,
      nextId: inner._nextId,
      fieldIds: inner._fieldIds,
      averageFieldLength: inner._avgFieldLength,
      dirtCount: this.index.dirtCount,
      serializationVersion: 2,
      docs: inner._documentIds.size,
      terms,
    };
    let docs: [number, string, number[]][] = [];
    for (const [shortId, id] of inner._documentIds) {
      docs.push([shortId, id, inner._fieldLength.get(shortId) ?? []]);
      if (docs.length === CHUNK) {
        yield { docs };
        docs = [];
      }
    }
    if (docs.length > 0) yield { docs };
    const fields = Object.keys(inner._fieldIds).length;
    let words: string[] = [];
    let bytes = new VarintWriter();
    for (const [term, data] of inner._index) {
      words.push(term);
      for (let field = 0; field < fields; field++) {
        // Postings are in ascending document order (search-postings.ts); walking the keys and looking
        // each one up where the walk is makes no pair per posting (millions at every store write).
        const postings = data.get(field);
        bytes.write(postings?.size ?? 0);
        if (postings === undefined) continue;
        let previous = 0;
        for (const id of postings.keys()) {
          bytes.write(id - previous);
          bytes.write(postings.get(id)!);
          previous = id;
        }
      }
      if (words.length === CHUNK || bytes.size >= RECORD_BYTES) {
        yield { terms: words.join(' '), postings: bytes.base64() };
        words = [];
        bytes = new VarintWriter();
      }
    }
    if (words.length > 0) yield { terms: words.join(' '), postings: bytes.base64() };
  }

  private static decode(records: readonly StoredSearchRecord[]): CollectionSearch | null {
    const head = records[0];
    if (!head || !('v' in head) || head.v !== STORED_VERSION) return null;
    const documentIds: Record<string, string> = {};
    const fieldLength: Record<string, number[]> = {};
    const chunks: { terms: string[]; postings: Buffer }[] = [];
    // The fields as this version numbers them, and document numbers the postings' arrays can hold.
    const fields = OPTIONS.fields.length;
    const fieldIds = head.fieldIds ?? {};
    if (
      Object.keys(fieldIds).length !== fields ||
      !OPTIONS.fields.every((field, number) => fieldIds[field] === number)
    )
      return null;
    if (!Number.isSafeInteger(head.nextId) || head.nextId < 0 || head.nextId > MAX_DOCUMENTS) return null;
    const ids = new Set<string>();
    let docCount = 0;
    let termCount = 0;
    for (const record of records.slice(1)) {
      if ('docs' in record && Array.isArray(record.docs)) {
        for (const [shortId, id, lengths] of record.docs) {
          if (!Number.isInteger(shortId) || shortId < 0 || shortId >= head.nextId) return null;
          if (typeof id !== 'string' || id === '' || !Array.isArray(lengths)) return null;
          if (!lengths.every((length) => Number.isInteger(length) && length >= 0)) return null;
          // Each number and each stand once: a second copy could never be discarded.
          if (Object.hasOwn(documentIds, shortId) || ids.has(id)) return null;
          ids.add(id);
          documentIds[shortId] = id;
          fieldLength[shortId] = lengths;
          docCount++;
        }
      } else if (
        'postings' in record &&
        typeof record.terms === 'string' &&
        typeof record.postings === 'string'
      ) {
        const terms = record.terms === '' ? [] : record.terms.split(' ');
        chunks.push({ terms, postings: Buffer.from(record.postings, 'base64') });
        termCount += terms.length;
      } else return null;
    }
    if (docCount !== head.docs || docCount !== head.documentCount || termCount !== head.terms) return null;
    const nextId = head.nextId;
    const js: AsPlainObject = {
      documentCount: head.documentCount,
      nextId,
      documentIds,
      fieldIds: head.fieldIds,
      fieldLength,
      averageFieldLength: head.averageFieldLength,
      storedFields: {},
      dirtCount: head.dirtCount,
      index: [],
      serializationVersion: head.serializationVersion,
    };
    const index = MiniSearch.loadJS(js, OPTIONS);
    const packed = usePackedPostings(index);
    // The postings go straight into MiniSearch's index, where its loadJS would put Maps (see internals).
    const terms = internals(index)._index;
    for (const chunk of chunks) {
      const reader = new VarintReader(chunk.postings);
      for (const term of chunk.terms) {
        const data = new TermPostings();
        for (let field = 0; field < fields; field++) {
          const count = reader.read();
          if (count > docCount) throw new Error('damaged search index');
          if (count === 0) continue;
          const postings = new Postings(count);
          let id = 0;
          for (let i = 0; i < count; i++) {
            const step = reader.read();
            id += step;
            const frequency = reader.read();
            // Ascending, each document once: a step of 0 after the first would repeat one.
            if ((i > 0 && step === 0) || id >= nextId || frequency < 1 || !Object.hasOwn(documentIds, id))
              throw new Error('damaged search index');
            postings.set(id, frequency);
          }
          data.set(field, postings);
        }
        terms.set(term, data);
      }
      if (!reader.done()) throw new Error('damaged search index');
    }
    return new CollectionSearch(index, packed);
  }
}

/** Packs unsigned integers in 7-bit groups. */
class VarintWriter {
  private buffer = Buffer.allocUnsafe(1 << 16);
  private length = 0;
  write(value: number): void {
    if (this.length + 5 > this.buffer.length) {
      const bigger = Buffer.allocUnsafe(this.buffer.length * 2);
      this.buffer.copy(bigger, 0, 0, this.length);
      this.buffer = bigger;
    }
    let rest = value;
    while (rest >= 0x80) {
      this.buffer[this.length++] = (rest & 0x7f) | 0x80;
      rest = Math.floor(rest / 128);
    }
    this.buffer[this.length++] = rest;
  }
  get size(): number {
    return this.length;
  }
  base64(): string {
    return this.buffer.toString('base64', 0, this.length);
  }
}

class VarintReader {
  private at = 0;
  constructor(private readonly bytes: Uint8Array) {}
  read(): number {
    let value = 0;
    let scale = 1;
    for (let shift = 0; shift < 5; shift++) {
      if (this.at >= this.bytes.length) throw new Error('damaged search index');
      const byte = this.bytes[this.at++]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
    throw new Error('damaged search index');
  }
  done(): boolean {
    return this.at === this.bytes.length;
  }
}

/**
 * The results with the highest scores, best first. Ties go by stand and page (the id), so equal content
 * ranks the same however the index came to be.
 */
function best(results: SearchResult[], limit: number): SearchResult[] {
  return results
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit);
}

/** How many of `terms` (normalised) are words of the document's title or text. */
function matchedTerms(doc: DescribedDoc, terms: Set<string>): number {
  const text = `${doc.title} ${doc.text}`;
  const lower = text.toLowerCase();
  let held = 0;
  let missed: string[] | null = null;
  // Most words match their normalised form once lowercased.
  for (const term of terms) {
    if (hasWord(lower, term)) held++;
    else (missed ??= []).push(term);
  }
  if (missed === null || !NON_ASCII.test(text)) return held;
  // Accents and other foldings: only words outside ASCII can match where their lowercase did not.
  doc.folded ??= foldedWords(text);
  for (const term of missed) if (doc.folded.has(term)) held++;
  return held;
}

/** The normalised forms of the words of `text` that hold a character outside printable ASCII. */
function foldedWords(text: string): Set<string> {
  const out = new Set<string>();
  eachWord(text, (word) => {
    if (word.length > MAX_TERM || !NON_ASCII.test(word)) return;
    const term = normaliseTerm(word);
    if (term) out.add(term);
  });
  return out;
}

function hasWord(lower: string, term: string): boolean {
  for (let at = lower.indexOf(term); at !== -1; at = lower.indexOf(term, at + 1)) {
    const before = at === 0 ? '' : lower[at - 1]!;
    const after = lower[at + term.length] ?? '';
    if (!isWordChar(before) && !isWordChar(after)) return true;
  }
  return false;
}

/** A window of `text` around the first matched word, with the ranges of every matched word in it. */
export function makeSnippet(
  text: string,
  terms: Set<string>,
): { snippet: string; highlights: [number, number][] } {
  const at = firstMatch(text, terms);
  let start = at === -1 ? 0 : Math.max(0, at - SNIPPET_BEFORE);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < at) start = space + 1;
  }
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start && space > at) end = space;
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const body = text.slice(start, end);
  const highlights: [number, number][] = [];
  eachWord(body, (word, at) => {
    const normalised = normaliseTerm(word);
    if (normalised && terms.has(normalised)) {
      const from = prefix.length + at;
      highlights.push([from, from + word.length]);
    }
  });
  return { snippet: prefix + body + suffix, highlights };
}

/** Offset of the first word of `text` that is one of `terms` (normalised), or -1. */
function firstMatch(text: string, terms: Set<string>): number {
  // Fast path: most words match their normalised form once lowercased.
  const lower = text.toLowerCase();
  let best = -1;
  if (lower.length === text.length) {
    for (const term of terms) {
      let from = 0;
      while (from < lower.length) {
        const at = lower.indexOf(term, from);
        if (at === -1 || (best !== -1 && at >= best)) break;
        const before = at === 0 ? '' : lower[at - 1]!;
        const after = lower[at + term.length] ?? '';
        if (!isWordChar(before) && !isWordChar(after)) {
          best = at;
          break;
        }
        from = at + 1;
      }
    }
    if (best !== -1) return best;
    // In ASCII text every word's normalised form is its lowercase: no word below could match either.
    if (!NON_ASCII.test(text)) return -1;
  }
  let found = -1;
  eachWord(text, (word, at) => {
    const normalised = normaliseTerm(word);
    if (!normalised || !terms.has(normalised)) return false;
    found = at;
    return true;
  });
  return found;
}

function isWordChar(char: string): boolean {
  return char !== '' && /[^\s\p{Z}\p{P}]/u.test(char);
}
