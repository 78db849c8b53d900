// The organiser PIN: stored only as a salted scrypt hash in the kiosk file, checked in constant time,
// and guarded by a back-off so a visitor cannot try PINs at touch speed. Plain Node, no electron.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { KIOSK_RULES } from '../../preload/contract';

/** A PIN is 4 to 12 digits: something an organiser can type on the on-screen pad. */
export const PIN_PATTERN = new RegExp(`^[0-9]{${KIOSK_RULES.pinDigits.min},${KIOSK_RULES.pinDigits.max}}$`);

/** scrypt's interactive cost (16 MiB, tens of milliseconds): slow for guessing, quick for one check. */
export const DEFAULT_PIN_COST = { N: 16384, r: 8, p: 1 } as const;

// Bounds a hash line must respect, so a hand-edited kiosk file cannot ask for gigabytes of memory.
const MIN_N = 1024;
const MAX_N = 131072;
const MIN_SALT_BYTES = 16;
const HASH_BYTES = 32;

const HASH_LINE =
  /^scrypt\$([0-9]{1,7})\$([0-9]{1,2})\$([0-9]{1,2})\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

export interface PinHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

/** Parses `scrypt$N$r$p$salt$hash` (base64 salt and hash); null when the line is not a usable PIN hash. */
export function parsePinHash(line: string): PinHash | null {
  const match = HASH_LINE.exec(line);
  if (!match) return null;
  const [, n, r, p, salt, hash] = match as unknown as [string, string, string, string, string, string];
  const parsed = {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    salt: Buffer.from(salt, 'base64'),
    hash: Buffer.from(hash, 'base64'),
  };
  const powerOfTwo = (parsed.N & (parsed.N - 1)) === 0;
  if (!powerOfTwo || parsed.N < MIN_N || parsed.N > MAX_N) return null;
  if (parsed.r < 1 || parsed.r > 16 || parsed.p < 1 || parsed.p > 4) return null;
  if (parsed.salt.length < MIN_SALT_BYTES || parsed.hash.length !== HASH_BYTES) return null;
  return parsed;
}

function derive(pin: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem must exceed scrypt's 128·N·r bytes or Node refuses; bounded by MAX_N above.
    const maxmem = 256 * cost.N * cost.r;
    scrypt(pin.normalize('NFKC'), salt, HASH_BYTES, { ...cost, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** Hashes a PIN into the one-line form the kiosk file stores (`scrypt$16384$8$1$salt$hash`). */
export async function hashPin(
  pin: string,
  options: { salt?: Buffer; cost?: { N: number; r: number; p: number } } = {},
): Promise<string> {
  if (!PIN_PATTERN.test(pin)) throw new Error('A PIN must be 4 to 12 digits.');
  const salt = options.salt ?? randomBytes(MIN_SALT_BYTES);
  const cost = options.cost ?? DEFAULT_PIN_COST;
  const hash = await derive(pin, salt, cost);
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** True when `pin` matches the hash line; compares in constant time, false for any malformed input. */
export async function verifyPin(pin: string, hashLine: string): Promise<boolean> {
  const stored = parsePinHash(hashLine);
  if (!stored || typeof pin !== 'string' || pin.length > 64) return false;
  const candidate = await derive(pin, stored.salt, stored);
  return candidate.length === stored.hash.length && timingSafeEqual(candidate, stored.hash);
}

export type PinAttempt =
  | { ok: true }
  | { ok: false; reason: 'wrong'; attemptsBeforeLockout: number; retryAfterMs: number }
  | { ok: false; reason: 'locked-out'; retryAfterMs: number }
  | { ok: false; reason: 'no-pin'; retryAfterMs: 0 };

export interface PinGateOptions {
  /** The stored hash line, or null when the kiosk has no PIN (then nothing unlocks it on screen). */
  hash: string | null;
  now?: () => number;
  /** Wrong PINs allowed before the first lock-out. */
  freeAttempts?: number;
  /** First lock-out; each further wrong PIN doubles it up to `maxLockoutMs`. */
  lockoutMs?: number;
  maxLockoutMs?: number;
}

export interface PinGate {
  /** Checks one PIN; attempts are handled one at a time so a burst cannot slip past the back-off. */
  attempt(pin: string): Promise<PinAttempt>;
  /** Milliseconds until the next attempt is considered, 0 when one may be made now. */
  retryAfterMs(): number;
}

/** A PIN checker with back-off: after `freeAttempts` wrong PINs, attempts are refused unchecked for a while. */
export function createPinGate(options: PinGateOptions): PinGate {
  const now = options.now ?? Date.now;
  const freeAttempts = options.freeAttempts ?? 5;
  const lockoutMs = options.lockoutMs ?? 30_000;
  const maxLockoutMs = options.maxLockoutMs ?? 15 * 60_000;
  let failures = 0;
  let lockedUntil = 0;
  let queue: Promise<unknown> = Promise.resolve();

  const retryAfterMs = (): number => Math.max(0, lockedUntil - now());

  const check = async (pin: string): Promise<PinAttempt> => {
    if (options.hash === null) return { ok: false, reason: 'no-pin', retryAfterMs: 0 };
    const wait = retryAfterMs();
    if (wait > 0) return { ok: false, reason: 'locked-out', retryAfterMs: wait };
    const ok = typeof pin === 'string' && PIN_PATTERN.test(pin) && (await verifyPin(pin, options.hash));
    if (ok) {
      failures = 0;
      lockedUntil = 0;
      return { ok: true };
    }
    failures += 1;
    const over = failures - freeAttempts;
    if (over >= 0) lockedUntil = now() + Math.min(maxLockoutMs, lockoutMs * 2 ** over);
    return {
      ok: false,
      reason: 'wrong',
      attemptsBeforeLockout: Math.max(0, freeAttempts - failures),
      retryAfterMs: retryAfterMs(),
    };
  };

  return {
    attempt(pin) {
      const result = queue.then(() => check(pin));
      queue = result.catch(() => undefined);
      return result;
    },
    retryAfterMs,
  };
}
