// Hugo's `cascade`: front matter a section's _index.md (or the home page's, content/_index.md) gives to
// the pages below it and to itself. A site can set `show_on_overview` or `themes` once in
// content/stands/_index.md instead of in every stand. The rules, as Hugo 0.111 applies them (checked
// with `hugo` on our own folders, see tests/main/engine/cascade.test.ts):
// - every key cascades; a page's own key wins whole (a cascaded `_build` is not merged into its own);
// - the nearest section's value wins over the home page's;
// - a section's cascade applies to the section itself too;
// - `cascade` is a map, or a list of maps each of which may hold `_target`: `path`, a glob matched
//   against the page's file below content/ with a leading slash (`/stands/x/_index.md`), where `*`
//   stops at a slash and `**` does not, and `kind` (`page`, `section`), `environment` (a build is
//   `production`) and `lang` (`en`), also globs.
import picomatch from 'picomatch';
import { FORBIDDEN_KEYS, type FrontMatterData } from './front-matter';
import { isSectionIndex } from './plan';

/** One entry of a cascade: the values it gives, and which pages take them. */
export interface CascadeRule {
  values: FrontMatterData;
  /** Null: every page. */
  path: ((path: string) => boolean) | null;
  kind: ((kind: string) => boolean) | null;
}

/** The cascades a page is under, the nearest section's first. */
export type CascadeChain = readonly (readonly CascadeRule[])[];

/** Entries read from one cascade, at most: a section gives a few. */
const MAX_RULES = 64;
/** Longest `_target` glob read: real ones are a path; a hostile one must not make a huge pattern. */
const MAX_PATTERN = 256;

/** The rules of a front matter's `cascade` (none when it has none, or none usable). */
export function cascadeRules(data: FrontMatterData): CascadeRule[] {
  const raw = data.cascade;
  if (raw === undefined || raw === null) return [];
  const rules: CascadeRule[] = [];
  for (const entry of (Array.isArray(raw) ? raw : [raw]).slice(0, MAX_RULES)) {
    const rule = ruleOf(entry);
    if (rule) rules.push(rule);
  }
  return rules;
}

function ruleOf(entry: unknown): CascadeRule | null {
  if (!isMap(entry)) return null;
  const values = Object.create(null) as FrontMatterData;
  let target: unknown;
  for (const [key, value] of Object.entries(entry)) {
    const lower = key.toLowerCase();
    if (FORBIDDEN_KEYS.has(lower)) continue;
    if (lower === '_target') target = value;
    else if (lower !== 'cascade' && !(lower in values)) values[lower] = value;
  }
  if (target === undefined || target === null) return { values, path: null, kind: null };
  if (!isMap(target)) return null;
  const field = (name: string): unknown =>
    Object.entries(target).find(([key]) => key.toLowerCase() === name)?.[1];
  const path = globOf(field('path'));
  const kind = globOf(field('kind'));
  const environment = globOf(field('environment'));
  const lang = globOf(field('lang'));
  if (path === false || kind === false || environment === false || lang === false) return null;
  // This site is built for production, in its one language.
  if ((environment && !environment('production')) || (lang && !lang('en'))) return null;
  return { values, path, kind };
}

/** A glob's test; null when none is given; false when it cannot be used (the entry is then left out). */
function globOf(value: unknown): ((text: string) => boolean) | null | false {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || value.length > MAX_PATTERN) return false;
  try {
    return picomatch(value, { dot: true });
  } catch {
    return false;
  }
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * `data` with the values `chain` cascades to the page at `file` (folder-relative, under content/) that
 * it does not set itself; `data` itself when none reaches it.
 */
export function withCascade(data: FrontMatterData, chain: CascadeChain, file: string): FrontMatterData {
  if (chain.length === 0) return data;
  const path = `/${file.replace(/^content\//, '')}`;
  const kind = isSectionIndex(file) ? 'section' : 'page';
  let out: FrontMatterData | null = null;
  for (const rules of chain) {
    for (const rule of rules) {
      if ((rule.path && !rule.path(path)) || (rule.kind && !rule.kind(kind))) continue;
      for (const [key, value] of Object.entries(rule.values)) {
        if (key in (out ?? data)) continue;
        out ??= Object.assign(Object.create(null) as FrontMatterData, data);
        out[key] = value;
      }
    }
  }
  return out ?? data;
}
