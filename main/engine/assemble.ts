// Builds the stored model from a folder: each stand (with its pages) and each theme from the files its
// plan names, then the collection-wide parts (theme list and counts, the overview order, link checks).
// A stand or theme is built from its own files only, so an incremental re-index rebuilds just the
// stands whose files changed, plus those whose references pointed at files that appeared or vanished.
import { aliasKeysOf } from './aliases';
import type { Limits } from './api';
import { parseFrontMatter, type FrontMatterData } from './front-matter';
import type { AssetTable } from './assets';
import { type CascadeChain, type CascadeRule, cascadeRules, withCascade } from './cascade';
import { processHtml, type HtmlProblemCode, type Resolution } from './html-refs';
import { MAX_THEMES_PER_STAND } from './limits';
import { chatLink, hostLabel, urlList, webUrl } from './links';
import { renderMarkdown, renderRichField } from './markdown';
import { dirOf, extensionOf, splitSegments, stemOf } from './paths';
import {
  type CollectionPlan,
  isSectionIndex,
  linkByFile,
  linkByUrl,
  type PagePlan,
  type StandPlan,
  type ThemePlan,
  urlKeyOf,
} from './plan';
import { problem, lineAt, lineOf } from './problems';
import {
  compareGoStrings,
  compareHugoPages,
  hugoDate,
  hugoOrderKey,
  isHeadless,
  isHtmlDocument,
  isListed,
  isListedInSection,
  isListedSiteWide,
  isPublished,
  publishingTimes,
  isRendered,
  opensInApp,
  sortByHugoOrderKey,
  type SortablePage,
  toWeight,
} from './publish';
import { readTextFile } from './read';
import {
  assetUrl,
  candidatesFor,
  classifyRef,
  internalUrl,
  linkKey,
  type LinkTarget,
  type RefBase,
} from './refs';
import { absolutePathOf, type ScannedFile } from './scan';
import { expandShortcodes, fillPlaceholders, type ShortcodeProblemCode } from './shortcodes';
import { truncateText } from './summary';
import type { Page, PageRef, Problem, ProblemCode, Severity, Stand, StandLink, Theme } from './types';
import { urlize } from './urlize';

/** What building needs to know about the rest of the collection. */
export interface BuildContext {
  collection: string;
  /** The folder (as given; real paths of linked files are in the scan). */
  root: string;
  limits: Limits;
  now: number;
  files: Map<string, ScannedFile>;
  assets: AssetTable;
  plan: CollectionPlan;
  siteParams: Record<string, unknown>;
  /** What content/stands/_index.md and content/themes/_index.md cascade, each then the home page's. */
  cascade: { stands: CascadeChain; themes: CascadeChain };
  /** The stand or page each alias (`aliases:`) leads to, by link-map key (see aliases.ts). */
  aliases: ReadonlyMap<string, LinkTarget>;
}

/**
 * A link from content to a stand, page or theme, checked once everything is built: the target
 * (`stand:<slug>`, `page:<stand>/<page>`, `theme:<slug>`), its line, the reference as written,
 * (for a stand's own files) the file, null for a page's links, which are in that page's file, and the
 * ref or relref shortcode that wrote it, if one did: Hugo refuses to build over one to an unpublished
 * page, not over a plain link. Tuples keep the store small.
 */
export type InternalLink = [
  target: string,
  line: number | null,
  ref: string,
  file?: string | null,
  shortcode?: string,
];

/**
 * One sub-page as built from its file: reused as it is while the file and what it refers to stay.
 * Stored as it is, so it holds nothing the page or its plan already says.
 */
export interface PageBuild {
  page: Page;
  /** The front matter's date (ms), when it has one: Hugo sorts pages by it. */
  date?: number;
  /** Set when the front matter has no title (the page is named after its file). */
  untitled?: true;
  /** The front matter's linkTitle, when it has one: Hugo sorts pages by it rather than the title. */
  linkTitle?: string;
  /** Set when `_build.list` leaves it off its stand's list of pages (it is still published). */
  unlisted?: true;
  /** Set when `_build.render` gives it no page of its own (it stays on its stand's list). */
  unrendered?: true;
  /** The link-map keys of its aliases, when it is published with a page of its own (see aliases.ts). */
  aliases?: string[];
  /** When a publish or expiry date of its file comes (ms): it is built again then (see StandBuild.until). */
  until?: number;
  /** The latest publish or expiry date of its file already passed (ms): see StandBuild.since. */
  since?: number;
  problems: Problem[];
  /** Dependency keys (see StandBuild.deps), one per line. */
  deps: string;
  links: InternalLink[];
}

/** The earliest of the times given (undefined when none is). */
function earliest(...times: (number | undefined)[]): number | undefined {
  let first: number | undefined;
  for (const time of times) if (time !== undefined && (first === undefined || time < first)) first = time;
  return first;
}

/** The latest of the times given (undefined when none is). */
function latest(...times: (number | undefined)[]): number | undefined {
  let last: number | undefined;
  for (const time of times) if (time !== undefined && (last === undefined || time > last)) last = time;
  return last;
}

/** Dependency keys are kept one per line: one string per build instead of an array of small ones. */
export function joinDeps(deps: Iterable<string>): string {
  return [...deps].join('\n');
}

/** The dependency keys of a joined list. */
export function splitDeps(deps: string): string[] {
  return deps === '' ? [] : deps.split('\n');
}

/** How Hugo sorts a page build. */
function sortable(build: PageBuild): SortablePage {
  return {
    weight: build.page.weight,
    date: build.date ?? 0,
    hugoTitle: build.linkTitle ?? (build.untitled ? '' : build.page.title),
    file: build.page.file,
  };
}

export interface StandBuild {
  key: string;
  stand: Stand | null;
  /** Sub-pages in Hugo's order, drafts included. */
  pageBuilds: PageBuild[];
  /** Theme names as the stand writes them: slug, name, file and line naming it; in order. */
  themeNames: [string, string, string, number | null][];
  /** Whether its themes' pages list it (listed by `show_on_overview` and published, whatever `_build.list` says). */
  inThemes: boolean;
  sortKey: string;
  /**
   * Its place on theme pages, when not sortKey's: Hugo's theme pages order a stand folder by its own
   * date, not its pages' (checked with `hugo`).
   */
  themeSortKey?: string;
  /** Problems and dependencies of the stand's own files (its pages carry their own). */
  problems: Problem[];
  /**
   * Link-map and file keys looked up while building (and, for a missing file, its name in any capitals:
   * see caseKeyOf), one per line: when one appears or vanishes, rebuild. (No key holds a line break:
   * references with control characters are refused earlier.)
   */
  deps: string;
  /**
   * Links of the stand and its pages to other stands and themes, checked collection-wide after each
   * run. Links within the stand are checked while building it (any change to the stand rebuilds it).
   */
  crossLinks: InternalLink[];
  /** Links within the stand that lead to a draft or missing page. */
  linkProblems: Problem[];
  /** The link-map keys of the aliases of its published files with a page of their own (see aliases.ts). */
  aliases?: string[];
  /**
   * When the next publish or expiry date of its files or pages comes (ms), if one lies ahead: what is
   * published changes with no file touched, so the stand is built again, all of it, once that time has come.
   */
  until?: number;
  /**
   * The latest publish or expiry date of its files or pages already passed when it was built (ms): a clock
   * set back before it (an organiser trying noon out, a kiosk's clock put right) changes what is published.
   */
  since?: number;
  /**
   * Set when this is the stand as it was last built, kept because a file of it could no longer be read
   * (see keepLastReadable): how many of `problems`, at their end, say so.
   */
  kept?: number;
}

/** Every problem of a stand build, its pages' included. */
export function problemsOfBuild(build: StandBuild): Problem[] {
  return [...build.problems, ...build.linkProblems, ...build.pageBuilds.flatMap((page) => page.problems)];
}

/**
 * Problems that mean a file of a stand could not be taken in at all: its front matter does not parse,
 * or the file cannot be read as text. An edit that causes one (a typo in the YAML, an editor saving
 * UTF-16) would otherwise drop the stand, or part of it, from every screen until it is fixed.
 */
const UNREADABLE: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  'front-matter-invalid',
  'front-matter-not-object',
  'front-matter-code',
  'content-unreadable',
  'file-too-large',
  'file-binary',
  'file-not-utf8',
  'file-unreadable',
]);

/**
 * What to show of a stand just built again: `fresh`, unless a file of it can no longer be taken in that
 * could be when `previous` was built. Then the stand stays as it was (as `hugo server` keeps serving
 * the last good build), with those problems and, on each such file, a warning that says so, until the
 * file is fixed. A folder indexed for the first time has no earlier version: its broken stands are left
 * out, as before.
 */
export function keepLastReadable(fresh: StandBuild, previous: StandBuild | undefined): StandBuild {
  if (!previous?.stand) return fresh;
  const unreadable = problemsOfBuild(fresh).filter((p) => UNREADABLE.has(p.code));
  if (unreadable.length === 0) return fresh;
  const origin: StandBuild = previous.kept
    ? { ...previous, problems: previous.problems.slice(0, -previous.kept), kept: undefined }
    : previous;
  const key = (p: Problem) => `${p.code}\0${p.file}`;
  const had = new Set(problemsOfBuild(origin).map(key));
  const broken = unreadable.filter((p) => !had.has(key(p)));
  if (broken.length === 0) return fresh;
  const title = origin.stand!.title;
  const notices = [...new Set(broken.map((p) => p.file))].map((file) =>
    problem(
      broken[0]!.collection,
      file,
      'content-kept',
      `Until this file can be read again, the app shows "${title}" as it was before, without this change.`,
      { stand: origin.stand!.slug },
    ),
  );
  const added = [...broken, ...notices];
  // Built again when the dates of the files as they are now come, not those of the version kept.
  return {
    ...origin,
    problems: [...origin.problems, ...added],
    kept: added.length,
    until: fresh.until,
    since: fresh.since,
  };
}

/** Every dependency key of a stand build. */
export function depsOfBuild(build: StandBuild): string[] {
  return [...splitDeps(build.deps), ...build.pageBuilds.flatMap((page) => splitDeps(page.deps))];
}

export interface ThemeBuild {
  key: string;
  theme: Theme | null;
  problems: Problem[];
  /** Dependency keys, one per line. */
  deps: string;
  /** When a publish or expiry date of its page comes (ms): it is built again then. */
  until?: number;
  /** The latest publish or expiry date of its page already passed (ms): built again if the clock goes back before it. */
  since?: number;
}

interface ParsedFile {
  file: string;
  text: string;
  data: FrontMatterData;
  body: string;
  bodyLine: number;
  isHtml: boolean;
  published: boolean;
  /** Whether the site's lists show it (`show_on_overview`), when published. */
  listed: boolean;
  /** Whether `_build.list` leaves it in the site-wide page list the overview ranges over. */
  siteWide: boolean;
  /** Whether `_build.render` lets Hugo write a page of its own for it. */
  rendered: boolean;
  hugoTitle: string;
  /** Whether the front matter could be read (a file whose front matter is broken has no fields at all). */
  frontMatterRead: boolean;
  /** The front matter's linkTitle ('' when none). */
  linkTitle: string;
  weight: number;
  date: number;
  /** Its own cascade (a section's _index.md only): for the pages below it. */
  cascade: CascadeRule[];
  /** When `published` may change: its next publish or expiry date (ms), if one lies ahead. */
  changesAt: number | undefined;
  /** When `published` last changed: its latest publish or expiry date (ms) not ahead, if any. */
  changedAt: number | undefined;
}

/** Collects problems for one build, one per file, code and subject. */
class Problems {
  readonly list: Problem[] = [];
  private readonly seen = new Set<string>();
  constructor(
    private readonly collection: string,
    private readonly stand: string | null,
  ) {}
  add(
    file: string,
    code: ProblemCode,
    message: string,
    line: number | null = null,
    subject = message,
    severity?: Severity,
  ): void {
    const key = `${file}\u0000${code}\u0000${subject}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(problem(this.collection, file, code, message, { line, stand: this.stand, severity }));
  }
}

/**
 * Reads and parses one content file, with what the sections above it cascade (by default the stands'
 * or the themes' section's and the home page's; a stand's sub-page is also under its stand's folder)
 * and, for a section's _index.md, its own cascade, which applies to itself too.
 */
function readParsed(
  ctx: BuildContext,
  file: string,
  sink: Problems,
  above: CascadeChain = file.startsWith('content/themes/') ? ctx.cascade.themes : ctx.cascade.stands,
): ParsedFile | null {
  const scanned = ctx.files.get(file);
  if (!scanned) return null;
  const read = readTextFile(absolutePathOf(ctx.root, scanned), ctx.limits.maxContentFileBytes);
  if (!read.ok) {
    sink.add(file, read.code, read.message);
    return null;
  }
  const ext = extensionOf(file);
  const isHtml = ext === 'html' || ext === 'htm';
  if (isHtml && isHtmlDocument(read.text)) {
    sink.add(
      file,
      'file-skipped',
      'This HTML file has no front matter, so Hugo copies it to the site as it is and makes no page of it; Standalone leaves it out. Start it with front matter (---, a title: line, ---) to make it a page.',
    );
    return null;
  }
  const fm = parseFrontMatter(read.text, ctx.limits.maxYamlAliases, ctx.limits.maxFrontMatterBytes);
  for (const issue of fm.issues) sink.add(file, issue.code, issue.message, issue.line);
  const cascade = isSectionIndex(file) ? cascadeRules(fm.data) : [];
  const data = withCascade(fm.data, cascade.length > 0 ? [cascade, ...above] : above, file);
  const title =
    typeof data.title === 'string'
      ? data.title.trim()
      : typeof data.title === 'number'
        ? String(data.title)
        : '';
  const weight = toWeight(data.weight);
  const date = hugoDate(data);
  const linkTitle = typeof data.linktitle === 'string' ? data.linktitle.trim() : '';
  return {
    file,
    text: read.text,
    data,
    body: fm.body,
    bodyLine: fm.bodyLine,
    isHtml,
    published:
      isPublished(data, ctx.now, fm.format === 'yaml') && !isHeadless(file, data, fm.format === 'yaml'),
    listed: isListed(data),
    siteWide: isListedSiteWide(data),
    rendered: isRendered(data),
    hugoTitle: title,
    frontMatterRead: !fm.issues.some((issue) => issue.code !== 'field-invalid'),
    linkTitle,
    weight,
    date,
    cascade,
    ...publishingTimes(data, ctx.now),
  };
}

/** Most addresses written by ref/relref shortcodes in one file whose links are placed by line (see whereIs). */
const MAX_SHORTCODE_LINK_ADDRESSES = 64;

/** Renders HTML fields of one file, resolving their references; collects deps, links and problems. */
class FileRenderer {
  /**
   * Addresses that ref/relref shortcodes wrote, with each one's line and page: a problem with such a
   * link belongs on the shortcode's line and names the page as it does, not on some other link's line
   * that happens to spell the same address.
   */
  private readonly shortcodeLinks = new Map<string, { line: number; target: string; shortcode: string }[]>();
  /** Per address of shortcodeLinks: every link to it in the file, in order, once first asked for. */
  private readonly linksInOrder = new Map<
    string,
    { line: number | null; ref: string; shortcode?: string }[]
  >();

  constructor(
    private readonly ctx: BuildContext,
    private readonly parsed: ParsedFile,
    private readonly base: RefBase,
    private readonly sink: Problems,
    private readonly deps: Set<string>,
    private readonly links: InternalLink[],
  ) {}

  /** The page body: shortcodes, then Markdown (for .md), then references. */
  body(): { html: string; text: string } {
    const { parsed } = this;
    const expansion = expandShortcodes(parsed.body, parsed.bodyLine, {
      resolveRef: (target, line, shortcode) => {
        const url = this.resolveShortcodeRef(target);
        if (url !== null) {
          const path = url.split('#')[0]!;
          const known = this.shortcodeLinks.get(path);
          if (known) known.push({ line, target, shortcode });
          else if (this.shortcodeLinks.size < MAX_SHORTCODE_LINK_ADDRESSES)
            this.shortcodeLinks.set(path, [{ line, target, shortcode }]);
        }
        return url;
      },
      param: (name) => this.param(name),
      // Hugo renders no page that is not published, so a ref there cannot stop its build: no error.
      report: (code: ShortcodeProblemCode, message, line, severity) =>
        this.sink.add(
          parsed.file,
          code,
          message,
          line,
          `${line}:${message}`,
          parsed.published ? severity : undefined,
        ),
    });
    let html = parsed.isHtml ? expansion.text : renderMarkdown(expansion.text);
    html = fillPlaceholders(html, expansion);
    return this.html(html, 'The text of this page', null);
  }

  /** A rich front-matter field (HTML or Markdown). */
  field(value: unknown, name: string, withText = false): { html: string; text: string } {
    if (value === null || value === undefined) return { html: '', text: '' };
    if (typeof value !== 'string') {
      this.sink.add(
        this.parsed.file,
        'field-invalid',
        `The field "${name}" should be text, so it was left out. Write it as text (use | for several lines).`,
        lineOf(this.parsed.text, `${name}:`),
      );
      return { html: '', text: '' };
    }
    return this.html(renderRichField(value), `The field "${name}"`, `${name}:`, withText);
  }

  /** `part` names the HTML for a problem if it cannot be read at all; it starts at `key` (else the body). */
  html(html: string, part: string, key: string | null, withText = false): { html: string; text: string } {
    const file = this.parsed.file;
    return processHtml(
      html,
      {
        resolve: (ref, link) => this.resolveLocal(ref.path, ref.fragment, link),
        report: (code: HtmlProblemCode, ref, tag) => {
          if (code === 'content-unreadable') {
            this.sink.add(
              file,
              code,
              `${part} could not be read, so it was left out. Look in it for unusual markup or characters; if it looks right, tell the developers of Standalone.`,
              key ? lineOf(this.parsed.text, key) : this.parsed.bodyLine,
              part,
            );
            return;
          }
          const line = ref ? lineOf(this.parsed.text, ref) : lineOf(this.parsed.text, `<${tag}`);
          const other = code === 'asset-missing' ? this.sameButCase(ref) : null;
          this.sink.add(file, code, htmlMessage(code, ref, tag) + otherCaseHint(other), line, ref);
        },
      },
      withText,
    );
  }

  /** Resolves a local path to an asset or internal link URL. */
  resolveLocal(path: string, fragment: string, link: boolean): Resolution {
    const candidates = candidatesFor(path, this.base);
    if (!candidates) return { type: 'outside' };
    const { ctx, deps } = this;
    if (link) {
      for (const url of candidates.urls) {
        const urlKey = urlKeyOf(url);
        deps.add(`url:${urlKey}`);
        // A page at the address wins over an alias of another (Hugo writes the page over the redirect).
        const target = linkByUrl(ctx.plan, urlKey) ?? ctx.aliases.get(urlKey);
        if (target) return this.internal(target, fragment, path);
      }
      for (const file of candidates.files) {
        const target = linkByFile(ctx.plan, file);
        if (target) {
          deps.add(`file:${file}`);
          return this.internal(target, fragment, path);
        }
      }
    }
    for (const file of candidates.files) {
      deps.add(`file:${file}`);
      if (ctx.assets.has(file)) return { type: 'url', url: assetUrl(ctx.collection, file) };
    }
    return { type: 'missing' };
  }

  /** The asset a missing local reference names but for the case of its letters, or null. */
  sameButCase(rawRef: string): string | null {
    const ref = classifyRef(rawRef);
    if (ref.kind !== 'local') return null;
    for (const file of candidatesFor(ref.path, this.base)?.files ?? []) {
      // A file of this name in any capitals that appears, is renamed or vanishes changes the hint.
      this.deps.add(caseKeyOf(file));
      const found = this.ctx.assets.sameButCase(file);
      if (found) return found;
    }
    return null;
  }

  /** Resolves a folder-relative asset path (a logo), or null. */
  resolveAssetFile(path: string): { file: string } | 'missing' | 'outside' {
    const ref = classifyRef(path);
    if (ref.kind === 'outside' || ref.kind === 'ours') return 'outside';
    if (ref.kind !== 'local') return 'missing';
    const candidates = candidatesFor(ref.path, this.base);
    if (!candidates) return 'outside';
    for (const file of candidates.files) {
      this.deps.add(`file:${file}`);
      if (this.ctx.assets.has(file)) return { file };
    }
    return 'missing';
  }

  private internal(target: LinkTarget, fragment: string, ref: string): Resolution {
    const where = this.whereIs(ref);
    const ref80 = where.ref.length > 120 ? `${where.ref.slice(0, 117)}…` : where.ref;
    const link: InternalLink = [linkKey(target), where.line, ref80, this.parsed.file];
    // A ref in a page that is not published cannot stop Hugo's build (see body()).
    if (where.shortcode && this.parsed.published) link.push(where.shortcode);
    this.links.push(link);
    return { type: 'url', url: internalUrl(target, fragment) };
  }

  /**
   * The line of the next link to `ref`, and how the file spells it. Links come here in the order they
   * stand in the file, so for an address that shortcodes wrote too, the file's own links to it and the
   * shortcodes', merged by line, say which one this is.
   */
  private whereIs(ref: string): { line: number | null; ref: string; shortcode?: string } {
    const fromShortcodes = this.shortcodeLinks.get(ref);
    if (!fromShortcodes) return { line: lineOf(this.parsed.text, ref), ref };
    let order = this.linksInOrder.get(ref);
    if (!order) {
      const { text, body } = this.parsed;
      const written: { line: number | null; ref: string; shortcode?: string }[] = [];
      // Only the body's: the front matter's links were placed before the body's shortcodes were read.
      for (
        let at = text.indexOf(ref, text.length - body.length);
        at !== -1 && written.length < fromShortcodes.length + 100;
      ) {
        written.push({ line: lineAt(text, at), ref });
        at = text.indexOf(ref, at + ref.length);
      }
      const made = fromShortcodes.map(({ line, target, shortcode }) => ({ line, ref: target, shortcode }));
      // On one line, the file's own link first: it stands before the shortcode's.
      order = [...written, ...made].sort((a, b) => a.line! - b.line! || (a.ref === ref ? -1 : 1));
      this.linksInOrder.set(ref, order);
    }
    return order.shift() ?? { line: lineOf(this.parsed.text, ref), ref };
  }

  /** ref/relref: a content path (with or without extension) relative to the page, else to content/. */
  private resolveShortcodeRef(target: string): string | null {
    const hashAt = target.indexOf('#');
    const path = hashAt === -1 ? target : target.slice(0, hashAt);
    const fragment = hashAt === -1 ? '' : target.slice(hashAt);
    if (path === '') return fragment || null;
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\\]/.test(path)) return null;
    const fileDir = splitSegments(dirOf(this.parsed.file));
    const bases = path.startsWith('/') ? [['content']] : [fileDir, ['content']];
    for (const base of bases) {
      const joined = joinInside(base, path);
      if (!joined) continue;
      const stem = joined.join('/');
      for (const candidate of [stem, `${stem}.md`, `${stem}.html`, `${stem}/_index.md`, `${stem}/index.md`]) {
        this.deps.add(`file:${candidate}`);
        const link = linkByFile(this.ctx.plan, candidate);
        if (link) return siteUrlOf(this.ctx.plan, link) + fragment;
      }
    }
    return null;
  }

  private param(name: string): unknown {
    let value: unknown = this.parsed.data;
    for (const part of name.toLowerCase().split('.')) {
      if (!value || typeof value !== 'object' || Array.isArray(value))
        return this.ctx.siteParams[name.toLowerCase()];
      value = (value as Record<string, unknown>)[part];
    }
    return value ?? this.ctx.siteParams[name.toLowerCase()];
  }
}

function joinInside(base: string[], path: string): string[] | null {
  const out = [...base];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length <= 1) return null;
      out.pop();
    } else out.push(segment);
  }
  return out;
}

/** The site URL a link target has, for shortcodes that produce URLs (resolved again by html-refs). */
function siteUrlOf(plan: CollectionPlan, target: LinkTarget): string {
  if (target.type === 'theme') return `/themes/${target.theme}/`;
  if (target.type === 'stand') return `/stands/${target.stand}/`;
  const page = plan.stands.get(target.stand)?.pages.find((candidate) => candidate.slug === target.page);
  return page ? `/${page.urlKey}/` : `/stands/${target.stand}/`;
}

/** The dependency key of every file whose name is `file`'s but for the case of its letters. */
export function caseKeyOf(file: string): string {
  return `case:${file.toLowerCase()}`;
}

/** Said of a missing file when one of the same name but for its capitals is there. */
function otherCaseHint(other: string | null): string {
  return other
    ? ` There is ${other}, whose name differs in capitals only: it shows on macOS and Windows, but not on Linux, where the site is built.`
    : '';
}

function htmlMessage(
  code: Exclude<HtmlProblemCode, 'content-unreadable'>,
  rawRef: string,
  tag: string,
): string {
  const ref = rawRef.length > 120 ? `${rawRef.slice(0, 117)}…` : rawRef;
  switch (code) {
    case 'asset-missing':
      return `The file "${ref}" (used by a <${tag}>) is not in the folder, so it will not show. Add the file or fix the path.`;
    case 'asset-outside-folder':
      return `The reference "${ref}" points outside the folder. Standalone never reads outside the folder, so it was removed. Put the file in the folder and refer to it there.`;
    case 'link-broken':
      return `The link "${ref}" leads to a page or file that is not in the folder, so it was removed. Fix the link.`;
    case 'remote-image':
      return `The image "${ref}" is on the internet and will not show offline. Put a copy in the folder and refer to that instead.`;
    case 'remote-media':
      return `The video or audio "${ref}" is on the internet and will not play offline. Put a copy in the folder, or link to it instead.`;
    case 'remote-frame':
      return `The embedded page "${ref}" is on the internet and will not show offline. Link to it instead.`;
    case 'script-removed':
      return 'This page contains a script. Scripts never run in Standalone, so it was removed.';
    case 'style-ignored':
      return `This page brings its own styles (a <${tag}>${ref ? ` to "${ref}"` : ''}). Standalone shows every stand in its own style, so they are not used and the page may look different from the website; sizes that matter (of images, for example) belong in the HTML itself, as width and height.`;
  }
}

function stringField(data: FrontMatterData, name: string): string | null {
  const value = data[name];
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  return null;
}

/** Theme names of a front matter: a list of names or a single name, as Hugo accepts both. */
function themeNamesOf(parsed: ParsedFile, sink: Problems): string[] {
  const value = parsed.data.themes;
  if (value === undefined || value === null) return [];
  let items = Array.isArray(value) ? value : [value];
  if (items.length > MAX_THEMES_PER_STAND) {
    sink.add(
      parsed.file,
      'field-invalid',
      `This stand names ${items.length} themes; Standalone keeps the first ${MAX_THEMES_PER_STAND} and ignores the rest. A stand belongs in a few themes: shorten the themes list.`,
      lineOf(parsed.text, 'themes'),
      'themes',
    );
    items = items.slice(0, MAX_THEMES_PER_STAND);
  }
  const out: string[] = [];
  for (const item of items) {
    if (typeof item === 'string' && item.trim()) out.push(item.trim());
    else {
      sink.add(
        parsed.file,
        'field-invalid',
        'One of the themes is not a name, so it was ignored. Write each theme as text in the themes list.',
        lineOf(parsed.text, 'themes'),
        'themes',
      );
    }
  }
  return out;
}

/**
 * Builds one stand and its pages from its plan. `reuse` offers the previous build of a sub-page whose
 * file and references have not changed, so it is not read again. Never throws for bad content.
 */
export function buildStand(
  ctx: BuildContext,
  plan: StandPlan,
  reuse: (page: PagePlan) => PageBuild | undefined = () => undefined,
): StandBuild {
  const sink = new Problems(ctx.collection, plan.slug);
  const deps = new Set<string>();
  const links: InternalLink[] = [];
  const empty = (): StandBuild => ({
    key: plan.key,
    stand: null,
    pageBuilds: [],
    themeNames: [],
    inThemes: false,
    sortKey: '',
    problems: sink.list,
    deps: joinDeps(deps),
    crossLinks: [],
    linkProblems: [],
  });

  for (const skipped of plan.skipped)
    sink.add(
      skipped.file,
      skipped.reason === 'duplicate-listing' || skipped.reason === 'duplicate-folder'
        ? 'duplicate-stand'
        : 'file-skipped',
      skippedMessage(skipped.reason, plan),
    );

  const listing = plan.listings[0] ? readParsed(ctx, plan.listings[0], sink) : null;
  const section = plan.section ? readParsed(ctx, plan.section, sink) : null;
  const bundle = plan.bundle ? readParsed(ctx, plan.bundle, sink) : null;
  const standUrlDir = ['stands', plan.slug];

  // A folder without _index.md: its pages are not the stand's; a listed one may be the stand itself.
  let promoted: { parsed: ParsedFile; page: PagePlan } | null = null;
  const orphanParsed: { parsed: ParsedFile; page: PagePlan }[] = [];
  for (const page of plan.orphans) {
    const parsed = readParsed(ctx, page.file, sink);
    if (parsed) orphanParsed.push({ parsed, page });
  }
  if (!listing && !section && !bundle) {
    promoted = orphanParsed.find(({ parsed }) => parsed.published && parsed.listed) ?? null;
  }
  for (const orphan of orphanParsed) {
    if (orphan === promoted) continue;
    sink.add(
      orphan.parsed.file,
      'file-skipped',
      `This page is in the folder content/stands/${plan.folder ?? plan.slug}/, which has no _index.md, so the site does not link it from any stand and Standalone leaves it out. Add an _index.md to that folder to make it a sub-page.`,
    );
  }

  // The stand's own page: _index.md, else index.md, else the listing file (Hugo renders the folder's
  // page last, so it wins the shared URL); drafts only when nothing else is there.
  const standFiles = [section, bundle, promoted?.parsed ?? null, listing].filter(
    (p): p is ParsedFile => p !== null,
  );
  if (standFiles.length === 0) {
    // A listed page there that is not published yet becomes the stand once it is.
    const until = earliest(...orphanParsed.map(({ parsed }) => parsed.changesAt));
    const since = latest(...orphanParsed.map(({ parsed }) => parsed.changedAt));
    return {
      ...empty(),
      ...(until !== undefined ? { until } : {}),
      ...(since !== undefined ? { since } : {}),
    };
  }
  const published = standFiles.filter((parsed) => parsed.published);
  // A file `_build.render` gives no page leaves the shared URL to the next one (checked with `hugo`).
  const pageFile = published.find((parsed) => parsed.rendered) ?? published[0] ?? standFiles[0]!;
  const sources = published.length > 0 ? published : standFiles;
  const listedBy = published.find((parsed) => parsed.listed) ?? null;
  const draft = published.length === 0;

  const fieldOf = (name: string): unknown => {
    for (const parsed of [pageFile, ...sources]) {
      const value = parsed.data[name];
      if (value !== undefined && value !== null && value !== '') return value;
    }
    return undefined;
  };
  const fieldSource = (name: string): ParsedFile => {
    for (const parsed of [pageFile, ...sources]) {
      const value = parsed.data[name];
      if (value !== undefined && value !== null && value !== '') return parsed;
    }
    return pageFile;
  };
  const baseFor = (parsed: ParsedFile, urlDir: readonly string[]): RefBase => ({
    fileDir: dirOf(parsed.file),
    urlDir,
  });
  const rendererFor = (parsed: ParsedFile, urlDir: readonly string[] = standUrlDir) =>
    new FileRenderer(
      ctx,
      parsed,
      baseFor(parsed, promoted?.parsed === parsed ? promoted.page.urlKey.split('/') : urlDir),
      sink,
      deps,
      links,
    );

  // Title: the name the lists show (the listed file's), else the stand page's, else the folder's.
  const titled = [listedBy, pageFile, ...sources].find((parsed) => parsed && parsed.hugoTitle !== '') ?? null;
  const fallbackName = plan.folder ?? (plan.listings[0] ? stemOf(plan.listings[0]) : plan.slug);
  const title = titled?.hugoTitle ?? fallbackName;
  // A file whose front matter cannot be read already has an error saying so; its title may be there.
  if (!titled && pageFile.frontMatterRead) {
    sink.add(
      pageFile.file,
      'title-missing',
      `This stand has no title, so it is shown as "${fallbackName}". Add a title: line to its front matter.`,
      1,
    );
  }

  const rich = (name: string, withText = false) =>
    rendererFor(fieldSource(name)).field(fieldOf(name), name, withText);
  const description = rich('description', true);
  const showcase = rich('showcase');
  const newThisYear = rich('new_this_year');
  // The card (overview, theme pages) shows the listed file's text: its `overview`, else its description.
  const cardSource = listedBy ?? pageFile;
  const cardField = cardSource.data.overview
    ? 'overview'
    : cardSource.data.description
      ? 'description'
      : null;
  let cardText: string;
  if (cardSource === fieldSource('description') && cardField === 'description') cardText = description.text;
  else if (cardField)
    cardText = rendererFor(cardSource).field(cardSource.data[cardField], cardField, true).text;
  else {
    const overview = fieldOf('overview');
    cardText =
      overview !== undefined
        ? rendererFor(fieldSource('overview')).field(overview, 'overview', true).text
        : description.text;
  }
  const body = rendererFor(pageFile).body();

  const websiteRaw = fieldOf('website');
  const website = websiteRaw === undefined ? null : webUrl(websiteRaw);
  if (websiteRaw !== undefined && website === null) {
    const source = fieldSource('website');
    sink.add(
      source.file,
      'field-invalid',
      'The website is not a web address (https://…), so it is not shown. Fix the website field.',
      lineOf(source.text, 'website'),
    );
  }
  const chatroomRaw = fieldOf('chatroom');
  const chatroom = typeof chatroomRaw === 'string' && chatroomRaw.trim() ? chatroomRaw.trim() : null;
  const standLinks: StandLink[] = [];
  if (website) standLinks.push({ kind: 'website', label: hostLabel(website), url: website });
  if (chatroom) {
    const chat = chatLink(chatroom);
    if (chat) standLinks.push(chat);
    else {
      const source = fieldSource('chatroom');
      sink.add(
        source.file,
        'field-invalid',
        'The chat room is not a room name or address, so no chat link is shown. Fix the chatroom field.',
        lineOf(source.text, 'chatroom'),
      );
    }
  }
  for (const url of urlList(fieldOf('video') ?? fieldOf('videos')))
    standLinks.push({ kind: 'video', label: hostLabel(url), url });
  for (const url of urlList(fieldOf('events')))
    standLinks.push({ kind: 'events', label: hostLabel(url), url });

  let logo: string | null = null;
  const logoRaw = fieldOf('logo');
  if (logoRaw !== undefined) {
    const source = fieldSource('logo');
    const line = lineOf(source.text, 'logo');
    if (typeof logoRaw !== 'string') {
      sink.add(source.file, 'field-invalid', 'The logo should be a file path, so it was ignored.', line);
    } else {
      const resolved = rendererFor(source).resolveAssetFile(logoRaw);
      if (resolved === 'outside') {
        sink.add(
          source.file,
          'asset-outside-folder',
          `The logo "${logoRaw.slice(0, 120)}" points outside the folder, so it is not shown. Put the logo in static/stands/${plan.folder ?? plan.slug}/.`,
          line,
        );
      } else if (resolved === 'missing') {
        sink.add(
          source.file,
          'logo-missing',
          `The logo "${logoRaw.slice(0, 120)}" is not in the folder, so the stand is shown without one. Add the file under static/ or fix the logo field.${otherCaseHint(rendererFor(source).sameButCase(logoRaw))}`,
          line,
        );
      } else logo = resolved.file;
    }
  }

  // Themes: those of the listed files (the site's cards and theme pages show each listed file with its
  // own themes; an unlisted file's are on no list), the first's first; unlisted, every published file's.
  const themeSources = listedBy ? published.filter((parsed) => parsed.listed) : sources;
  const themeNames: [string, string, string, number | null][] = [];
  for (const parsed of [listedBy, ...themeSources]) {
    if (!parsed) continue;
    for (const name of themeNamesOf(parsed, sink)) {
      const slug = urlize(name);
      if (!themeNames.some(([existing]) => existing === slug)) {
        themeNames.push([slug, name, parsed.file, lineOf(parsed.text, name)]);
      }
    }
  }

  const layoutRaw = fieldOf('layout');

  // Sub-pages (only a folder with _index.md has them), in Hugo's order.
  const standAbove: PageAbove = {
    chain: section?.cascade.length ? [section.cascade, ...ctx.cascade.stands] : ctx.cascade.stands,
    standPublished: section?.published ?? true,
    nestedPublished: true,
  };
  // What the sections inside the stand's folder give the pages below them, each read once, when needed.
  const nestedAbove = new Map<string, PageAbove>();
  let nestedUntil: number | undefined;
  let nestedSince: number | undefined;
  const aboveOf = (sections: readonly string[] | undefined, at = 0): PageAbove => {
    if (!sections || at >= sections.length) return standAbove;
    const file = sections[at]!;
    let known = nestedAbove.get(file);
    if (!known) {
      const outer = aboveOf(sections, at + 1);
      // Its problems are those of its own page, built with the others: not reported twice.
      const parsed = readParsed(ctx, file, new Problems(ctx.collection, plan.slug), outer.chain);
      known = {
        chain: parsed?.cascade.length ? [parsed.cascade, ...outer.chain] : outer.chain,
        standPublished: outer.standPublished,
        nestedPublished: outer.nestedPublished && (parsed?.published ?? true),
      };
      nestedUntil = earliest(nestedUntil, parsed?.changesAt);
      nestedSince = latest(nestedSince, parsed?.changedAt);
      nestedAbove.set(file, known);
    }
    return known;
  };
  const pageBuilds: PageBuild[] = [];
  for (const pagePlan of plan.pages) {
    const previous = reuse(pagePlan);
    pageBuilds.push(
      // Same file, same stand and same slug: same address, so the page reads the same.
      previous && previous.page.slug === pagePlan.slug && previous.page.file === pagePlan.file
        ? previous
        : buildPage(ctx, plan, pagePlan, aboveOf(pagePlan.sections)),
    );
  }
  pageBuilds.sort((a, b) => compareHugoPages(sortable(a), sortable(b)));
  // From the plan, not the page's build: a section added above a page moves it off the list unread.
  const offList = new Set(plan.pages.filter((page) => page.offStandList).map((page) => page.file));
  // The sections inside the stand's folder that list a page (none in a stand without such sections).
  const listedOn = new Map<string, string>();
  if (plan.pages.some((page) => page.listedOn)) {
    const slugOf = new Map(plan.pages.map((page) => [page.file, page.slug]));
    for (const page of plan.pages) {
      const section = page.listedOn && slugOf.get(page.listedOn);
      if (section) listedOn.set(page.file, section);
    }
  }
  const pageRefs: PageRef[] = pageBuilds.map(({ page, unlisted, unrendered }) => {
    const holder = unlisted ? undefined : listedOn.get(page.file);
    return {
      slug: page.slug,
      title: page.title,
      draft: page.draft,
      listed: !unlisted && !offList.has(page.file),
      rendered: !unrendered,
      ...(holder ? { section: holder } : {}),
    };
  });

  const until = earliest(
    nestedUntil,
    ...standFiles.map((parsed) => parsed.changesAt),
    ...orphanParsed.map(({ parsed }) => parsed.changesAt),
    ...pageBuilds.map((build) => build.until),
  );
  const since = latest(
    nestedSince,
    ...standFiles.map((parsed) => parsed.changedAt),
    ...orphanParsed.map(({ parsed }) => parsed.changedAt),
    ...pageBuilds.map((build) => build.since),
  );

  // Hugo writes the redirects of every file of the stand it renders: each leads to the stand.
  const aliases = [
    ...new Set(
      published
        .filter((parsed) => parsed.rendered)
        .flatMap((parsed) =>
          aliasKeysOf(
            parsed.data.aliases,
            promoted?.parsed === parsed ? promoted.page.urlKey : standUrlDir.join('/'),
          ),
        ),
    ),
  ];

  const orderedBy = listedBy ?? pageFile;
  const sortKey = hugoOrderKey(orderOf(orderedBy, orderedBy === section ? pageBuilds : []));
  const themeSortKey = orderedBy === section ? hugoOrderKey(orderOf(orderedBy, [])) : sortKey;
  const stand: Stand = {
    collection: ctx.collection,
    slug: plan.slug,
    title,
    listed: published.some((parsed) => parsed.listed && parsed.siteWide),
    draft,
    rendered: sources.some((parsed) => parsed.rendered),
    themes: themeNames.map(([slug]) => slug),
    website,
    chatroom,
    links: standLinks,
    logo,
    descriptionHtml: description.html,
    showcaseHtml: showcase.html,
    newThisYearHtml: newThisYear.html,
    bodyHtml: body.html,
    summary: truncateText(cardText),
    layout: typeof layoutRaw === 'string' ? layoutRaw : null,
    file: pageFile.file,
    order: 0,
    pages: pageRefs,
  };
  return {
    key: plan.key,
    stand,
    pageBuilds,
    themeNames,
    inThemes: listedBy !== null,
    sortKey,
    ...(themeSortKey !== sortKey ? { themeSortKey } : {}),
    problems: sink.list,
    deps: joinDeps(deps),
    ...checkOwnLinks(ctx.collection, stand, links, pageBuilds),
    ...(aliases.length > 0 ? { aliases } : {}),
    ...(until !== undefined ? { until } : {}),
    ...(since !== undefined ? { since } : {}),
  };
}

/**
 * How Hugo sorts the stand's entry on the lists (its listed file, else its page). A section without a
 * date of its own has its newest published page's, as Hugo dates sections (checked with `hugo`).
 */
function orderOf(parsed: ParsedFile, sectionPages: PageBuild[]): SortablePage {
  let date = parsed.date;
  if (date === 0) {
    for (const build of sectionPages)
      if (!build.page.draft && build.date !== undefined && build.date > date) date = build.date;
  }
  return { weight: parsed.weight, date, hugoTitle: parsed.linkTitle || parsed.hugoTitle, file: parsed.file };
}

/** Splits a stand's links: those within it are checked now, the others kept for the collection-wide check. */
function checkOwnLinks(
  collection: string,
  stand: Stand,
  standLinks: InternalLink[],
  pageBuilds: PageBuild[],
): { crossLinks: InternalLink[]; linkProblems: Problem[] } {
  const slug = stand.slug;
  const own = `page:${slug}/`;
  const published = new Set(
    pageBuilds
      .filter(({ page, unrendered }) => !page.draft && !unrendered)
      .map(({ page }) => `${own}${page.slug}`),
  );
  if (stand.rendered) published.add(`stand:${slug}`);
  const drafts = new Set(pageBuilds.filter(({ page }) => page.draft).map(({ page }) => `${own}${page.slug}`));
  if (stand.draft) drafts.add(`stand:${slug}`);
  const crossLinks: InternalLink[] = [];
  const linkProblems: Problem[] = [];
  const sort = (links: InternalLink[], pageFile: string | null) => {
    for (const [target, line, ref, file, shortcode] of links) {
      const where = file ?? pageFile!;
      if (target !== `stand:${slug}` && !target.startsWith(own)) {
        crossLinks.push(shortcode ? [target, line, ref, where, shortcode] : [target, line, ref, where]);
        continue;
      }
      if (!published.has(target))
        linkProblems.push(
          brokenLink(collection, slug, where, line, ref, drafts.has(target) ? shortcode : undefined),
        );
    }
  };
  sort(standLinks, null);
  for (const pageBuild of pageBuilds) sort(pageBuild.links, pageBuild.page.file);
  return { crossLinks, linkProblems };
}

/** `refToUnpublished` names the ref or relref shortcode that wrote a link to an unpublished page. */
function brokenLink(
  collection: string,
  stand: string,
  file: string,
  line: number | null,
  ref: string,
  refToUnpublished?: string,
): Problem {
  if (refToUnpublished)
    // Hugo refuses to build the site over it (REF_NOT_FOUND), as over one to a page that does not exist.
    return problem(
      collection,
      file,
      'link-broken',
      `The ${refToUnpublished} shortcode on line ${line} points at "${ref}", but that page is not published (it is a draft, or its date is in the future or past its expiry date), so Hugo cannot build the site. Publish that page or change the link.`,
      { line, stand, severity: 'error' },
    );
  return problem(
    collection,
    file,
    'link-broken',
    `The link "${ref}" leads to a page that is a draft, has no page of its own (_build.render) or does not exist, so visitors will not find it. Fix the link or publish that page.`,
    { line, stand },
  );
}

/** What a stand's sub-page is under: the sections above it, in its folder and above. */
interface PageAbove {
  /** What they cascade, the nearest first. */
  chain: CascadeChain;
  /** Whether the stand folder's _index.md is published: Hugo renders no page below a draft section. */
  standPublished: boolean;
  /** Whether every section inside the stand's folder above it is: Hugo publishes no page below one that is not. */
  nestedPublished: boolean;
}

/** Builds one sub-page from its file; one that cannot be read is a draft, with the problem saying why. */
function buildPage(ctx: BuildContext, plan: StandPlan, pagePlan: PagePlan, above: PageAbove): PageBuild {
  const sink = new Problems(ctx.collection, plan.slug);
  const deps = new Set<string>();
  // A section above it that vanishes takes its cascade away: the page is then built again.
  for (const file of pagePlan.sections ?? []) deps.add(`file:${file}`);
  const links: InternalLink[] = [];
  const parsed = readParsed(ctx, pagePlan.file, sink, above.chain);
  const title = parsed?.hugoTitle || stemOf(pagePlan.file);
  let html = '';
  let aliases: string[] = [];
  if (parsed) {
    const rendered = new FileRenderer(
      ctx,
      // Unrendered, its refs cannot stop Hugo's build (see FileRenderer.body()).
      above.standPublished && above.nestedPublished ? parsed : { ...parsed, published: false },
      { fileDir: dirOf(parsed.file), urlDir: pagePlan.urlKey.split('/') },
      sink,
      deps,
      links,
    ).body();
    html = rendered.html;
    // Hugo writes no redirect for a page it does not render.
    if (parsed.published && parsed.rendered && above.standPublished && above.nestedPublished)
      aliases = aliasKeysOf(parsed.data.aliases, pagePlan.urlKey);
    if (!parsed.hugoTitle && parsed.frontMatterRead) {
      sink.add(
        parsed.file,
        'title-missing',
        `This page has no title, so it is shown as "${title}", after its file name. Add a title: line to its front matter.`,
        1,
      );
    }
  }
  return {
    page: {
      collection: ctx.collection,
      stand: plan.slug,
      slug: pagePlan.slug,
      title,
      // A page that cannot be read is not shown; its problem says why.
      draft: parsed ? !parsed.published || !above.nestedPublished : true,
      html,
      file: pagePlan.file,
      weight: parsed?.weight ?? 0,
    },
    ...(parsed?.date ? { date: parsed.date } : {}),
    ...(parsed?.hugoTitle ? {} : { untitled: true as const }),
    ...(parsed?.linkTitle ? { linkTitle: parsed.linkTitle } : {}),
    ...(parsed && !isListedInSection(parsed.data) ? { unlisted: true as const } : {}),
    ...(parsed && !parsed.rendered ? { unrendered: true as const } : {}),
    ...(aliases.length > 0 ? { aliases } : {}),
    ...(parsed?.changesAt !== undefined ? { until: parsed.changesAt } : {}),
    ...(parsed?.changedAt !== undefined ? { since: parsed.changedAt } : {}),
    problems: sink.list,
    deps: joinDeps(deps),
    // A page's links are all in its own file.
    links: links.map(([target, line, ref, , shortcode]): InternalLink =>
      shortcode ? [target, line, ref, null, shortcode] : [target, line, ref],
    ),
  };
}

function skippedMessage(reason: string, plan: StandPlan): string {
  const folder = `content/stands/${plan.folder ?? plan.slug}/`;
  switch (reason) {
    case 'index-beside-index':
      return `Hugo ignores an index file next to _index.md in ${folder}, so this page is not published. Rename it to make it a sub-page.`;
    case 'leaf-bundle-resource':
      return `The folder ${folder} has an index.md, which makes Hugo treat its other pages as attachments, not pages. Rename index.md to _index.md to make them sub-pages.`;
    case 'nested-bundle-resource':
      return `This file is in a folder of ${folder} that has an index.md, which makes Hugo treat it as an attachment of that page, not a page, so Standalone leaves it out. Move it out of that folder to make it a sub-page.`;
    case 'duplicate-index':
      return `The folder ${folder} has more than one page of this kind; like Hugo, Standalone uses only the last one.`;
    case 'duplicate-listing':
      return `Another listing file gives the stand the same address (/stands/${plan.slug}/); like Hugo, Standalone uses ${plan.listings[0] ?? 'the other one'} and leaves this one out. Remove or rename one of them.`;
    case 'duplicate-folder':
      return `Another folder gives the stand the same address (/stands/${plan.slug}/); like Hugo, Standalone uses ${folder} and leaves this one out. Remove or rename one of them.`;
    default:
      return 'This file was skipped.';
  }
}

/** Builds one theme from its page. */
export function buildTheme(ctx: BuildContext, plan: ThemePlan): ThemeBuild {
  const sink = new Problems(ctx.collection, null);
  const deps = new Set<string>();
  if (!plan.file) return { key: plan.key, theme: null, problems: sink.list, deps: '' };
  const parsed = readParsed(ctx, plan.file, sink);
  const until = {
    ...(parsed?.changesAt !== undefined ? { until: parsed.changesAt } : {}),
    ...(parsed?.changedAt !== undefined ? { since: parsed.changedAt } : {}),
  };
  if (!parsed || !parsed.published)
    return { key: plan.key, theme: null, problems: sink.list, deps: joinDeps(deps), ...until };
  const renderer = new FileRenderer(
    ctx,
    parsed,
    { fileDir: dirOf(parsed.file), urlDir: ['themes', plan.slug] },
    sink,
    deps,
    [],
  );
  const description = renderer.field(parsed.data.description, 'description');
  const body = parsed.body.trim() ? renderer.body() : { html: '', text: '' };
  // Theme icons come from the site's Hugo theme (not part of a stands folder): used when present,
  // silently absent otherwise.
  let icon: string | null = null;
  const iconRaw = stringField(parsed.data, 'logo') ?? stringField(parsed.data, 'icon');
  if (iconRaw) {
    const resolved = renderer.resolveAssetFile(iconRaw);
    if (typeof resolved === 'object') icon = resolved.file;
  }
  return {
    key: plan.key,
    theme: {
      collection: ctx.collection,
      slug: plan.slug,
      title: parsed.hugoTitle || plan.key,
      descriptionHtml: [description.html, body.html].filter(Boolean).join('\n'),
      hasPage: true,
      rendered: parsed.rendered,
      icon,
    },
    problems: sink.list,
    deps: joinDeps(deps),
    ...until,
  };
}

export interface CollectionModel {
  /** Stands in the site's order (Hugo's: weight, date, title), drafts included. */
  stands: Stand[];
  themes: Theme[];
  /** Listed, published stands per theme slug, in order. */
  themeStands: Map<string, Stand[]>;
  problems: Problem[];
}

/** The collection-wide pass: themes and their counts, the overview order, and internal link checks. */
export function assembleCollection(
  collection: string,
  standBuilds: Iterable<StandBuild>,
  themeBuilds: Iterable<ThemeBuild>,
): CollectionModel {
  const builds = sortByHugoOrderKey(
    [...standBuilds].filter((build) => build.stand !== null),
    (build) => build.sortKey,
  );
  const bySlug = new Map(builds.map((build) => [build.stand!.slug, build.stand!]));
  const published = (slug: string) => bySlug.get(slug);
  const stands = builds.map((build, index) => {
    build.stand!.order = index;
    return build.stand!;
  });
  const problems: Problem[] = [];

  const themes = new Map<string, Theme>();
  for (const build of themeBuilds) if (build.theme) themes.set(build.theme.slug, build.theme);
  const themeStands = new Map<string, Stand[]>();
  for (const build of builds) {
    const stand = build.stand!;
    if (stand.draft) continue;
    for (const [slug, name, file, line] of build.themeNames) {
      if (!themes.has(slug)) {
        themes.set(slug, {
          collection,
          slug,
          title: name,
          descriptionHtml: '',
          hasPage: false,
          rendered: true,
          icon: null,
        });
        problems.push(
          problem(
            collection,
            file,
            'theme-without-page',
            `The theme "${name}" has no page (content/themes/${slug}/_index.md), so it is shown without a description. Add the page, or check the theme's spelling.`,
            { stand: stand.slug, line },
          ),
        );
      }
      if (build.inThemes) {
        const list = themeStands.get(slug) ?? [];
        list.push(stand);
        themeStands.set(slug, list);
      }
    }
  }

  const themeKeys = new Map<Stand, string>();
  for (const build of builds) if (build.themeSortKey) themeKeys.set(build.stand!, build.themeSortKey);
  if (themeKeys.size > 0) {
    const sortKeys = new Map(builds.map((build) => [build.stand!, build.sortKey]));
    for (const [slug, list] of themeStands)
      themeStands.set(
        slug,
        sortByHugoOrderKey(list, (stand) => themeKeys.get(stand) ?? sortKeys.get(stand)!),
      );
  }

  // Links to other stands and themes must reach something published with a page of its own.
  const reachable = new Set<string>();
  for (const theme of themes.values()) if (theme.rendered) reachable.add(`theme:${theme.slug}`);
  for (const build of builds) {
    const stand = build.stand!;
    if (!opensInApp(stand)) continue;
    reachable.add(`stand:${stand.slug}`);
  }
  for (const build of builds) {
    for (const [target, line, ref, file, shortcode] of build.crossLinks) {
      let ok = reachable.has(target);
      // Hugo publishes no page of a draft (future, expired) stand folder, nor any page inside it.
      let draft = target.startsWith('stand:') && !!published(target.slice(6))?.draft;
      if (!ok && target.startsWith('page:')) {
        const slash = target.indexOf('/');
        const stand = published(target.slice(5, slash));
        const page = target.slice(slash + 1);
        // A stand without a page of its own may still have pages that have one.
        ok =
          !!stand &&
          !stand.draft &&
          stand.pages.some((ref) => ref.slug === page && !ref.draft && ref.rendered);
        draft = !!stand && (stand.draft || stand.pages.some((ref) => ref.slug === page && ref.draft));
      }
      if (!ok)
        problems.push(
          brokenLink(collection, build.stand!.slug, file!, line, ref, draft ? shortcode : undefined),
        );
    }
  }

  const sortedThemes = [...themes.values()].sort((a, b) => compareGoStrings(a.slug, b.slug));
  return { stands, themes: sortedThemes, themeStands, problems };
}
