// Back and forward return to where the visitor was on a screen (deep in a long overview); every other
// move starts at the top. The Navigation API tells a traversal from a new navigation.
import { useEffect, useLayoutEffect, useRef } from 'react';

interface NavigationLike {
  addEventListener(type: 'navigate', listener: (event: { navigationType: string }) => void): void;
}

let lastNavigationType = 'push';
if (typeof window !== 'undefined') {
  (window as unknown as { navigation?: NavigationLike }).navigation?.addEventListener('navigate', (event) => {
    lastNavigationType = event.navigationType;
  });
}

// The kiosk's Back button goes back with its own stack (a replace, not a traversal) and names the screen.
let returningTo: string | null = null;

/** Marks the next move to screen `key` as a return (the kiosk's Back button): it restores the scroll too. */
export function expectReturn(key: string): void {
  returningTo = key;
}

/** Scrolls to the top on a new screen `key`, or back to where it was left when the visitor went back or forward. */
export function useScrollRestoration(key: string): void {
  const positions = useRef(new Map<string, number>());
  const current = useRef(key);

  useEffect(() => {
    const onScroll = () => positions.current.set(current.current, window.scrollY);
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => window.removeEventListener('scroll', onScroll);
  }, []);

  useLayoutEffect(() => {
    current.current = key;
    const returning = lastNavigationType === 'traverse' || returningTo === key;
    const target = returning ? (positions.current.get(key) ?? 0) : 0;
    lastNavigationType = 'push';
    returningTo = null;
    window.scrollTo(0, 0);
    if (target <= 0) return;
    // The screen's data arrives after this: wait (a second at most) until the page is tall enough.
    let frames = 0;
    let frame = 0;
    const restore = () => {
      const room = document.documentElement.scrollHeight - window.innerHeight;
      if (room >= target || frames++ > 60) window.scrollTo(0, target);
      else frame = requestAnimationFrame(restore);
    };
    restore();
    return () => cancelAnimationFrame(frame);
  }, [key]);
}
