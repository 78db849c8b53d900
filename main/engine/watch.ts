// Watch mode: chokidar watches each collection's content/, static/ and site configuration, and a burst
// of changes (an editor saving, a git checkout) becomes one re-index per collection once it has been
// quiet for a moment. Links are not followed (the index does its own, checked, following) and hidden
// files are ignored, like the walk.
import { watch, type FSWatcher } from 'chokidar';
import path from 'node:path';

/** How long a collection must be quiet before it is re-indexed. */
export const WATCH_DEBOUNCE_MS = 200;

export interface FolderWatcher {
  add(collection: string, root: string): void;
  remove(collection: string): Promise<void>;
  close(): Promise<void>;
}

/** Watches folders and calls `onQuiet(collection)` after changes settle. */
export function watchFolders(onQuiet: (collection: string) => void, depth: number): FolderWatcher {
  const watchers = new Map<string, FSWatcher>();
  const timers = new Map<string, NodeJS.Timeout>();

  const poke = (collection: string) => {
    clearTimeout(timers.get(collection));
    timers.set(
      collection,
      setTimeout(() => {
        timers.delete(collection);
        onQuiet(collection);
      }, WATCH_DEBOUNCE_MS),
    );
  };

  return {
    add(collection, root) {
      if (watchers.has(collection)) return;
      const watcher = watch(
        [
          path.join(root, 'content'),
          path.join(root, 'static'),
          path.join(root, 'config.toml'),
          path.join(root, 'hugo.toml'),
        ],
        {
          ignoreInitial: true,
          followSymlinks: false,
          depth,
          ignored: (file: string) => path.basename(file).startsWith('.'),
        },
      );
      watcher.on('all', () => poke(collection));
      // A watch that fails (too many files for the system's watch limit) must not take the engine down.
      watcher.on('error', () => undefined);
      watchers.set(collection, watcher);
    },
    async remove(collection) {
      clearTimeout(timers.get(collection));
      timers.delete(collection);
      const watcher = watchers.get(collection);
      watchers.delete(collection);
      await watcher?.close();
    },
    async close() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      const all = [...watchers.values()];
      watchers.clear();
      await Promise.all(all.map((watcher) => watcher.close()));
    },
  };
}
