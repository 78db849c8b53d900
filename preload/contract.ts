// The one contract between the three processes: the preload implements `StandaloneApi`, the main process
// serves `Channel`, the renderer imports these types with `import type`. Pure module: no electron here.
import type {
  Collection,
  IndexChange,
  IndexProgress,
  ListedProblem,
  PageDetail,
  ProblemFilter,
  SearchGroup,
  StandCard,
  StandDetail,
  ThemeDetail,
  ThemeSummary,
} from '../main/engine/types';

/** Every request channel main serves; anything else is rejected. */
export const Channel = {
  listCollections: 'collections:list',
  listThemes: 'themes:list',
  getTheme: 'themes:get',
  listStands: 'stands:list',
  getStand: 'stands:get',
  getPage: 'pages:get',
  search: 'search:query',
  listProblems: 'problems:list',
  listPictureProblems: 'problems:pictures',
  addFolder: 'folders:add',
  chooseFolder: 'folders:choose',
  removeCollection: 'collections:remove',
  reindexCollection: 'collections:reindex',
  renameCollection: 'collections:rename',
  openExternal: 'links:open-external',
  getAppInfo: 'app:info',
  getKioskState: 'kiosk:state',
  unlockKiosk: 'kiosk:unlock',
  lockKiosk: 'kiosk:lock',
  quitKiosk: 'kiosk:quit',
  makeKioskFile: 'kiosk:make-file',
  makeQrSvg: 'qr:svg',
} as const;
export type ChannelName = (typeof Channel)[keyof typeof Channel];

/** The one channel main pushes events on. */
export const EVENT_CHANNEL = 'standalone:event';

export type AppEvent =
  | { type: 'progress'; progress: IndexProgress }
  | { type: 'changed'; change: IndexChange }
  | { type: 'collections'; collections: Collection[] }
  | { type: 'notice'; level: 'info' | 'warning' | 'error'; message: string }
  | { type: 'kiosk'; state: KioskState };

export interface AppInfo {
  version: string;
  platform: string;
  kiosk: boolean;
  /** True while the embedded demo collection is the only one. */
  demo: boolean;
  /** Notices from start-up (a settings file moved aside, a store rebuilt, a bad kiosk file). */
  notices: string[];
  /** The app's log file (main.log), shown to organisers; null where there is none (tests, the harness). */
  logFile: string | null;
  /** The collections of the embedded demo stands: never offered for a kiosk file. */
  demoCollections: string[];
}

/**
 * Kiosk rules that the renderer's forms check for the organiser's sake and main enforces: how long an
 * organiser PIN is, and the idle timeout's range and default.
 */
export const KIOSK_RULES = {
  pinDigits: { min: 4, max: 12 },
  idleTimeoutSeconds: { min: 15, max: 3600, default: 90 },
} as const;

export interface KioskSettings {
  idleTimeoutSeconds: number;
  attract: { enabled: boolean; slideSeconds: number };
  featured: { stands: string[]; themes: string[] };
  startScreen: 'overview' | 'themes' | 'search' | 'attract';
  collection: string | null;
  textSize: 'normal' | 'large' | 'larger';
}

/**
 * What an organiser PIN did. `wrong`: checked and not right (or not a PIN at all); `waiting`: after too
 * many wrong PINs, main checks none until `retryAfterMs` has passed; `no-pin`: nothing can unlock this kiosk.
 */
export type UnlockResult =
  { unlocked: true } | { unlocked: false; why: 'wrong' | 'waiting' | 'no-pin'; retryAfterMs: number };

export interface KioskState {
  enabled: boolean;
  /** True after the organiser entered the PIN, until locked again. */
  unlocked: boolean;
  /**
   * A trial kiosk (`--kiosk` without a kiosk file): it has no PIN, and the organiser gesture unlocks it
   * without one. False for every kiosk started with a kiosk file.
   */
  trial: boolean;
  /** Whether a PIN can unlock it at all: false for a kiosk file without a usable `pinHash`. */
  pinSet: boolean;
  settings: KioskSettings;
  /** A problem with the kiosk configuration file, shown to organisers only. */
  configError: string | null;
}

/** What the organiser asks for in "Make a kiosk file…"; main checks it, hashes the PIN and writes the file. */
export interface KioskFileRequest {
  /** The organiser PIN, 4 to 12 digits: only its salted hash is written, the PIN itself is kept nowhere. */
  pin: string;
  /** The collections the kiosk shows, by id, in this order; at least one, never the embedded demo stands. */
  collections: string[];
  /** The collection the kiosk starts on (one of `collections`), or null for the first. */
  edition: string | null;
  startScreen?: KioskSettings['startScreen'];
  idleTimeoutSeconds?: number;
  textSize?: KioskSettings['textSize'];
}

/**
 * Saved where the organiser chose in the save dialog, or not saved because they cancelled it.
 * `fullPaths` are the chosen folders outside the file's own folder: the file names them by their full path
 * on this computer, so a kiosk finds them only at exactly that place (copying them with the file is not enough).
 */
export type KioskFileResult = { saved: true; path: string; fullPaths: string[] } | { saved: false };

/**
 * Not opened: why, and the link as it may be taken away on a phone (checked and normalised, as main
 * would have opened it), or no `url` when the link itself was refused (then it is shown as text only).
 */
export type OpenExternalResult = { opened: true } | { opened: false; reason: string; url?: string };

/** What `window.api` offers the renderer. Every method is a query or a command; none returns Electron objects. */
export interface StandaloneApi {
  /** Every indexed collection (edition), with counts and freshness. */
  listCollections(): Promise<Collection[]>;
  /** All themes of a collection with their stand counts. */
  listThemes(collection: string): Promise<ThemeSummary[]>;
  /** One theme with its listed stands, or null. */
  getTheme(collection: string, slug: string): Promise<ThemeDetail | null>;
  /** Listed stands of a collection in the site's order; with `first`, only that many from the start. */
  listStands(collection: string, first?: number): Promise<StandCard[]>;
  /** One stand with its pages and links, or null. */
  getStand(collection: string, slug: string): Promise<StandDetail | null>;
  /** One sub-page of a stand, or null. */
  getPage(collection: string, stand: string, page: string): Promise<PageDetail | null>;
  /** Full-text search over stands and pages of a collection, grouped by stand; at most `limit` hits (default 50). */
  search(collection: string, query: string, limit?: number): Promise<SearchGroup[]>;
  /** Content problems found while indexing, optionally filtered. */
  listProblems(filter?: ProblemFilter): Promise<ListedProblem[]>;
  /**
   * The pictures of a collection's published stands and pages that the app will not draw
   * (`picture-not-shown`), found by reading each one: slow (about a second per 1,000 stands), so asked
   * only by the Problems screen, and refused while the kiosk is locked.
   */
  listPictureProblems(collection: string): Promise<ListedProblem[]>;
  /** Opens the native folder picker and indexes the chosen folder; null when cancelled. */
  chooseFolder(): Promise<Collection | null>;
  /** Indexes a folder by path (command line, drag and drop) and returns its collection. */
  addFolder(path: string): Promise<Collection>;
  /** Forgets a collection (its folder on disk is never touched). */
  removeCollection(collection: string): Promise<void>;
  /** Re-reads a collection's folder now. */
  reindexCollection(collection: string): Promise<Collection>;
  /** Gives a collection a display name. */
  renameCollection(collection: string, name: string): Promise<Collection>;
  /** Asks main to open an http(s)/mailto link in the system browser; refused in kiosk mode. */
  openExternal(url: string): Promise<OpenExternalResult>;
  /** Version, platform, kiosk flag, start-up notices. */
  getAppInfo(): Promise<AppInfo>;
  /** Kiosk configuration and lock state. */
  getKioskState(): Promise<KioskState>;
  /** Checks the organiser PIN (a trial kiosk needs none); unlocks settings until `lockKiosk`, or says why not. */
  unlockKiosk(pin: string): Promise<UnlockResult>;
  /** Locks the kiosk again. */
  lockKiosk(): Promise<void>;
  /** Quits Standalone: the organiser's way out of a touch-only kiosk; refused while the kiosk is locked. */
  quitKiosk(): Promise<void>;
  /** Asks where to save, then writes a kiosk file with the PIN's hash; desktop only, refused in kiosk mode. */
  makeKioskFile(request: KioskFileRequest): Promise<KioskFileResult>;
  /** An SVG QR code for a URL, to take a link away on a phone. */
  makeQrSvg(text: string): Promise<string>;
  /** Subscribes to progress, change and notice events; returns the unsubscribe function. */
  onEvent(listener: (event: AppEvent) => void): () => void;
}

/** Maps each request method to its channel: the preload and main both derive from this. */
export const methodChannels = {
  listCollections: Channel.listCollections,
  listThemes: Channel.listThemes,
  getTheme: Channel.getTheme,
  listStands: Channel.listStands,
  getStand: Channel.getStand,
  getPage: Channel.getPage,
  search: Channel.search,
  listProblems: Channel.listProblems,
  listPictureProblems: Channel.listPictureProblems,
  chooseFolder: Channel.chooseFolder,
  addFolder: Channel.addFolder,
  removeCollection: Channel.removeCollection,
  reindexCollection: Channel.reindexCollection,
  renameCollection: Channel.renameCollection,
  openExternal: Channel.openExternal,
  getAppInfo: Channel.getAppInfo,
  getKioskState: Channel.getKioskState,
  unlockKiosk: Channel.unlockKiosk,
  lockKiosk: Channel.lockKiosk,
  quitKiosk: Channel.quitKiosk,
  makeKioskFile: Channel.makeKioskFile,
  makeQrSvg: Channel.makeQrSvg,
} as const satisfies Record<Exclude<keyof StandaloneApi, 'onEvent'>, ChannelName>;

export type RequestMethod = keyof typeof methodChannels;
