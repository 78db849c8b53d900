// The data model the engine stores and every process reads. Plain data only: this file is imported
// by the engine (Node), the preload and the renderer (as types), so it holds no code with side effects.

/** The most hits one search gives (the engine's cap, and what the app's bridge accepts). */
export const MAX_SEARCH_LIMIT = 500;
/**
 * Schema version of the store file; a store with another version is moved aside and rebuilt. 3: stands
 * and pages in Hugo's order (weight, date, link title) and flags read as Hugo reads them, which builds
 * stored by version 2 did not record. 4: whether a stand is on its themes' pages apart from the
 * overview (`_build.list`), and quoted flags read as Hugo reads them. 5: whether a page is on its
 * stand's list of pages (`_build.list`). 6: whether a stand or page has a page of its own
 * (`_build.render`). 7: the same for a theme. 8: `_build` options written as a plain YAML `no` or `off`
 * read as Hugo reads them (never). 9: a page's own styles reported (`style-ignored`). 10: the published
 * site's address (config.toml's `baseURL`), for a stand's or page's QR code (`base-url-unusable`). 11: the
 * site configuration Hugo reads (hugo.toml before config.toml; YAML and JSON ones too). 12: what the
 * home page and the sections cascade (Hugo's `cascade`), and the stands and pages built with it. 13: which
 * internal links a ref or relref shortcode wrote (one to an unpublished page is an error, as in Hugo). 14:
 * pages of a section inside a stand's folder taken off the stand's list of pages, as Hugo lists them. 15:
 * a missing file's name in any capitals kept among a build's dependencies (`case:`), so that one
 * appearing rebuilds what refers to it; the stand kept as it was when a file of it breaks (`kept`). 16:
 * pages below a section inside a stand's folder built with its cascade, and depending on its `_index`. 17:
 * pages below an unpublished section inside a stand's folder unpublished too, as Hugo publishes none. 18:
 * which section inside a stand's folder lists a page (`PageRef.section`), for that section's page. 19:
 * when a build's next publish or expiry date comes (`until`), to build it again then. 20: the aliases a
 * stand or page declares (`aliases`), which links to them lead to. 21: the latest publish or expiry date a
 * build has passed (`since`), to build it again when the clock is set back before it.
 */
export const STORE_SCHEMA = 21;

/**
 * Pixels a stand image may have (a 50-megapixel camera's frame fits), whether a file of the folder or a
 * data: URL in its HTML. Chromium decodes a picture whole, four bytes a pixel: a 400 KiB PNG of
 * 20,000 × 20,000 took 2.7 GB and froze the page for 6 s. One of the limits of limits.ts, kept here for
 * the renderer.
 */
export const MAX_IMAGE_PIXELS = 64 * 1024 * 1024;

/** URL scheme of local stand files (images, media) served by the main process from an indexed folder. */
export const ASSET_SCHEME = 'stand-asset';

/**
 * URL scheme the engine writes for links between pages of a collection, so the renderer can route them
 * inside the app: `standalone://stand/<slug>`, `standalone://page/<stand>/<page>`, `standalone://theme/<slug>`.
 */
export const INTERNAL_LINK_SCHEME = 'standalone';

export type Severity = 'error' | 'warning';

/** Stable machine-readable problem codes; messages are for people, codes are for filters and tests. */
export type ProblemCode =
  | 'front-matter-invalid'
  | 'front-matter-not-object'
  | 'front-matter-code'
  | 'field-invalid'
  | 'title-missing'
  | 'theme-without-page'
  | 'logo-missing'
  | 'asset-missing'
  | 'asset-outside-folder'
  | 'picture-not-shown'
  | 'link-broken'
  | 'remote-image'
  | 'remote-media'
  | 'remote-frame'
  | 'script-removed'
  | 'style-ignored'
  | 'base-url-unusable'
  | 'content-unreadable'
  | 'content-kept'
  | 'shortcode-invalid'
  | 'shortcode-unknown'
  | 'duplicate-stand'
  | 'stand-empty'
  | 'file-too-large'
  | 'file-binary'
  | 'file-not-utf8'
  | 'file-unreadable'
  | 'file-not-regular'
  | 'symlink-outside'
  | 'too-deep'
  | 'too-many-files'
  | 'file-skipped'
  | 'folder-missing'
  | 'folder-unreadable'
  | 'not-a-stands-folder';

export interface Problem {
  collection: string;
  /** Path relative to the collection's folder, with forward slashes. */
  file: string;
  /** 1-based line in `file` where known. */
  line: number | null;
  severity: Severity;
  code: ProblemCode;
  /** A sentence a non-programmer understands: what is wrong and what to do about it. */
  message: string;
  /** The stand the file belongs to, when it belongs to one. */
  stand: string | null;
}

/** A problem as the app lists it, saying whether its stand has a screen to link to. */
export interface ListedProblem extends Problem {
  /** True when `stand` opens (what getStand finds); false with no stand, a draft or no page (`_build.render`). */
  standOpens: boolean;
  /** The stand's title, as the lists show it; null with no stand. */
  standTitle: string | null;
  /** The stand's sub-page whose file the problem is in, and whether it opens (as getPage finds it). */
  page: { slug: string; title: string; opens: boolean } | null;
}

export interface CollectionCounts {
  stands: number;
  listedStands: number;
  pages: number;
  themes: number;
  assets: number;
  errors: number;
  warnings: number;
}

export interface Collection {
  /** Stable id derived from the folder (e.g. `fosdem-2021`), unique in the store. */
  id: string;
  /** Absolute path of the folder. */
  root: string;
  /** Human name: the site's title from config.toml, else the folder's name. */
  name: string;
  /** Edition year where it can be told (site title or folder name), else null. */
  year: number | null;
  /**
   * ISO timestamp of the last successful index; '' when there was none (a folder kept, unavailable,
   * from a store rebuilt while it was not there).
   */
  indexedAt: string;
  /** False when the folder could not be read at the last index (a USB stick pulled out): data is kept. */
  available: boolean;
  counts: CollectionCounts;
}

export interface Theme {
  collection: string;
  /** Hugo's urlize of the theme's name. */
  slug: string;
  title: string;
  /** Sanitizable HTML from the theme page, or '' when the theme has no page. */
  descriptionHtml: string;
  /** Whether `content/themes/<slug>/_index.md` exists. */
  hasPage: boolean;
  /** False when that page's `_build.render` leaves the theme without a page to open (it stays listed). */
  rendered: boolean;
  /** Folder-relative path of the theme's icon, when the page names one that exists. */
  icon: string | null;
}

/** A link out of the app that a stand offers (website, chat room, videos, events…). */
export interface StandLink {
  kind: 'website' | 'chat' | 'video' | 'events' | 'other';
  label: string;
  url: string;
}

export interface PageRef {
  slug: string;
  title: string;
  draft: boolean;
  /**
   * On its stand's list of pages; false when `_build.list` takes it off or a section inside the stand's
   * folder holds it (it is still published).
   */
  listed: boolean;
  /** False when `_build.render` gives it no page of its own: it stays on the list, but cannot be opened. */
  rendered: boolean;
  /**
   * The sub-page, a section inside the stand's folder (`docs/_index.md`), whose list of pages holds it, as
   * Hugo lists it there; absent when none does (`_build.list` takes it off, or it is not in one).
   */
  section?: string;
}

export interface Stand {
  collection: string;
  slug: string;
  title: string;
  /**
   * Shown on the overview (`show_on_overview`, published, and not taken off the site-wide list by
   * `_build.list`); its theme pages show it whatever `_build.list` says.
   */
  listed: boolean;
  draft: boolean;
  /**
   * False when `_build.render` leaves the stand without a page of its own: its card stays on the lists,
   * but the stand cannot be opened.
   */
  rendered: boolean;
  /** Theme slugs, in the order the stand names them. */
  themes: string[];
  website: string | null;
  chatroom: string | null;
  links: StandLink[];
  /** Folder-relative path of the logo file (e.g. `static/stands/x/logo.png`), or null. */
  logo: string | null;
  descriptionHtml: string;
  showcaseHtml: string;
  newThisYearHtml: string;
  /** The stand page's own Markdown/HTML body, rendered. */
  bodyHtml: string;
  /** Plain-text card summary, at most 200 characters like the site. */
  summary: string;
  layout: string | null;
  /** Folder-relative file the stand's data comes from (listing file or `_index.md`). */
  file: string;
  /** Position in the site's order (the overview's sort), 0-based. */
  order: number;
  pages: PageRef[];
}

export interface Page {
  collection: string;
  stand: string;
  slug: string;
  title: string;
  draft: boolean;
  html: string;
  file: string;
  weight: number;
}

export interface Asset {
  collection: string;
  /** Folder-relative path, forward slashes. */
  file: string;
  size: number;
  mtimeMs: number;
  /** Content type from the allowlist, or null when the file is not servable. */
  contentType: string | null;
}

/** Shapes the queries return: what the app's screens need, nothing more. */
export interface StandCard {
  collection: string;
  slug: string;
  title: string;
  themes: { slug: string; title: string }[];
  logo: string | null;
  summary: string;
  /** False when the stand has no page of its own to open (`_build.render`). */
  rendered: boolean;
}

export interface ThemeSummary {
  collection: string;
  slug: string;
  title: string;
  descriptionHtml: string;
  icon: string | null;
  standCount: number;
  /** False when the theme has no page of its own to open (`_build.render`). */
  rendered: boolean;
}

export interface ThemeDetail extends ThemeSummary {
  stands: StandCard[];
}

/** A theme a screen links to; `rendered` false when it has no page to open (`_build.render`). */
export interface ThemeLink {
  slug: string;
  title: string;
  rendered: boolean;
}

export interface StandDetail extends Stand {
  themeRefs: ThemeLink[];
  /** The stand's address on the published site (config.toml's `baseURL` + `stands/<slug>/`), or null. */
  publishedUrl: string | null;
}

export interface PageDetail extends Page {
  standTitle: string;
  /** The stand's first theme, for the breadcrumb (theme › stand › page). */
  theme: ThemeLink | null;
  /** False when the stand has no page of its own to open (`_build.render`), though this page has. */
  standRendered: boolean;
  /**
   * The sections inside its stand's folder (`docs/_index.md`) whose lists hold it, outermost first; empty
   * when its stand's list holds it.
   */
  sections: PageRef[];
  /**
   * The pages on the list that holds it: its nearest section's, else its stand's (this page is not among
   * them when `_build.list` takes it off).
   */
  siblings: PageRef[];
  /** When it is a section inside its stand's folder, the published pages on its list, as Hugo lists them. */
  pages: PageRef[];
  /** The page's address on the published site (config.toml's `baseURL` + its URL), or null. */
  publishedUrl: string | null;
}

export interface SearchHit {
  kind: 'stand' | 'page';
  collection: string;
  stand: string;
  standTitle: string;
  /** Set for pages. */
  page: string | null;
  title: string;
  /** Plain text around the best match. */
  snippet: string;
  /** [start, end) character ranges in `snippet` to highlight. */
  highlights: [number, number][];
  score: number;
}

export interface SearchGroup {
  stand: string;
  standTitle: string;
  hits: SearchHit[];
}

export interface ProblemFilter {
  collection?: string;
  severity?: Severity;
  stand?: string;
  code?: ProblemCode;
}

/** Progress of an indexing run, reported to the CLI's terminal and the app's progress bar. */
export interface IndexProgress {
  collection: string;
  phase: 'scanning' | 'reading' | 'assembling' | 'writing' | 'done';
  done: number;
  total: number;
}

/** What changed in a re-index (watch mode, app live updates). */
export interface IndexChange {
  collection: string;
  added: string[];
  changed: string[];
  removed: string[];
}
