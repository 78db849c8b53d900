// Full-text search over a collection's published stands and pages, on MiniSearch. Terms are normalised
// the same way when indexing and searching: Unicode decomposition with accents stripped, lowercased, so
// "Ecole", "école" and "ÉCOLE" are the same word. Every word must match; the last word also matches as
// a prefix (two letters or more), so results appear while typing. When the words as typed find fewer
// results than asked for, words of four letters or more may also match with a small typo (a fifth of
// their length, at most 2 edits), ranked after the exact matches. Ranking is MiniSearch's BM25+ with the
// title boosted. Results are grouped by stand, with a snippet around the first match and the matched
// words' ranges for highlighting.
//
// Memory: the index stores no fields, only document ids ("stand\npage"); names and text for hits come
// from the collection. It is built while indexing (a changed stand is discarded and added again) and
// kept in the store, so opening the store gives a ready index and the first visitor waits no longer
// than the next.
import MiniSearch, { type AsPlainObject, type Options, type SearchResult } from 'minisearch';
import type { SearchGroup, SearchHit } from './types';

/** A document to index: a published stand (page null) or one of its published pages. */
export interface SearchDoc {
  stand: string;
  page: string | null;
  title: string;
  /** Plain text of the document (its HTML fields' text). */
  text: string;
}

/** What the index knows of a document, to name hits and cut snippets. */
export interface DocInfo {
  standTitle: string;
  title: string;
  /** Plain text, for the snippet (the same text that was indexed). */
  text: string;
}

/** Looks a document up in the collection: null when it is gone. */
export type DescribeDoc = (stand: string, page: string | null) => DocInfo | null;

type IndexEntry = AsPlainObject['index'][number];

/**
 * The stored form of MiniSearch's `toJSON()`, as records of moderate size (the store writes one record
 * per line): a header with the counts, then document ids and field lengths, then terms, in chunks.
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
  | { terms: IndexEntry[] };

export const DEFAULT_SEARCH_LIMIT = 50;
/** Version of the stored form; another version is ignored and the index is built again. */
const STORED_VERSION = 2;
const CHUNK = 4096;

const SNIPPET_BEFORE = 60;
const SNIPPET_LENGTH = 180;
const WORD = /[^\s\p{Z}\p{P}]+/gu;
const SEPARATORS = /[\s\p{Z}\p{P}]+/u;
const NON_ASCII = /[^ -~]/;
/** Longest term indexed: longer "words" are data (base64, hashes), not something visitors type. */
const MAX_TERM = 64;
const MAX_QUERY_TERMS = 16;
/** Separates stand and page in a document id (neither slug holds a line break). */
const ID_SEPARATOR = '\n';

/** The normalisation applied to every indexed and searched term. */
export function normaliseTerm(term: string): string | null {
  if (term === '') return null;
  if (!NON_ASCII.test(term)) return term.toLowerCase();
  const normalised = term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return normalised === '' ? null : normalised;
}

/** The normalised terms of a text, in order. */
export function termsOf(text: string): string[] {
  const out: string[] = [];
  for (const word of text.split(SEPARATORS)) {
    if (word === '' || word.length > MAX_TERM) continue;
    const term = normaliseTerm(word);
    if (term) out.push(term);
  }
  return out;
}

const OPTIONS: Options<SearchDoc & { id: string }> = {
  fields: ['title', 'text'],
  storeFields: [],
  tokenize: (text) => text.split(SEPARATORS),
  processTerm: (term) => (term.length > MAX_TERM ? null : normaliseTerm(term)),
  // Discarded documents are cleaned from the index in one pass when a search or the store needs it
  // (see clean), not in timed batches behind the caller's back.
  autoVacuum: false,
  searchOptions: {
    combineWith: 'AND',
    boost: { title: 3 },
    prefix: (term, index, terms) => index === terms.length - 1 && term.length >= 2,
    maxFuzzy: 2,
  },
};
const FUZZY = (term: string): number | false => (term.length >= 4 ? 0.2 : false);

const idOf = (stand: string, page: string | null) =>
  page === null ? stand : `${stand}${ID_SEPARATOR}${page}`;
function splitId(id: string): [stand: string, page: string | null] {
  const at = id.indexOf(ID_SEPARATOR);
  return at === -1 ? [id, null] : [id.slice(0, at), id.slice(at + 1)];
}

export class CollectionSearch {
  private readonly byStand = new Map<string, string[]>();

  private constructor(private readonly index: MiniSearch<SearchDoc & { id: string }>) {}

  /** An index of the given documents. */
  static build(docs: Iterable<SearchDoc>): CollectionSearch {
    const search = new CollectionSearch(new MiniSearch(OPTIONS));
    for (const doc of docs) search.add(doc);
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

  /** Number of live documents. */
  get size(): number {
    return this.index.documentCount;
  }

  /** Replaces every document of a stand (an empty list removes the stand). */
  replaceStand(stand: string, docs: SearchDoc[]): void {
    const old = this.byStand.get(stand);
    if (old) {
      this.byStand.delete(stand);
      this.index.discardAll(old);
    }
    for (const doc of docs) this.add(doc);
  }

  private add(doc: SearchDoc): void {
    const id = idOf(doc.stand, doc.page);
    // A stand listed twice under one slug keeps its first document, as the collection does.
    if (this.index.has(id)) return;
    this.index.add({ ...doc, id });
    const ids = this.byStand.get(doc.stand);
    if (ids) ids.push(id);
    else this.byStand.set(doc.stand, [id]);
  }

  /**
   * Drops discarded documents from the index, so document frequencies are exact again. MiniSearch's
   * vacuum runs synchronously up to its first pause; with one batch there is none.
   */
  private clean(): void {
    if (this.index.dirtCount === 0 || this.index.isVacuuming) return;
    void this.index.vacuum({ batchSize: Number.MAX_SAFE_INTEGER, batchWait: 0 });
  }

  /** Searches; `describe` names a document's stand and title and gives its text. */
  search(collection: string, query: string, limit: number, describe: DescribeDoc): SearchGroup[] {
    const trimmed = query.trim().slice(0, 200);
    if (trimmed === '' || limit <= 0 || this.size === 0) return [];
    const queryTerms = [...new Set(termsOf(trimmed))].slice(0, MAX_QUERY_TERMS);
    if (queryTerms.length === 0) return [];
    this.clean();
    const text = queryTerms.join(' ');
    const ranked = best(this.index.search(text), limit);
    // Typos are forgiven only when the words as typed find too little: it is the costly part.
    if (ranked.length < limit) {
      const found = new Set(ranked.map((result) => result.id as string));
      const more = this.index
        .search(text, { fuzzy: FUZZY })
        .filter((result) => !found.has(result.id as string));
      ranked.push(...best(more, limit - ranked.length));
    }
    const groups = new Map<string, SearchGroup>();
    for (const result of ranked) {
      const [stand, page] = splitId(result.id as string);
      const info = describe(stand, page);
      if (!info) continue;
      const { snippet, highlights } = makeSnippet(info.text, new Set(Object.keys(result.match)));
      const hit: SearchHit = {
        kind: page === null ? 'stand' : 'page',
        collection,
        stand,
        standTitle: info.standTitle,
        page,
        title: info.title,
        snippet,
        highlights,
        score: result.score,
      };
      let group = groups.get(stand);
      if (!group) {
        group = { stand, standTitle: info.standTitle, hits: [] };
        groups.set(stand, group);
      }
      group.hits.push(hit);
    }
    // Hits arrive best first, so groups are already ordered by their best hit.
    return [...groups.values()];
  }

  /** The stored form, record by record as the store writes them. */
  *toStored(): Generator<StoredSearchRecord, void, undefined> {
    this.clean();
    const js = this.index.toJSON();
    const docs = Object.entries(js.documentIds);
    yield {
      v: STORED_VERSION,
      documentCount: js.documentCount,
      nextId: js.nextId,
      fieldIds: js.fieldIds,
      averageFieldLength: js.averageFieldLength,
      dirtCount: js.dirtCount ?? 0,
      serializationVersion: js.serializationVersion,
      docs: docs.length,
      terms: js.index.length,
    };
    for (let from = 0; from < docs.length; from += CHUNK) {
      yield {
        docs: docs
          .slice(from, from + CHUNK)
          .map(([shortId, id]) => [Number(shortId), id as string, js.fieldLength[shortId] ?? []]),
      };
    }
    for (let from = 0; from < js.index.length; from += CHUNK)
      yield { terms: js.index.slice(from, from + CHUNK) };
  }

  private static decode(records: readonly StoredSearchRecord[]): CollectionSearch | null {
    const head = records[0];
    if (!head || !('v' in head) || head.v !== STORED_VERSION) return null;
    const documentIds: Record<string, string> = {};
    const fieldLength: Record<string, number[]> = {};
    const index: IndexEntry[] = [];
    let docCount = 0;
    for (const record of records.slice(1)) {
      if ('docs' in record && Array.isArray(record.docs)) {
        for (const [shortId, id, lengths] of record.docs) {
          if (!Number.isInteger(shortId) || shortId < 0 || shortId >= head.nextId) return null;
          if (typeof id !== 'string' || id === '' || !Array.isArray(lengths)) return null;
          if (!lengths.every((length) => Number.isInteger(length) && length >= 0)) return null;
          documentIds[shortId] = id;
          fieldLength[shortId] = lengths;
          docCount++;
        }
      } else if ('terms' in record && Array.isArray(record.terms)) {
        for (const entry of record.terms) {
          if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !isFieldData(entry[1], head.nextId))
            return null;
          index.push(entry);
        }
      } else return null;
    }
    if (docCount !== head.docs || docCount !== head.documentCount || index.length !== head.terms) return null;
    const js: AsPlainObject = {
      documentCount: head.documentCount,
      nextId: head.nextId,
      documentIds,
      fieldIds: head.fieldIds,
      fieldLength,
      averageFieldLength: head.averageFieldLength,
      storedFields: {},
      dirtCount: head.dirtCount,
      index,
      serializationVersion: head.serializationVersion,
    };
    const search = new CollectionSearch(MiniSearch.loadJS(js, OPTIONS));
    for (const id of Object.values(documentIds)) {
      const [stand] = splitId(id);
      const ids = search.byStand.get(stand);
      if (ids) ids.push(id);
      else search.byStand.set(stand, [id]);
    }
    return search;
  }
}

/** Whether a stored term's data is fields of document ids with their counts. */
function isFieldData(data: unknown, nextId: number): boolean {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  for (const [field, docs] of Object.entries(data as Record<string, unknown>)) {
    if (field !== '0' && field !== '1') return false;
    if (typeof docs !== 'object' || docs === null || Array.isArray(docs)) return false;
    for (const [shortId, count] of Object.entries(docs as Record<string, unknown>)) {
      const id = Number(shortId);
      if (!Number.isInteger(id) || id < 0 || id >= nextId) return false;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) return false;
    }
  }
  return true;
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
  for (const match of body.matchAll(WORD)) {
    const normalised = normaliseTerm(match[0]);
    if (normalised && terms.has(normalised)) {
      const from = prefix.length + match.index;
      highlights.push([from, from + match[0].length]);
    }
  }
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
  }
  for (const match of text.matchAll(WORD)) {
    const normalised = normaliseTerm(match[0]);
    if (normalised && terms.has(normalised)) return match.index;
  }
  return -1;
}

function isWordChar(char: string): boolean {
  return char !== '' && /[^\s\p{Z}\p{P}]/u.test(char);
}
