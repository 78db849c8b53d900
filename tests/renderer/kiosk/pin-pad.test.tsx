// The organiser's PIN pad: a kiosk that no PIN can unlock (its file has no usable pinHash) says so, rather
// than answering every PIN with "That PIN is not right".
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderHost } from '../render-host';

const unlockKiosk = vi.hoisted(() => vi.fn(async (_pin: string) => false));
vi.mock('../../../renderer/src/api', () => ({ api: { unlockKiosk } }));

const { PinPad } = await import('../../../renderer/src/kiosk/PinPad');

const host = renderHost();

async function tryPin(pinSet: boolean): Promise<string> {
  await host.render(
    <PinPad configError={null} pinSet={pinSet} onUnlocked={() => undefined} onClose={() => undefined} />,
  );
  const button = (name: string) =>
    [...host.element.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement;
  await act(async () => button('2').click());
  await act(async () => button('Unlock').click());
  return host.element.querySelector('#sa-pinpad-message')?.textContent ?? '';
}

describe('the PIN pad', () => {
  it('says a PIN is wrong when the kiosk has one', async () => {
    expect(await tryPin(true)).toBe('That PIN is not right (1 wrong so far).');
  });

  it('says no PIN unlocks a kiosk whose file has none, instead of "wrong PIN"', async () => {
    const message = await tryPin(false);
    expect(message).toBe('No PIN unlocks this kiosk: its kiosk file has no usable pinHash.');
    expect(message).not.toContain('not right');
  });
});
