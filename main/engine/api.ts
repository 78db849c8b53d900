// The engine's public surface: what the CLI, the app's worker and the tests call. Implemented by
// `openEngine` in ./index.ts. Plain Node: nothing here may import electron.
import type {
  Collection,
  IndexChange,
  IndexProgress,
  ListedProblem,
  PageDetail,
  Problem,
  ProblemFilter,
  SearchGroup,
  StandCard,
  StandDetail,
  ThemeDetail,
  ThemeSummary,
  Asset,
  Stand,
} from './types';

/** Limits on what the engine reads from a folder; generous enough for every real edition. */
export interface Limits {
  /** Largest content file (Markdown, HTML) read, in bytes. */
  maxContentFileBytes: number;
  /** Largest asset indexed (served) in bytes. */
  maxAssetBytes: number;
  /** Deepest folder nesting below the collection root. */
  maxDepth: number;
  /** Most files considered in one folder tree. */
  maxFiles: number;
  /** Most YAML aliases a front matter may use. */
  maxYamlAliases: number;
  /** Largest front-matter block parsed, in bytes; a larger one is reported and its fields ignored. */
  maxFrontMatterBytes: number;
}

export interface EngineOptions {
  /** The lowdb JSON store; null keeps everything in memory and writes nothing (`standalone check`). */
  dbFile: string | null;
  /**
   * When the store file turns out to be some other file (not a Standalone store at all, damaged or not),
   * throw NotAStoreError and leave it as it is, instead of moving it aside and starting a new store.
   */
  keepForeignFile?: boolean;
  onProgress?: (progress: IndexProgress) => void;
  /** Told, in words, if another process takes the store over while it is open (nothing more is written). */
  onStoreLost?: (message: string) => void;
  /**
   * Told, in words, when a store write fails (a full or read-only disk): once, and again only after a
   * write succeeded in between. Nothing shown is lost; the next start reads the folders again.
   */
  onStoreWriteFailed?: (message: string) => void;
  limits?: Partial<Limits>;
}

export interface IndexOutcome {
  collection: Collection;
  change: IndexChange;
  /** Problems of this collection after the run. */
  problems: Problem[];
  /** Content files this run read and parsed (an incremental run reads only what changed). */
  reread?: string[];
  /** How long the run took, in milliseconds (waiting for earlier runs not included). */
  durationMs?: number;
}

/** Queries over the store: plain functions, each answering one screen's needs. */
export interface Queries {
  listCollections(): Collection[];
  getCollection(id: string): Collection | null;
  listThemes(collection: string): ThemeSummary[];
  getTheme(collection: string, slug: string): ThemeDetail | null;
  /** Listed stands in the site's order; `first` stops after that many. */
  listStands(collection: string, first?: number): StandCard[];
  /** Every stand of a collection, listed or not, drafts included (the CLI's report, the problems screen). */
  listAllStands(collection: string): Stand[];
  getStand(collection: string, slug: string): StandDetail | null;
  getPage(collection: string, stand: string, page: string): PageDetail | null;
  search(collection: string, query: string, limit?: number): SearchGroup[];
  listProblems(filter?: ProblemFilter): ListedProblem[];
  /** The asset record for a folder-relative path, only if the index knows it (the asset protocol's allowlist). */
  getAsset(collection: string, file: string): (Asset & { absolutePath: string }) | null;
}

export interface Engine extends Queries {
  /** Indexes (or incrementally re-indexes) a folder; the same root always maps to the same collection. */
  indexFolder(root: string): Promise<IndexOutcome>;
  /** Re-reads a known collection's folder; a folder that is gone marks the collection unavailable. */
  reindex(collection: string): Promise<IndexOutcome>;
  removeCollection(collection: string): Promise<void>;
  renameCollection(collection: string, name: string): Promise<Collection>;
  /**
   * Watches every collection's folder (@parcel/watcher) and re-indexes what changed; resolves once the
   * watches are set up, with a stop function. `onTrouble` hears, in words for the organiser, of a folder
   * that is there but cannot be watched (its changes then need a re-index).
   */
  watch(
    onChange: (outcome: IndexOutcome) => void,
    onTrouble?: (message: string) => void,
  ): Promise<() => Promise<void>>;
  /** Notices from opening the store (e.g. a corrupt store moved aside and rebuilt). */
  readonly notices: string[];
  /** Stops watching and waits for the last store write (writes land just after a run returns). */
  close(): Promise<void>;
}
