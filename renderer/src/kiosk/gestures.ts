// The organiser's ways into the PIN pad. Visitors are unlikely to find either by chance; organisers find
// them in docs/kiosk.md. Pure, so they are tested without a page.

/** Taps on the freshness stamp that open the PIN pad, and the time they must fall within. */
export const PIN_TAPS = { count: 5, withinMs: 3000 } as const;

/** True for Ctrl+Alt+Shift+K (Cmd instead of Ctrl on a Mac keyboard works too), whatever the layout. */
export function isPinPadShortcut(
  event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
): boolean {
  const k = event.code === 'KeyK' || event.key.toLowerCase() === 'k';
  return k && (event.ctrlKey || event.metaKey) && event.altKey && event.shiftKey;
}

/**
 * Counts taps: `tap(now)` is true on the tap that completes `count` taps within `withinMs`, and then
 * starts counting afresh.
 */
export function createTapCounter(count: number = PIN_TAPS.count, withinMs: number = PIN_TAPS.withinMs) {
  let taps: number[] = [];
  return {
    tap(now: number): boolean {
      taps = [...taps.filter((t) => now - t < withinMs), now];
      if (taps.length < count) return false;
      taps = [];
      return true;
    },
  };
}
