// Full-text search over a collection's published stands and pages. Terms are normalised the same way
// when indexing and searching: Unicode decomposition with accents stripped, lowercased, so "Ecole",
// "école" and "ÉCOLE" are the same word. Every word must match; the last word also matches as a prefix
// (two letters or more), so results appear while typing. When the words as typed find fewer results
// than asked for, words of four letters or more may also match with a small typo (a fifth of their
// length, at most 2 edits), ranked after the exact matches. Ranking is BM25+ over the title (boosted)
// and the text, with prefix and typo matches weighted down, as MiniSearch does. Results are grouped by
// stand, with a snippet around the first match and the matched words' ranges for highlighting.
//
// Why not MiniSearch (which this replaced): it keeps a JavaScript Map per term and field holding one
// entry per document, about 40 bytes per (term, document) pair; ten thousand stands made 160 MB of it,
// built lazily at the first query (10 s). Here the postings of all terms live in one Uint32Array (4 bytes
// per pair), the index is built while indexing and saved in the store in a compact form, so opening the
// store gives a ready index and the first visitor waits no longer than the next.
//
// Layout: documents have numeric ids. A posting packs a document id, a field bit and the term's
// frequency (capped at 255) into 32 bits. The base segment holds the sorted vocabulary with each term's
// postings in id order; documents added later (a re-index) go into a small delta segment; documents
// removed are only marked dead. When the delta or the dead grow large, both segments are merged into a
// new base and the ids renumbered.
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

/**
 * The stored form, as records of moderate size (the store writes one record per line): a header,
 * then documents and terms in chunks. Postings are varint-encoded, ids as deltas, then base64.
 */
export type StoredSearchRecord =
  | { v: number; docs: number; terms: number }
  | { docs: [stand: string, page: string | null, titleLength: number, textLength: number][] }
  | { terms: string; postings: string };

export const DEFAULT_SEARCH_LIMIT = 50;
/** Version of the stored form; another version is ignored and the index is built again. */
const STORED_VERSION = 1;
const CHUNK = 4096;

const SNIPPET_BEFORE = 60;
const SNIPPET_LENGTH = 180;
/** How many documents' text a search keeps at hand for snippets. */
const SNIPPET_CACHE = 2000;
const WORD = /[^\s\p{Z}\p{P}]+/gu;
const SEPARATORS = /[\s\p{Z}\p{P}]+/u;
const NON_ASCII = /[^ -~]/;
/** Longest term indexed: longer "words" are data (base64, hashes), not something visitors type. */
const MAX_TERM = 64;

// BM25+ as MiniSearch computes it, and its weights for prefix and typo matches.
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const TITLE_BOOST = 3;
const FUZZY_SHARE = 0.2;
const MAX_FUZZY = 2;

const TITLE = 0;
const TEXT = 1;
const MAX_DOCS = 1 << 23;

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

function pack(doc: number, field: number, tf: number): number {
  return doc * 512 + field * 256 + Math.min(tf, 255);
}
const docOf = (posting: number) => posting >>> 9;
const fieldOf = (posting: number) => (posting >>> 8) & 1;
const tfOf = (posting: number) => posting & 255;

/** Index of the first element of `sorted` not less than `key`. */
function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Edit distance between a and b when it is at most `max`, else max + 1. */
function boundedDistance(a: string, b: string, max: number, row: Int32Array): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(above + 1, row[j - 1]! + 1, diagonal + cost);
      row[j] = value;
      diagonal = above;
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
  }
  return row[b.length]!;
}

export class CollectionSearch {
  // Documents, by id; a dead document has stand ''.
  private stands: string[] = [];
  private pages: (string | null)[] = [];
  private titleLengths: number[] = [];
  private textLengths: number[] = [];
  private readonly byStand = new Map<string, number[]>();
  private live = 0;
  private dead = 0;
  private readonly totalLength = [0, 0];

  // Base segment: sorted terms, term i's postings are postings[offsets[i] .. offsets[i + 1]).
  private terms: string[] = [];
  private offsets = new Uint32Array(1);
  private postings = new Uint32Array(0);
  /** Postings of documents added since the base was built (ids above every base id). */
  private delta = new Map<string, number[]>();
  private deltaPostings = 0;
  private deltaSorted: string[] | null = null;
  /** First id not in the base segment. */
  private baseDocs = 0;

  private readonly snippetTexts = new Map<string, string>();
  private readonly row = new Int32Array(MAX_TERM + 2);
  /** 1 for a dead document (its stand was replaced or removed), by id. */
  private deadDocs = new Uint8Array(1024);
  private scratchHits = new Uint16Array(0);
  private scratchSeen = new Uint16Array(0);

  /** An index of the given documents. */
  static build(docs: Iterable<SearchDoc>): CollectionSearch {
    const search = new CollectionSearch();
    for (const doc of docs) search.add(doc);
    search.merge();
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
    return this.live;
  }

  /** Replaces every document of a stand (an empty list removes the stand). */
  replaceStand(stand: string, docs: SearchDoc[]): void {
    for (const id of this.byStand.get(stand) ?? []) this.kill(id);
    this.byStand.delete(stand);
    for (const doc of docs) this.add(doc);
    // Merging costs a pass over every posting: only when the extra segments have grown.
    if (this.deltaPostings > this.postings.length / 8 + 50_000 || this.dead > this.live / 4 + 1000)
      this.merge();
  }

  private add(doc: SearchDoc): void {
    const id = this.stands.length;
    if (id >= MAX_DOCS) throw new Error('Too many documents for the search index.');
    if (id >= this.deadDocs.length) {
      const bigger = new Uint8Array(this.deadDocs.length * 2);
      bigger.set(this.deadDocs);
      this.deadDocs = bigger;
    }
    this.stands.push(doc.stand);
    this.pages.push(doc.page);
    const ids = this.byStand.get(doc.stand);
    if (ids) ids.push(id);
    else this.byStand.set(doc.stand, [id]);
    const counts = new Map<string, number>();
    const fields = [termsOf(doc.title), termsOf(doc.text)];
    for (let field = TITLE; field <= TEXT; field++) {
      const terms = fields[field]!;
      (field === TITLE ? this.titleLengths : this.textLengths).push(terms.length);
      this.totalLength[field]! += terms.length;
      counts.clear();
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
      for (const [term, tf] of counts) {
        const list = this.delta.get(term);
        if (list) list.push(pack(id, field, tf));
        else {
          this.delta.set(term, [pack(id, field, tf)]);
          this.deltaSorted = null;
        }
        this.deltaPostings++;
      }
    }
    this.live++;
  }

  private kill(id: number): void {
    if (this.stands[id] === '') return;
    this.stands[id] = '';
    this.deadDocs[id] = 1;
    this.pages[id] = null;
    this.snippetTexts.delete(String(id));
    this.totalLength[TITLE]! -= this.titleLengths[id]!;
    this.totalLength[TEXT]! -= this.textLengths[id]!;
    this.live--;
    this.dead++;
  }

  /** Merges the delta into the base, drops dead documents and renumbers the rest. */
  private merge(): void {
    const count = this.stands.length;
    const remap = new Int32Array(count);
    const stands: string[] = [];
    const pages: (string | null)[] = [];
    const titleLengths: number[] = [];
    const textLengths: number[] = [];
    for (let id = 0; id < count; id++) {
      if (this.stands[id] === '') {
        remap[id] = -1;
        continue;
      }
      remap[id] = stands.length;
      stands.push(this.stands[id]!);
      pages.push(this.pages[id]!);
      titleLengths.push(this.titleLengths[id]!);
      textLengths.push(this.textLengths[id]!);
    }
    // Both vocabularies are sorted: walk them side by side. The merged postings fit in the sum of both.
    const deltaTerms = [...this.delta.keys()].sort();
    const capacity = this.postings.length + this.deltaPostings;
    let postings = new Uint32Array(capacity);
    const kept: string[] = [];
    const starts: number[] = [];
    let at = 0;
    let b = 0;
    let d = 0;
    while (b < this.terms.length || d < deltaTerms.length) {
      const baseTerm = this.terms[b];
      const deltaTerm = deltaTerms[d];
      const term =
        deltaTerm === undefined || (baseTerm !== undefined && baseTerm <= deltaTerm) ? baseTerm! : deltaTerm;
      const start = at;
      if (baseTerm === term) {
        const source = this.postings;
        for (let i = this.offsets[b]!, end = this.offsets[b + 1]!; i < end; i++) {
          const posting = source[i]!;
          const id = remap[posting >>> 9]!;
          if (id !== -1) postings[at++] = id * 512 + (posting & 511);
        }
        b++;
      }
      if (deltaTerm === term) {
        const source = this.delta.get(term)!;
        for (let i = 0; i < source.length; i++) {
          const posting = source[i]!;
          const id = remap[posting >>> 9]!;
          if (id !== -1) postings[at++] = id * 512 + (posting & 511);
        }
        d++;
      }
      if (at > start) {
        kept.push(term);
        starts.push(start);
      }
    }
    const offsets = new Uint32Array(kept.length + 1);
    offsets.set(starts);
    offsets[kept.length] = at;
    // Dead documents left room at the end: give it back when it is worth a copy.
    if (capacity - at > capacity / 16) postings = postings.slice(0, at);
    this.terms = kept;
    this.offsets = offsets;
    this.postings = postings;
    this.delta = new Map();
    this.deltaPostings = 0;
    this.deltaSorted = null;
    this.stands = stands;
    this.pages = pages;
    this.titleLengths = titleLengths;
    this.textLengths = textLengths;
    this.baseDocs = stands.length;
    this.deadDocs = new Uint8Array(Math.max(1024, stands.length * 2));
    this.dead = 0;
    this.byStand.clear();
    for (let id = 0; id < stands.length; id++) {
      const ids = this.byStand.get(stands[id]!);
      if (ids) ids.push(id);
      else this.byStand.set(stands[id]!, [id]);
    }
    this.snippetTexts.clear();
  }

  private termIndex(term: string): number {
    const at = lowerBound(this.terms, term);
    return at < this.terms.length && this.terms[at] === term ? at : -1;
  }

  /** Where a term's postings are: in the base, then in the delta (so in id order). */
  private segments(term: string): [Uint32Array, number, number][] {
    const out: [Uint32Array, number, number][] = [];
    const at = this.termIndex(term);
    if (at !== -1) out.push([this.postings, this.offsets[at]!, this.offsets[at + 1]!]);
    const list = this.delta.get(term);
    // One array type in the scoring loops keeps them fast; the delta is small.
    if (list) out.push([Uint32Array.from(list), 0, list.length]);
    return out;
  }

  /** Vocabulary terms (base and delta) accepted by `test`, among those in [from, to) of each sorted list. */
  private vocabulary(): [string[], string[]] {
    if (!this.deltaSorted) this.deltaSorted = [...this.delta.keys()].sort();
    return [this.terms, this.deltaSorted];
  }

  /** Terms starting with `prefix` (other than the prefix itself). */
  private withPrefix(prefix: string): Set<string> {
    const out = new Set<string>();
    for (const list of this.vocabulary()) {
      for (let i = lowerBound(list, prefix); i < list.length && list[i]!.startsWith(prefix); i++)
        if (list[i] !== prefix) out.add(list[i]!);
    }
    return out;
  }

  /** Terms within `max` edits of `term` (other than the term itself), with their distance. */
  private near(term: string, max: number): Map<string, number> {
    const out = new Map<string, number>();
    for (const list of this.vocabulary()) {
      for (const candidate of list) {
        if (Math.abs(candidate.length - term.length) > max || candidate === term) continue;
        const distance = boundedDistance(term, candidate, max, this.row);
        if (distance <= max) out.set(candidate, distance);
      }
    }
    return out;
  }

  /**
   * Scores documents matching every query term. Each query term expands to vocabulary terms with a
   * weight (1 exact, less for a prefix or a typo); a document's score sums BM25+ over the expansions
   * it holds. Returns the ids with a score, and every vocabulary term that matched (to highlight).
   */
  private match(
    queryTerms: string[],
    fuzzy: boolean,
  ): { scores: Float64Array; ids: number[]; matched: Set<string> } {
    const count = this.stands.length;
    // Scratch arrays are reused between searches: fresh ones per query cost more than the matching.
    if (this.scratchHits.length < count) {
      this.scratchHits = new Uint16Array(count + 1024);
      this.scratchSeen = new Uint16Array(count + 1024);
    } else {
      this.scratchHits.fill(0, 0, count);
      this.scratchSeen.fill(0, 0, count);
    }
    const hits = this.scratchHits;
    const seen = this.scratchSeen;
    const scores = new Float64Array(count);
    const matched = new Set<string>();
    const titleAverage = this.live > 0 ? Math.max(1, this.totalLength[TITLE]! / this.live) : 1;
    const textAverage = this.live > 0 ? Math.max(1, this.totalLength[TEXT]! / this.live) : 1;
    for (let q = 0; q < queryTerms.length; q++) {
      const term = queryTerms[q]!;
      const expansions = new Map<string, number>([[term, 1]]);
      if (q === queryTerms.length - 1 && term.length >= 2) {
        for (const other of this.withPrefix(term)) {
          const distance = other.length - term.length;
          expansions.set(other, (PREFIX_WEIGHT * other.length) / (other.length + 0.3 * distance));
        }
      }
      if (fuzzy && term.length >= 4) {
        const max = Math.min(MAX_FUZZY, Math.round(term.length * FUZZY_SHARE));
        for (const [other, distance] of this.near(term, max)) {
          if (expansions.has(other)) continue;
          expansions.set(other, (FUZZY_WEIGHT * term.length) / (term.length + distance));
        }
      }
      for (const [vocabularyTerm, weight] of expansions) {
        const segments = this.segments(vocabularyTerm);
        // Document frequency per field, over live documents.
        const frequency = new Int32Array(2);
        for (let k = 0; k < segments.length; k++)
          countLive(segments[k]![0], segments[k]![1], segments[k]![2], this.deadDocs, frequency);
        if (frequency[TITLE]! + frequency[TEXT]! === 0) continue;
        matched.add(vocabularyTerm);
        const params = new Float64Array([
          Math.log(1 + (this.live - frequency[TITLE]! + 0.5) / (frequency[TITLE]! + 0.5)),
          Math.log(1 + (this.live - frequency[TEXT]! + 0.5) / (frequency[TEXT]! + 0.5)),
          titleAverage,
          textAverage,
          weight,
          q,
        ]);
        for (let k = 0; k < segments.length; k++) {
          const [list, start, end] = segments[k]!;
          scoreRange(
            list,
            start,
            end,
            params,
            this.titleLengths,
            this.textLengths,
            this.deadDocs,
            hits,
            seen,
            scores,
          );
        }
      }
    }
    const ids: number[] = [];
    for (let id = 0; id < count; id++) if (hits[id] === queryTerms.length) ids.push(id);
    return { scores, ids, matched };
  }

  /** Searches; `describe` names a document's stand and title and gives its text. */
  search(collection: string, query: string, limit: number, describe: DescribeDoc): SearchGroup[] {
    const trimmed = query.trim().slice(0, 200);
    if (trimmed === '' || limit <= 0 || this.live === 0) return [];
    const queryTerms = [...new Set(termsOf(trimmed))].slice(0, 16);
    if (queryTerms.length === 0) return [];
    const exact = this.match(queryTerms, false);
    const ranked = top(exact.ids, exact.scores, limit, this.stands, this.pages);
    const matched = exact.matched;
    // Typos are forgiven only when the words as typed find too little: it is the costly part.
    if (ranked.length < limit) {
      const found = new Set(ranked);
      const typos = this.match(queryTerms, true);
      const more = typos.ids.filter((id) => !found.has(id));
      for (const id of top(more, typos.scores, limit - ranked.length, this.stands, this.pages))
        ranked.push(id);
      for (const term of typos.matched) matched.add(term);
      for (const id of ranked) if (!found.has(id)) exact.scores[id] = typos.scores[id]!;
    }
    const groups = new Map<string, SearchGroup>();
    for (const id of ranked) {
      const stand = this.stands[id]!;
      const page = this.pages[id]!;
      const info = describe(stand, page);
      if (!info) continue;
      const { snippet, highlights } = makeSnippet(this.snippetText(id, info), matched);
      const hit: SearchHit = {
        kind: page === null ? 'stand' : 'page',
        collection,
        stand,
        standTitle: info.standTitle,
        page,
        title: info.title,
        snippet,
        highlights,
        score: exact.scores[id]!,
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

  /** A document's text for snippets, from a small cache (most recently used last). */
  private snippetText(id: number, info: DocInfo): string {
    const key = String(id);
    const known = this.snippetTexts.get(key);
    if (known !== undefined) {
      this.snippetTexts.delete(key);
      this.snippetTexts.set(key, known);
      return known;
    }
    if (this.snippetTexts.size >= SNIPPET_CACHE)
      this.snippetTexts.delete(this.snippetTexts.keys().next().value!);
    this.snippetTexts.set(key, info.text);
    return info.text;
  }

  /**
   * The stored form, record by record as the store writes them (merging first, so it holds one
   * segment and no dead documents).
   */
  *toStored(): Generator<StoredSearchRecord, void, undefined> {
    if (this.delta.size > 0 || this.dead > 0) this.merge();
    yield { v: STORED_VERSION, docs: this.stands.length, terms: this.terms.length };
    for (let from = 0; from < this.stands.length; from += CHUNK) {
      const docs: [string, string | null, number, number][] = [];
      for (let id = from; id < Math.min(from + CHUNK, this.stands.length); id++)
        docs.push([this.stands[id]!, this.pages[id]!, this.titleLengths[id]!, this.textLengths[id]!]);
      yield { docs };
    }
    // Records of at most CHUNK terms and about a megabyte of postings: lines of moderate size.
    const bytes = new VarintWriter();
    let from = 0;
    for (let t = 0; t < this.terms.length; t++) {
      const start = this.offsets[t]!;
      const end = this.offsets[t + 1]!;
      bytes.write(end - start);
      let previous = 0;
      for (let i = start; i < end; i++) {
        const posting = this.postings[i]!;
        const id = docOf(posting);
        bytes.write((id - previous) * 2 + fieldOf(posting));
        bytes.write(tfOf(posting));
        previous = id;
      }
      if (t + 1 - from >= CHUNK || bytes.length >= 1 << 20 || t + 1 === this.terms.length) {
        yield { terms: this.terms.slice(from, t + 1).join(' '), postings: bytes.base64() };
        bytes.clear();
        from = t + 1;
      }
    }
  }

  private static decode(records: readonly StoredSearchRecord[]): CollectionSearch | null {
    const head = records[0];
    if (!head || !('v' in head) || head.v !== STORED_VERSION) return null;
    const search = new CollectionSearch();
    const termLists: string[][] = [];
    const postingChunks: Buffer[] = [];
    for (const record of records.slice(1)) {
      if ('docs' in record && Array.isArray(record.docs)) {
        for (const [stand, page, titleLength, textLength] of record.docs) {
          if (typeof stand !== 'string' || stand === '' || (page !== null && typeof page !== 'string'))
            return null;
          if (!Number.isInteger(titleLength) || !Number.isInteger(textLength)) return null;
          search.stands.push(stand);
          search.pages.push(page);
          search.titleLengths.push(titleLength);
          search.textLengths.push(textLength);
          search.totalLength[TITLE]! += titleLength;
          search.totalLength[TEXT]! += textLength;
        }
      } else if (
        'postings' in record &&
        typeof record.terms === 'string' &&
        typeof record.postings === 'string'
      ) {
        termLists.push(record.terms === '' ? [] : record.terms.split(' '));
        postingChunks.push(Buffer.from(record.postings, 'base64'));
      } else return null;
    }
    const docCount = search.stands.length;
    if (docCount !== head.docs) return null;
    const terms = termLists.flat();
    if (terms.length !== head.terms) return null;
    for (let i = 1; i < terms.length; i++) if (!(terms[i - 1]! < terms[i]!)) return null;
    // Every posting takes two bytes or more, which bounds the array before the exact size is known.
    const offsets = new Uint32Array(terms.length + 1);
    let capacity = 0;
    for (const chunk of postingChunks) capacity += chunk.length;
    const all = new Uint32Array(Math.floor(capacity / 2));
    let total = 0;
    let t = 0;
    for (let chunk = 0; chunk < postingChunks.length; chunk++) {
      const reader = new VarintReader(postingChunks[chunk]!);
      for (let k = 0; k < termLists[chunk]!.length; k++, t++) {
        const length = reader.read();
        if (length > docCount * 2) return null;
        offsets[t] = total;
        let id = 0;
        for (let i = 0; i < length; i++) {
          const step = reader.read();
          id += Math.floor(step / 2);
          const tf = reader.read();
          if (id >= docCount || tf > 255 || total >= all.length) return null;
          all[total++] = pack(id, step & 1, tf);
        }
      }
      if (!reader.done()) return null;
    }
    offsets[terms.length] = total;
    const postings = all.slice(0, total);
    search.terms = terms;
    search.offsets = offsets;
    search.postings = postings;
    search.baseDocs = docCount;
    search.deadDocs = new Uint8Array(Math.max(1024, docCount * 2));
    search.live = docCount;
    for (let id = 0; id < docCount; id++) {
      const ids = search.byStand.get(search.stands[id]!);
      if (ids) ids.push(id);
      else search.byStand.set(search.stands[id]!, [id]);
    }
    return search;
  }
}

/** Adds the live postings of list[start, end) to `counts` per field. Small, so it is optimized early. */
function countLive(
  list: Uint32Array,
  start: number,
  end: number,
  dead: Uint8Array,
  counts: Int32Array,
): void {
  for (let i = start; i < end; i++) {
    const posting = list[i]!;
    if (dead[posting >>> 9] === 1) continue;
    counts[(posting >>> 8) & 1]!++;
  }
}

/**
 * Scores the postings of list[start, end) for query term `q` into `scores` (BM25+), counting each
 * document once per query term in `hits`. `params`: title and text idf, average title and text
 * lengths, the expansion's weight, q. A document must have matched every earlier query term.
 */
function scoreRange(
  list: Uint32Array,
  start: number,
  end: number,
  params: Float64Array,
  titleLengths: number[],
  textLengths: number[],
  dead: Uint8Array,
  hits: Uint16Array,
  seen: Uint16Array,
  scores: Float64Array,
): void {
  const titleIdf = params[0]!;
  const textIdf = params[1]!;
  const titleAverage = params[2]!;
  const textAverage = params[3]!;
  const weight = params[4]!;
  const q = params[5]!;
  const k = BM25.k;
  const b = BM25.b;
  const d = BM25.d;
  for (let i = start; i < end; i++) {
    const posting = list[i]!;
    const id = posting >>> 9;
    if (hits[id] !== q && seen[id] !== q + 1) continue;
    if (dead[id] === 1) continue;
    const tf = posting & 255;
    let score: number;
    if (((posting >>> 8) & 1) === TITLE) {
      const norm = 1 - b + (b * titleLengths[id]!) / titleAverage;
      score = TITLE_BOOST * titleIdf * (d + (tf * (k + 1)) / (tf + k * norm));
    } else {
      const norm = 1 - b + (b * textLengths[id]!) / textAverage;
      score = textIdf * (d + (tf * (k + 1)) / (tf + k * norm));
    }
    scores[id]! += weight * score;
    if (seen[id] !== q + 1) {
      seen[id] = q + 1;
      hits[id]!++;
    }
  }
}

/**
 * The ids with the highest scores, best first. Ties go by stand and page, so equal content ranks the
 * same however the index came to be (ids depend on the order documents were added).
 */
function top(
  ids: number[],
  scores: Float64Array,
  limit: number,
  stands: readonly string[],
  pages: readonly (string | null)[],
): number[] {
  const worse = (a: number, b: number): boolean => {
    if (scores[a] !== scores[b]) return scores[a]! < scores[b]!;
    if (stands[a] !== stands[b]) return stands[a]! > stands[b]!;
    return (pages[a] ?? '') > (pages[b] ?? '');
  };
  const best = (a: number, b: number) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0);
  if (ids.length <= limit) return [...ids].sort(best);
  // A bounded min-heap: ten thousand matches need not be sorted to find the best fifty.
  const heap: number[] = [];
  const down = (from: number) => {
    let i = from;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && worse(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && worse(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === i) return;
      [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
      i = smallest;
    }
  };
  for (const id of ids) {
    if (heap.length < limit) {
      heap.push(id);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!worse(heap[i]!, heap[parent]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (worse(heap[0]!, id)) {
      heap[0] = id;
      down(0);
    }
  }
  return heap.sort(best);
}

class VarintWriter {
  private buffer = Buffer.allocUnsafe(1 << 16);
  length = 0;
  clear(): void {
    this.length = 0;
  }
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
      if (this.at >= this.bytes.length) throw new Error('truncated');
      const byte = this.bytes[this.at++]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
    throw new Error('varint too long');
  }
  done(): boolean {
    return this.at === this.bytes.length;
  }
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
