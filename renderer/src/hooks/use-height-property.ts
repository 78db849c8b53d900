// What a pinned bar covers (the header, the kiosk's bottom bar, the on-screen keyboard), kept in a CSS
// property on the page's root, so the page leaves that much room and scrolls what it holds into sight
// beside it rather than under it.
import { useLayoutEffect, type RefObject } from 'react';

/**
 * Keeps the root's CSS property `name` (`--header-space`) at the element's height while it is shown
 * (`shown`), measured again whenever it changes size; removed when it goes.
 */
export function useHeightProperty(ref: RefObject<HTMLElement | null>, name: string, shown = true): void {
  useLayoutEffect(() => {
    const element = ref.current;
    if (!shown || !element) return;
    const root = document.documentElement;
    const measure = () => root.style.setProperty(name, `${element.offsetHeight}px`);
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      root.style.removeProperty(name);
    };
  }, [ref, name, shown]);
}
