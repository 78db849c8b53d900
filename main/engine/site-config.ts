// The site's configuration (config.toml, or whichever of CONFIG_FILES Hugo reads, and the files of its
// configuration directory, config/_default/): only its title (the collection's name), `baseURL` (the
// published site's address, for QR codes a visitor takes away) and `[params]` (the `param` shortcode's
// fallback) are used. Read with smol-toml, the careful YAML reader of front matter or JSON.parse,
// size-capped, and copied into plain data.
import { parse as parseToml } from 'smol-toml';
import { FORBIDDEN_KEYS, jsonErrorLine, parseErrorLine, parseYamlCarefully } from './front-matter';
import { MAX_CONFIG_BYTES } from './limits';
import { problem } from './problems';
import { readTextFile } from './read';
import { absolutePathOf, type ScannedFile } from './scan';
import type { Problem } from './types';

export interface SiteConfig {
  title: string | null;
  /** The published site's address (`baseURL`) when usable as one, ending in `/`; else null. */
  baseUrl: string | null;
  params: Record<string, unknown>;
  problems: Problem[];
}

const MAX_BASE_URL_LENGTH = 1024;

/**
 * The published site's address a `baseURL` value gives, ending in `/`, or null when it gives none a
 * phone could open: only an absolute http(s) address with a host, no user name or password, query or
 * fragment, no spaces or control characters, at most 1,024 characters, and not this computer
 * (`localhost`, loopback addresses: Hugo's development server, never the published site).
 */
export function siteBaseUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_BASE_URL_LENGTH) return null;
  // The URL parser drops tabs and newlines silently ("java\tscript:"): refuse rather than clean.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/.test(raw))
    return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  if (url.search !== '' || url.hash !== '' || raw.includes('?') || raw.includes('#')) return null;
  const host = url.hostname.toLowerCase();
  if (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\./.test(host) ||
    host === '0.0.0.0' ||
    host === '[::1]' ||
    host === '[::]'
  )
    return null;
  // Hugo reads the path as a folder whether or not it ends in `/` (`https://example.org/2021`).
  return url.pathname.endsWith('/') ? url.href : `${url.href}/`;
}

/**
 * The address Hugo publishes a page at: the site's address joined with the page's site path
 * (`/stands/x/`, `/stands/x/docs/install/`), or null without a usable site address.
 */
export function publishedUrl(baseUrl: string | null, sitePath: string): string | null {
  if (baseUrl === null) return null;
  const segments = sitePath
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..');
  // Each segment encoded (as Hugo's permalinks are), so none can add a query, a fragment or a level.
  const url = `${baseUrl}${segments.map((segment) => `${encodeURIComponent(segment)}/`).join('')}`;
  return url.length <= MAX_BASE_URL_LENGTH * 2 ? url : null;
}

/**
 * Reads the site configuration from its files in Hugo's order (the top-level one, then those of the
 * configuration directory), each over the ones before; a broken one is left out with a problem.
 */
export function readSiteConfig(collection: string, root: string, files: ScannedFile[]): SiteConfig {
  const params = Object.create(null) as Record<string, unknown>;
  const problems: Problem[] = [];
  const broken: { file: string; line: number | null; format: string }[] = [];
  let rawTitle: unknown;
  let base: { value: unknown; file: string; text: string; key: string } | undefined;
  for (const file of files) {
    const read = readTextFile(absolutePathOf(root, file), MAX_CONFIG_BYTES);
    if (!read.ok) {
      problems.push(problem(collection, file.rel, read.code, read.message));
      continue;
    }
    const format = /\.ya?ml$/.test(file.rel) ? 'YAML' : /\.json$/.test(file.rel) ? 'JSON' : 'TOML';
    let parsed: Record<string, unknown>;
    try {
      // An empty YAML file is an empty configuration, as in Hugo.
      const value: unknown =
        format === 'YAML'
          ? (parseYamlCarefully(read.text) ?? {})
          : format === 'JSON'
            ? JSON.parse(read.text)
            : parseToml(read.text);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not a table');
      parsed = value as Record<string, unknown>;
    } catch (error) {
      const line = format === 'JSON' ? jsonErrorLine(error, read.text) : parseErrorLine(error);
      broken.push({ file: file.rel, line, format });
      continue;
    }
    // `config/_default/params.toml` is the `params` table; the rest are the whole configuration.
    if (PARAMS_FILE.test(file.rel)) {
      mergeParams(params, parsed);
      continue;
    }
    // Hugo's configuration keys are case-insensitive (`baseURL`, `baseurl`).
    const titleKey = keyOf(parsed, 'title');
    if (titleKey !== undefined) rawTitle = parsed[titleKey];
    const baseKey = keyOf(parsed, 'baseurl');
    if (baseKey !== undefined)
      base = { value: parsed[baseKey], file: file.rel, text: read.text, key: baseKey };
    const paramsKey = keyOf(parsed, 'params');
    const rawParams = paramsKey === undefined ? undefined : parsed[paramsKey];
    if (rawParams && typeof rawParams === 'object' && !Array.isArray(rawParams))
      mergeParams(params, rawParams as Record<string, unknown>);
  }
  for (const [key, value] of Object.entries(params))
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
      delete params[key];
  const title = typeof rawTitle === 'string' && rawTitle.trim() ? rawTitle.trim().slice(0, 200) : null;
  for (const { file, line, format } of broken)
    problems.push(
      problem(
        collection,
        file,
        'field-invalid',
        `The site configuration could not be read${line ? ` (line ${line})` : ''}, so ${title === null && !PARAMS_FILE.test(file) ? "the folder's name is used as the collection's name" : 'this file was left out'}. Fix the ${format}.`,
        { line },
      ),
    );
  const baseUrl = siteBaseUrl(base?.value);
  if (base && baseUrl === null && base.value !== '') {
    problems.push(
      problem(
        collection,
        base.file,
        'base-url-unusable',
        `The site's address (baseURL = ${describeValue(base.value)}) is not the full web address of the published site (like "https://stands.example.org/"), so visitors are not offered its pages as QR codes for their phones. Set baseURL to the address where the site is published.`,
        { line: lineOfKey(base.text, base.key) },
      ),
    );
  }
  return { title, baseUrl, params, problems };
}

/** A params file of the configuration directory: it holds only params, never the site's title. */
const PARAMS_FILE = /\/params\.[a-z]+$/;

/** The key of a table that is `name` in any case (Hugo's configuration keys are case-insensitive). */
function keyOf(table: Record<string, unknown>, name: string): string | undefined {
  return Object.keys(table).find((key) => key.toLowerCase() === name);
}

/** Sets each of `table`'s entries in `params` (lower-cased, as Hugo does), over what was there. */
function mergeParams(params: Record<string, unknown>, table: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(table)) {
    if (FORBIDDEN_KEYS.has(key)) continue;
    params[key.toLowerCase()] = value;
  }
}

/**
 * A config value as an organiser wrote it, cut short: for a message, never for markup (`problem()`
 * writes its invisible characters out, as in every message).
 */
function describeValue(value: unknown): string {
  const text = String(JSON.stringify(value) ?? value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/**
 * The 1-based line where a top-level key is set (`key =` in TOML, `key:` in YAML or JSON), or null; unlike
 * problems.ts's lineOf, never a line that only mentions it.
 */
function lineOfKey(text: string, key: string): number | null {
  const lines = text.split(/\r?\n/);
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const index = lines.findIndex((line) => new RegExp(`^\\s*["']?${escaped}["']?\\s*[=:]`).test(line));
  return index < 0 ? null : index + 1;
}

/** The edition year in a name (`FOSDEM 2021 Stands`, `fosdem-2021`), or null. */
export function yearIn(...names: (string | null)[]): number | null {
  for (const name of names) {
    const match = name ? /(?:^|\D)((?:19|20)\d\d)(?!\d)/.exec(name) : null;
    if (match) return Number(match[1]);
  }
  return null;
}
