// Watch mode: chokidar watches each collection's content/, static/ and site configuration, and a burst
// of changes (an editor saving, a git checkout) becomes one re-index per collection once it has been
// quiet for a moment, walking again only the folders the changes happened in. Links are not followed (the index does its own, checked, following) and hidden
// files are ignored, like the walk.
import { watch, type FSWatcher } from 'chokidar';
import path from 'node:path';

/** How long a collection must be quiet before it is re-indexed. */
export const WATCH_DEBOUNCE_MS = 200;

export interface FolderWatcher {
  add(collection: string, root: string): void;
  /** Resolves once every watch added so far is set up (changes before that may be missed). */
  ready(): Promise<void>;
  remove(collection: string): Promise<void>;
  close(): Promise<void>;
}

/** Above this many changed folders in one burst, the whole folder is walked again. */
const MAX_DIRTY_DIRS = 500;

/**
 * Watches folders and calls `onQuiet(collection, dirs)` after changes settle: `dirs` are the
 * folder-relative folders in which something changed, or null when the whole folder must be walked.
 */
export function watchFolders(
  onQuiet: (collection: string, dirs: string[] | null) => void,
  depth: number,
): FolderWatcher {
  const watchers = new Map<string, FSWatcher>();
  const timers = new Map<string, NodeJS.Timeout>();
  const dirty = new Map<string, Set<string> | null>();
  const readiness = new Map<string, Promise<void>>();

  const poke = (collection: string, root: string, file: string) => {
    const rel = path.relative(root, file).split(path.sep).join('/');
    const parent = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
    let dirs: Set<string> | null = dirty.has(collection) ? dirty.get(collection)! : new Set<string>();
    if (dirs !== null) {
      if (parent.startsWith('content') || parent.startsWith('static')) dirs.add(parent);
      else if (rel === 'content' || rel === 'static') dirs.add(rel);
      else dirs = null;
      if (dirs !== null && dirs.size > MAX_DIRTY_DIRS) dirs = null;
    }
    dirty.set(collection, dirs);
    clearTimeout(timers.get(collection));
    timers.set(
      collection,
      setTimeout(() => {
        timers.delete(collection);
        const settled = dirty.get(collection);
        dirty.delete(collection);
        onQuiet(collection, settled ? [...settled] : null);
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
      watcher.on('all', (_event, file) => poke(collection, root, file));
      // A watch that fails (too many files for the system's watch limit) must not take the engine down.
      watcher.on('error', () => undefined);
      // A watch that cannot be set up reports an error instead of being ready: waiting ends either way.
      readiness.set(
        collection,
        new Promise((resolve) => {
          watcher.once('ready', () => resolve());
          watcher.once('error', () => resolve());
        }),
      );
      watchers.set(collection, watcher);
    },
    async ready() {
      await Promise.all(readiness.values());
    },
    async remove(collection) {
      clearTimeout(timers.get(collection));
      timers.delete(collection);
      dirty.delete(collection);
      const watcher = watchers.get(collection);
      watchers.delete(collection);
      readiness.delete(collection);
      await watcher?.close();
    },
    async close() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      dirty.clear();
      const all = [...watchers.values()];
      watchers.clear();
      readiness.clear();
      await Promise.all(all.map((watcher) => watcher.close()));
    },
  };
}
