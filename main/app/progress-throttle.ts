// Indexing 10,000 stands reports progress per file; the renderer needs a few updates a second.
import type { IndexProgress } from '../engine/types';

/** Lets a progress report through when its phase or collection changed, when it is final, or when `intervalMs` passed. */
export function createProgressThrottle(intervalMs: number, now: () => number = Date.now) {
  let last: { key: string; at: number } | null = null;
  return (progress: IndexProgress): boolean => {
    const key = `${progress.collection}\u0000${progress.phase}`;
    const at = now();
    const final = progress.phase === 'done' || (progress.total > 0 && progress.done >= progress.total);
    if (!last || last.key !== key || final || at - last.at >= intervalMs) {
      last = { key, at };
      return true;
    }
    return false;
  };
}
