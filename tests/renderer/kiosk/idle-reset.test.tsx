// The kiosk's idle reset, as the next visitor finds it: nothing the last visitor opened is still open.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { kioskState } from '../kiosk-state';
import { shell } from './shell-fakes';
import { renderHost } from '../render-host';

vi.mock('../../../renderer/src/api', async () => ({
  hasApi: true,
  api: (await import('./shell-fakes')).api,
}));
vi.mock('../../../renderer/src/hooks/app-state', async () =>
  (await import('./shell-fakes')).appStateModule(),
);

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
    shell.kiosk = kioskState({}, { idleTimeoutSeconds: 15 });
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
