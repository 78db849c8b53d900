// The engine: opens the store, indexes folders into it and answers the app's queries. Plain Node (the
// command line, the app's worker thread, tests); it never imports electron. Operations that change the
// store run one at a time, in order.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { Engine, EngineOptions, IndexOutcome, Limits } from './api';
import { buildAssetTable } from './assets';
import { fileTrouble, IndexError } from './errors';
import { dueOwners, indexCollection } from './indexer';
import { resolveLimits } from './limits';
import * as queries from './queries';
import { type CollectionState, emptyCollection, fromStored, toStored } from './state';
import { openStore, StoreWriter, type StoreData } from './store';
import { lockStore, type StoreLock } from './store-lock';
import { type Collection, STORE_SCHEMA } from './types';
import { newCollectionId } from './urlize';
import type { PartialWalk } from './scan';
import { watchFolders, type FolderWatcher, type WatchedChanges } from './watch';

export { IndexError, NotAStoreError, StoreInUseError } from './errors';
export { DEFAULT_LIMITS } from './limits';

/**
 * While watching, how long at most until the engine looks whether a publish or expiry date has come: a
 * timer runs on the time since boot, so one set for noon misses a clock set right meanwhile (a kiosk
 * without a network). And how long at least, so a date that keeps coming never spins.
 */
const CLOCK_CHECK_MAX_MS = 60_000;
const CLOCK_CHECK_MIN_MS = 1000;

/**
 * Opens the engine on a store file (or in memory when `dbFile` is null). A store file is locked until
 * `close`: while another process holds it, this throws StoreInUseError.
 */
export async function openEngine(options: EngineOptions): Promise<Engine> {
  const limits = resolveLimits(options.limits);
  // In memory (`standalone check`) there is nothing to write, so nothing to lock.
  const lock =
    options.dbFile === null ? null : await lockStore(options.dbFile, { onLost: options.onStoreLost });
  try {
    const opened = await openStore(options.dbFile, { keepForeignFile: options.keepForeignFile === true });
    const engine = new StandaloneEngine(opened.db.data, limits, options, opened.notices);
    // The collections now live in the engine; what was read for them need not stay in memory too.
    opened.db.data = { schema: STORE_SCHEMA, collections: [] };
    if (lock) {
      // Checked right before each write: a store another process took over is never overwritten.
      let lost = false;
      const snapshot = () => {
        try {
          lock.check();
        } catch (error) {
          lost = true;
          throw error;
        }
        return engine.snapshot();
      };
      // A store taken over was told of by onStoreLost; any other failure is the disk's.
      const failed = (error: unknown) => {
        if (!lost) options.onStoreWriteFailed?.(storeWriteFailure(options.dbFile!, error));
      };
      engine.attachWriter(new StoreWriter(opened.db, snapshot, failed), lock);
    }
    if (opened.recoverRoots.length > 0) await engine.recover(opened.recoverRoots, opened.recoverNames);
    return engine;
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

class StandaloneEngine implements Engine {
  private readonly collections: queries.Collections = new Map();
  private writer: StoreWriter | null = null;
  private lock: StoreLock | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private watcher: FolderWatcher | null = null;
  /** While watching: what runs when a publish or expiry date comes, and its timer. */
  private onClock: (() => void) | null = null;
  private clockTimer: NodeJS.Timeout | null = null;
  /**
   * Why each collection's folder could not be watched, as last told: the app sets its watches up again
   * whenever folders come and go, and the organiser hears of each trouble once, or again after asking
   * for a re-index (which tries watching again) or once the folder was watched in between.
   */
  private readonly watchTroubles = new Map<string, string>();
  private closed = false;
  private searchBuiltOnLoad = false;

  constructor(
    data: StoreData,
    private readonly limits: Limits,
    private readonly options: EngineOptions,
    readonly notices: string[],
  ) {
    for (const stored of data.collections) {
      try {
        const state = fromStored(
          stored,
          (files) => buildAssetTable(stored.collection.id, files, limits),
          () => (this.searchBuiltOnLoad = true),
        );
        this.collections.set(state.collection.id, state);
      } catch {
        this.notices.push(
          `The stored collection "${stored.collection.id}" could not be loaded; index its folder again.`,
        );
      }
    }
  }

  attachWriter(writer: StoreWriter, lock: StoreLock): void {
    this.writer = writer;
    this.lock = lock;
    // A search index built again on loading (one of an older version) is stored, not built at every start.
    if (this.searchBuiltOnLoad) writer.schedule();
  }

  /** The store's contents for the next write. */
  snapshot(): StoreData {
    return { schema: STORE_SCHEMA, collections: [...this.collections.values()].map(toStored) };
  }

  /** Indexes again the folders a damaged store listed. */
  async recover(roots: string[], names?: Map<string, string>): Promise<void> {
    let rebuilt = 0;
    for (const root of roots) {
      try {
        const { collection } = await this.indexFolder(root);
        // A name the user gave it stays theirs: the old store is gone, not their choice.
        const name = names?.get(root);
        if (name !== undefined) await this.renameCollection(collection.id, name);
        rebuilt++;
      } catch (error) {
        // A folder not there (a USB stick left out), an empty mount point left while the stick is out,
        // or a folder unreadable for now: kept unavailable, as indexCollection does for any folder it knew.
        if (error instanceof IndexError && error.code !== 'unknown-collection') {
          this.keepUnavailable(root, names?.get(root));
          this.notices.push(
            error.code === 'folder-missing'
              ? `The folder ${root} from the old store is not there (was a drive removed?). It is listed as unavailable, and read again once it is back.`
              : `The folder ${root} from the old store cannot be read now: ${error.message} It is listed as unavailable, and read again once it can be.`,
          );
          continue;
        }
        this.notices.push(
          `The folder ${root} from the old store could not be indexed again: ${(error as Error).message}`,
        );
      }
    }
    if (rebuilt > 0)
      this.notices.push(
        `${rebuilt} folder${rebuilt === 1 ? ' was' : 's were'} indexed again from the old store's list.`,
      );
  }

  /**
   * Keeps a folder of a rebuilt store that is not there now (a USB stick left out) as an unavailable
   * collection without stands, with the name the user gave it: its stands were only in the old store,
   * and the app reads a collection again as soon as its folder is back, as it does for any other.
   */
  private keepUnavailable(root: string, name: string | undefined): void {
    const resolved = path.resolve(root);
    const id = newCollectionId(resolved, this.collections);
    const collection = emptyCollection(id, resolved, name ?? path.basename(resolved));
    collection.available = false;
    // Never indexed into this store: the app says "not indexed" rather than a date from 1970.
    collection.indexedAt = '';
    const state = fromStored(
      {
        collection,
        customName: name !== undefined,
        files: [],
        dirs: [],
        scanStartedAt: 0,
        walkSignature: '',
        walkProblems: [],
        emptyDirs: [],
        scanProblems: [],
        siteParams: {},
        siteTitle: null,
        siteBaseUrl: null,
        stands: [],
        themes: [],
      },
      (files) => buildAssetTable(id, files, this.limits),
    );
    this.collections.set(id, state);
    this.writer?.schedule();
  }

  private run<T>(operation: () => T | Promise<T>): Promise<T> {
    const next = this.queue.then(() => {
      if (this.closed) throw new Error('The engine is closed.');
      return operation();
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private findByRoot(root: string): CollectionState | null {
    const real = safeRealpath(root);
    for (const state of this.collections.values()) {
      const known = state.collection.root;
      if (known === root || (real !== null && safeRealpath(known) === real)) return state;
    }
    return null;
  }

  /** Indexes (or incrementally re-indexes) a folder; the same root always maps to the same collection. */
  indexFolder(root: string): Promise<IndexOutcome> {
    return this.run(() => {
      if (typeof root !== 'string' || root.trim() === '' || root.includes('\0')) {
        throw new IndexError('folder-missing', 'No folder was given.');
      }
      const resolved = path.resolve(root);
      const existing = this.findByRoot(resolved);
      const id = existing?.collection.id ?? newCollectionId(resolved, this.collections);
      this.watchTroubles.delete(id);
      return this.index(id, existing?.collection.root ?? resolved, existing);
    });
  }

  /** Re-reads a known collection's folder; a folder that is gone marks the collection unavailable. */
  reindex(collection: string): Promise<IndexOutcome> {
    return this.run(() => {
      const existing = this.collections.get(collection);
      if (!existing) throw new IndexError('unknown-collection', `There is no collection "${collection}".`);
      this.watchTroubles.delete(collection);
      return this.index(collection, existing.collection.root, existing);
    });
  }

  /** Re-indexes after watched changes: only what changed is looked at again (everything when null). */
  private refresh(collection: string, changes: WatchedChanges | null): Promise<IndexOutcome> {
    return this.run(() => {
      const existing = this.collections.get(collection);
      if (!existing) throw new IndexError('unknown-collection', `There is no collection "${collection}".`);
      return this.index(collection, existing.collection.root, existing, changes ?? undefined);
    });
  }

  private index(
    id: string,
    root: string,
    existing: CollectionState | null,
    only?: PartialWalk,
  ): IndexOutcome {
    const started = performance.now();
    const wasAvailable = existing?.collection.available;
    const { state, outcome } = indexCollection(id, root, existing, {
      limits: this.limits,
      onProgress: this.options.onProgress,
      only,
    });
    this.collections.set(id, state);
    const changed =
      !existing ||
      wasAvailable !== state.collection.available ||
      outcome.change.added.length + outcome.change.changed.length + outcome.change.removed.length > 0;
    // A run that only built again what a date that came changed changes the store too.
    if (changed || outcome.reread.length > 0) this.writer?.schedule();
    if (this.watcher && state.collection.available) this.watcher.add(id, root);
    if (this.onClock) this.scheduleClock();
    return { ...outcome, durationMs: Math.round((performance.now() - started) * 10) / 10 };
  }

  async removeCollection(collection: string): Promise<void> {
    await this.run(async () => {
      if (!this.collections.delete(collection)) return;
      this.watchTroubles.delete(collection);
      await this.watcher?.remove(collection);
      this.writer?.schedule();
    });
  }

  renameCollection(collection: string, name: string): Promise<Collection> {
    return this.run(() => {
      const state = this.collections.get(collection);
      if (!state) throw new IndexError('unknown-collection', `There is no collection "${collection}".`);
      const trimmed = typeof name === 'string' ? name.trim().slice(0, 200) : '';
      if (trimmed === '') throw new Error('A collection needs a name.');
      state.collection.name = trimmed;
      state.customName = true;
      this.writer?.schedule();
      return queries.getCollection(this.collections, collection)!;
    });
  }

  async watch(
    onChange: (outcome: IndexOutcome) => void,
    onTrouble: (message: string) => void = () => undefined,
  ): Promise<() => Promise<void>> {
    if (this.watcher) await this.watcher.close();
    const troubled = (collection: string, reason: string) => {
      if (this.watchTroubles.get(collection) === reason) return;
      this.watchTroubles.set(collection, reason);
      const name = this.collections.get(collection)?.collection.name ?? collection;
      onTrouble(
        `Live updates are off for “${name}”: ${reason}. Re-index it on the Collections screen to see changes; that also tries watching it again.`,
      );
    };
    const update = (collection: string, changes: WatchedChanges | null) => {
      if (!this.collections.has(collection)) return;
      this.refresh(collection, changes).then(
        (outcome) => {
          const { added, changed, removed } = outcome.change;
          if (
            added.length + changed.length + removed.length > 0 ||
            !outcome.collection.available ||
            (outcome.reread?.length ?? 0) > 0
          )
            onChange(outcome);
        },
        () => undefined,
      );
    };
    const watcher = watchFolders(update, this.limits.maxDepth, troubled);
    this.watcher = watcher;
    // A page scheduled for noon, or one that expires then, changes what is published with no file touched.
    const onClock = () => {
      this.clockTimer = null;
      const now = Date.now();
      for (const state of this.collections.values())
        if (state.collection.available && dueOwners(state, now).size > 0)
          update(state.collection.id, { dirs: [], files: [] });
      this.scheduleClock();
    };
    this.onClock = onClock;
    this.scheduleClock();
    for (const state of this.collections.values()) watcher.add(state.collection.id, state.collection.root);
    await watcher.ready();
    // A folder watched again is forgotten from the troubles told: should it fail later, that is told.
    for (const collection of this.watchTroubles.keys())
      if (watcher.watching(collection)) this.watchTroubles.delete(collection);
    return async () => {
      if (this.watcher === watcher) this.watcher = null;
      if (this.onClock === onClock) this.stopClock();
      await watcher.close();
    };
  }

  /** Sets the timer for the next publish or expiry date of the folders watched. */
  private scheduleClock(): void {
    if (this.clockTimer) clearTimeout(this.clockTimer);
    this.clockTimer = null;
    if (!this.onClock) return;
    let next = Infinity;
    // A date already passed comes again if the clock is set back: looked for once a minute.
    let passed = false;
    for (const state of this.collections.values()) {
      if (!state.collection.available) continue;
      for (const builds of [state.standBuilds, state.themeBuilds]) {
        for (const build of builds.values()) {
          if (build.until !== undefined && build.until < next) next = build.until;
          if (build.since !== undefined) passed = true;
        }
      }
    }
    if (next === Infinity && !passed) return;
    const delay = Math.min(Math.max(next - Date.now(), CLOCK_CHECK_MIN_MS), CLOCK_CHECK_MAX_MS);
    this.clockTimer = setTimeout(this.onClock, delay);
    this.clockTimer.unref();
  }

  private stopClock(): void {
    this.onClock = null;
    if (this.clockTimer) clearTimeout(this.clockTimer);
    this.clockTimer = null;
  }

  /** Waits until every scheduled store write has landed. */
  async flush(): Promise<void> {
    await this.queue;
    await this.writer?.flush();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.queue;
    this.closed = true;
    this.stopClock();
    await this.watcher?.close();
    this.watcher = null;
    try {
      await this.writer?.flush();
    } finally {
      await this.lock?.release();
    }
  }

  listCollections = () => queries.listCollections(this.collections);
  getCollection = (id: string) => queries.getCollection(this.collections, id);
  listThemes = (collection: string) => queries.listThemes(this.collections, collection);
  listAllThemes = (collection: string) => queries.listAllThemes(this.collections, collection);
  getTheme = (collection: string, slug: string) => queries.getTheme(this.collections, collection, slug);
  listStands = (collection: string, first?: number) =>
    queries.listStands(this.collections, collection, first);
  listAllStands = (collection: string) => queries.listAllStands(this.collections, collection);
  getStand = (collection: string, slug: string) => queries.getStand(this.collections, collection, slug);
  getPage = (collection: string, stand: string, page: string) =>
    queries.getPage(this.collections, collection, stand, page);
  listProblems = (filter?: Parameters<typeof queries.listProblems>[1]) =>
    queries.listProblems(this.collections, filter);
  getAsset = (collection: string, file: string) => queries.getAsset(this.collections, collection, file);

  search = (collection: string, query: string, limit?: number) =>
    queries.search(this.collections, collection, query, limit);
}

/** Why the store could not be saved, for the organiser. */
function storeWriteFailure(dbFile: string, error: unknown): string {
  return `Standalone could not save its store ${dbFile} (${fileTrouble(error)}). It still shows every folder as indexed; until the store can be saved, each start reads the stands folders again, which takes longer.`;
}

function safeRealpath(file: string): string | null {
  try {
    return realpathSync(file);
  } catch {
    return null;
  }
}
