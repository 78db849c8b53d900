// Kiosk mode's service. For now kiosk mode is off and these are its defaults; kiosk mode (its own issue)
// replaces `createKioskService` with one that reads the kiosk file, checks the PIN and emits `kiosk` events.
import type { KioskSettings, KioskState } from '../../preload/contract';

export const DEFAULT_KIOSK_SETTINGS: Readonly<KioskSettings> = Object.freeze({
  idleTimeoutSeconds: 90,
  attract: { enabled: true, slideSeconds: 8 },
  featured: { stands: [], themes: [] },
  startScreen: 'overview',
  collection: null,
  textSize: 'normal',
});

export interface KioskService {
  /** Whether the app runs as a kiosk (no links out, locked window). */
  enabled(): boolean;
  getState(): KioskState;
  unlock(pin: string): boolean;
  lock(): void;
}

export interface KioskOptions {
  /** `--kiosk` or `--kiosk-config` given; kiosk mode itself is not implemented yet. */
  requested: boolean;
  configFile: string | null;
}

/** The kiosk service; until kiosk mode lands it always reports kiosk mode off and refuses every PIN. */
export function createKioskService(
  options: KioskOptions = { requested: false, configFile: null },
): KioskService {
  const configError = options.requested ? 'Kiosk mode is not available in this version yet.' : null;
  return {
    enabled: () => false,
    getState: () => ({
      enabled: false,
      unlocked: false,
      settings: structuredClone(DEFAULT_KIOSK_SETTINGS) as KioskSettings,
      configError,
    }),
    unlock: () => false,
    lock: () => undefined,
  };
}
