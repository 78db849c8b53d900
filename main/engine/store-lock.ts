// One writer per store: the app keeps the store in memory and rewrites it whole, so a second writer (a
// `standalone index` while the app runs, two command lines) would silently overwrite the other's work.
// proper-lockfile's lock is a `<store>.lock` folder beside the store, made atomically with mkdir and
// kept fresh by touching it; a lock nobody touched for STORE_LOCK_STALE_MS was left by a process that
// died and is taken over. The library removes its locks when the process exits, Ctrl-C included.
//
// Indexing runs synchronously, so a holder cannot touch its lock while it indexes: the threshold must be
// longer than any index (several large folders in a row on a slow kiosk), or a second process would take
// a live lock over. So that a holder that died (a crash, a power cut) does not block that long, each
// holder also writes `<store>.lock-owner` (process, computer, when the computer started): a lock whose
// holder is gone from this computer, or ran before it was last started, is taken over at once.
import { readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import onExit from 'signal-exit';
import { StoreInUseError } from './errors';

/** How long a lock may go untouched before it counts as left by a process that died elsewhere. */
export const STORE_LOCK_STALE_MS = 10 * 60_000;
const STORE_LOCK_UPDATE_MS = 5_000;
/** A lock without its owner file for this long was left by a process stopped while taking it. */
const OWNERLESS_MS = 10_000;
/** Two readings of when the computer started, from the clock and its uptime, agree within this. */
const BOOT_SLACK_MS = 60_000;

/** Who holds a lock, as its `<store>.lock-owner` says. */
interface LockOwner {
  pid: number;
  host: string;
  /** When the computer started, ms since the epoch. */
  boot: number;
}

function bootTime(): number {
  return Math.round(Date.now() - os.uptime() * 1000);
}

function ownerFileOf(file: string): string {
  return `${file}.lock-owner`;
}

/**
 * Whether the lock's holder is known to be gone: a process of this computer that is no more, or one
 * stopped while it was taking the lock (Ctrl-C at once): a holder writes its owner file as soon as it
 * has the lock, so a lock without one that is older than OWNERLESS_MS was left half taken.
 */
function holderIsGone(file: string): boolean {
  let owner: Partial<LockOwner>;
  try {
    owner = JSON.parse(readFileSync(ownerFileOf(file), 'utf8')) as Partial<LockOwner>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return false;
    try {
      return statSync(`${file}.lock`).mtimeMs < Date.now() - OWNERLESS_MS;
    } catch {
      return false;
    }
  }
  if (typeof owner.pid !== 'number' || typeof owner.boot !== 'number' || owner.host !== os.hostname())
    return false;
  // It ran before this computer last started.
  if (Math.abs(owner.boot - bootTime()) > BOOT_SLACK_MS) return true;
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

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
  const take = () =>
    lockfile.lock(file, {
      // The store itself may not exist yet.
      realpath: false,
      stale: options.staleMs ?? STORE_LOCK_STALE_MS,
      update: options.updateMs ?? STORE_LOCK_UPDATE_MS,
      // The library's default throws from a timer, which would end the process.
      onCompromised: () => void loseLock(),
    });
  let release: () => Promise<void>;
  try {
    release = await take().catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED' || !holderIsGone(file)) throw error;
      // Its holder died without letting go: the lock is nobody's.
      rmSync(ownerFileOf(file), { force: true });
      rmSync(lockDir, { recursive: true, force: true });
      return take();
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new StoreInUseError(file);
    throw error;
  }
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), boot: bootTime() };
  const forgetOwner = () => {
    try {
      unlinkSync(ownerFileOf(file));
    } catch {
      // Never written, or already gone.
    }
  };
  try {
    writeFileSync(ownerFileOf(file), JSON.stringify(owner));
  } catch {
    // Without it, a lock this process leaves behind lapses after STORE_LOCK_STALE_MS instead.
  }
  // The library lets go of its lock when the process ends (Ctrl-C included), the same way.
  const removeExitHandler = onExit(() => {
    if (!lost) forgetOwner();
  });
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
      removeExitHandler();
      if (!lost) {
        forgetOwner();
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
