// The kiosk's state behind the `getKioskState`, `unlockKiosk`, `lockKiosk` and `quitKiosk` channels: a
// plain object of closures the app's IPC services can spread in. Plain Node, no electron: the glue pushes
// `onChange` states to the renderer as `{ type: 'kiosk', state }` events and asks `isUnlocked()` before
// letting a shortcut through.
import type { Collection } from '../engine/types';
import type { KioskState, UnlockResult } from '../../preload/contract';
import { resolveEdition } from './config';
import { createPinGate, type PinAttempt, type PinGate } from './pin';
import type { KioskStartup } from './startup';

export interface KioskServiceOptions {
  startup: KioskStartup;
  /** Indexed collections, to turn the file's `edition` into a collection id. */
  listCollections?: () => readonly Collection[] | Promise<readonly Collection[]>;
  now?: () => number;
  /** An unlocked kiosk locks itself again after this long, in case the organiser walks away. */
  unlockTtlMs?: number;
  /** Overrides the PIN back-off (tests). */
  pinGate?: PinGate;
  /** Runs `run` after `ms` and returns a cancel function; a timer by default (tests pass their own). */
  schedule?: (ms: number, run: () => void) => () => void;
  /** Quits the app (`app.quit`), for `quitKiosk`; without it the kiosk cannot be quit from its page. */
  quit?: () => void;
}

function scheduleWithTimer(ms: number, run: () => void): () => void {
  const timer = setTimeout(run, ms);
  // An expiring unlock must not keep the process alive on its own.
  timer.unref?.();
  return () => clearTimeout(timer);
}

export interface KioskService {
  /** Kiosk configuration and lock state (channel `kiosk:state`). */
  getKioskState(): Promise<KioskState>;
  /**
   * Checks the organiser PIN; a right one unlocks until `lockKiosk` or the unlock expires, a refusal says
   * why and how long main waits before checking another (channel `kiosk:unlock`). A trial kiosk unlocks
   * with any PIN, the empty one included.
   */
  unlockKiosk(pin: string): Promise<UnlockResult>;
  /** Locks the kiosk again (channel `kiosk:lock`). */
  lockKiosk(): Promise<void>;
  /** Quits the app, for an organiser at a touch-only kiosk; refused while locked (channel `kiosk:quit`). */
  quitKiosk(): Promise<void>;
  /** Whether the kiosk is on and locked: what the window glue asks before letting a shortcut through. */
  isLocked(): boolean;
  /** The outcome of the last PIN attempt, for the organiser's PIN pad messages and logs. */
  lastAttempt(): PinAttempt | null;
  /** Calls `listener` with the new state after every lock or unlock; returns the unsubscribe function. */
  onChange(listener: (state: KioskState) => void): () => void;
}

const MAX_PIN_LENGTH = 64;

/** Builds the kiosk service from what start-up loaded (`loadKioskStartup`). */
export function createKioskService(options: KioskServiceOptions): KioskService {
  const { startup } = options;
  const now = options.now ?? Date.now;
  const unlockTtlMs = options.unlockTtlMs ?? 10 * 60_000;
  const gate = options.pinGate ?? createPinGate({ hash: startup.config.pinHash, now });
  const listeners = new Set<(state: KioskState) => void>();
  const schedule = options.schedule ?? scheduleWithTimer;
  let unlockedUntil = 0;
  let last: PinAttempt | null = null;
  let cancelExpiry: (() => void) | null = null;

  const unlocked = (): boolean => startup.enabled && now() < unlockedUntil;

  const snapshot = async (): Promise<KioskState> => {
    const settings = structuredClone(startup.config.settings);
    if (startup.enabled && settings.collection !== null && options.listCollections) {
      settings.collection = resolveEdition(
        settings.collection,
        await options.listCollections(),
        startup.config.folders,
      );
    }
    return {
      enabled: startup.enabled,
      unlocked: unlocked(),
      trial: startup.enabled && startup.trial === true,
      pinSet: startup.enabled && startup.config.pinHash !== null,
      settings,
      configError: startup.enabled ? startup.configError : null,
    };
  };

  const notify = async (): Promise<void> => {
    if (listeners.size === 0) return;
    const state = await snapshot();
    for (const listener of listeners) listener(state);
  };

  return {
    getKioskState: snapshot,
    async unlockKiosk(pin) {
      if (!startup.enabled || typeof pin !== 'string' || pin.length > MAX_PIN_LENGTH)
        return { unlocked: false, why: 'wrong', retryAfterMs: 0 };
      // A trial kiosk (`--kiosk`, no file) has no PIN to ask for; a kiosk file without one stays locked.
      last = startup.trial === true ? { ok: true } : await gate.attempt(pin);
      if (!last.ok) {
        const why = last.reason === 'locked-out' ? 'waiting' : last.reason;
        return { unlocked: false, why, retryAfterMs: last.retryAfterMs };
      }
      unlockedUntil = now() + unlockTtlMs;
      cancelExpiry?.();
      // Tell the renderer when the unlock runs out, so it stops showing organiser screens.
      cancelExpiry = schedule(unlockTtlMs, () => {
        cancelExpiry = null;
        void notify();
      });
      await notify();
      return { unlocked: true };
    },
    async lockKiosk() {
      const was = unlocked();
      unlockedUntil = 0;
      cancelExpiry?.();
      cancelExpiry = null;
      if (was) await notify();
    },
    async quitKiosk() {
      // A locked kiosk's page must not be able to end the kiosk: only the organiser, after the PIN.
      if (!startup.enabled || !options.quit) throw new Error('Only a kiosk can be quit from its page.');
      if (!unlocked())
        throw new Error('This kiosk is locked: unlock it with the organiser PIN to quit Standalone.');
      options.quit();
    },
    isLocked: () => startup.enabled && !unlocked(),
    lastAttempt: () => last,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
