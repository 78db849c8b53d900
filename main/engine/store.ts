// The store: one lowdb JSON file, written only by the engine. lowdb's JSONFile adapter builds the whole
// JSON text in memory before steno writes it; with ten thousand stands that string alone is tens of
// megabytes, so the store uses its own lowdb adapter that writes the same JSON (compact: nobody edits
// this file by hand) piece by piece into a temporary file and renames it over the store, as steno
// does, so a crash never leaves half a file. A store that is unreadable, corrupt or of another schema
// is moved aside as `<file>.corrupt-<timestamp>` (never deleted) and the folders it listed are indexed
// again. A file that is no store at all (someone's package.json given as the store) is moved aside the
// same way, unless the caller asks to keep it (`keepForeignFile`): then it is left in place and refused.
//
// Writes are coalesced and happen after an indexing run has returned: the store always describes a
// state the engine really had, and if the app stops before a write lands, the next run simply finds
// the changed files again (the store's file stamps are older than the files).
import { closeSync, fsyncSync, openSync, readSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { type Adapter, Low, Memory } from 'lowdb';
import type { StandBuild, ThemeBuild } from './assemble';
import type { StoredSearchRecord } from './search';
import { NotAStoreError } from './errors';
import type { SiteCascade } from './state';
import type { Collection, Problem } from './types';
import { STORE_SCHEMA } from './types';

/**
 * A big list of the store: an array when read, and when written any iterable, so that a write streams
 * the engine's state instead of copying it first (at 10,000 stands a copy is tens of megabytes).
 */
export type StoredList<T> = Iterable<T>;

/** One indexed folder as stored. */
export interface StoredCollection {
  collection: Collection;
  /** Set when the user renamed the collection: re-indexing keeps that name. */
  customName: boolean;
  /** Every file of the last scan: folder-relative path, size, modification time. */
  files: StoredList<[string, number, number]>;
  /** Every folder of the last scan: folder-relative path, modification time, entries (see scan.ts). */
  dirs: StoredList<[string, number | null, string[]]>;
  scanStartedAt: number;
  walkSignature: string;
  walkProblems: Problem[];
  emptyDirs: string[];
  /** Problems of the walk and the site configuration. */
  scanProblems: Problem[];
  siteParams: Record<string, unknown>;
  siteTitle: string | null;
  siteBaseUrl: string | null;
  /** What the home page and the stands' and themes' sections cascade (absent: nothing). */
  cascade?: SiteCascade;
  stands: StoredList<StandBuild>;
  /** A few dozen at most: written with the collection's small fields. */
  themes: ThemeBuild[];
  /** The search index (see search.ts); absent or unusable, it is built again on loading. */
  search?: StoredList<StoredSearchRecord>;
}

export interface StoreData {
  schema: number;
  collections: StoredCollection[];
}

export interface OpenedStore {
  db: Low<StoreData>;
  notices: string[];
  /** Folders a damaged store listed, to index again. */
  recoverRoots: string[];
  /** The names the user gave those folders' collections (root → name), from a store of another schema. */
  recoverNames?: Map<string, string>;
}

function emptyData(): StoreData {
  return { schema: STORE_SCHEMA, collections: [] };
}

export interface OpenStoreOptions {
  /** Throw NotAStoreError, leaving the file as it is, when it is not a Standalone store at all. */
  keepForeignFile?: boolean;
}

/**
 * Opens (or creates) the store; never throws for a bad store file, only moves it aside, except that
 * with `keepForeignFile` a file that is no store at all is refused with NotAStoreError.
 */
export async function openStore(dbFile: string | null, options: OpenStoreOptions = {}): Promise<OpenedStore> {
  if (dbFile === null)
    return { db: new Low<StoreData>(new Memory<StoreData>(), emptyData()), notices: [], recoverRoots: [] };
  const db = new Low<StoreData>(new StreamingJsonFile(dbFile), emptyData());
  const notices: string[] = [];
  // The usual case: our own layout, read line by line (see writeStore).
  try {
    const read = await readStoreLines(dbFile);
    if (read && 'data' in read && isStoreData(read.data)) {
      db.data = read.data;
      return { db, notices, recoverRoots: [] };
    }
    if (read && 'roots' in read) {
      notices.push(await moveAside(dbFile, writtenBy(read.schema)));
      return { db, notices, recoverRoots: read.roots, recoverNames: read.names };
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { db, notices, recoverRoots: [] };
    // Anything else: read it whole below, which tells what is wrong.
  }
  let text: string;
  try {
    // A byte-order mark (the store saved by a Windows editor) is not part of the JSON.
    text = (await readFile(dbFile, 'utf-8')).replace(/^\uFEFF/, '');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { db, notices, recoverRoots: [] };
    notices.push(
      await moveAside(dbFile, `could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`),
    );
    return { db, notices, recoverRoots: [] };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    if (options.keepForeignFile && !looksLikeStoreText(text)) {
      throw new NotAStoreError(dbFile, 'it is not JSON');
    }
    notices.push(await moveAside(dbFile, 'was damaged (not valid JSON)'));
    return { db, notices, recoverRoots: rootsInText(text) };
  }
  const schema = (parsed as { schema?: unknown } | null)?.schema;
  const collections = (parsed as { collections?: unknown } | null)?.collections;
  if (options.keepForeignFile && typeof schema !== 'number' && !Array.isArray(collections)) {
    throw new NotAStoreError(dbFile, 'its JSON has neither the schema nor the collections of a store');
  }
  if (schema !== STORE_SCHEMA) {
    const what = typeof schema === 'number' ? writtenBy(schema) : 'is not a Standalone store';
    notices.push(await moveAside(dbFile, what));
    const recoverNames = new Map<string, string>();
    const named: string[] = [];
    if (Array.isArray(collections))
      for (const stored of collections) keepRootAndName(stored, named, recoverNames);
    // The folders as the collections name them; an older layout's, wherever its text names a root.
    return { db, notices, recoverRoots: named.length > 0 ? named : rootsInText(text), recoverNames };
  }
  if (!isStoreData(parsed)) {
    notices.push(await moveAside(dbFile, 'was damaged (unexpected contents)'));
    return { db, notices, recoverRoots: rootsInText(text) };
  }
  db.data = parsed;
  return { db, notices, recoverRoots: [] };
}

function writtenBy(schema: number): string {
  return `was written by ${schema < STORE_SCHEMA ? 'an older' : 'a newer'} version of Standalone`;
}

async function moveAside(dbFile: string, why: string): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const aside = `${dbFile}.corrupt-${stamp}`;
  try {
    await rename(dbFile, aside);
    return `The store ${dbFile} ${why}. It was moved to ${aside} and rebuilt from its folders.`;
  } catch (error) {
    return `The store ${dbFile} ${why} and could not be moved aside (${(error as NodeJS.ErrnoException).code ?? 'error'}); a new store was started.`;
  }
}

/**
 * Whether text that is not valid JSON is still a store's: written by writeStore and cut short (it
 * begins with the store's header), laid out otherwise but beginning the same way, or holding a
 * collection record that names its folder. An empty file (or one a crash left as zeros) holds nothing
 * to keep, so it counts too. Anything else is some other file.
 */
function looksLikeStoreText(text: string): boolean {
  const start = text.replace(/^[\uFEFF\s\0]+/, '');
  // Empty, or cut short within the header itself.
  if ('{"schema":'.startsWith(start)) return true;
  if (/^\{\s*"(?:schema|collections)"\s*:/.test(start)) return true;
  // Naming folders is not enough on its own: other JSON-like files have a "root" (a babel config).
  return /"collection"\s*:\s*\{/.test(text) && rootsInText(text).length > 0;
}

/**
 * Records a stored collection's root (into `roots`, once) and, when the user had renamed it, its name
 * (any schema so far): what a store of another schema keeps through its rebuild.
 */
function keepRootAndName(stored: unknown, roots: string[], names: Map<string, string>): void {
  const { customName, collection } = (stored ?? {}) as { customName?: unknown; collection?: unknown };
  const { root, name } = (collection ?? {}) as { root?: unknown; name?: unknown };
  if (typeof root !== 'string' || root === '') return;
  if (!roots.includes(root)) roots.push(root);
  if (customName === true && typeof name === 'string' && name.trim() !== '') names.set(root, name);
}

/** Folder roots named anywhere in a damaged store's text (`"root":"…"`), for rebuilding. */
function rootsInText(text: string): string[] {
  const roots: string[] = [];
  for (const match of text.matchAll(/"root"\s*:\s*("(?:[^"\\]|\\.){1,4096}")/g)) {
    try {
      const root = JSON.parse(match[1]!) as unknown;
      if (typeof root === 'string' && root.length > 0 && !roots.includes(root)) roots.push(root);
    } catch {
      // A fragment that is not a JSON string: not a root we can trust.
    }
    if (roots.length >= 100) break;
  }
  return roots;
}

/** A store as read: every list an array. */
type ReadCollection = {
  [K in keyof StoredCollection]: StoredCollection[K] extends StoredList<infer T> | undefined
    ? T[]
    : StoredCollection[K];
};

/** A light shape check: enough that loading cannot trip over a hand-edited store. */
function isStoreData(value: unknown): value is StoreData {
  if (!value || typeof value !== 'object') return false;
  const collections = (value as { collections: ReadCollection[] }).collections;
  if (!Array.isArray(collections)) return false;
  return collections.every(
    (stored) =>
      stored &&
      typeof stored === 'object' &&
      stored.collection &&
      typeof stored.collection.id === 'string' &&
      typeof stored.collection.root === 'string' &&
      Array.isArray(stored.files) &&
      Array.isArray(stored.stands) &&
      Array.isArray(stored.themes) &&
      Array.isArray(stored.scanProblems) &&
      stored.stands.every(
        (build) =>
          build &&
          typeof build.key === 'string' &&
          Array.isArray(build.pageBuilds) &&
          build.pageBuilds.every(
            (page) =>
              page &&
              page.page &&
              typeof page.page.slug === 'string' &&
              typeof page.page.html === 'string' &&
              typeof page.deps === 'string' &&
              Array.isArray(page.problems) &&
              Array.isArray(page.links),
          ) &&
          Array.isArray(build.crossLinks) &&
          Array.isArray(build.linkProblems) &&
          Array.isArray(build.problems) &&
          typeof build.deps === 'string',
      ) &&
      stored.themes.every(
        (build) =>
          build &&
          typeof build.key === 'string' &&
          Array.isArray(build.problems) &&
          typeof build.deps === 'string',
      ),
  );
}

/** A lowdb adapter writing JSON in pieces to a temporary file that then replaces the store. */
export class StreamingJsonFile implements Adapter<StoreData> {
  constructor(private readonly file: string) {}

  async read(): Promise<StoreData | null> {
    try {
      return JSON.parse(await readFile(this.file, 'utf-8')) as StoreData;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** Writes synchronously, so the state cannot change halfway through; resolves once renamed. */
  async write(data: StoreData): Promise<void> {
    const temp = path.join(path.dirname(this.file), `.${path.basename(this.file)}.tmp`);
    const fd = openSync(temp, 'w');
    try {
      const out = new ChunkWriter(fd);
      writeStore(data, out);
      out.flush();
      fsyncSync(fd);
    } catch (error) {
      closeSync(fd);
      try {
        unlinkSync(temp);
      } catch {
        // Nothing to clean up.
      }
      throw error;
    }
    closeSync(fd);
    renameSync(temp, this.file);
  }
}

/**
 * Writes text through one reusable buffer: joining pieces into big strings first made a megabyte-sized
 * string per flush, which V8 keeps in its old generation until a full collection (a hundred of them
 * per write of a 10,000-stand store).
 */
class ChunkWriter {
  private readonly buffer = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  constructor(private readonly fd: number) {}
  push(text: string): void {
    // A UTF-8 character takes at most three bytes per UTF-16 unit.
    if (this.used + text.length * 3 > this.buffer.length) {
      this.flush();
      if (text.length * 3 > this.buffer.length) {
        writeSync(this.fd, text);
        return;
      }
    }
    this.used += this.buffer.write(text, this.used);
  }
  flush(): void {
    let written = 0;
    while (written < this.used) written += writeSync(this.fd, this.buffer, written, this.used - written);
    this.used = 0;
  }
}

// The store's layout: valid JSON (lowdb, or anyone, can read it whole), with one record per line so
// the engine can read it line by line and never hold the whole text in memory:
//   {"schema":1,"collections":[
//   {"collection":{…},…,"files":[        ← a collection's small fields, then its big lists:
//   ["content/…",12,1700000000000],      ← one file, folder, stand or search record per line
//   ],"dirs":[
//   ],"stands":[
//   ],"search":[
//   ]}                                   ← "]}," when another collection follows
//   ]}
const BIG_LISTS = ['files', 'dirs', 'stands', 'search'] as const;

function writeStore(data: StoreData, out: ChunkWriter): void {
  out.push(`{"schema":${JSON.stringify(data.schema)},"collections":[\n`);
  data.collections.forEach((collection, index) => {
    const small: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(collection)) {
      if (!(BIG_LISTS as readonly string[]).includes(key)) small[key] = value;
    }
    const head = JSON.stringify(small);
    out.push(`${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"files":[\n`);
    BIG_LISTS.forEach((key, listIndex) => {
      if (listIndex > 0) out.push(`],"${key}":[\n`);
      // Each item is written once the next one is known, so the last one gets no comma.
      let pending: string | null = null;
      for (const item of (collection[key] ?? []) as Iterable<unknown>) {
        if (pending !== null) out.push(`${pending},\n`);
        pending = JSON.stringify(item);
      }
      if (pending !== null) out.push(`${pending}\n`);
    });
    out.push(index < data.collections.length - 1 ? ']},\n' : ']}\n');
  });
  out.push(']}\n');
}

/**
 * A store read line by line: its data, or, for a store of another schema (after an update), only the
 * folders it listed, to index again; its records are not parsed, since they are thrown away.
 */
type LinesRead = { data: StoreData } | { schema: number; roots: string[]; names: Map<string, string> };

/**
 * Reads a store written in the layout above, line by line; null when the file is laid out otherwise
 * (then it is read whole). Throws on read errors.
 */
async function readStoreLines(file: string): Promise<LinesRead | null> {
  const handle = await open(file, 'r');
  try {
    return parseStoreLines(new LineReader(handle.fd));
  } finally {
    await handle.close();
  }
}

function parseStoreLines(lines: LineReader): LinesRead | null {
  const first = lines.next()?.replace(/^\uFEFF/, '');
  const header = first ? /^\{"schema":(-?\d+),"collections":\[$/.exec(first) : null;
  if (!header) return null;
  const data: StoreData = { schema: Number(header[1]), collections: [] };
  // Another schema's store is read only for its folders: holding all of it (the whole text once, then
  // every record) took a 10,000-stand store's first start after an update to 1 GB.
  const current = data.schema === STORE_SCHEMA;
  const roots: string[] = [];
  const names = new Map<string, string>();
  for (;;) {
    const line = lines.next();
    if (line === null) return null;
    if (line === ']}' && !lines.comma) break;
    if (!line.endsWith('"files":[')) return null;
    const collection = JSON.parse(`${line.slice(0, -'"files":['.length).replace(/,$/, '')}}`) as Record<
      string,
      unknown
    >;
    if (!current) keepRootAndName(collection, roots, names);
    for (const [index, key] of BIG_LISTS.entries()) {
      const list: unknown[] = [];
      const end = index < BIG_LISTS.length - 1 ? `],"${BIG_LISTS[index + 1]}":[` : ']}';
      for (;;) {
        const entry = lines.next();
        if (entry === null) return null;
        if (entry === end) break;
        if (current) list.push(JSON.parse(entry));
      }
      collection[key] = list;
    }
    if (current) data.collections.push(collection as unknown as StoredCollection);
  }
  if (lines.next() !== null) return null;
  return current ? { data } : { schema: data.schema, roots, names };
}

/**
 * The lines of a UTF-8 file, read in chunks of bytes: a line is decoded only once it is complete, so
 * the file is never held whole, neither as bytes nor as text. A line's final comma (between list
 * items) is left out of the text and told by `comma`, so items are not copied to drop it. Reading is
 * synchronous: a store is read once, when the engine opens, and awaiting each line cost more than it.
 */
class LineReader {
  private buffer = Buffer.allocUnsafe(4 << 20);
  private start = 0;
  private end = 0;
  private eof = false;
  /** Whether the last line read ended with a comma. */
  comma = false;

  constructor(private readonly fd: number) {}

  next(): string | null {
    for (;;) {
      const at = this.buffer.indexOf(10, this.start);
      if (at !== -1 && at < this.end) {
        const line = this.decode(this.start, at);
        this.start = at + 1;
        return line;
      }
      if (this.eof) {
        if (this.start >= this.end) return null;
        const line = this.decode(this.start, this.end);
        this.start = this.end;
        return line;
      }
      this.fill();
    }
  }

  private decode(from: number, to: number): string {
    this.comma = to > from && this.buffer[to - 1] === 44;
    return this.buffer.toString('utf8', from, this.comma ? to - 1 : to);
  }

  private fill(): void {
    // Keep the partial line, at the start of a buffer big enough for it and more.
    const rest = this.end - this.start;
    if (rest === this.buffer.length) {
      const bigger = Buffer.allocUnsafe(this.buffer.length * 2);
      this.buffer.copy(bigger, 0, this.start, this.end);
      this.buffer = bigger;
    } else this.buffer.copy(this.buffer, 0, this.start, this.end);
    this.start = 0;
    this.end = rest;
    const read = readSync(this.fd, this.buffer, this.end, this.buffer.length - this.end, null);
    if (read === 0) this.eof = true;
    this.end += read;
  }
}

/**
 * Coalesces store writes. A write rewrites the whole file, so while changes keep coming (watch mode,
 * an editor saving) they are gathered for a moment and written once; `flush` writes at once.
 */
export class StoreWriter {
  private chain: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private error: unknown = null;

  /** Whether the last write failed: a failure is told once, until a write succeeds again. */
  private failing = false;

  constructor(
    private readonly db: Low<StoreData>,
    private readonly snapshot: () => StoreData,
    private readonly onFailed: (error: unknown) => void = () => undefined,
    private readonly delayMs = 500,
  ) {}

  /** Schedules a write of the state as it will be when the write happens. */
  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.start(), this.delayMs);
  }

  private start(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.chain = this.chain
      .then(async () => {
        this.db.data = this.snapshot();
        try {
          await this.db.write();
          this.failing = false;
        } finally {
          // The engine's state is the truth; a snapshot kept here would only hold memory.
          this.db.data = emptyData();
        }
      })
      .catch((error: unknown) => {
        this.error = error;
        if (!this.failing) this.onFailed(error);
        this.failing = true;
      });
  }

  /** Writes anything scheduled now and waits for it; rethrows the last write error once. */
  async flush(): Promise<void> {
    if (this.timer) this.start();
    await this.chain;
    if (this.error) {
      const error = this.error;
      this.error = null;
      throw error;
    }
  }
}
