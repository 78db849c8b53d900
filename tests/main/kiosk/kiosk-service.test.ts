import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_KIOSK_SETTINGS, defaultKioskConfig } from '../../../main/kiosk/config';
import { createKioskService } from '../../../main/kiosk/kiosk-service';
import { hashPin } from '../../../main/kiosk/pin';
import { isKioskFilePath, loadKioskStartup, type KioskStartup } from '../../../main/kiosk/startup';
import type { Collection } from '../../../main/engine/types';

const FAST = { N: 1024, r: 8, p: 1 };

async function kioskStartup(overrides: Partial<KioskStartup> = {}): Promise<KioskStartup> {
  const config = defaultKioskConfig();
  config.pinHash = await hashPin('1357', { cost: FAST });
  return { enabled: true, config, configError: null, ...overrides };
}

describe('createKioskService', () => {
  it('starts locked and unlocks only with the right PIN', async () => {
    const service = createKioskService({ startup: await kioskStartup() });
    expect(await service.getKioskState()).toEqual({
      enabled: true,
      unlocked: false,
      trial: false,
      pinSet: true,
      settings: DEFAULT_KIOSK_SETTINGS,
      configError: null,
    });
    expect(service.isLocked()).toBe(true);
    expect(await service.unlockKiosk('0000')).toMatchObject({ unlocked: false });
    expect(service.lastAttempt()).toMatchObject({ ok: false, reason: 'wrong', attemptsBeforeLockout: 4 });
    expect(service.isLocked()).toBe(true);
    expect(await service.unlockKiosk('1357')).toMatchObject({ unlocked: true });
    expect(service.isLocked()).toBe(false);
    expect((await service.getKioskState()).unlocked).toBe(true);
    await service.lockKiosk();
    expect(service.isLocked()).toBe(true);
    expect((await service.getKioskState()).unlocked).toBe(false);
  });

  it('tells listeners about unlocking and locking, and stops when unsubscribed', async () => {
    const service = createKioskService({ startup: await kioskStartup() });
    const listener = vi.fn();
    const stop = service.onChange(listener);
    await service.unlockKiosk('1357');
    await service.lockKiosk();
    await service.lockKiosk(); // already locked: no news
    expect(listener.mock.calls.map(([state]) => state.unlocked)).toEqual([true, false]);
    stop();
    await service.unlockKiosk('1357');
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('locks itself again when the organiser walks away, and says so', async () => {
    let now = 0;
    const timers: { ms: number; run: () => void; cancelled: boolean }[] = [];
    const service = createKioskService({
      startup: await kioskStartup(),
      now: () => now,
      unlockTtlMs: 60_000,
      schedule: (ms, run) => {
        const timer = { ms, run, cancelled: false };
        timers.push(timer);
        return () => void (timer.cancelled = true);
      },
    });
    const listener = vi.fn();
    service.onChange(listener);
    await service.unlockKiosk('1357');
    expect(timers).toMatchObject([{ ms: 60_000, cancelled: false }]);
    now = 59_999;
    expect(service.isLocked()).toBe(false);
    now = 60_000;
    expect(service.isLocked()).toBe(true);
    expect((await service.getKioskState()).unlocked).toBe(false);
    timers[0]!.run();
    await vi.waitFor(() => expect(listener).toHaveBeenCalledTimes(2));
    expect(listener.mock.calls[1]![0].unlocked).toBe(false);

    // Locking by hand cancels the pending expiry.
    now = 0;
    await service.unlockKiosk('1357');
    await service.lockKiosk();
    expect(timers[1]!.cancelled).toBe(true);
  });

  it('tells the PIN pad how long to wait after too many wrong PINs, and that a PIN then is not checked', async () => {
    let clock = 1_000_000;
    const service = createKioskService({ startup: await kioskStartup(), now: () => clock });
    for (let i = 0; i < 4; i += 1) {
      expect(await service.unlockKiosk('0000')).toEqual({ unlocked: false, why: 'wrong', retryAfterMs: 0 });
    }
    expect(await service.unlockKiosk('0000')).toEqual({
      unlocked: false,
      why: 'wrong',
      retryAfterMs: 30_000,
    });
    clock += 10_000;
    // The right PIN, while main checks none: not "wrong".
    expect(await service.unlockKiosk('1357')).toEqual({
      unlocked: false,
      why: 'waiting',
      retryAfterMs: 20_000,
    });
    clock += 20_000;
    expect(await service.unlockKiosk('1357')).toEqual({ unlocked: true });
  });

  it('refuses hostile arguments without checking them', async () => {
    const service = createKioskService({ startup: await kioskStartup() });
    expect(await service.unlockKiosk('1'.repeat(100_000))).toMatchObject({ unlocked: false });
    expect(await service.unlockKiosk({ toString: () => '1357' } as unknown as string)).toMatchObject({
      unlocked: false,
    });
    expect(service.lastAttempt()).toBeNull();
  });

  it('is a plain, unlockable-never service outside kiosk mode', async () => {
    const service = createKioskService({
      startup: await kioskStartup({ enabled: false, configError: 'ignored' }),
    });
    expect(await service.unlockKiosk('1357')).toMatchObject({ unlocked: false });
    expect(service.isLocked()).toBe(false);
    expect(await service.getKioskState()).toMatchObject({
      enabled: false,
      unlocked: false,
      configError: null,
    });
  });

  it('passes the configuration error on for organisers', async () => {
    const service = createKioskService({ startup: await kioskStartup({ configError: 'The kiosk file x…' }) });
    expect((await service.getKioskState()).configError).toBe('The kiosk file x…');
  });

  it("turns the file's edition into the indexed collection's id", async () => {
    const startup = await kioskStartup();
    startup.config.settings.collection = '2022';
    const collections = [{ id: 'fosdem-2022', name: 'Stands', year: 2022 } as Collection];
    const service = createKioskService({ startup, listCollections: async () => collections });
    expect((await service.getKioskState()).settings.collection).toBe('fosdem-2022');
    // The state handed out is a copy: changing it changes nothing inside.
    const state = await service.getKioskState();
    state.settings.featured.stands.push('evil');
    expect((await service.getKioskState()).settings.featured.stands).toEqual([]);
  });

  it("starts on the kiosk file's own folder when the machine knew another of the same name", async () => {
    const startup = await kioskStartup();
    const mine = resolve('/kiosk/stands/fosdem-2021');
    startup.config.folders = [mine];
    startup.config.settings.collection = 'fosdem-2021';
    const collections = [
      { id: 'fosdem-2021', name: 'fosdem-2021', year: 2021, root: resolve('/old/fosdem-2021') },
      { id: 'fosdem-2021-2', name: 'fosdem-2021', year: 2021, root: mine },
    ] as Collection[];
    const service = createKioskService({ startup, listCollections: async () => collections });
    expect((await service.getKioskState()).settings.collection).toBe('fosdem-2021-2');
  });

  it('quits the app for an organiser who unlocked it, and refuses while locked', async () => {
    const quit = vi.fn();
    const service = createKioskService({ startup: await kioskStartup(), quit });
    await expect(service.quitKiosk()).rejects.toThrow(/locked: unlock it with the organiser PIN/);
    expect(quit).not.toHaveBeenCalled();
    await service.unlockKiosk('1357');
    await service.quitKiosk();
    expect(quit).toHaveBeenCalledTimes(1);
    // Locked again (by hand, the idle reset or the expiry): refused again.
    await service.lockKiosk();
    await expect(service.quitKiosk()).rejects.toThrow(/locked/);
    expect(quit).toHaveBeenCalledTimes(1);
  });

  it('does not quit the app outside kiosk mode, or without a way to quit', async () => {
    const quit = vi.fn();
    const off = createKioskService({ startup: await kioskStartup({ enabled: false }), quit });
    await expect(off.quitKiosk()).rejects.toThrow();
    const noQuit = createKioskService({ startup: await kioskStartup() });
    await noQuit.unlockKiosk('1357');
    await expect(noQuit.quitKiosk()).rejects.toThrow();
    expect(quit).not.toHaveBeenCalled();
  });

  it('works with its methods detached, as an IPC services object uses them', async () => {
    const { getKioskState, unlockKiosk, lockKiosk } = createKioskService({ startup: await kioskStartup() });
    expect(await unlockKiosk('1357')).toMatchObject({ unlocked: true });
    await lockKiosk();
    expect((await getKioskState()).unlocked).toBe(false);
  });
});

describe('isKioskFilePath', () => {
  it.each([
    ['hall.standalone-kiosk', true],
    ['hall.standalone-kiosk.json', true],
    ['/media/usb/Entrance.Standalone-Kiosk', true],
    ['C:\\Kiosk\\hall.standalone-kiosk.json', true],
    ['--kiosk', false],
    ['--x=a.standalone-kiosk.json', false],
    ['/stands/fosdem-2021', false],
    ['kiosk.json', false],
    ['hall.standalone-kiosk.txt', false],
  ])('%s → %s', (arg, expected) => {
    expect(isKioskFilePath(arg)).toBe(expected);
  });
});

describe('loadKioskStartup', () => {
  it('is not a kiosk without --kiosk or a kiosk file', async () => {
    expect(await loadKioskStartup({ kiosk: false, configFile: null })).toEqual({
      enabled: false,
      config: defaultKioskConfig(),
      configError: null,
      trial: false,
    });
  });

  it('makes --kiosk without a file a trial kiosk, which unlocks without a PIN', async () => {
    const startup = await loadKioskStartup({ kiosk: true, configFile: null, trial: true });
    expect(startup).toMatchObject({ enabled: true, trial: true, configError: null });
    expect(startup.config.pinHash).toBeNull();
    const service = createKioskService({ startup });
    expect(await service.getKioskState()).toMatchObject({ enabled: true, trial: true, unlocked: false });
    expect(service.isLocked()).toBe(true);
    expect(await service.unlockKiosk('')).toMatchObject({ unlocked: true });
    expect(service.isLocked()).toBe(false);
    expect((await service.getKioskState()).unlocked).toBe(true);
    // It locks like any kiosk (Lock kiosk, the idle reset), and the gesture unlocks it again.
    await service.lockKiosk();
    expect(service.isLocked()).toBe(true);
    expect(await service.unlockKiosk('')).toMatchObject({ unlocked: true });
  });

  it.each([
    ['without pinHash', '{ "folders": [] }'],
    ['with "pinHash": null', '{ "pinHash": null }'],
    ['that is broken', '{ "pinHash": "scrypt$1$2" '],
  ])('keeps a kiosk file %s locked: no PIN unlocks it on screen', async (_name, text) => {
    const dir = mkdtempSync(join(tmpdir(), 'standalone-kiosk-trial-'));
    try {
      const file = join(dir, 'hall.standalone-kiosk');
      writeFileSync(file, text);
      const startup = await loadKioskStartup({ kiosk: true, configFile: file });
      expect(startup).toMatchObject({ enabled: true, trial: false });
      expect(startup.config.pinHash).toBeNull();
      // The organiser opening the PIN pad is told why no PIN works, not that theirs is wrong.
      expect(startup.configError).toContain('no usable pinHash, so no PIN unlocks this kiosk');
      // …and how to make one with the installed app alone, before the script from a source checkout.
      expect(startup.configError).toContain('"Make a kiosk file…" on the Collections screen of Standalone');
      const service = createKioskService({ startup });
      expect((await service.getKioskState()).trial).toBe(false);
      expect((await service.getKioskState()).pinSet).toBe(false);
      expect(await service.unlockKiosk('')).toMatchObject({ unlocked: false });
      expect(await service.unlockKiosk('1357')).toMatchObject({ unlocked: false });
      expect(service.isLocked()).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps a file-less kiosk locked unless it was asked for as a trial (--kiosk with a folder)', async () => {
    const startup = await loadKioskStartup({ kiosk: true, configFile: null });
    expect(startup).toMatchObject({ enabled: true, trial: false });
    expect(startup.configError).toContain('cannot be unlocked on screen');
    const service = createKioskService({ startup });
    expect(await service.unlockKiosk('')).toMatchObject({ unlocked: false });
    expect(service.isLocked()).toBe(true);
  });

  it('keeps a kiosk whose file was asked for but not named locked: a broken shortcut is no trial', async () => {
    const startup = await loadKioskStartup({
      kiosk: true,
      configFile: null,
      fileMissing: true,
      trial: true,
    });
    expect(startup).toMatchObject({ enabled: true, trial: false });
    expect(startup.configError).toContain('cannot be unlocked on screen');
    const service = createKioskService({ startup });
    expect(await service.getKioskState()).toMatchObject({ enabled: true, trial: false });
    expect(await service.unlockKiosk('')).toMatchObject({ unlocked: false });
    expect(service.isLocked()).toBe(true);
  });

  it('never makes a trial kiosk of a file-less start outside kiosk mode', async () => {
    const service = createKioskService({
      startup: await loadKioskStartup({ kiosk: false, configFile: null }),
    });
    expect(await service.getKioskState()).toMatchObject({ enabled: false, trial: false });
    expect(await service.unlockKiosk('')).toMatchObject({ unlocked: false });
  });

  it('starts a safe default kiosk when the named file is missing', async () => {
    const file = resolve('/definitely/not/here.standalone-kiosk');
    const startup = await loadKioskStartup({ kiosk: true, configFile: file });
    expect(startup.enabled).toBe(true);
    expect(startup.config).toEqual(defaultKioskConfig());
    expect(startup.configError).toContain('• the file does not exist');
  });
});
