// The organiser's bar on an unlocked kiosk, and the ways into it: what a touch-only kiosk offers an
// organiser, and what visitors never see.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KioskState } from '../../../preload/contract';
import { kioskState } from '../kiosk-state';
import { api, shell } from './shell-fakes';

vi.mock('../../../renderer/src/api', async () => ({
  hasApi: true,
  api: (await import('./shell-fakes')).api,
}));
vi.mock('../../../renderer/src/hooks/app-state', async () =>
  (await import('./shell-fakes')).appStateModule(),
);

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
  shell.kiosk = kiosk;
  await act(async () => root.render(<KioskShell>screen</KioskShell>));
}

const pressOrganiserShortcut = () =>
  act(async () => {
    window.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'K', code: 'KeyK', ctrlKey: true, altKey: true, shiftKey: true }),
    );
  });
const tapStampFiveTimes = () =>
  act(async () => {
    const stamp = host.querySelector<HTMLElement>('[data-testid="freshness-stamp"]')!;
    for (let i = 0; i < 5; i++) stamp.click();
  });
const pinPad = () => host.querySelector('dialog.sa-pinpad');

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

describe('locking the kiosk again', () => {
  const backButton = () =>
    [...host.querySelectorAll('button')].find((button) => button.textContent?.endsWith('Back'))!;
  const go = (hash: string) =>
    act(async () => {
      location.hash = hash;
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });

  it("leaves the visitors no way Back into the organiser's screens", async () => {
    await showKiosk(kioskState({ unlocked: true }));
    await go('#/collections');
    await go('#/c/demo/problems');
    expect(backButton().disabled).toBe(false);
    await act(async () => buttonsNamed('Lock kiosk')[0]!.click());
    expect(api.lockKiosk).toHaveBeenCalledTimes(1);
    expect(location.hash).toBe('#/');
    expect(backButton().disabled).toBe(true);
  });

  it('does the same when the unlock runs out by itself', async () => {
    await showKiosk(kioskState({ unlocked: true }));
    await go('#/collections');
    await go('#/c/demo/problems');
    await showKiosk(kioskState({ unlocked: false }));
    expect(organiserBar()).toBeNull();
    expect(location.hash).toBe('#/');
    expect(backButton().disabled).toBe(true);
  });
});

describe('the organiser gesture', () => {
  it('opens the PIN pad on a kiosk started with a kiosk file, and unlocks nothing by itself', async () => {
    await showKiosk(kioskState());
    await pressOrganiserShortcut();
    expect(pinPad()).not.toBeNull();
    expect(api.unlockKiosk).not.toHaveBeenCalled();
    expect(organiserBar()).toBeNull();
  });

  it.each([
    ['Ctrl+Alt+Shift+K', pressOrganiserShortcut],
    ['five quick taps on the freshness stamp', tapStampFiveTimes],
  ])('unlocks a trial kiosk without a PIN pad (%s), asking main', async (_name, gesture) => {
    await showKiosk(kioskState({ trial: true }));
    expect(organiserBar()).toBeNull();
    await gesture();
    expect(pinPad()).toBeNull();
    expect(api.unlockKiosk).toHaveBeenCalledWith('');
    expect(organiserBar()).not.toBeNull();
    expect(location.hash).toBe('#/collections');
  });

  it('leaves a trial kiosk locked when main refuses', async () => {
    api.unlockKiosk.mockResolvedValueOnce({ unlocked: false, why: 'wrong', retryAfterMs: 0 });
    await showKiosk(kioskState({ trial: true }));
    await pressOrganiserShortcut();
    expect(api.unlockKiosk).toHaveBeenCalledTimes(1);
    expect(organiserBar()).toBeNull();
    expect(pinPad()).toBeNull();
  });
});

describe("the organiser bar's trial notice", () => {
  it('says plainly that a trial kiosk was unlocked without a PIN, and what a real kiosk needs', async () => {
    await showKiosk(kioskState({ unlocked: true, trial: true }));
    const bar = organiserBar()!.textContent ?? '';
    expect(bar).toContain('Trial kiosk');
    expect(bar).toMatch(/trial kiosk: it was started with --kiosk and no kiosk file/);
    expect(bar).toMatch(/no organiser PIN and unlocked without one/);
    expect(bar).toMatch(
      /A real kiosk needs a kiosk file with a pinHash \(made by Make a kiosk file… on the Collections screen of Standalone on a computer, or with npm run kiosk:pin\)/,
    );
  });

  it('is not shown on a kiosk started with a kiosk file', async () => {
    await showKiosk(kioskState({ unlocked: true }));
    expect(organiserBar()!.textContent).not.toMatch(/trial/i);
  });
});
