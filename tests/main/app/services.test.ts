import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Channel, type KioskState } from '../../../preload/contract';
import { createEngineClient, type EngineClient } from '../../../main/app/engine-client';
import { createDispatcher } from '../../../main/app/ipc';
import {
  createAppServices,
  kioskOff,
  type AppServicesDeps,
  type KioskChannels,
} from '../../../main/app/services';
import { openSettings } from '../../../main/app/settings';
import { defaultKioskConfig, loadKioskConfig } from '../../../main/kiosk/config';
import { createKioskService } from '../../../main/kiosk/kiosk-service';
import { hashPin } from '../../../main/kiosk/pin';
import { createFakeEngine } from './fake-engine';

let tmp: string;
let client: EngineClient;

beforeEach(() => {
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'standalone-services-')));
  mkdirSync(join(tmp, 'demo'));
  client = createEngineClient({ open: (o) => createFakeEngine(o), setup: { dbFile: null } });
});
afterEach(async () => {
  await client.close();
  rmSync(tmp, { recursive: true, force: true });
});

function build(
  overrides: Partial<Omit<AppServicesDeps, 'openExternalUrl'>> & {
    kiosk?: KioskChannels;
    openExternalUrl?: (url: string) => Promise<void>;
  } = {},
) {
  const openExternalUrl = overrides.openExternalUrl ?? vi.fn(async () => undefined);
  const app = createAppServices({
    engine: client,
    settings: openSettings(null),
    emit: () => undefined,
    demoRoot: join(tmp, 'demo'),
    pickFolder: async () => null,
    version: '1.2.3',
    platform: 'linux',
    startupNotices: ['Only one folder can be opened from the command line; ignoring /b.'],
    logFile: '/home/organiser/.config/Standalone/logs/main.log',
    availabilityIntervalMs: 0,
    ...overrides,
    openExternalUrl,
  });
  return { ...app, openExternalUrl };
}

describe('openExternal', () => {
  it('opens a checked http(s) or mailto link with its normalized form', async () => {
    const { services, openExternalUrl } = build();
    expect(await services.openExternal('HTTPS://Example.org/x')).toEqual({ opened: true });
    expect(openExternalUrl).toHaveBeenCalledWith('https://example.org/x');
  });

  it('refuses other schemes without calling the system', async () => {
    const { services, openExternalUrl } = build();
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share']) {
      expect(await services.openExternal(url)).toMatchObject({ opened: false });
    }
    expect(openExternalUrl).not.toHaveBeenCalled();
  });

  it('refuses every link in kiosk mode', async () => {
    const on = kioskOff();
    const kiosk: KioskChannels = {
      ...on,
      getKioskState: async () => ({ ...(await on.getKioskState()), enabled: true }) as KioskState,
    };
    const { services, openExternalUrl } = build({ kiosk });
    expect(await services.openExternal('HTTPS://Example.org/')).toEqual({
      opened: false,
      reason: expect.stringMatching(/QR/),
      // What the QR code may hold: the link as it would have been opened.
      url: 'https://example.org/',
    });
    // A link main would refuse is not taken away either: no URL for a code.
    expect(await services.openExternal('mailto:team@example.org?attach=/etc/passwd')).toEqual({
      opened: false,
      reason: 'The e-mail link asks the mail program for more than an address, subject and text.',
    });
    expect(openExternalUrl).not.toHaveBeenCalled();
  });

  it('reports a system failure instead of throwing', async () => {
    const { services } = build({ openExternalUrl: async () => Promise.reject(new Error('no browser')) });
    expect(await services.openExternal('https://example.org/')).toEqual({
      opened: false,
      reason: 'The system could not open the link: no browser',
      url: 'https://example.org/',
    });
  });
});

describe('other services', () => {
  it('describes the app, with the demo flag and every start-up notice', async () => {
    const { services, folders } = build();
    await folders.start();
    const info = await services.getAppInfo();
    expect(info).toMatchObject({
      version: '1.2.3',
      platform: 'linux',
      kiosk: false,
      demo: true,
      logFile: '/home/organiser/.config/Standalone/logs/main.log',
    });
    expect(info.notices).toEqual([
      'Only one folder can be opened from the command line; ignoring /b.',
      'store rebuilt (fake)',
    ]);
    await folders.stop();
  });

  it('answers kiosk channels with kiosk mode off', async () => {
    const { services } = build();
    expect(await services.getKioskState()).toMatchObject({
      enabled: false,
      unlocked: false,
      configError: null,
    });
    expect(await services.unlockKiosk('1234')).toMatchObject({ unlocked: false });
    await expect(Promise.resolve(services.lockKiosk())).resolves.toBeUndefined();
  });

  it('makes an SVG QR code', async () => {
    const { services } = build();
    const svg = await services.makeQrSvg('https://quillpad.example.org/');
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).not.toMatch(/<script|on\w+=/i);
  });

  it('answers an empty search without asking the engine', async () => {
    const { services } = build();
    expect(await services.search('demo', '   ')).toEqual([]);
    expect(await services.search('demo', 'lumen')).toHaveLength(1);
  });
});

describe('folder commands on a kiosk', () => {
  it('are refused by main while the kiosk is locked, whoever asks, and work once it is unlocked', async () => {
    let locked = true;
    const kiosk: KioskChannels = { ...kioskOff(), isLocked: () => locked };
    const pickFolder = vi.fn(async () => join(tmp, 'demo'));
    const settings = openSettings(null);
    const app = createAppServices({
      engine: client,
      settings,
      emit: () => undefined,
      demoRoot: null,
      pickFolder,
      openExternalUrl: async () => undefined,
      version: '1',
      platform: 'linux',
      kiosk,
      availabilityIntervalMs: 0,
    });
    const dispatch = createDispatcher(app.services, () => true);
    const refusal = /This kiosk is locked: unlock it with the organiser PIN/;
    const calls: [string, unknown[]][] = [
      [Channel.chooseFolder, []],
      [Channel.addFolder, [join(tmp, 'demo')]],
      [Channel.removeCollection, ['demo']],
      [Channel.reindexCollection, ['demo']],
      [Channel.renameCollection, ['demo', 'Renamed']],
    ];
    for (const [channel, args] of calls) {
      const answer = await dispatch({}, channel, args);
      expect(answer).toEqual({
        ok: false,
        error: { code: 'failed', message: expect.stringMatching(refusal) },
      });
    }
    expect(pickFolder).not.toHaveBeenCalled();
    expect(await app.services.listCollections()).toEqual([]);
    expect(settings.get().folders).toEqual([]);

    locked = false;
    const added = await dispatch({}, Channel.addFolder, [join(tmp, 'demo')]);
    expect(added).toMatchObject({ ok: true });
    expect(await app.services.listCollections()).toHaveLength(1);
    expect(settings.get().folders).toEqual([join(tmp, 'demo')]);
    await app.folders.stop();
  });
});

describe('quitting a kiosk', () => {
  it('is refused by main while the kiosk is locked, and quits the app once it is unlocked', async () => {
    const config = defaultKioskConfig();
    config.pinHash = await hashPin('1357', { cost: { N: 1024, r: 8, p: 1 } });
    const quit = vi.fn();
    const kiosk = createKioskService({ startup: { enabled: true, config, configError: null }, quit });
    const dispatch = createDispatcher(build({ kiosk }).services, () => true);
    expect(await dispatch({}, Channel.quitKiosk, [])).toEqual({
      ok: false,
      error: { code: 'failed', message: expect.stringMatching(/This kiosk is locked/) },
    });
    expect(quit).not.toHaveBeenCalled();
    await kiosk.unlockKiosk('1357');
    expect(await dispatch({}, Channel.quitKiosk, [])).toEqual({ ok: true, value: undefined });
    expect(quit).toHaveBeenCalledTimes(1);
  });
});

describe('making a kiosk file', () => {
  it('is refused on a kiosk, locked or unlocked, before any save dialog', async () => {
    const config = defaultKioskConfig();
    config.pinHash = await hashPin('1357', { cost: { N: 1024, r: 8, p: 1 } });
    const kiosk = createKioskService({ startup: { enabled: true, config, configError: null } });
    const pickKioskFile = vi.fn(async () => join(tmp, 'kiosk.standalone-kiosk'));
    const app = build({ kiosk, pickKioskFile });
    await app.folders.addFolder(join(tmp, 'demo'));
    const dispatch = createDispatcher(app.services, () => true);
    const request = { pin: '2468', collections: ['demo'], edition: null };
    const refused = {
      ok: false,
      error: { code: 'failed', message: 'Kiosk files are made in Standalone on a computer, not on a kiosk.' },
    };
    expect(await dispatch({}, Channel.makeKioskFile, [request])).toEqual(refused);
    await kiosk.unlockKiosk('1357');
    expect(await dispatch({}, Channel.makeKioskFile, [request])).toEqual(refused);
    expect(pickKioskFile).not.toHaveBeenCalled();
    expect(readdirSync(tmp)).toEqual(['demo']);
    await app.folders.stop();
  });

  it('names the edition as a kiosk will, not by the suffix a copy elsewhere gave it here', async () => {
    const stick = join(tmp, 'STICK');
    mkdirSync(join(tmp, 'laptop', 'fosdem-2022'), { recursive: true });
    for (const folder of ['fosdem-2021', 'fosdem-2022', '2023/stands', '2024/stands'])
      mkdirSync(join(stick, folder), { recursive: true });
    const file = join(stick, 'kiosk.standalone-kiosk');
    const app = build({ pickKioskFile: async () => file });
    // The working copy first: the stick's copy of the same folder is "fosdem-2022-2" here.
    await app.folders.addFolder(join(tmp, 'laptop', 'fosdem-2022'));
    for (const folder of ['fosdem-2021', 'fosdem-2022', '2023/stands', '2024/stands'])
      await app.folders.addFolder(join(stick, folder));
    const ids = Object.fromEntries(
      (await app.services.listCollections()).map((c) => [c.root.slice(tmp.length + 1), c.id]),
    );
    expect(ids['STICK/fosdem-2022']).toBe('fosdem-2022-2');
    const edition = async (collections: string[], chosen: string) => {
      await app.services.makeKioskFile({ pin: '2468', collections, edition: chosen });
      return (await loadKioskConfig(file)).config.settings.collection;
    };
    // A kiosk given the stick's folders calls them fosdem-2021 and fosdem-2022.
    const both = [ids['STICK/fosdem-2021']!, ids['STICK/fosdem-2022']!];
    expect(await edition(both, ids['STICK/fosdem-2022']!)).toBe('fosdem-2022');
    // Two folders of the same name: the second in the file is the kiosk's "stands-2".
    const stands = [ids['STICK/2023/stands']!, ids['STICK/2024/stands']!];
    expect(await edition(stands, stands[1]!)).toBe('stands-2');
    expect(await edition([stands[1]!], stands[1]!)).toBe('stands');
    await app.folders.stop();
  });

  it('opens one save dialog at a time, however often the page asks', async () => {
    mkdirSync(join(tmp, 'fosdem-2021'));
    let answer: (path: string | null) => void = () => undefined;
    const pickKioskFile = vi.fn(
      (_defaultPath: string) => new Promise<string | null>((resolve) => (answer = resolve)),
    );
    const app = build({ pickKioskFile });
    await app.folders.addFolder(join(tmp, 'fosdem-2021'));
    const dispatch = createDispatcher(app.services, () => true);
    const request = { pin: '2468', collections: ['fosdem-2021'], edition: null };
    const first = dispatch({}, Channel.makeKioskFile, [request]);
    const more = await Promise.all(
      Array.from({ length: 5 }, () => dispatch({}, Channel.makeKioskFile, [request])),
    );
    await vi.waitFor(() => expect(pickKioskFile).toHaveBeenCalledTimes(1));
    for (const refused of more) {
      expect(refused).toEqual({
        ok: false,
        error: { code: 'failed', message: 'The save window for the kiosk file is already open.' },
      });
    }
    answer(null);
    expect(await first).toEqual({ ok: true, value: { saved: false } });
    // Once it is closed, the organiser may ask again.
    const again = dispatch({}, Channel.makeKioskFile, [request]);
    await vi.waitFor(() => expect(pickKioskFile).toHaveBeenCalledTimes(2));
    answer(null);
    expect(await again).toEqual({ ok: true, value: { saved: false } });
    await app.folders.stop();
  });

  it('proposes saving it in the folder that holds the stands folders, so they travel with it', async () => {
    const stick = join(tmp, 'STICK');
    for (const edition of ['fosdem-2021', 'fosdem-2022'])
      mkdirSync(join(stick, 'stands', edition), { recursive: true });
    mkdirSync(join(tmp, 'laptop', 'fosdem-2020'), { recursive: true });
    const pickKioskFile = vi.fn(async (_defaultPath: string) => null);
    const app = build({ pickKioskFile });
    for (const edition of ['fosdem-2021', 'fosdem-2022'])
      await app.folders.addFolder(join(stick, 'stands', edition));
    await app.folders.addFolder(join(tmp, 'laptop', 'fosdem-2020'));
    const make = (collections: string[]) =>
      app.services.makeKioskFile({ pin: '2468', collections, edition: null });
    expect(await make(['fosdem-2021', 'fosdem-2022'])).toEqual({ saved: false });
    expect(await make(['fosdem-2022'])).toEqual({ saved: false });
    expect(await make(['fosdem-2021', 'fosdem-2020'])).toEqual({ saved: false });
    expect(pickKioskFile.mock.calls.map(([path]) => path)).toEqual([
      join(stick, 'stands', 'kiosk.standalone-kiosk'),
      join(stick, 'stands', 'kiosk.standalone-kiosk'),
      join(tmp, 'kiosk.standalone-kiosk'),
    ]);
    // A stick taken out: the dialog's own folder, not one that is not there.
    rmSync(stick, { recursive: true });
    await make(['fosdem-2021']);
    expect(pickKioskFile).toHaveBeenLastCalledWith('kiosk.standalone-kiosk');
    await app.folders.stop();
  });
});

describe('notices', () => {
  it("are heard at once by onNotice (the app's log), and reach the page once it asks", async () => {
    const page: unknown[] = [];
    const heard: [string, string][] = [];
    const { services, folders, notice } = build({
      emit: (event) => page.push(event),
      onNotice: (level, message) => heard.push([level, message]),
    });
    // A folder given on the command line that is not there, before the page has loaded.
    await expect(folders.addFolder(join(tmp, 'missing'))).rejects.toThrow();
    notice('error', `There is no folder at ${join(tmp, 'missing')}.`);
    expect(heard).toEqual([['error', `There is no folder at ${join(tmp, 'missing')}.`]]);
    expect(page).toEqual([]);
    await services.getAppInfo();
    expect(page).toContainEqual({
      type: 'notice',
      level: 'error',
      message: `There is no folder at ${join(tmp, 'missing')}.`,
    });
    await folders.stop();
  });

  it('wait again while the page loads anew (reloaded after a crash), until it asks', async () => {
    const page: unknown[] = [];
    const { services, notice, pageLoading } = build({ emit: (event) => page.push(event) });
    await services.getAppInfo();
    notice('warning', 'Seen at once by a page that listens.');
    expect(page).toHaveLength(1);
    pageLoading();
    notice('warning', 'Sent while the page loads again.');
    expect(page).toHaveLength(1);
    await services.listCollections();
    expect(page).toEqual([
      { type: 'notice', level: 'warning', message: 'Seen at once by a page that listens.' },
      { type: 'notice', level: 'warning', message: 'Sent while the page loads again.' },
    ]);
  });
});
