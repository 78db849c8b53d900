// A small in-memory Engine for the glue's tests: collections map to real folders on disk (so availability
// and the asset protocol's realpath checks are real), assets are whatever files the test registers.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Engine, EngineOptions, IndexOutcome } from '../../../main/engine/api';
import type { Asset, Collection, IndexChange } from '../../../main/engine/types';

export interface FakeEngine extends Engine {
  /** Registers a folder-relative file as a known asset (absolutePath defaults to root/file). */
  addAsset(collection: string, file: string, absolutePath?: string): void;
  /** Fires the watch callback as if the engine noticed a change. */
  fireChange(collection: string, change?: Partial<IndexChange>): void;
  /** Fires the watch's trouble callback, as for a folder that cannot be watched. */
  fireTrouble(message: string): void;
  readonly calls: string[];
  watching: boolean;
}

const counts = { stands: 1, listedStands: 1, pages: 0, themes: 0, assets: 0, errors: 0, warnings: 0 };

function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Creates the fake; `options.onProgress` receives one progress report per index run, like the real engine. */
export function createFakeEngine(options: Partial<EngineOptions> = {}): FakeEngine {
  const collections = new Map<string, Collection>();
  const assets = new Map<string, Asset & { absolutePath: string }>();
  const calls: string[] = [];
  let watchCallback: ((outcome: IndexOutcome) => void) | null = null;
  let troubleCallback: ((message: string) => void) | null = null;

  const outcome = (collection: Collection, change: Partial<IndexChange> = {}): IndexOutcome => ({
    collection: structuredClone(collection),
    change: { collection: collection.id, added: [], changed: [], removed: [], ...change },
    problems: [],
  });

  const engine: FakeEngine = {
    calls,
    watching: false,
    notices: ['store rebuilt (fake)'],
    listCollections: () => [...collections.values()],
    getCollection: (id) => collections.get(id) ?? null,
    listThemes: () => [],
    getTheme: () => null,
    listStands: (collection, first) =>
      collections.has(collection)
        ? [
            { collection, slug: 'demo', title: 'Demo', themes: [], logo: null, summary: '', rendered: true },
          ].slice(0, first)
        : [],
    listAllStands: () => [],
    getStand: () => null,
    getPage: () => null,
    search: (_collection, query) => [{ stand: 'demo', standTitle: `hit for ${query}`, hits: [] }],
    listProblems: () => [],
    getAsset: (collection, file) => assets.get(`${collection}\u0000${file}`) ?? null,
    async indexFolder(root) {
      calls.push(`indexFolder ${root}`);
      // As the real engine: a collection keeps the spelling it was first indexed under, and another
      // spelling of the same folder (a link to it) finds it by the real path.
      const real = canonical(root);
      const given = resolve(root);
      let existing = [...collections.values()].find((c) => c.root === given || canonical(c.root) === real);
      if (!existing) {
        let id =
          basename(real)
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-') || 'folder';
        while (collections.has(id)) id += '-2';
        existing = {
          id,
          root: given,
          name: basename(real),
          year: null,
          indexedAt: new Date(0).toISOString(),
          available: true,
          counts,
        };
        collections.set(id, existing);
      }
      existing.available = existsSync(real) && statSync(real).isDirectory();
      options.onProgress?.({ collection: existing.id, phase: 'done', done: 1, total: 1 });
      return outcome(existing);
    },
    async reindex(id) {
      calls.push(`reindex ${id}`);
      const collection = collections.get(id);
      if (!collection) throw new Error(`Unknown collection ${id}`);
      collection.available = existsSync(collection.root);
      return outcome(collection);
    },
    async removeCollection(id) {
      calls.push(`removeCollection ${id}`);
      collections.delete(id);
    },
    async renameCollection(id, name) {
      const collection = collections.get(id);
      if (!collection) throw new Error(`Unknown collection ${id}`);
      collection.name = name;
      return structuredClone(collection);
    },
    async watch(onChange, onTrouble) {
      calls.push('watch');
      engine.watching = true;
      watchCallback = onChange;
      troubleCallback = onTrouble ?? null;
      return async () => {
        calls.push('unwatch');
        engine.watching = false;
        watchCallback = null;
        troubleCallback = null;
      };
    },
    async close() {
      calls.push('close');
    },
    addAsset(collection, file, absolutePath) {
      const root = collections.get(collection)?.root ?? '/nowhere';
      assets.set(`${collection}\u0000${file}`, {
        collection,
        file,
        size: 0,
        mtimeMs: 0,
        contentType: 'application/octet-stream',
        absolutePath: absolutePath ?? join(root, file),
      });
    },
    fireTrouble(message) {
      troubleCallback?.(message);
    },
    fireChange(collection, change) {
      const c = collections.get(collection);
      if (c && watchCallback) watchCallback(outcome(c, change));
    },
  };
  return engine;
}
