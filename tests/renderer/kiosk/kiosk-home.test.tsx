// The start screen with no collection at all: the app's welcome tells the organiser what to do; a locked
// kiosk (its stands folder not there yet) tells visitors nothing they cannot act on.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({ organiser: true, kiosk: null as unknown }));

vi.mock('../../../renderer/src/hooks/app-state', () => ({
  useAppState: () => ({ collections: [], kiosk: state.kiosk, organiser: state.organiser }),
}));

const { Home } = await import('../../../renderer/src/App');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let host: HTMLElement;

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

const shown = async (): Promise<string> => {
  await act(async () => root.render(<Home />));
  return host.textContent ?? '';
};

describe('the start screen with no stands', () => {
  it('tells the organiser to add a stands folder', async () => {
    state.organiser = true;
    state.kiosk = null;
    const text = await shown();
    expect(text).toContain('Point it at a stands folder to begin.');
    expect(host.querySelector('a')?.textContent).toBe('Add a stands folder');
  });

  it('tells visitors at a locked kiosk to ask a volunteer, with nothing to press', async () => {
    state.organiser = false;
    state.kiosk = { enabled: true, unlocked: false, settings: { collection: null, startScreen: 'overview' } };
    const text = await shown();
    expect(text).toContain('No stands to show yet');
    expect(text).toContain('Please ask a volunteer.');
    expect(text).not.toContain('stands folder');
    expect(host.querySelector('a, button')).toBeNull();
  });
});
