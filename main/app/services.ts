// The services behind the IPC channels, built from the engine client, the folder manager, kiosk mode and
// a few system functions (folder picker, save dialog, system browser). Plain Node: the Electron glue passes
// `dialog` and `shell` in as functions, the Chromium harness passes stand-ins.
import { isAbsolute } from 'node:path';
import type { AppEvent, AppInfo } from '../../preload/contract';
import type { EngineClient } from './engine-client';
import { checkExternalUrl } from './external-links';
import { createFolderManager, type FolderManager } from './folders';
import type { Services } from './ipc';
import { defaultKioskConfig, kioskEditionIds } from '../kiosk/config';
import {
  kioskFileDefaultPath,
  kioskFileText,
  kioskFolderEntry,
  withKioskSuffix,
  writeKioskFile,
} from '../kiosk/kiosk-file';
import { createKioskService, type KioskService } from '../kiosk/kiosk-service';
import { hashPin } from '../kiosk/pin';
import { makeQrSvg } from './qr';
import type { SettingsStore } from './settings';

export interface AppServicesDeps {
  engine: EngineClient;
  settings: SettingsStore;
  /** Pushes an event to the renderer (`webContents.send(EVENT_CHANNEL, event)` in the app). */
  emit: (event: AppEvent) => void;
  /** Hears every notice as it happens, before it waits for the page (the app's log). */
  onNotice?: (level: NoticeLevel, message: string) => void;
  /** The embedded demo collection's folder, or null. */
  demoRoot: string | null;
  /** The native folder picker: a path, or null when cancelled. */
  pickFolder: () => Promise<string | null>;
  /**
   * The native save dialog for a kiosk file, proposing `defaultPath` (a name, or a folder and a name): a
   * path, or null when cancelled. Without one (the Chromium harness), kiosk files cannot be made.
   */
  pickKioskFile?: (defaultPath: string) => Promise<string | null>;
  /** Opens a checked URL in the system browser or mail client (`shell.openExternal`). */
  openExternalUrl: (url: string) => Promise<void>;
  version: string;
  platform: string;
  /** Kiosk mode's service; without one, kiosk mode is off. */
  kiosk?: KioskChannels;
  /** Notices gathered before the services existed (bad arguments…). */
  startupNotices?: string[];
  /** The app's log file, for organisers to find it. */
  logFile?: string;
  availabilityIntervalMs?: number;
}

/** The part of kiosk mode's service the channels use. */
export type KioskChannels = Pick<
  KioskService,
  'getKioskState' | 'unlockKiosk' | 'lockKiosk' | 'quitKiosk' | 'isLocked'
>;

type NoticeLevel = Extract<AppEvent, { type: 'notice' }>['level'];

export interface AppServices {
  services: Services;
  folders: FolderManager;
  kiosk: KioskChannels;
  /** Tells the organiser something, the way the services' own notices go (see `emit` below). */
  notice(level: NoticeLevel, message: string): void;
  /** The window's page is loading again (reloaded after a crash): notices wait for it as at start. */
  pageLoading(): void;
}

/** Kiosk mode off: what the app and the Chromium harness use without `--kiosk`. */
export function kioskOff(): KioskChannels {
  return createKioskService({ startup: { enabled: false, config: defaultKioskConfig(), configError: null } });
}

/** Builds the services object `registerIpc` serves. Call `folders.start()` once the window is up. */
export function createAppServices(deps: AppServicesDeps): AppServices {
  const { engine } = deps;
  const kiosk = deps.kiosk ?? kioskOff();
  const kioskEnabled = async () => (await kiosk.getKioskState()).enabled;
  let savingKioskFile = false;
  // The renderer hides folder commands on a locked kiosk; main refuses them too, whoever asks.
  const organiserOnly =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>, toDo = 'change its folders') =>
    async (...args: A): Promise<R> => {
      if (kiosk.isLocked()) {
        throw new Error(`This kiosk is locked: unlock it with the organiser PIN to ${toDo}.`);
      }
      return run(...args);
    };
  // The page subscribes to events before its first request. A notice sent before then is lost: the store
  // held by a `standalone index` run is found, and said, while the window's page is still loading. Notices
  // wait for that first request; everything else the page asks for again anyway.
  let pageAsked = false;
  const early: AppEvent[] = [];
  const emit = (event: AppEvent) => {
    if (event.type === 'notice') deps.onNotice?.(event.level, event.message);
    if (pageAsked || event.type !== 'notice') deps.emit(event);
    else early.push(event);
  };
  const askedByPage = () => {
    if (pageAsked) return;
    pageAsked = true;
    for (const event of early.splice(0)) deps.emit(event);
  };
  const folders = createFolderManager({
    engine,
    settings: deps.settings,
    emit,
    demoRoot: deps.demoRoot,
    availabilityIntervalMs: deps.availabilityIntervalMs,
  });

  const services: Services = {
    listCollections: () => engine.listCollections(),
    listThemes: (collection) => engine.listThemes(collection),
    getTheme: (collection, slug) => engine.getTheme(collection, slug),
    // `first`: the overview's first screen of cards, in kilobytes instead of megabytes at 10,000 stands;
    // the whole list follows in a second request.
    listStands: (collection, first) => engine.listStands(collection, first),
    getStand: (collection, slug) => engine.getStand(collection, slug),
    getPage: (collection, stand, page) => engine.getPage(collection, stand, page),
    // `limit`: search as you type asks for a first screen of hits, and for more when the visitor scrolls on.
    search: async (collection, query, limit) =>
      query.trim() === '' ? [] : engine.search(collection, query, limit),
    listProblems: (filter) => engine.listProblems(filter),
    // Reads every picture of the edition, on the engine's thread: for organisers, never at a locked kiosk.
    listPictureProblems: organiserOnly(
      (collection: string) => engine.listPictureProblems(collection),
      'see its problems',
    ),
    chooseFolder: organiserOnly(() => folders.chooseFolder(deps.pickFolder)),
    addFolder: organiserOnly((path: string) => folders.addFolder(path)),
    removeCollection: organiserOnly((collection: string) => folders.removeCollection(collection)),
    reindexCollection: organiserOnly((collection: string) => folders.reindexCollection(collection)),
    renameCollection: organiserOnly((collection: string, name: string) =>
      folders.renameCollection(collection, name),
    ),
    async openExternal(url) {
      // Checked first, kiosk or not: the QR code a kiosk shows instead is the same link main would open
      // (a mailto asking the phone's mail program to attach a file is no more taken away than opened).
      const check = checkExternalUrl(url);
      if (!check.ok) return { opened: false, reason: check.reason };
      if (await kioskEnabled()) {
        return {
          opened: false,
          reason: 'Links do not open on this kiosk: scan the QR code to take them with you.',
          url: check.url,
        };
      }
      try {
        await deps.openExternalUrl(check.url);
        return { opened: true };
      } catch (error) {
        return {
          opened: false,
          reason: `The system could not open the link: ${(error as Error).message}`,
          url: check.url,
        };
      }
    },
    async getAppInfo(): Promise<AppInfo> {
      const engineNotices = await engine.notices().catch(() => [] as string[]);
      return {
        version: deps.version,
        platform: deps.platform,
        kiosk: await kioskEnabled(),
        demo: await folders.isDemoOnly(),
        notices: [...(deps.startupNotices ?? []), ...deps.settings.notices, ...engineNotices],
        logFile: deps.logFile ?? null,
        demoCollections: await folders.demoCollectionIds(),
      };
    },
    getKioskState: () => kiosk.getKioskState(),
    unlockKiosk: (pin) => kiosk.unlockKiosk(pin),
    lockKiosk: () => kiosk.lockKiosk(),
    quitKiosk: () => kiosk.quitKiosk(),
    async makeKioskFile(request) {
      // Made on the organiser's own computer: a kiosk, locked or not, has no business writing files.
      if (await kioskEnabled())
        throw new Error('Kiosk files are made in Standalone on a computer, not on a kiosk.');
      if (!deps.pickKioskFile) throw new Error('Kiosk files cannot be saved here.');
      const collections = await engine.listCollections();
      const demo = await folders.demoCollectionIds();
      const folderOf = (id: string) => {
        const collection = collections.find((c) => c.id === id);
        if (!collection) throw new Error(`There is no collection "${id}".`);
        if (demo.includes(id)) {
          throw new Error(
            'The demo stands come with Standalone and cannot go on a kiosk: add your stands folder.',
          );
        }
        return collection.root;
      };
      const chosenIds = [...new Set(request.collections)];
      const roots = chosenIds.map(folderOf);
      if (request.edition !== null && !request.collections.includes(request.edition)) {
        throw new Error('The edition the kiosk starts on must be one of the folders it shows.');
      }
      // The edition as the kiosk will call it: a kiosk names the file's folders afresh, in the file's order,
      // from their folder names, whereas here a copy of the same folder elsewhere may have made it
      // "fosdem-2021-2", which the kiosk would not know (and would start on its first edition instead).
      const kioskIds = kioskEditionIds(roots);
      const chosen = request.edition === null ? -1 : chosenIds.indexOf(request.edition);
      const edition = chosen === -1 ? null : kioskIds[chosen]!;
      // One save dialog at a time: a page asking again and again cannot pile dialogs over the window.
      if (savingKioskFile) throw new Error('The save window for the kiosk file is already open.');
      savingKioskFile = true;
      try {
        const chosen = await deps.pickKioskFile(await kioskFileDefaultPath(roots));
        if (!chosen) return { saved: false };
        const file = withKioskSuffix(chosen);
        const text = kioskFileText(
          {
            folders: roots,
            edition,
            pinHash: await hashPin(request.pin),
            startScreen: request.startScreen,
            idleTimeoutSeconds: request.idleTimeoutSeconds,
            textSize: request.textSize,
          },
          file,
        );
        await writeKioskFile(file, text);
        const fullPaths = roots.filter((root) => isAbsolute(kioskFolderEntry(root, file)));
        return { saved: true, path: file, fullPaths };
      } finally {
        savingKioskFile = false;
      }
    },
    makeQrSvg: (text) => makeQrSvg(text),
  };
  for (const [name, run] of Object.entries(services) as [string, (...args: unknown[]) => unknown][]) {
    (services as Record<string, unknown>)[name] = (...args: unknown[]) => {
      askedByPage();
      return run(...args);
    };
  }
  return {
    services,
    folders,
    kiosk,
    notice: (level, message) => emit({ type: 'notice', level, message }),
    pageLoading: () => void (pageAsked = false),
  };
}
