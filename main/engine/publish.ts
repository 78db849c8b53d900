// Hugo's rules for what is published and in which order pages are listed, for the front-matter fields
// stand sites use. A page is not published when it is a draft, when its publish date (publishDate,
// else date) lies in the future, or when its expiry date has passed (Hugo's defaults: no --buildDrafts,
// --buildFuture or --buildExpired). Pages are ordered like Hugo's default sort: by weight (pages with a
// weight first), then date (newest first), then title (language collation), then file path.
import { stemOf } from './paths';

/**
 * Hugo's cast.ToBool for front-matter flags: text counts only as Go's strconv.ParseBool spells it
 * (`true`, `True`, `TRUE`, `t`, `T`, `1`; not "yes", nor " true"), and numbers only as YAML integers,
 * the one kind of number cast reads (TOML's and JSON's are other Go types, which it takes as false).
 * Plain YAML `yes` is already a boolean (withYaml11Flags). Checked with `hugo`.
 */
export function toBool(value: unknown, yaml: boolean): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return yaml && Number.isInteger(value) && value !== 0;
  if (typeof value === 'string') return ['1', 't', 'T', 'true', 'True', 'TRUE'].includes(value);
  return false;
}

const GO_INTEGER =
  /^[+-]?(?:0[xX](?:_?[0-9a-fA-F])+|0[bB](?:_?[01])+|0[oO](?:_?[0-7])+|0(?:_?[0-7])*|[1-9](?:_?[0-9])*)$/u;

/**
 * Hugo's cast.ToInt for a page's `weight`: a number loses its fraction (7.9 is 7), true is 1, and text
 * counts as Go's strconv.ParseInt reads it with base 0 once a zero fraction is dropped (`"3"`, `"-2"`,
 * `"5.0"`, `"0x10"`, and `"010"`, octal 8); other text (`"3.5"`, `" 4"`) is no weight. Checked with `hugo`.
 */
export function toWeight(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value !== 'string') return 0;
  const text = value.replace(/\.0+$/u, '');
  if (!GO_INTEGER.test(text)) return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.replace(/^[+-]/u, '').replaceAll('_', '');
  const prefix = digits.slice(0, 2).toLowerCase();
  const radix =
    prefix === '0x' ? 16 : prefix === '0b' ? 2 : prefix === '0o' ? 8 : digits.startsWith('0') ? 8 : 10;
  const body = radix === 10 || (radix === 8 && prefix !== '0o') ? digits : digits.slice(2);
  const number = sign * Number.parseInt(body, radix);
  // Beyond Go's 64-bit int, ParseInt fails and cast gives 0.
  return Math.abs(number) < 2 ** 63 ? number : 0;
}

/**
 * Go templates' truth, which the site's lists apply to the flag (`{{ if .Params.show_on_overview }}`):
 * false, 0, empty text, an empty list or map and nothing are false; anything else, "false" too, is true.
 */
export function isTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object' && !(value instanceof Date)) return Object.keys(value).length > 0;
  return true;
}

/** Whether the site's overview and theme pages show a page with this front matter (when published). */
export function isListed(data: Record<string, unknown>): boolean {
  return isTruthy(data.show_on_overview);
}

/**
 * What a page's `_build` says of `option` (`list` or `render`), as Hugo (0.111) reads it: false and 0
 * mean never, and anything it does not know means always. Newer Hugo's `build:` spelling is not read
 * by 0.111.
 */
function buildOption(
  data: Record<string, unknown>,
  option: 'list' | 'render',
): 'always' | 'local' | 'link' | 'never' {
  const build = data._build;
  if (build === null || typeof build !== 'object' || Array.isArray(build)) return 'always';
  const key = Object.keys(build).find((name) => name.toLowerCase() === option);
  const value: unknown = key === undefined ? undefined : (build as Record<string, unknown>)[key];
  const text =
    typeof value === 'boolean' ? (value ? '1' : '0') : typeof value === 'number' ? String(value) : value;
  if (text === '0' || text === 'never') return 'never';
  if (option === 'list' && text === 'local') return 'local';
  return option === 'render' && text === 'link' ? 'link' : 'always';
}

/**
 * Whether Hugo (0.111) writes a page of its own for a page with this front matter: not when its
 * `_build` says `render: never` (or false or 0, which Hugo reads as never; the page has no address) or
 * `link` (it has an address, but nothing is written there). Either way it stays on the lists `_build.list`
 * keeps it on. Checked with `hugo`.
 */
export function isRendered(data: Record<string, unknown>): boolean {
  return buildOption(data, 'render') === 'always';
}

/**
 * Whether Hugo (0.111) keeps a page in the site-wide page list the overview ranges over: not when its
 * `_build` says `list: never` or `local` (or false or 0, which Hugo reads as never). Theme pages list it
 * either way. Checked with `hugo`.
 */
export function isListedSiteWide(data: Record<string, unknown>): boolean {
  return buildOption(data, 'list') === 'always';
}

/**
 * Whether Hugo (0.111) keeps a page in its section's page list (a stand's list of pages): not when its
 * `_build` says `list: never` (or false or 0); `local` keeps it. Either way the page is published at
 * its address. Checked with `hugo`.
 */
export function isListedInSection(data: Record<string, unknown>): boolean {
  return buildOption(data, 'list') !== 'never';
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const CLOCK = String.raw`(?<h>\d{2}):(?<mi>\d{2}):(?<s>\d{2})(?:[.,](?<f>\d+))?`;
const OFFSET = String.raw`[+-]\d{2}:?\d{2}`;
/**
 * The layouts of Go's cast.StringToDate that Hugo reads front-matter dates with, each giving year,
 * month, day, hours, minutes, seconds, fraction and zone by group name.
 */
const DATE_LAYOUTS: RegExp[] = [
  // 2006-01-02, 2006-01-02T15:04:05 with Z, -07:00, -0700 or no zone (RFC 3339 and its variants).
  new RegExp(String.raw`^(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})(?:T${CLOCK}(?<z>Z|${OFFSET})?)?$`, 'u'),
  // 2006-01-02 15:04:05 with Z, -0700, -07:00, " -07:00", " -0700", " -0700 MST" or no zone.
  new RegExp(
    String.raw`^(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2}) ${CLOCK}(?:(?<z>Z|${OFFSET})| (?<z2>${OFFSET})(?: [A-Za-z]+)?)?$`,
    'u',
  ),
  // 02 Jan 2006
  /^(?<d>\d{2}) (?<mon>[A-Za-z]{3}) (?<y>\d{4})$/u,
  // Mon, 02 Jan 2006 15:04:05 MST or -0700 (RFC 1123)
  new RegExp(
    String.raw`^[A-Za-z]{3}, (?<d>\d{2}) (?<mon>[A-Za-z]{3}) (?<y>\d{4}) ${CLOCK} (?:(?<z>[+-]\d{4})|[A-Za-z]+)$`,
    'u',
  ),
  // Mon Jan _2 15:04:05 2006 (ANSI C), with MST before the year (Unix) or -0700 (Ruby)
  new RegExp(
    String.raw`^[A-Za-z]{3} (?<mon>[A-Za-z]{3}) (?<d> \d|\d{2}) ${CLOCK} (?:(?<z>[+-]\d{4}) |[A-Za-z]+ )?(?<y>\d{4})$`,
    'u',
  ),
];

/** A date in one of DATE_LAYOUTS, in ms; a date without a zone is UTC (Hugo's default timeZone). */
function parseGoDate(text: string): number | null {
  for (const layout of DATE_LAYOUTS) {
    const match = layout.exec(text);
    if (!match?.groups) continue;
    const g = match.groups;
    const month = g.mon ? MONTHS.indexOf(g.mon.toLowerCase()) + 1 : Number(g.m);
    const [year, day] = [Number(g.y), Number(g.d)];
    const [hours, minutes, seconds] = [Number(g.h ?? 0), Number(g.mi ?? 0), Number(g.s ?? 0)];
    const ms = g.f ? Math.floor(Number(`0.${g.f}`) * 1000) : 0;
    if (month < 1 || month > 12 || hours > 23 || minutes > 59 || seconds > 59) return null;
    const time = Date.UTC(year, month - 1, day, hours, minutes, seconds, ms);
    // Go refuses a day the month does not have (2021-02-30); Date.UTC would roll it over.
    if (new Date(time).getUTCDate() !== day) return null;
    const zone = g.z ?? g.z2;
    if (!zone || zone === 'Z') return time;
    const offset = zone.replace(':', '');
    const sign = offset.startsWith('-') ? -1 : 1;
    return time - sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3, 5))) * 60_000;
  }
  return null;
}

/**
 * Milliseconds since the epoch of a front-matter date as Hugo reads it, or null when it is missing or
 * not a date to Hugo: text only in the layouts Go's cast knows (2006-01-02, RFC 3339, "02 Jan 2006", …;
 * not "Feb 7, 2021" nor "2021-02-07 10:00", which Hugo takes for no date at all), a date without a
 * zone in UTC wherever the app runs, and a whole number as Unix seconds. (Layouts with a two-digit year
 * or no date, which Hugo also knows, are taken for no date.) Checked with `hugo`.
 */
export function toDate(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) ? value * 1000 : null;
  if (typeof value !== 'string') return null;
  return parseGoDate(value);
}

/**
 * A page's date as Hugo sorts by it: its `date`, else its publish date, else its last change, in whole
 * seconds (Hugo compares Unix seconds, so 10:11:12.5 ties with 10:11:12); 0 when none.
 */
export function hugoDate(data: Record<string, unknown>): number {
  const date =
    toDate(data.date) ??
    toDate(data.publishdate) ??
    toDate(data.pubdate) ??
    toDate(data.published) ??
    toDate(data.lastmod) ??
    toDate(data.modified) ??
    0;
  return Math.floor(date / 1000) * 1000;
}

/** Whether Hugo publishes a page with this front matter (in YAML when `yaml` is set) at `now`. */
export function isPublished(data: Record<string, unknown>, now: number, yaml = false): boolean {
  if (toBool(data.draft, yaml)) return false;
  const { publishAt, expiresAt } = publishingDates(data);
  if (publishAt !== null && publishAt > now) return false;
  if (expiresAt !== null && expiresAt <= now) return false;
  return true;
}

/** The publish and expiry dates isPublished reads, as Hugo reads them, each its first field that is set. */
function publishingDates(data: Record<string, unknown>): {
  publishAt: number | null;
  expiresAt: number | null;
} {
  return {
    publishAt:
      toDate(data.publishdate) ?? toDate(data.pubdate) ?? toDate(data.published) ?? toDate(data.date),
    expiresAt: toDate(data.expirydate) ?? toDate(data.unpublishdate),
  };
}

/**
 * When isPublished may answer otherwise for this front matter, around `now`: the next of its publish and
 * expiry dates ahead (`changesAt`: a page scheduled for noon is built again then) and the latest not
 * ahead (`changedAt`: a clock set back before it changes the answer); undefined where there is none. A
 * date too far off to write down (`expiryDate: 1e307`, past the year 275,760) never comes, and is never
 * stored as a time to build the page again.
 */
export function publishingTimes(
  data: Record<string, unknown>,
  now: number,
): { changesAt: number | undefined; changedAt: number | undefined } {
  const { publishAt, expiresAt } = publishingDates(data);
  let changesAt: number | undefined;
  let changedAt: number | undefined;
  for (const at of [publishAt, expiresAt]) {
    if (at === null || !Number.isFinite(at)) continue;
    if (at > now) changesAt = Math.min(changesAt ?? at, at);
    else changedAt = Math.max(changedAt ?? at, at);
  }
  return { changesAt, changedAt };
}

/**
 * Whether Hugo renders no page for a leaf bundle's index file: `headless: true` there (Hugo 0.111, the
 * version the reference is checked with, reads it on index files only, not on _index.md).
 */
export function isHeadless(file: string, data: Record<string, unknown>, yaml = false): boolean {
  return stemOf(file) === 'index' && toBool(data.headless, yaml);
}

/**
 * Whether Hugo (0.111) takes an .html content file for a whole HTML document and copies it to the site
 * as it is, making no page of it: it holds only white space, or its first other character is `<` that
 * does not open an HTML comment (one may hide front matter). Checked with `hugo`.
 */
export function isHtmlDocument(text: string): boolean {
  const start = text.search(/\S|\uFEFF/u);
  return start === -1 || (text[start] === '<' && !text.startsWith('<!--', start));
}

export interface SortablePage {
  weight: number;
  date: number;
  /** The title as Hugo has it ('' when the front matter has none). */
  hugoTitle: string;
  file: string;
}

const collator = new Intl.Collator('en');

/** Hugo's default page order. */
export function compareHugoPages(a: SortablePage, b: SortablePage): number {
  if (a.weight !== b.weight) {
    if (a.weight === 0) return 1;
    if (b.weight === 0) return -1;
    return a.weight - b.weight;
  }
  if (a.date !== b.date) return b.date - a.date;
  return collator.compare(a.hugoTitle, b.hugoTitle) || compareHugoFileNames(a.file, b.file);
}

/**
 * Hugo's last tie-break between pages, compare.LessStrings on their file names: letters compared with
 * their case folded ("apple.md" before "B.md", "_x.md" before "A.md"), then byte by byte. Checked with `hugo`.
 */
export function compareHugoFileNames(a: string, b: string): number {
  return compareGoStrings(a.toLowerCase(), b.toLowerCase()) || compareGoStrings(a, b);
}

const MAX_WEIGHT = 1e15 - 1;
const MAX_DATE = 8.64e15;

/**
 * A text holding a page's place in Hugo's default page order (compareHugoPages), for
 * sortByHugoOrderKey: pages with a weight first by weight, then the dated newest first, then title.
 * The title comes last, so that whatever it holds cannot be taken for another part.
 */
export function hugoOrderKey(page: SortablePage): string {
  const weight = Math.max(-MAX_WEIGHT, Math.min(MAX_WEIGHT, Math.trunc(page.weight)));
  const date = Math.max(-MAX_DATE, Math.min(MAX_DATE, page.date));
  return [
    weight === 0 ? '1' : `0${String(weight + MAX_WEIGHT + 1).padStart(16, '0')}`,
    date === 0 ? '1' : `0${String(MAX_DATE - date).padStart(17, '0')}`,
    page.file,
    page.hugoTitle,
  ].join('\u0000');
}

/** Weight and date (compared as text), file and title of a hugoOrderKey. */
function partsOf(key: string): [string, string, string] {
  const date = key.indexOf('\u0000', key.indexOf('\u0000') + 1);
  const file = key.indexOf('\u0000', date + 1);
  return [key.slice(0, date), key.slice(date + 1, file), key.slice(file + 1)];
}

/**
 * Sorts hugoOrderKeys in Hugo's default page order: titles by the same collation as compareHugoPages
 * (Hugo's: lower case before upper, accents after, punctuation before digits and letters), not by
 * their code points.
 */
export function sortByHugoOrderKey<T>(items: T[], keyOf: (item: T) => string): T[] {
  const keyed = items.map((item) => ({ item, parts: partsOf(keyOf(item)) }));
  keyed.sort(({ parts: [wa, fa, ta] }, { parts: [wb, fb, tb] }) => {
    if (wa !== wb) return wa < wb ? -1 : 1;
    return collator.compare(ta, tb) || compareHugoFileNames(fa, fb);
  });
  return keyed.map(({ item }) => item);
}

/**
 * Go's order of strings (their UTF-8 bytes, so code points, where JavaScript's `<` compares UTF-16 units),
 * in which a Hugo template ranges over a map: the site's layout lists themes by ranging over
 * `.Site.Taxonomies.themes`, so by slug, whatever their titles and weights. Checked with `hugo`.
 */
export function compareGoStrings(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/**
 * Whether a stand or page opens in the app: published (not a draft) and with a page of its own
 * (`_build.render`), as the published site has one for it.
 */
export function opensInApp(item: { draft: boolean; rendered: boolean }): boolean {
  return !item.draft && item.rendered;
}
