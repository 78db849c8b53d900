// The organiser's PIN pad: a kiosk that no PIN can unlock (its file has no usable pinHash) says so, rather
// than answering every PIN with "That PIN is not right"; and after too many wrong PINs, when main checks
// no PIN for a while, it says how long to wait instead of calling the right PIN wrong.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UnlockResult } from '../../../preload/contract';
import { renderHost } from '../render-host';

const unlockKiosk = vi.hoisted(() =>
  vi.fn(async (_pin: string): Promise<UnlockResult> => ({ unlocked: false, why: 'wrong', retryAfterMs: 0 })),
);
vi.mock('../../../renderer/src/api', () => ({ api: { unlockKiosk } }));

const { PinPad } = await import('../../../renderer/src/kiosk/PinPad');

const host = renderHost();

const button = (name: string) =>
  [...host.element.querySelectorAll('button')].find((b) =>
    b.textContent?.startsWith(name),
  ) as HTMLButtonElement;
const message = () => host.element.querySelector('#sa-pinpad-message')?.textContent ?? '';

async function show(pinSet: boolean): Promise<void> {
  await host.render(
    <PinPad configError={null} pinSet={pinSet} onUnlocked={() => undefined} onClose={() => undefined} />,
  );
}

async function tryPin(): Promise<string> {
  await act(async () => button('2').click());
  await act(async () => button('Unlock').click());
  return message();
}

describe('the PIN pad', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'Date'] }));
  afterEach(() => {
    vi.useRealTimers();
    unlockKiosk.mockReset();
    unlockKiosk.mockResolvedValue({ unlocked: false, why: 'wrong', retryAfterMs: 0 });
  });

  it('says a PIN is wrong when the kiosk has one', async () => {
    await show(true);
    expect(await tryPin()).toBe('That PIN is not right (1 wrong so far).');
  });

  it('says no PIN unlocks a kiosk whose file has none, instead of "wrong PIN"', async () => {
    unlockKiosk.mockResolvedValue({ unlocked: false, why: 'no-pin', retryAfterMs: 0 });
    await show(false);
    const said = await tryPin();
    expect(said).toBe('No PIN unlocks this kiosk: its kiosk file has no usable pinHash.');
    expect(said).not.toContain('not right');
  });

  it('says how long to wait after too many wrong PINs, counts down, and never calls a PIN it did not check wrong', async () => {
    await show(true);
    unlockKiosk.mockResolvedValueOnce({ unlocked: false, why: 'wrong', retryAfterMs: 30_000 });
    expect(await tryPin()).toBe('That PIN is not right. Wait 30 seconds before the next try.');
    // Unlock waits too, so a PIN typed now is not spent on a check that cannot happen.
    await act(async () => button('2').click());
    expect(button('Unlock').disabled).toBe(true);
    await act(async () => vi.advanceTimersByTime(12_000));
    expect(message()).toBe('That PIN is not right. Wait 18 seconds before the next try.');
    await act(async () => vi.advanceTimersByTime(18_000));
    expect(button('Unlock').disabled).toBe(false);

    // Main still waiting (another window, a clock that moved): the PIN was not checked at all.
    unlockKiosk.mockResolvedValueOnce({ unlocked: false, why: 'waiting', retryAfterMs: 5_000 });
    const said = await tryPin();
    expect(said).toBe('Too many wrong PINs: no PIN is checked for 5 more seconds. Try again then.');
    expect(said).not.toContain('not right');
  });
});
