// The notice area above every screen: a message that comes again (live updates failing on each save, a
// folder away at each look) is one notice, moved to the end, not a stack of the same words pushing the
// screen down; and at most five are kept.
import { describe, expect, it } from 'vitest';
import { withNotice, type Notice } from '../../renderer/src/hooks/app-state';

const notice = (id: number, message: string, level: Notice['level'] = 'warning'): Notice => ({
  id,
  level,
  message,
});

describe('withNotice', () => {
  it('shows a message that comes again once, as the newest', () => {
    let list: Notice[] = [];
    list = withNotice(list, notice(1, 'Live updates stopped working: EMFILE'));
    list = withNotice(list, notice(2, 'The stands folder /media/usb is not available.'));
    list = withNotice(list, notice(3, 'Live updates stopped working: EMFILE'));
    expect(list.map((n) => [n.id, n.message])).toEqual([
      [2, 'The stands folder /media/usb is not available.'],
      [3, 'Live updates stopped working: EMFILE'],
    ]);
  });

  it('keeps the same words at another level apart', () => {
    const list = withNotice([notice(1, 'Saved.', 'info')], notice(2, 'Saved.', 'error'));
    expect(list.map((n) => n.id)).toEqual([1, 2]);
  });

  it('keeps the five newest', () => {
    let list: Notice[] = [];
    for (let id = 1; id <= 7; id++) list = withNotice(list, notice(id, `Message ${id}`));
    expect(list.map((n) => n.id)).toEqual([3, 4, 5, 6, 7]);
  });
});
