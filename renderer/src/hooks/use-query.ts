// Loads one screen's data from the bridge, again whenever the index changes (live update), without
// flashing: while a refetch for the same key runs, the previous answer stays on screen.
import { useEffect, useRef, useState } from 'react';
import { useAppState } from './app-state';

export interface QueryResult<T> {
  data: T | undefined;
  error: Error | null;
  /** True until the first answer for this key arrived. */
  loading: boolean;
}

interface Settled<T> {
  key: string;
  data: T | undefined;
  error: Error | null;
}

/**
 * Runs `load` for `key` (and again on every index change); `load` may change between renders. Nothing is
 * asked while `enabled` is false (a query that waits for another one).
 */
export function useQuery<T>(key: string, load: () => Promise<T>, enabled = true): QueryResult<T> {
  const { revision } = useAppState();
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    loadRef.current().then(
      (data) => live && setSettled({ key, data, error: null }),
      (error: unknown) =>
        live &&
        setSettled({
          key,
          data: undefined,
          error: error instanceof Error ? error : new Error(String(error)),
        }),
    );
    return () => {
      live = false;
    };
  }, [key, revision, enabled]);

  const current = settled?.key === key ? settled : null;
  return { data: current?.data, error: current?.error ?? null, loading: current === null };
}
