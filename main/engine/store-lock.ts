// One writer per store: the app keeps the store in memory and rewrites it whole, so a second writer (a
// `standalone index` while the app runs, two command lines) would silently overwrite the other's work.
// proper-lockfile's lock is a `<store>.lock` folder beside the store, made atomically with mkdir and
// kept fresh by touching it; a lock nobody touched for STORE_LOCK_STALE_MS was left by a process that
// died and is taken over. The library removes its locks when the process exits, Ctrl-C included.
import { statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { StoreInUseError } from './errors';

/**
 * How long a lock may go untouched before it counts as left by a crashed process. Indexing a folder
 * runs synchronously and the lock is touched only between such runs: ten thousand stands take half a
 * minute on a slow machine, so the threshold is well above that.
 */
export const STORE_LOCK_STALE_MS = 60_000;
const STORE_LOCK_UPDATE_MS = 5_000;

/** The store's lock, held from opening to closing. */
export interface StoreLock {
  /** Throws when the lock was lost (another process took it over): the store must not be written. */
  check(): void;
  /** Releases the lock; a lock that was lost is only forgotten, never removed from its new holder. */
  release(): Promise<void>;
}

export interface StoreLockOptions {
  /** Told once, in words, when the lock is lost while the store is open. */
  onLost?: (message: string) => void;
  staleMs?: number;
  updateMs?: number;
}

/** Takes the store's lock, or throws StoreInUseError when another live process holds it. */
export async function lockStore(dbFile: string, options: StoreLockOptions = {}): Promise<StoreLock> {
  const file = path.resolve(dbFile);
  const lockDir = `${file}.lock`;
  let lost: Error | null = null;
  const loseLock = () => {
    if (lost) return lost;
    lost = new Error(
      `Standalone no longer holds the store ${file}: another Standalone took it over while this one was busy. Nothing more is written to it; close this one and start it again to see the store as it now is.`,
    );
    options.onLost?.(lost.message);
    return lost;
  };
  // The store's folder may not exist yet (a first run); the store is about to be written there anyway.
  await mkdir(path.dirname(file), { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(file, {
      // The store itself may not exist yet.
      realpath: false,
      stale: options.staleMs ?? STORE_LOCK_STALE_MS,
      update: options.updateMs ?? STORE_LOCK_UPDATE_MS,
      // The library's default throws from a timer, which would end the process.
      onCompromised: () => void loseLock(),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new StoreInUseError(file);
    throw error;
  }
  // The lock folder as made: a folder of that name made by anyone else is another folder.
  const made = statSync(lockDir);
  return {
    check() {
      if (lost) throw lost;
      let now;
      try {
        now = statSync(lockDir);
      } catch {
        now = null;
      }
      // The library notices a take-over only on its next touch; a write may come first.
      if (!now || now.ino !== made.ino || now.birthtimeMs !== made.birthtimeMs) throw loseLock();
    },
    async release() {
      if (!lost) {
        // A lock that cannot be removed is left to go stale, and is then taken over.
        await release().catch(() => undefined);
        return;
      }
      // Forget the lock without removing the folder, which is its new holder's now. After the library
      // noticed on its own it has forgotten it already and says so.
      await lockfile
        .unlock(file, { realpath: false, fs: { rmdir: (_dir: string, done: () => void) => done() } })
        .catch(() => undefined);
    },
  };
}
