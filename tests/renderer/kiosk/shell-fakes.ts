// What the kiosk shell's tests stand in for main with: the bridge's kiosk calls, and the app state holding
// the kiosk's state and one "demo" edition. Shared by the test files that render KioskShell; each test sets
// `shell.kiosk` before rendering.
import { vi } from 'vitest';
import type { Collection } from '../../../main/engine/types';
import type { KioskState, UnlockResult } from '../../../preload/contract';

export const shell = { kiosk: null as KioskState | null };

export const api = {
  lockKiosk: vi.fn(() => Promise.resolve()),
  unlockKiosk: vi.fn((_pin: string): Promise<UnlockResult> => Promise.resolve({ unlocked: true })),
  quitKiosk: vi.fn(() => Promise.resolve()),
  onEvent: () => () => undefined,
};

const demo: Collection = {
  id: 'demo',
  root: '/demo',
  name: 'Demo stands',
  year: null,
  indexedAt: new Date().toISOString(),
  available: true,
  counts: { stands: 0, listedStands: 0, pages: 0, themes: 0, assets: 0, errors: 0, warnings: 0 },
};

/** The module `renderer/src/hooks/app-state` as the shell's tests mock it. */
export const appStateModule = () => ({
  useAppState: () => ({ kiosk: shell.kiosk, collections: [demo] }),
});
