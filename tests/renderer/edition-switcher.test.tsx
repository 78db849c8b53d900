// The header's edition switcher: chosen with the mouse or by touch, an edition opens at once; stepped
// through with the keyboard (where each arrow key changes a closed select at once), it opens on Enter or
// when the switcher is left, not at every step.
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Collection } from '../../main/engine/types';
import { EditionSwitcher } from '../../renderer/src/components/Shell';
import { renderHost } from './render-host';

const host = renderHost();

const editions = ['lantern-2029', 'lantern-2030', 'lantern-2031'].map(
  (id) => ({ id, name: `${id} Stands` }) as Collection,
);

async function switcher() {
  const onSwitch = vi.fn();
  await host.render(<EditionSwitcher collections={editions} current="lantern-2031" onSwitch={onSwitch} />);
  const select = host.element.querySelector('select')!;
  const fire = (event: Event) => act(() => void select.dispatchEvent(event));
  const key = (name: string) => fire(new KeyboardEvent('keydown', { key: name, bubbles: true }));
  const choose = (id: string) => {
    select.value = id;
    return fire(new Event('change', { bubbles: true }));
  };
  const leave = () => fire(new FocusEvent('focusout', { bubbles: true }));
  return { onSwitch, select, key, choose, leave };
}

describe('the edition switcher', () => {
  it('opens an edition chosen with the mouse or by touch at once', async () => {
    const { onSwitch, choose } = await switcher();
    await choose('lantern-2030');
    expect(onSwitch).toHaveBeenCalledWith('lantern-2030');
  });

  it('opens nothing while the arrow keys step through the editions, and the last one on Enter', async () => {
    const { onSwitch, select, key, choose } = await switcher();
    await key('ArrowUp');
    await choose('lantern-2030');
    await key('ArrowUp');
    await choose('lantern-2029');
    expect(onSwitch).not.toHaveBeenCalled();
    expect(select.value).toBe('lantern-2029');
    await key('Enter');
    expect(onSwitch).toHaveBeenCalledTimes(1);
    expect(onSwitch).toHaveBeenCalledWith('lantern-2029');
  });

  it('opens the edition stepped to when the switcher is left, and nothing when it is back where it was', async () => {
    const stepped = await switcher();
    await stepped.key('ArrowUp');
    await stepped.choose('lantern-2030');
    await stepped.leave();
    expect(stepped.onSwitch).toHaveBeenCalledWith('lantern-2030');

    const back = await switcher();
    await back.key('ArrowUp');
    await back.choose('lantern-2030');
    await back.key('ArrowDown');
    await back.choose('lantern-2031');
    await back.leave();
    await back.key('Enter');
    expect(back.onSwitch).not.toHaveBeenCalled();
  });
});

describe('two editions of the same name', () => {
  it("tells them apart by their folders' ids, in the header and in the kiosk file's edition list", async () => {
    // A copy of last year's folder whose config.toml still has last year's title.
    const twins = [
      { id: 'fosdem-2021', name: 'FOSDEM 2021 Stands' },
      { id: 'stands-2022', name: 'FOSDEM 2021 Stands' },
      { id: 'lantern-2031', name: 'Lantern 2031 Stands' },
    ] as Collection[];
    await host.render(
      <EditionSwitcher collections={twins} current="stands-2022" onSwitch={() => undefined} />,
    );
    expect([...host.element.querySelectorAll('option')].map((option) => option.textContent)).toEqual([
      'FOSDEM 2021 (fosdem-2021)',
      'FOSDEM 2021 (stands-2022)',
      'Lantern 2031',
    ]);
  });
});
