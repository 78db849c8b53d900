// The site's config.toml: only its title (the collection's name) and `[params]` (the `param` shortcode's
// fallback) are used. Read with smol-toml, size-capped, and copied into plain data.
import { parse as parseToml } from 'smol-toml';
import { MAX_CONFIG_BYTES } from './limits';
import { problem } from './problems';
import { readTextFile } from './read';
import { absolutePathOf, type ScannedFile } from './scan';
import type { Problem } from './types';

export interface SiteConfig {
  title: string | null;
  params: Record<string, unknown>;
  problems: Problem[];
}

/** Reads the site configuration; a missing or broken file yields no title and a problem. */
export function readSiteConfig(collection: string, root: string, file: ScannedFile | undefined): SiteConfig {
  const params = Object.create(null) as Record<string, unknown>;
  if (!file) return { title: null, params, problems: [] };
  const read = readTextFile(absolutePathOf(root, file), MAX_CONFIG_BYTES);
  if (!read.ok)
    return { title: null, params, problems: [problem(collection, file.rel, read.code, read.message)] };
  let parsed: Record<string, unknown>;
  try {
    parsed = parseToml(read.text) as Record<string, unknown>;
  } catch (error) {
    const line =
      typeof (error as { line?: unknown }).line === 'number' ? (error as { line: number }).line : null;
    return {
      title: null,
      params,
      problems: [
        problem(
          collection,
          file.rel,
          'field-invalid',
          `The site configuration could not be read${line ? ` (line ${line})` : ''}, so the folder's name is used as the collection's name. Fix the TOML.`,
          { line },
        ),
      ],
    };
  }
  const title =
    typeof parsed.title === 'string' && parsed.title.trim() ? parsed.title.trim().slice(0, 200) : null;
  const rawParams = parsed.params;
  if (rawParams && typeof rawParams === 'object' && !Array.isArray(rawParams)) {
    for (const [key, value] of Object.entries(rawParams)) {
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        params[key.toLowerCase()] = value;
      }
    }
  }
  return { title, params, problems: [] };
}

/** The edition year in a name (`FOSDEM 2021 Stands`, `fosdem-2021`), or null. */
export function yearIn(...names: (string | null)[]): number | null {
  for (const name of names) {
    const match = name ? /(?:^|\D)((?:19|20)\d\d)(?!\d)/.exec(name) : null;
    if (match) return Number(match[1]);
  }
  return null;
}
