// The postings of the search index in typed arrays. MiniSearch keeps, for every term, a Map from field to
// a Map from document number to the term's count there. At 10,000 stands that is 2.9 million Map
// entries in 200,000 Maps: 155 MB of hash tables, more than half of the engine's memory. Postings and
// TermPostings hold the same data in the shape MiniSearch reads it through (get, set, delete, size and
// iteration: what MiniSearch 7 calls on them, see search.ts), a posting in 8 bytes instead of about 50;
// PostingsLog collects them while documents are added.
//
// Postings are kept in ascending document order, which is the order MiniSearch's Maps had too: it
// numbers documents in the order they are added and only ever appends to a term's postings.

/** One term's postings in one field: document number → how many times the term is there. */
export class Postings implements Iterable<[number, number]> {
  /** Interleaved [document, count, document, count, …], ascending by document. */
  private data: Uint32Array;
  private length = 0;
  /** Where the last walk was: MiniSearch's scoring walks the documents and looks each one up. */
  private hint = 0;

  /** Room for `capacity` postings before the arrays grow (exact when loading a stored index). */
  constructor(capacity = 1) {
    this.data = new Uint32Array(Math.max(1, capacity) * 2);
  }

  get size(): number {
    return this.length;
  }

  get(document: number): number | undefined {
    const at = this.find(document);
    return at < 0 ? undefined : this.data[at * 2 + 1];
  }

  set(document: number, count: number): this {
    if (!Number.isInteger(document) || document < 0 || document > 0xffffffff)
      throw new RangeError(`not a document number: ${document}`);
    const stored = Math.min(count, 0xffffffff);
    const at = this.find(document);
    if (at >= 0) {
      this.data[at * 2 + 1] = stored;
      return this;
    }
    const insertAt = -at - 1;
    if (this.length * 2 === this.data.length) this.grow();
    if (insertAt < this.length) this.data.copyWithin(insertAt * 2 + 2, insertAt * 2, this.length * 2);
    this.data[insertAt * 2] = document;
    this.data[insertAt * 2 + 1] = stored;
    this.length++;
    return this;
  }

  /** Counts `by` more occurrences of the term in `document`: what indexing does. */
  increment(document: number, by = 1): void {
    const last = this.length - 1;
    if (last >= 0 && this.data[last * 2] === document)
      this.data[last * 2 + 1] = Math.min(this.data[last * 2 + 1]! + by, 0xffffffff);
    else this.set(document, (this.get(document) ?? 0) + by);
  }

  delete(document: number): boolean {
    const at = this.find(document);
    if (at < 0) return false;
    this.data.copyWithin(at * 2, at * 2 + 2, this.length * 2);
    this.length--;
    return true;
  }

  /**
   * Keeps only the documents `kept` has, in one pass: MiniSearch's vacuum deletes them one by one,
   * each deletion moving the rest of the array. Returns how many were dropped.
   */
  retain(kept: { has(document: number): boolean }): number {
    let to = 0;
    for (let from = 0; from < this.length; from++) {
      const document = this.data[from * 2]!;
      if (!kept.has(document)) continue;
      if (to !== from) {
        this.data[to * 2] = document;
        this.data[to * 2 + 1] = this.data[from * 2 + 1]!;
      }
      to++;
    }
    const dropped = this.length - to;
    this.length = to;
    return dropped;
  }

  /**
   * Document numbers in ascending order. Deleting while iterating (MiniSearch's vacuum does) is safe:
   * the walk goes on after the last document it gave, wherever that now is.
   */
  *keys(): IterableIterator<number> {
    // MiniSearch's scoring walks every matching document this way: no pair is made per document.
    let at = 0;
    let last = -1;
    while ((at = this.next(at, last)) < this.length) {
      last = this.data[at * 2]!;
      this.hint = at++;
      yield last;
    }
  }

  *entries(): IterableIterator<[number, number]> {
    let at = 0;
    let last = -1;
    while ((at = this.next(at, last)) < this.length) {
      last = this.data[at * 2]!;
      const count = this.data[at * 2 + 1]!;
      this.hint = at++;
      yield [last, count];
    }
  }

  /**
   * Where a walk goes on: `at`, just after the document it gave last (`last`), unless that document
   * moved (deleted or added to while walking); then just after where `last` is or would be.
   */
  private next(at: number, last: number): number {
    if (at === 0 || (at <= this.length && this.data[(at - 1) * 2] === last)) return at;
    return this.lowerBound(last + 1);
  }

  [Symbol.iterator](): IterableIterator<[number, number]> {
    return this.entries();
  }

  /** The index of `document`, or -(where it would go) - 1. Appends, the usual case, are checked first. */
  private find(document: number): number {
    const last = this.length - 1;
    if (last < 0) return -1;
    const lastDocument = this.data[last * 2]!;
    if (document === lastDocument) return last;
    if (document > lastDocument) return -this.length - 1;
    if (this.hint < this.length && this.data[this.hint * 2] === document) return this.hint;
    const at = this.lowerBound(document);
    return at < this.length && this.data[at * 2] === document ? at : -at - 1;
  }

  /** The first index whose document is `document` or more. */
  private lowerBound(document: number): number {
    let low = 0;
    let high = this.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.data[middle * 2]! < document) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private grow(): void {
    // Half again as much: frequent terms grow for a long time, and doubling would leave a third unused.
    const bigger = new Uint32Array(Math.max(4, Math.ceil((this.data.length * 1.5) / 2) * 2));
    bigger.set(this.data);
    this.data = bigger;
  }
}

/** One term's postings in each field, by field number: MiniSearch's Map from field to postings. */
export class TermPostings implements Iterable<[number, Postings]> {
  private readonly fields: (Postings | undefined)[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(field: number): Postings | undefined {
    return this.fields[field];
  }

  set(field: number, postings: Postings): this {
    if (!Number.isInteger(field) || field < 0 || field > 63)
      throw new RangeError(`not a field number: ${field}`);
    if (this.fields[field] === undefined) this.count++;
    this.fields[field] = postings;
    return this;
  }

  delete(field: number): boolean {
    if (this.fields[field] === undefined) return false;
    this.fields[field] = undefined;
    this.count--;
    return true;
  }

  *entries(): IterableIterator<[number, Postings]> {
    for (let field = 0; field < this.fields.length; field++) {
      const postings = this.fields[field];
      if (postings !== undefined) yield [field, postings];
    }
  }

  [Symbol.iterator](): IterableIterator<[number, Postings]> {
    return this.entries();
  }
}

/** Entries of the log kept in one chunk: postings are logged by the million at 10,000 stands. */
const LOG_CHUNK = 3 * 65536;

/**
 * Postings logged as documents are added, and put in place in one pass afterwards. Adding them to each
 * term's arrays as they come means a handful of cache misses per posting (the term's entry, its
 * fields, its postings, their array): at 10,000 stands, 2.9 million postings took about 8 s that way.
 * Logged, a posting costs one lookup of its word and three numbers written in sequence; putting them
 * in place goes term by term, with each array made at its final size.
 */
export class PostingsLog {
  private readonly slots = new Map<string, number>();
  private words: string[] = [];
  /** Chunks of [slot, document, count]; a slot is a word's number times the field count plus the field. */
  private chunks: Uint32Array[] = [];
  private length = 0;

  constructor(private readonly fields: number) {}

  get size(): number {
    return this.length;
  }

  add(term: string, field: number, document: number, count: number): void {
    // Checked here, where a wrong number would still be caught: the log's arrays would wrap it.
    if (!Number.isInteger(field) || field < 0 || field >= this.fields)
      throw new RangeError(`not a field number: ${field}`);
    if (!Number.isInteger(document) || document < 0 || document > 0xffffffff)
      throw new RangeError(`not a document number: ${document}`);
    let word = this.slots.get(term);
    if (word === undefined) {
      word = this.words.length;
      this.words.push(term);
      this.slots.set(term, word);
    }
    const at = (this.length % (LOG_CHUNK / 3)) * 3;
    if (at === 0) this.chunks.push(new Uint32Array(LOG_CHUNK));
    const chunk = this.chunks[this.chunks.length - 1]!;
    chunk[at] = word * this.fields + field;
    chunk[at + 1] = document;
    chunk[at + 2] = Math.min(count, 0xffffffff);
    this.length++;
  }

  /**
   * Adds the logged postings to the index's, in the order they were logged; `termOf` gives a word's
   * postings by field, made when the word is new. The log is empty afterwards.
   */
  applyTo(termOf: (term: string) => TermPostings): void {
    if (this.length === 0) return;
    // The log is emptied first: should anything below throw, the next flush does not apply it twice.
    const { words, chunks, length, fields } = this;
    this.slots.clear();
    this.words = [];
    this.chunks = [];
    this.length = 0;
    const sizes = new Uint32Array(words.length * fields);
    eachEntry(chunks, length, (slot) => sizes[slot]!++);
    const targets: Postings[] = new Array(sizes.length);
    for (let word = 0; word < words.length; word++) {
      const data = termOf(words[word]!);
      for (let field = 0; field < fields; field++) {
        const size = sizes[word * fields + field]!;
        if (size === 0) continue;
        let postings = data.get(field);
        if (postings === undefined) {
          postings = new Postings(size);
          data.set(field, postings);
        }
        targets[word * fields + field] = postings;
      }
    }
    eachEntry(chunks, length, (slot, document, count) => targets[slot]!.increment(document, count));
  }
}

/** Visits the first `length` [slot, document, count] entries of a log's chunks, in order. */
function eachEntry(
  chunks: readonly Uint32Array[],
  length: number,
  visit: (slot: number, document: number, count: number) => void,
): void {
  let left = length;
  for (const chunk of chunks) {
    const end = Math.min(left, LOG_CHUNK / 3) * 3;
    for (let at = 0; at < end; at += 3) visit(chunk[at]!, chunk[at + 1]!, chunk[at + 2]!);
    left -= end / 3;
  }
}
