// The start screen with no collection at all: the app's welcome tells the organiser what to do; a locked
// kiosk (its stands folder not there yet) tells visitors nothing they cannot act on.
import { describe, expect, it, vi } from 'vitest';
import { renderHost } from '../render-host';

const state = vi.hoisted(() => ({ organiser: true, kiosk: null as unknown }));

vi.mock('../../../renderer/src/hooks/app-state', () => ({
  useAppState: () => ({ collections: [], kiosk: state.kiosk, organiser: state.organiser }),
}));

const { Home } = await import('../../../renderer/src/App');

const host = renderHost();

const shown = async (): Promise<string> => {
  await host.render(<Home />);
  return host.element.textContent ?? '';
};

describe('the start screen with no stands', () => {
  it('tells the organiser to add a stands folder', async () => {
    state.organiser = true;
    state.kiosk = null;
    const text = await shown();
    expect(text).toContain('Point it at a stands folder to begin.');
    expect(host.element.querySelector('a')?.textContent).toBe('Add a stands folder');
  });

  it('tells visitors at a locked kiosk to ask a volunteer, with nothing to press', async () => {
    state.organiser = false;
    state.kiosk = { enabled: true, unlocked: false, settings: { collection: null, startScreen: 'overview' } };
    const text = await shown();
    expect(text).toContain('No stands to show yet');
    expect(text).toContain('Please ask a volunteer.');
    expect(text).not.toContain('stands folder');
    expect(host.element.querySelector('a, button')).toBeNull();
  });
});
