// The organiser's stands folders: add (by path or native dialog), remove, re-index, rename, watch. The
// settings file lists the folders; the engine's store is the cache of their content. Plain Node: the dialog
// arrives as a function, events leave through `emit`.
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import type { AppEvent } from '../../preload/contract';
import type { Collection } from '../engine/types';
import type { EngineClient } from './engine-client';
import { createProgressThrottle } from './progress-throttle';
import type { SettingsStore } from './settings';

export type FolderEngine = Pick<
  EngineClient,
  | 'listCollections'
  | 'getCollection'
  | 'indexFolder'
  | 'reindex'
  | 'removeCollection'
  | 'renameCollection'
  | 'startWatching'
  | 'stopWatching'
  | 'onEvent'
>;

export interface FolderManagerDeps {
  engine: FolderEngine;
  settings: SettingsStore;
  emit: (event: AppEvent) => void;
  /** The embedded demo collection's folder, or null for none. */
  demoRoot: string | null;
  /** How often folders are checked for having disappeared or come back (USB sticks); 0 turns it off. */
  availabilityIntervalMs?: number;
  /** Minimum time between two progress events for the renderer. */
  progressIntervalMs?: number;
}

export interface FolderManager {
  /** Reconciles settings and store, indexes the demo when there is nothing else, re-reads every folder, watches. */
  start(): Promise<void>;
  addFolder(path: string): Promise<Collection>;
  /** Asks `pick` for a folder (the native dialog) and adds it; null when cancelled. */
  chooseFolder(pick: () => Promise<string | null>): Promise<Collection | null>;
  removeCollection(id: string): Promise<void>;
  reindexCollection(id: string): Promise<Collection>;
  renameCollection(id: string, name: string): Promise<Collection>;
  /** True while the demo collection is the only one. */
  isDemoOnly(): Promise<boolean>;
  /** The ids of the embedded demo stands' collections (none, or one). */
  demoCollectionIds(): Promise<string[]>;
  /** Re-reads every collection whose folder appeared or disappeared since the last look (runs on a timer too). */
  checkAvailability(): Promise<void>;
  stop(): Promise<void>;
}

async function canonical(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return resolve(path);
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Creates the folder manager; nothing happens until `start`. */
export function createFolderManager(deps: FolderManagerDeps): FolderManager {
  const { engine, settings, emit } = deps;
  const throttle = createProgressThrottle(deps.progressIntervalMs ?? 100);
  let demoRoots = new Set<string>(deps.demoRoot ? [resolve(deps.demoRoot)] : []);
  let known: Collection[] = [];
  let stopped = false;
  let pollTimer: ReturnType<typeof setInterval> | null = null;
  let polling = false;
  // Remembered folders that could not be indexed when they appeared: told once, then left alone while they
  // stay, and tried again once they went away and came back (or the organiser adds them, or a restart).
  const unreadable = new Set<string>();
  let watchChain: Promise<void> = Promise.resolve();

  const notice = (level: 'info' | 'warning' | 'error', text: string) =>
    emit({ type: 'notice', level, message: text });

  const publishCollections = async () => {
    try {
      known = await engine.listCollections();
      emit({ type: 'collections', collections: known });
    } catch (error) {
      notice('error', `The list of collections could not be read: ${message(error)}`);
    }
  };

  // Watching restarts after folders are added, removed or come back, so the watcher covers exactly them.
  const restartWatching = (): Promise<void> => {
    watchChain = watchChain.then(async () => {
      if (stopped) return;
      try {
        await engine.stopWatching();
        await engine.startWatching();
      } catch (error) {
        notice('warning', `Live updates stopped working: ${message(error)}`);
      }
    });
    return watchChain;
  };

  const unsubscribe = engine.onEvent((event) => {
    if (event.type === 'progress') {
      if (throttle(event.progress)) emit({ type: 'progress', progress: event.progress });
    } else if (event.type === 'change') {
      const { change } = event.outcome;
      if (change.added.length + change.changed.length + change.removed.length > 0)
        emit({ type: 'changed', change });
      void publishCollections();
    } else if (event.type === 'warning') {
      notice('warning', event.message);
    } else {
      notice('error', event.message);
    }
  });

  const isDemo = (root: string) => demoRoots.has(root);

  const rememberFolder = (root: string) => {
    if (isDemo(root)) {
      if (!settings.get().showDemo) settings.update((s) => void (s.showDemo = true));
      return;
    }
    if (!settings.get().folders.includes(root)) settings.update((s) => void s.folders.push(root));
  };

  const checkAvailability = async () => {
    if (polling || stopped) return;
    polling = true;
    try {
      let cameBack = false;
      let reread = false;
      for (const collection of known) {
        // Present as the engine sees it: a folder with content/. A USB stick's mount point stays behind,
        // empty, when the stick is pulled out, so the folder itself being there says nothing.
        const present = await isDirectory(join(collection.root, 'content'));
        if (present === collection.available) continue;
        reread = true;
        try {
          await engine.reindex(collection.id);
          cameBack ||= present;
        } catch (error) {
          notice('warning', `${collection.name} could not be re-read: ${message(error)}`);
        }
      }
      // A remembered folder that was not there at start (a stick put in later) has no collection yet.
      // One that could not be read is not tried at every look, which would republish the list and
      // restart the watches each time.
      // The engine finds a folder under any spelling by its real path (a link to it, another drive-letter
      // case) and keeps the spelling it first saw: compare real paths too.
      let knownReal: Set<string> | null = null;
      const isKnown = async (root: string) => {
        if (known.some((c) => c.root === root)) return true;
        knownReal ??= new Set(await Promise.all(known.map((c) => canonical(c.root))));
        return knownReal.has(await canonical(root));
      };
      for (const root of settings.get().folders) {
        if (await isKnown(root)) continue;
        if (!(await isDirectory(join(root, 'content')))) {
          // Gone again (a stick pulled while it was read): tried afresh when it is back.
          unreadable.delete(root);
          continue;
        }
        if (unreadable.has(root)) continue;
        // Removed by the organiser while this look was under way.
        if (!settings.get().folders.includes(root)) continue;
        try {
          await engine.indexFolder(root);
          reread = true;
          cameBack = true;
        } catch (error) {
          notice('warning', `The stands folder ${root} could not be read: ${message(error)}`);
          unreadable.add(root);
        }
      }
      if (cameBack) await restartWatching();
      // Every screen loads its data again on a new list: only one that changed is published.
      if (reread) await publishCollections();
    } finally {
      polling = false;
    }
  };

  const manager: FolderManager = {
    async start() {
      const current = settings.get();
      if (deps.demoRoot) demoRoots = new Set([resolve(deps.demoRoot), await canonical(deps.demoRoot)]);
      let collections = await engine.listCollections();

      // The demo moves with every app update: forget the copy indexed from an older install.
      const oldDemo = current.demoRoot;
      if (oldDemo && !isDemo(oldDemo)) {
        for (const c of collections.filter((c) => c.root === oldDemo)) {
          await engine.removeCollection(c.id).catch(() => undefined);
        }
        collections = collections.filter((c) => c.root !== oldDemo);
      }
      // A collection in the store but not in the settings (settings reset after corruption) is kept, not lost.
      const adopt = collections
        .map((c) => c.root)
        .filter((root) => !isDemo(root) && !current.folders.includes(root));
      if (adopt.length > 0) settings.update((s) => void s.folders.push(...adopt));

      const folders = settings.get().folders;
      const wantDemo = deps.demoRoot !== null && (settings.get().showDemo || folders.length === 0);
      if (wantDemo && deps.demoRoot) {
        try {
          const outcome = await engine.indexFolder(deps.demoRoot);
          demoRoots.add(outcome.collection.root);
          settings.update((s) => {
            s.demoRoot = outcome.collection.root;
            s.showDemo = true;
          });
        } catch (error) {
          notice('warning', `The demo stands could not be loaded: ${message(error)}`);
        }
      }
      await publishCollections();

      for (const root of folders) {
        if (stopped) return;
        try {
          const existing = known.find((c) => c.root === root);
          if (existing) await engine.reindex(existing.id);
          else if (await isDirectory(root)) await engine.indexFolder(root);
          else notice('warning', `The stands folder ${root} is not available; it is read once it is there.`);
        } catch (error) {
          notice('warning', `The stands folder ${root} could not be read: ${message(error)}`);
        }
      }
      await publishCollections();
      await restartWatching();
      const interval = deps.availabilityIntervalMs ?? 2000;
      if (interval > 0 && !stopped) {
        pollTimer = setInterval(() => void checkAvailability(), interval);
        pollTimer.unref?.();
      }
    },

    async addFolder(path) {
      if (!isAbsolute(path)) throw new Error(`Give the full path of the folder (got "${path}").`);
      let info;
      try {
        info = await stat(path);
      } catch {
        throw new Error(`There is no folder at ${path}.`);
      }
      if (!info.isDirectory()) throw new Error(`${path} is a file, not a folder.`);
      unreadable.delete(path);
      const outcome = await engine.indexFolder(path);
      rememberFolder(outcome.collection.root);
      await publishCollections();
      await restartWatching();
      return outcome.collection;
    },

    async chooseFolder(pick) {
      const path = await pick();
      return path ? manager.addFolder(path) : null;
    },

    async removeCollection(id) {
      const collection = await engine.getCollection(id);
      if (!collection) throw new Error(`There is no collection "${id}".`);
      await engine.removeCollection(id);
      settings.update((s) => {
        s.folders = s.folders.filter((root) => root !== collection.root);
        if (isDemo(collection.root)) s.showDemo = false;
      });
      await publishCollections();
      await restartWatching();
    },

    async reindexCollection(id) {
      const before = await engine.getCollection(id);
      if (!before) throw new Error(`There is no collection "${id}".`);
      const outcome = await engine.reindex(id);
      await publishCollections();
      if (outcome.collection.available !== before.available) await restartWatching();
      return outcome.collection;
    },

    async renameCollection(id, name) {
      const collection = await engine.renameCollection(id, name.trim());
      await publishCollections();
      return collection;
    },

    async isDemoOnly() {
      const collections = await engine.listCollections();
      return collections.length === 1 && isDemo(collections[0]!.root);
    },

    async demoCollectionIds() {
      return (await engine.listCollections()).filter((c) => isDemo(c.root)).map((c) => c.id);
    },

    checkAvailability,

    async stop() {
      stopped = true;
      if (pollTimer) clearInterval(pollTimer);
      unsubscribe();
      await watchChain;
      await engine.stopWatching().catch(() => undefined);
    },
  };
  return manager;
}
