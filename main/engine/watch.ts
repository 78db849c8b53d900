// Watch mode: each collection's content/ and static/ folders and its site configuration are watched,
// and a burst of changes (an editor saving, a git checkout) becomes one re-index per collection once it
// has been quiet for a moment. That re-index looks again only at what the events name: a file whose
// content changed is stat'ed again, a folder whose entries changed is walked again.
//
// The watching itself is @parcel/watcher's, the native watcher VS Code and Parcel use: one subscription
// per collection folder, set up off the main thread (inotify on Linux, FSEvents on macOS,
// ReadDirectoryChangesW on Windows). Everything the index does not read is ignored natively, so it is
// never even watched: other top-level folders (themes/, public/, node_modules/, .git/), hidden entries and
// editor backups, folders deeper than the walk goes. Links are not followed (the index does its own,
// checked, following).
import { lstatSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { AsyncSubscription, BackendType, Event } from '@parcel/watcher';

/** How long a collection must be quiet before it is re-indexed. */
export const WATCH_DEBOUNCE_MS = 200;

/** What changed in a collection's folder, folder-relative. */
export interface WatchedChanges {
  /** Folders whose entries changed (something added, removed or renamed): walked again. */
  dirs: string[];
  /** Files whose content changed: stat'ed (and read) again. */
  files: string[];
}

export interface FolderWatcher {
  add(collection: string, root: string): void;
  /** Resolves once every watch added so far is set up (changes before that may be missed). */
  ready(): Promise<void>;
  /** Whether a collection's folder is watched (once ready): false when its watch failed or broke. */
  watching(collection: string): boolean;
  remove(collection: string): Promise<void>;
  close(): Promise<void>;
}

/** Above this many changed folders or files in one burst, the whole folder is walked again. */
const MAX_DIRTY = 500;
/** Named, not left to the library: with a `watchman` on the PATH it would pick that on its own. */
const BACKEND: BackendType | undefined =
  process.platform === 'linux'
    ? 'inotify'
    : process.platform === 'darwin'
      ? 'fs-events'
      : process.platform === 'win32'
        ? 'windows'
        : undefined;
/**
 * inotify watches folder by folder, and @parcel/watcher adds a watch to a folder that appears but not to
 * the folders already inside it (`mkdir -p`, a folder moved or copied in: parcel-bundler/watcher#97), and
 * keeps the old paths for those inside a renamed folder. Such a change starts the collection's watch
 * afresh. FSEvents and ReadDirectoryChangesW watch the whole tree themselves.
 */
const NEW_FOLDERS_NEED_RESTART = BACKEND === 'inotify';

type WatcherLibrary = typeof import('@parcel/watcher');
let library: Promise<WatcherLibrary> | null = null;
/** Loaded on first use: a missing native build costs watch mode, never the engine. */
function loadLibrary(): Promise<WatcherLibrary> {
  library ??= import('@parcel/watcher');
  return library;
}

/**
 * Loads the native watcher in this thread and keeps it, for the engine's worker threads: the library
 * registers itself the old way, so a thread can load it only while one that loaded it before still runs
 * ("Module did not self-register" in a worker started after the first one exited). Never rejects.
 */
export async function holdWatcherLibrary(): Promise<void> {
  await loadLibrary().catch(() => undefined);
}

/**
 * What the index never reads, as one pattern on folder-relative paths (either separator: Windows): all
 * but content/, static/, the configuration at the top and the files of config/_default/ and
 * config/production/; names starting with a dot or # or ending with
 * ~ anywhere (the walk skips them); anything more than `depth` folders down. One pattern, not three: the
 * library tries each on every path, and each costs about 0.6 s at 10,000 stands (71,000 paths).
 */
function ignoreFor(depth: number): RegExp {
  const sep = '[\\\\/]';
  return new RegExp(
    [
      `^(?!(?:content|static)(?:${sep}|$)|(?:config|hugo)\\.(?:toml|ya?ml|json)$|config(?:${sep}(?:_default|production)(?:${sep}[^\\\\/]+)?)?$)`,
      `(?:^|${sep})[.#]`,
      `~(?:${sep}|$)`,
      `^(?:[^\\\\/]+${sep}){${depth + 1}}`,
    ].join('|'),
  );
}

type Note = (kind: 'all' | 'file' | 'dir', rel?: string) => void;

/** The subscription of one collection's folder. */
class CollectionWatch {
  private subscription: AsyncSubscription | null = null;
  private stopped = false;
  private realRoot = '';
  /** The folder vanished or its watch broke: adding the collection again watches it afresh. */
  lost = false;
  ready: Promise<void>;

  constructor(
    private readonly root: string,
    private readonly depth: number,
    private readonly note: Note,
    /** A folder appeared whose subfolders the system does not watch yet. */
    private readonly needsRestart: () => void,
    /** The folder is there but cannot be watched: why, for the organiser. */
    private readonly trouble: (reason: string) => void,
  ) {
    this.ready = this.start();
  }

  private async start(): Promise<void> {
    try {
      this.realRoot = realpathSync(this.root);
      const { subscribe } = await loadLibrary();
      const receive = (error: Error | null, events: Event[]) => this.receive(error, events);
      // A folder inside that cannot be read is left out by the library: the rest is watched.
      const subscription = await subscribe(this.realRoot, receive, {
        ignore: [ignoreFor(this.depth)],
        backend: BACKEND,
      });
      if (this.stopped) await subscription.unsubscribe().catch(() => undefined);
      else this.subscription = subscription;
    } catch (error) {
      // Gone, not a folder, no native build, or the system's limit of watches reached. A folder that is
      // gone is walked again, which marks the collection unavailable; anything else stays unwatched
      // (watching it again would fail again), and the organiser is told why.
      let exists = true;
      try {
        lstatSync(this.root);
      } catch {
        exists = false;
      }
      if (!exists) this.fail();
      else if (!this.stopped) {
        // Lost: the next index of the collection adds it again, so watching is tried afresh.
        this.lost = true;
        this.trouble(whyUnwatched(error));
      }
    }
  }

  private receive(error: Error | null, events: Event[]): void {
    if (this.stopped || this.lost) return;
    // Called from the native watcher: nothing may be thrown back at it.
    try {
      if (error) this.fail();
      else for (const event of events) this.event(event);
    } catch {
      this.fail();
    }
  }

  private event({ type, path: absolute }: Event): void {
    const rel = path.relative(this.realRoot, absolute).split(path.sep).join('/');
    if (rel === '') {
      // The folder itself: removed or renamed (a USB stick pulled).
      if (type === 'delete') this.fail();
      return;
    }
    if (rel.startsWith('../') || path.isAbsolute(rel)) return;
    // At the top, ignoreFor lets only the configuration, content/ and static/ through, and in config/ only
    // the configuration directory's files: everything changed.
    const everything = !rel.includes('/') || rel.startsWith('config/');
    if (everything) this.note('all');
    else if (type === 'update') return this.note('file', rel);
    // Something appeared, vanished or was renamed: its folder's listing changed.
    else this.note('dir', rel.slice(0, rel.lastIndexOf('/')));
    if (type !== 'create') return;
    let subfolders: boolean;
    try {
      if (!lstatSync(absolute).isDirectory()) return;
      subfolders = readdirSync(absolute, { withFileTypes: true }).some((entry) => entry.isDirectory());
    } catch {
      return;
    }
    if (!everything) this.note('dir', rel);
    // A new config/ with its _default/ inside, as much as a new folder below content/.
    if (subfolders && NEW_FOLDERS_NEED_RESTART) this.needsRestart();
  }

  /** Watches the folder afresh, so that everything in it now is watched. */
  async restart(): Promise<void> {
    await this.ready;
    if (this.stopped || this.lost) return;
    const previous = this.subscription;
    this.subscription = null;
    // Unsubscribed first: the library shares a folder's tree between subscriptions, and would reuse it.
    await previous?.unsubscribe().catch(() => undefined);
    if (this.stopped) return;
    this.ready = this.start();
    await this.ready;
  }

  private fail(): void {
    if (this.lost || this.stopped) return;
    this.lost = true;
    void this.stop();
    this.note('all');
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.ready;
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.unsubscribe().catch(() => undefined);
  }
}

/** Why a folder that is there cannot be watched, in words an organiser can act on. */
export function whyUnwatched(error: unknown): string {
  // The library's messages name the path, which may hold any word: only the code and the system's
  // words count ("inotify_add_watch on '…' failed: No space left on device").
  const text = (error instanceof Error ? error.message : String(error)).replace(/'[^']*'|"[^"]*"/g, '');
  const code = (error as { code?: unknown } | null)?.code;
  const says = (pattern: RegExp) => (typeof code === 'string' && pattern.test(code)) || pattern.test(text);
  if (says(/ENOSPC|No space left on device/))
    return "the system's limit of watched folders is reached (on Linux, raise fs.inotify.max_user_watches)";
  if (says(/EMFILE|Too many open files/))
    return "the system's limit of watchers is reached (on Linux, raise fs.inotify.max_user_instances)";
  if (says(/ENOTDIR|Not a directory/)) return 'it is not a folder';
  if (says(/ENOENT|No such file or directory/)) return 'something in it vanished while its watch was set up';
  if (says(/EACCES|EPERM|Permission denied|Operation not permitted/)) return 'it may not be read';
  if (says(/self-register|Cannot find module|No prebuild|No native build/))
    return "this installation's file watcher could not load";
  return text.trim().slice(0, 200) || 'the system refused to watch it';
}

interface Dirty {
  dirs: Set<string>;
  files: Set<string>;
}

/**
 * Watches folders and calls `onQuiet(collection, changes)` after changes settle: `changes` names the
 * folders and files that changed, or is null when the whole folder must be walked again.
 */
export function watchFolders(
  onQuiet: (collection: string, changes: WatchedChanges | null) => void,
  depth: number,
  /** A folder that is there could not be watched: its changes need a re-index by hand. */
  onTrouble: (collection: string, reason: string) => void = () => undefined,
): FolderWatcher {
  const watches = new Map<string, CollectionWatch>();
  const timers = new Map<string, NodeJS.Timeout>();
  const dirty = new Map<string, Dirty | null>();
  const restarts = new Set<string>();

  const quiet = (collection: string) => {
    timers.delete(collection);
    const settled = dirty.get(collection);
    dirty.delete(collection);
    const watched = watches.get(collection);
    if (restarts.delete(collection) && watched) {
      // Changes while the watch starts again are not seen: once it is set up, everything is walked again.
      void watched.restart().then(() => {
        if (watches.get(collection) === watched) onQuiet(collection, null);
      });
      return;
    }
    onQuiet(collection, settled ? { dirs: [...settled.dirs], files: [...settled.files] } : null);
  };

  const note = (collection: string, kind: 'all' | 'file' | 'dir', rel?: string) => {
    let changes: Dirty | null = dirty.has(collection)
      ? dirty.get(collection)!
      : { dirs: new Set(), files: new Set() };
    if (changes !== null) {
      if (kind === 'all' || rel === undefined) changes = null;
      else if (kind === 'file') changes.files.add(rel);
      else changes.dirs.add(rel);
      if (changes !== null && changes.dirs.size + changes.files.size > MAX_DIRTY) changes = null;
    }
    dirty.set(collection, changes);
    clearTimeout(timers.get(collection));
    timers.set(
      collection,
      setTimeout(() => quiet(collection), WATCH_DEBOUNCE_MS),
    );
  };

  const forget = (collection: string) => {
    clearTimeout(timers.get(collection));
    timers.delete(collection);
    dirty.delete(collection);
    restarts.delete(collection);
  };

  return {
    add(collection, root) {
      if (watches.get(collection)?.lost === false) return;
      watches.set(
        collection,
        new CollectionWatch(
          root,
          depth,
          (kind, rel) => note(collection, kind, rel),
          () => restarts.add(collection),
          (reason) => onTrouble(collection, reason),
        ),
      );
    },
    async ready() {
      await Promise.all([...watches.values()].map((watched) => watched.ready));
    },
    watching(collection) {
      const watched = watches.get(collection);
      return watched !== undefined && !watched.lost;
    },
    async remove(collection) {
      forget(collection);
      const watched = watches.get(collection);
      watches.delete(collection);
      await watched?.stop();
    },
    async close() {
      for (const collection of timers.keys()) forget(collection);
      restarts.clear();
      const all = [...watches.values()];
      watches.clear();
      await Promise.all(all.map((watched) => watched.stop()));
    },
  };
}
