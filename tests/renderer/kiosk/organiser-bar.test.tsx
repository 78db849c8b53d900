// The organiser's bar on an unlocked kiosk, and the ways into it: what a touch-only kiosk offers an
// organiser, and what visitors never see.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Collection } from '../../../main/engine/types';
import type { KioskState } from '../../../preload/contract';

const state = vi.hoisted(() => ({ kiosk: null as KioskState | null }));
const api = vi.hoisted(() => ({
  lockKiosk: vi.fn(() => Promise.resolve()),
  unlockKiosk: vi.fn((_pin: string) => Promise.resolve(true)),
  quitKiosk: vi.fn(() => Promise.resolve()),
  onEvent: () => () => undefined,
}));

vi.mock('../../../renderer/src/api', () => ({ hasApi: true, api }));

const demo = {
  id: 'demo',
  name: 'Demo stands',
  indexedAt: new Date().toISOString(),
  available: true,
} as Collection;

vi.mock('../../../renderer/src/hooks/app-state', () => ({
  useAppState: () => ({ kiosk: state.kiosk, collections: [demo] }),
}));

const { KioskShell } = await import('../../../renderer/src/kiosk/KioskShell');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
window.scrollTo = () => undefined;
// jsdom has no modal dialogs; the PIN pad only needs them to open and close.
HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
  this.open = true;
};
HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
  this.open = false;
};

function kioskState(overrides: Partial<KioskState> = {}): KioskState {
  return {
    enabled: true,
    unlocked: false,
    configError: null,
    settings: {
      idleTimeoutSeconds: 90,
      attract: { enabled: false, slideSeconds: 8 },
      featured: { stands: [], themes: [] },
      startScreen: 'overview',
      collection: 'demo',
      textSize: 'normal',
    },
    ...overrides,
  };
}

let host: HTMLElement;
let root: Root;

beforeEach(() => {
  history.replaceState(null, '', '#/c/demo');
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  vi.clearAllMocks();
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

async function showKiosk(kiosk: KioskState): Promise<void> {
  state.kiosk = kiosk;
  await act(async () => root.render(<KioskShell>screen</KioskShell>));
}

const buttonsNamed = (name: string) =>
  [...host.querySelectorAll('button')].filter((button) => button.textContent === name);
const organiserBar = () => host.querySelector('aside.sa-kiosk-organiser');

describe('the Quit Standalone button', () => {
  it('is in the organiser bar of an unlocked kiosk, and asks main to quit', async () => {
    await showKiosk(kioskState({ unlocked: true }));
    const [quit, ...others] = buttonsNamed('Quit Standalone');
    expect(others).toEqual([]);
    expect(organiserBar()?.contains(quit!)).toBe(true);
    await act(async () => quit!.click());
    expect(api.quitKiosk).toHaveBeenCalledTimes(1);
    expect(api.quitKiosk).toHaveBeenCalledWith();
  });

  it('is nowhere on a locked kiosk', async () => {
    await showKiosk(kioskState({ unlocked: false }));
    expect(organiserBar()).toBeNull();
    expect(buttonsNamed('Quit Standalone')).toEqual([]);
    expect(host.textContent).not.toContain('Quit');
  });
});
