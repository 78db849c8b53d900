// The kiosk's idle reset, as the next visitor finds it: nothing the last visitor opened is still open.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Collection } from '../../../main/engine/types';
import type { KioskState, UnlockResult } from '../../../preload/contract';
import { kioskState } from '../kiosk-state';
import { renderHost } from '../render-host';

const state = vi.hoisted(() => ({ kiosk: null as KioskState | null }));
const api = vi.hoisted(() => ({
  lockKiosk: vi.fn(() => Promise.resolve()),
  unlockKiosk: vi.fn((_pin: string): Promise<UnlockResult> => Promise.resolve({ unlocked: true })),
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

window.scrollTo = () => undefined;

const host = renderHost();

beforeEach(() => {
  history.replaceState(null, '', '#/c/demo');
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

const button = (name: string) =>
  [...host.element.querySelectorAll('button')].find((b) => b.textContent?.includes(name));

describe('the idle reset', () => {
  it('closes the Text & contrast panel the last visitor left open', async () => {
    state.kiosk = kioskState({}, { idleTimeoutSeconds: 15 });
    await host.render(<KioskShell>screen</KioskShell>);
    await act(async () => button('Text & contrast')!.click());
    await act(async () => button('Largest text')!.click());
    expect(host.element.querySelector('#sa-kiosk-display')).not.toBeNull();

    await act(async () => vi.advanceTimersByTime(15_000));
    expect(document.documentElement.classList.contains('sa-text-larger')).toBe(false);
    expect(host.element.querySelector('#sa-kiosk-display')).toBeNull();
    expect(button('Text & contrast')!.getAttribute('aria-expanded')).toBe('false');
    // The next visitor's screen alone: the last one's is gone, not kept beside it.
    expect(host.element.querySelectorAll('.sa-kiosk-frame')).toHaveLength(1);
    expect(host.element.querySelectorAll('.sa-kiosk-bar')).toHaveLength(1);
  });
});
