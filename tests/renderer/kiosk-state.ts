// A kiosk's state as main sends it to the renderer: locked, with a PIN, on the "demo" edition.
import type { KioskSettings, KioskState } from '../../preload/contract';

export function kioskState(
  overrides: Partial<Omit<KioskState, 'settings'>> = {},
  settings: Partial<KioskSettings> = {},
): KioskState {
  return {
    enabled: true,
    unlocked: false,
    trial: false,
    pinSet: true,
    configError: null,
    settings: {
      idleTimeoutSeconds: 90,
      attract: { enabled: false, slideSeconds: 8 },
      featured: { stands: [], themes: [] },
      startScreen: 'overview',
      collection: 'demo',
      textSize: 'normal',
      ...settings,
    },
    ...overrides,
  };
}
