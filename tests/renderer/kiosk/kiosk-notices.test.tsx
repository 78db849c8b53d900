// Notices from main (a stands folder not available, live updates stopped) are for whoever looks after the
// app: on a locked kiosk they wait for the organiser instead of showing visitors paths and a Dismiss button.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderHost } from '../render-host';
import type { Notice } from '../../../renderer/src/hooks/app-state';

const state = vi.hoisted(() => ({ organiser: true, notices: [] as Notice[] }));

vi.mock('../../../renderer/src/hooks/app-state', () => ({
  useAppState: () => ({
    collections: [],
    progress: {},
    notices: state.notices,
    dismissNotice: () => undefined,
    organiser: state.organiser,
  }),
}));

const { Shell } = await import('../../../renderer/src/components/Shell');

const host = renderHost();

beforeEach(() => {
  state.notices = [
    { id: 1, level: 'warning', message: 'The stands folder /home/kiosk/Kiosk/stands is not available.' },
  ];
});

const shownNotices = async (): Promise<string[]> => {
  await host.render(<Shell>screen</Shell>);
  return [...host.element.querySelectorAll('.sa-notice')].map((n) => n.textContent ?? '');
};

describe('notices', () => {
  it('are shown in the app and on an unlocked kiosk', async () => {
    state.organiser = true;
    expect(await shownNotices()).toEqual([
      'The stands folder /home/kiosk/Kiosk/stands is not available.Dismiss',
    ]);
  });

  it('are kept from visitors on a locked kiosk', async () => {
    state.organiser = false;
    expect(await shownNotices()).toEqual([]);
    expect(host.element.textContent).toContain('screen');
  });
});
