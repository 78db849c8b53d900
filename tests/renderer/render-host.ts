// A React root on a fresh element for each test of a file, for the jsdom tests that render components;
// and the dialog methods jsdom lacks. Call `renderHost()` at the top level of a test file.
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// jsdom has no modal dialogs: the app's dialogs (PIN pad, attract loop, QR codes) only need to open and close.
HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
  this.open = true;
};
HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
  this.open = false;
};

export interface RenderHost {
  /** The element the current test renders into. */
  readonly element: HTMLElement;
  /** Renders `node` into it and lets effects and state updates settle. */
  render(node: ReactNode): Promise<void>;
}

/** Registers a fresh root for every test of the calling file, unmounted and removed after it. */
export function renderHost(): RenderHost {
  let element: HTMLElement | null = null;
  let root: Root | null = null;
  beforeEach(() => {
    element = document.createElement('div');
    document.body.append(element);
    root = createRoot(element);
  });
  afterEach(() => {
    act(() => root?.unmount());
    element?.remove();
    element = null;
    root = null;
  });
  return {
    get element() {
      if (!element) throw new Error('renderHost: used outside a test');
      return element;
    },
    async render(node) {
      await act(async () => root?.render(node));
    },
  };
}
