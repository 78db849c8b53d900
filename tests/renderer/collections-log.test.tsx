// The collections screen tells organisers where the app's log is, so a kiosk that misbehaved while nobody
// watched can be looked into; without a log (the test harness) it says nothing of one.
import { describe, expect, it, vi } from 'vitest';
import { renderHost } from './render-host';

const state = vi.hoisted(() => ({ logFile: null as string | null, organiser: true }));

vi.mock('../../renderer/src/hooks/app-state', () => ({
  useAppState: () => ({
    collections: [],
    progress: {},
    organiser: state.organiser,
    refreshCollections: async () => undefined,
    notify: () => undefined,
    appInfo: {
      version: '1.2.3',
      platform: 'linux',
      kiosk: false,
      demo: false,
      notices: [],
      logFile: state.logFile,
    },
  }),
}));

const { CollectionsScreen, addedText } = await import('../../renderer/src/screens/CollectionsScreen');

const host = renderHost();

const render = () => host.render(<CollectionsScreen />);

describe("the collections screen's log line", () => {
  it("names the app's log file for organisers", async () => {
    state.logFile = '/home/organiser/.config/Standalone/logs/main.log';
    state.organiser = true;
    await render();
    expect(host.element.querySelector('code')?.textContent).toBe(
      '/home/organiser/.config/Standalone/logs/main.log',
    );
    expect(host.element.textContent).toContain('is written to Standalone’s log');
  });

  it('says nothing of a log when there is none, nor to visitors at a locked kiosk', async () => {
    state.logFile = null;
    state.organiser = true;
    await render();
    expect(host.element.textContent).not.toContain('log');
    state.logFile = '/home/kiosk/.config/Standalone/logs/main.log';
    state.organiser = false;
    await render();
    expect(host.element.textContent).not.toContain('main.log');
  });
});

describe('the collections screen and right-to-left names', () => {
  it("shows paths left to right, and isolates an added edition's name in its notice", async () => {
    state.logFile = '/home/organiser/.config/Standalone/logs/main.log';
    state.organiser = true;
    await render();
    expect(host.element.querySelector('code')?.getAttribute('dir')).toBe('ltr');
    expect(addedText('מרכז 2031')).toBe('Added “\u2068מרכז 2031\u2069”.');
  });
});
