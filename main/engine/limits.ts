// What the engine is willing to read from a stand folder. Every real edition fits well inside these
// limits (the 2021 corpus: largest page ~21 KiB, largest asset ~2.6 MiB, folders 4 deep, ~350 files);
// they exist so a hostile or broken folder cannot make the engine read without end.
import type { Limits } from './api';

/** The defaults, documented in one place. */
export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  /** A Markdown or HTML page larger than 2 MiB is not a stand page; it is skipped with a problem. */
  maxContentFileBytes: 2 * 1024 * 1024,
  /** Videos are the largest real assets; 50 MiB keeps a kiosk's store and memory sane. */
  maxAssetBytes: 50 * 1024 * 1024,
  /** Folders nested deeper than this below the collection root are not walked. */
  maxDepth: 16,
  /** The walk stops after this many entries (files and folders) and reports it. */
  maxFiles: 200_000,
  /** YAML aliases per front matter; blocks "billion laughs" expansion. */
  maxYamlAliases: 100,
  /**
   * A front-matter block larger than 256 KiB is refused unread (the 2021 edition's largest is ~21 KiB):
   * YAML parsing costs time per key and per error, and a page's fields never need this much.
   */
  maxFrontMatterBytes: 256 * 1024,
});

/** Largest config.toml read for the site title. */
export const MAX_CONFIG_BYTES = 256 * 1024;

/** Most nodes (keys, items) a parsed front matter may hold after alias expansion. */
export const MAX_FRONT_MATTER_NODES = 20_000;

/**
 * Themes one stand may name (real stands name one to three). Each is a theme page, a list and a problem
 * when it has no page: thousands in one front matter took seconds to index and flooded the theme list.
 */
export const MAX_THEMES_PER_STAND = 50;

/**
 * Elements an SVG image may copy through `<use>` (real logos copy a few dozen). Chromium takes about a
 * second per 10,000 copies to draw one, freezing the window meanwhile; a 1 KiB file can ask for millions.
 */
export const MAX_SVG_USE_COPIES = 10_000;

/** Elements an SVG image may have (real logos have a few hundred; the 2021 edition's largest, 236). */
export const MAX_SVG_ELEMENTS = 100_000;

/**
 * Passes of SVG filter effects an SVG image may ask for: each effect (a blur, an offset, …) of each filter,
 * times each element drawn with it (copies through `<use>`, patterns and `<feImage>` included), times
 * how much larger than the usual region it works on. A drop shadow on a dozen shapes is about 300;
 * Chromium takes about a second per 2,000 at logo size, and a 10 KiB file can ask for millions.
 */
export const MAX_SVG_FILTER_WORK = 1_000;

/** Pixels a stand image may have (in types.ts, which the renderer reads too). */
export { MAX_IMAGE_PIXELS } from './types';

/** Shortcodes expanded per file; more than this is not a real page. */
export const MAX_SHORTCODES_PER_FILE = 1_000;

/** Merges caller overrides onto the defaults, ignoring anything that is not a positive number. */
export function resolveLimits(overrides?: Partial<Limits>): Limits {
  const limits: Limits = { ...DEFAULT_LIMITS };
  if (!overrides) return limits;
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof Limits)[]) {
    const value = overrides[key];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) limits[key] = Math.floor(value);
  }
  return limits;
}
