// A screen that throws while rendering (stand data it did not expect) must cost that screen only: with no
// boundary React unmounts the whole app, the window goes blank and a kiosk stays blank until restarted.
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Collection } from '../../main/engine/types';
import type { KioskState } from '../../preload/contract';
import { kioskState } from './kiosk-state';
import type { AppState } from '../../renderer/src/hooks/app-state';

const state = vi.hoisted(() => ({ kiosk: null as KioskState | null }));
const standData = new Error('stand data no screen expected');

vi.mock('../../renderer/src/api', () => ({
  hasApi: true,
  api: { lockKiosk: () => Promise.resolve(), onEvent: () => () => undefined },
}));

const demo = {
  id: 'demo',
  name: 'Demo stands',
  indexedAt: new Date().toISOString(),
  available: true,
} as Collection;

vi.mock('../../renderer/src/hooks/app-state', () => ({
  AppStateProvider: ({ children }: { children: ReactNode }) => children,
  useAppState: (): Partial<AppState> => ({
    collections: [demo],
    revision: 0,
    progress: {},
    notices: [],
    dismissNotice: () => undefined,
    kiosk: state.kiosk,
    organiser: false,
  }),
}));

vi.mock('../../renderer/src/screens/StandScreen', () => ({
  StandScreen: () => {
    throw standData;
  },
}));
vi.mock('../../renderer/src/screens/OverviewScreen', () => ({
  OverviewScreen: ({ collection }: { collection: string }) => <h1>Overview of {collection}</h1>,
}));
vi.mock('../../renderer/src/screens/ThemesScreen', () => ({
  ThemesScreen: () => <h1>Themes screen</h1>,
}));

const { App } = await import('../../renderer/src/App');
const { navigate } = await import('../../renderer/src/lib/hash-location');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// The shell restores scroll on every route; jsdom only says it cannot.
window.scrollTo = () => undefined;

let host: HTMLElement;
let root: Root;
let logged: ReturnType<typeof vi.spyOn>;

async function showApp(at: string): Promise<void> {
  history.replaceState(null, '', `#${at}`);
  await act(async () => root.render(<App />));
}

const text = () => host.textContent ?? '';

beforeEach(() => {
  state.kiosk = null;
  logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  host = document.createElement('div');
  document.body.append(host);
  // As main.tsx: the boundary logs what it catches. An uncaught error would unmount the app (no rethrow).
  root = createRoot(host, { onCaughtError: () => undefined, onUncaughtError: () => undefined });
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
  logged.mockRestore();
  vi.useRealTimers();
});

describe('a screen that fails to render', () => {
  it('says so inside the shell, logs once, and the next route shows again', async () => {
    await showApp('/c/demo/stands/broken');

    expect(host.querySelector('[role="alert"]')?.textContent).toMatch(/This page could not be shown\./);
    expect(host.querySelector('.sa-header nav[aria-label="Main"]')?.textContent).toContain('Themes');
    expect(host.querySelector('a[href="#/"]')?.textContent).toBe('Go to the start');
    const reports = logged.mock.calls.filter((call: unknown[]) => call.includes(standData));
    expect(reports).toHaveLength(1);
    expect(String(reports[0]![0])).toContain('#/c/demo/stands/broken');

    await act(async () => navigate('/c/demo/themes'));
    expect(text()).toContain('Themes screen');
    expect(host.querySelector('[role="alert"]')).toBeNull();

    await act(async () => navigate('/c/demo/stands/broken'));
    expect(text()).toMatch(/This page could not be shown/);
  });

  it('in a kiosk, keeps the visitor bar and returns to the start on the idle reset', async () => {
    vi.useFakeTimers();
    state.kiosk = kioskState({}, { idleTimeoutSeconds: 60 });
    await showApp('/c/demo/stands/broken');
    expect(text()).toMatch(/This page could not be shown/);
    expect(host.querySelector('nav[aria-label="Kiosk"]')?.textContent).toContain('Start');

    await act(async () => vi.advanceTimersByTime(60_000));
    expect(text()).toContain('Overview of demo');
    expect(host.querySelector('[role="alert"]')).toBeNull();
  });
});
