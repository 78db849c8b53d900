// Idle detection for the kiosk: any touch, click, key, wheel or pointer movement counts as a visitor.
import { useEffect, useRef } from 'react';

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'input'] as const;

/**
 * Calls `onIdle` once after `timeoutMs` without activity, and again after each later stretch of
 * activity followed by `timeoutMs` of quiet. Off when `timeoutMs` is null.
 */
export function useIdle(timeoutMs: number | null, onIdle: () => void): void {
  const callback = useRef(onIdle);
  useEffect(() => {
    callback.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (timeoutMs === null) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const arm = () => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        callback.current();
      }, timeoutMs);
    };
    arm();
    // Capture phase: a dialog or a field that stops propagation still counts as activity.
    for (const type of ACTIVITY) window.addEventListener(type, arm, { capture: true, passive: true });
    return () => {
      if (timer !== null) clearTimeout(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, arm, { capture: true });
    };
  }, [timeoutMs]);
}

/**
 * The kiosk's idle reset: after `timeoutMs` without a visitor, `reset` runs (go to the start screen,
 * clear search, scroll, dialogs and the back stack; see KioskShell's `resetVisit`).
 */
export function useIdleReset(timeoutMs: number | null, reset: () => void): void {
  useIdle(timeoutMs, reset);
}
