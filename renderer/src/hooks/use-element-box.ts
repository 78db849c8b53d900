// Where a list starts on the page and how wide it is: what the window virtualizers need to place rows.
import { useLayoutEffect, useState, type RefObject } from 'react';

export interface ElementBox {
  width: number;
  /** Distance from the top of the document. */
  top: number;
  /** The root font size in px, so rem-based sizes can be turned into pixels. */
  rem: number;
}

/** Measures an element now and again whenever it or the page around it changes size. */
export function useElementBox(ref: RefObject<HTMLElement | null>): ElementBox {
  const [box, setBox] = useState<ElementBox>({ width: 0, top: 0, rem: 16 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const next = {
        width: element.clientWidth,
        top: element.getBoundingClientRect().top + window.scrollY,
        rem: parseFloat(getComputedStyle(document.documentElement).fontSize) || 16,
      };
      setBox((old) =>
        old.width === next.width && old.top === next.top && old.rem === next.rem ? old : next,
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [ref]);
  return box;
}
