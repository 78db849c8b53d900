// What one visitor leaves behind, and clearing it for the next. The kiosk keeps its own back stack
// (the big back button) so that clearing it is certain: the browser's history cannot be emptied from a
// page, but a locked kiosk offers no way to reach it (no browser buttons, Alt+Left blocked by main).

/** The kiosk's back stack of route paths (with their `?query`), newest last. */
export interface VisitHistory {
  /** Records a move from `from` to a new screen. */
  moved(from: string): void;
  /** The screen to go back to, removed from the stack; null at the start of a visit. */
  back(): string | null;
  canGoBack(): boolean;
  clear(): void;
}

/** A back stack that never grows past `limit` screens (a visitor can browse all day). */
export function createVisitHistory(limit = 100): VisitHistory {
  let stack: string[] = [];
  return {
    moved(from) {
      if (stack[stack.length - 1] === from) return;
      stack.push(from);
      if (stack.length > limit) stack = stack.slice(-limit);
    },
    back: () => stack.pop() ?? null,
    canGoBack: () => stack.length > 0,
    clear() {
      stack = [];
    },
  };
}

/**
 * Clears what the page itself holds of a visit: closes every open dialog, blurs the focused field,
 * scrolls every scrolled element back to the top. Navigation and React state are the shell's part.
 */
export function clearPageTraces(doc: Document = document): void {
  for (const dialog of doc.querySelectorAll('dialog[open]')) (dialog as HTMLDialogElement).close();
  const active = doc.activeElement;
  if (active instanceof HTMLElement && active !== doc.body) active.blur();
  for (const element of doc.querySelectorAll<HTMLElement>('*')) {
    if (element.scrollTop !== 0 || element.scrollLeft !== 0) element.scrollTo(0, 0);
  }
  doc.defaultView?.scrollTo(0, 0);
  doc.getSelection?.()?.removeAllRanges();
}
