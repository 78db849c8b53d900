// Full-text search over a collection's published stands and pages (MiniSearch). Terms are normalised
// the same way when indexing and searching: Unicode decomposition with accents stripped, lowercased,
// so "Ecole", "école" and "ÉCOLE" are the same word. Every word must match; the last word also matches
// as a prefix (two letters or more), so results appear while typing. When the words as typed find
// fewer results than asked for, words of four letters or more may also match with a small typo
// (fuzzy 0.2, at most 2 edits), ranked after the exact matches. Results are grouped by stand, with a snippet around the first match
// and the matched words' ranges for highlighting. The index is built on first search and then kept up
// to date stand by stand.
import MiniSearch, { type SearchResult } from 'minisearch';
import type { SearchGroup, SearchHit } from './types';

export interface SearchDoc {
  id: string;
  kind: 'stand' | 'page';
  stand: string;
  page: string | null;
  title: string;
}

/** Gives a document's plain text; the index keeps none, so memory holds only the index itself. */
export type TextOf = (doc: SearchDoc) => string;

/** How many documents' text a search keeps at hand for snippets. */
const SNIPPET_CACHE = 2000;
/**
 * How many recent answers are kept. Kiosk visitors type the same words (and the same prefixes while
 * typing) again and again; an answer stays valid until the collection changes.
 */
const ANSWER_CACHE = 500;

export const DEFAULT_SEARCH_LIMIT = 50;
const SNIPPET_BEFORE = 60;
const SNIPPET_LENGTH = 180;
const WORD = /[^\s\p{Z}\p{P}]+/gu;

const NON_ASCII = /[^ -~]/;

/** The normalisation applied to every indexed and searched term. */
export function normaliseTerm(term: string): string | null {
  if (term === '') return null;
  if (!NON_ASCII.test(term)) return term.toLowerCase();
  const normalised = term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return normalised === '' ? null : normalised;
}

// Every word must match; the last one (still being typed) also as a prefix.
const EXACT_AND_PREFIX = {
  boost: { title: 3 },
  prefix: (term: string, index: number, terms: string[]) => index === terms.length - 1 && term.length >= 2,
  fuzzy: false,
  combineWith: 'AND',
} as const;

const WITH_TYPOS = {
  ...EXACT_AND_PREFIX,
  fuzzy: (term: string) => (term.length >= 4 ? 0.2 : false),
  maxFuzzy: 2,
} as const;

export class CollectionSearch {
  private readonly mini: MiniSearch<SearchDoc>;
  private readonly docs = new Map<string, SearchDoc>();
  private readonly byStand = new Map<string, string[]>();

  private readonly snippetTexts = new Map<string, string>();
  /** Recent answers (query and limit → groups), dropped whenever the index changes. */
  private readonly answers = new Map<string, SearchGroup[]>();

  constructor(
    docs: Iterable<SearchDoc>,
    private readonly textOf: TextOf,
  ) {
    this.mini = new MiniSearch<SearchDoc>({
      fields: ['title', 'text'],
      storeFields: [],
      extractField: (doc, field) => (field === 'text' ? textOf(doc) : field === 'title' ? doc.title : doc.id),
      processTerm: (term) => normaliseTerm(term),
      searchOptions: EXACT_AND_PREFIX,
    });
    const all = [...docs];
    for (const doc of all) this.remember(doc);
    this.mini.addAll(all);
  }

  /** Replaces every document of a stand (an empty list removes the stand). */
  replaceStand(stand: string, docs: SearchDoc[]): void {
    this.answers.clear();
    for (const id of this.byStand.get(stand) ?? []) {
      if (this.docs.delete(id)) this.mini.discard(id);
      this.snippetTexts.delete(id);
    }
    this.byStand.delete(stand);
    for (const doc of docs) {
      this.remember(doc);
      this.mini.add(doc);
    }
  }

  /** A document's text for snippets, from a small cache (most recently used last). */
  private snippetText(doc: SearchDoc): string {
    let text = this.snippetTexts.get(doc.id);
    if (text === undefined) {
      text = this.textOf(doc);
      if (this.snippetTexts.size >= SNIPPET_CACHE)
        this.snippetTexts.delete(this.snippetTexts.keys().next().value!);
    } else this.snippetTexts.delete(doc.id);
    this.snippetTexts.set(doc.id, text);
    return text;
  }

  private remember(doc: SearchDoc): void {
    this.docs.set(doc.id, doc);
    const ids = this.byStand.get(doc.stand) ?? [];
    ids.push(doc.id);
    this.byStand.set(doc.stand, ids);
  }

  /** Searches; `standTitle` names a stand for the hits. */
  search(
    collection: string,
    query: string,
    limit: number,
    standTitle: (stand: string) => string,
  ): SearchGroup[] {
    const trimmed = query.trim().slice(0, 200);
    if (trimmed === '' || limit <= 0) return [];
    const key = `${limit}\u0000${trimmed}`;
    const known = this.answers.get(key);
    if (known) {
      // Most recently used last, so the oldest answer is dropped first.
      this.answers.delete(key);
      this.answers.set(key, known);
      return structuredClone(known);
    }
    const groups = this.answer(collection, trimmed, limit, standTitle);
    if (this.answers.size >= ANSWER_CACHE) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(key, groups);
    return structuredClone(groups);
  }

  private answer(
    collection: string,
    trimmed: string,
    limit: number,
    standTitle: (stand: string) => string,
  ): SearchGroup[] {
    let results: SearchResult[];
    try {
      results = this.mini.search(trimmed, EXACT_AND_PREFIX);
      // Typos are forgiven only when the words as typed find too little: fuzzy matching is the costly part.
      if (results.length < limit) {
        const seen = new Set(results.map((result) => result.id));
        const fuzzy = this.mini.search(trimmed, WITH_TYPOS).filter((result) => !seen.has(result.id));
        results = results.concat(fuzzy);
      }
    } catch {
      return [];
    }
    const hits: SearchHit[] = [];
    for (const result of results.slice(0, Math.min(limit, 500))) {
      const doc = this.docs.get(String(result.id));
      if (!doc) continue;
      const terms = new Set(result.terms);
      const { snippet, highlights } = makeSnippet(this.snippetText(doc), terms);
      hits.push({
        kind: doc.kind,
        collection,
        stand: doc.stand,
        standTitle: standTitle(doc.stand),
        page: doc.page,
        title: doc.title,
        snippet,
        highlights,
        score: result.score,
      });
    }
    const groups = new Map<string, SearchGroup>();
    for (const hit of hits) {
      let group = groups.get(hit.stand);
      if (!group) {
        group = { stand: hit.stand, standTitle: hit.standTitle, hits: [] };
        groups.set(hit.stand, group);
      }
      group.hits.push(hit);
    }
    // Hits arrive best first, so groups are already ordered by their best hit.
    return [...groups.values()];
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
