// The queries the app's screens need, as plain functions over the collections in memory. Drafts never
// reach the app: only listAllStands (the command line's report) and listProblems show them.
import type {
  Asset,
  Collection,
  ListedProblem,
  Page,
  PageDetail,
  PageRef,
  ProblemFilter,
  SearchGroup,
  Stand,
  StandCard,
  StandDetail,
  Theme,
  ThemeDetail,
  ThemeLink,
  ThemeSummary,
} from './types';
import { realPathInside } from './paths';
import { MAX_SEARCH_LIMIT } from './types';
import { DEFAULT_SEARCH_LIMIT } from './search';
import { publishedUrl } from './site-config';
import { innerPageFile, pageUrlSegments } from './plan';
import { opensInApp } from './publish';
import { type CollectionState, describeStand, pageKey } from './state';

export type Collections = Map<string, CollectionState>;

/** Every collection, by name. */
export function listCollections(collections: Collections): Collection[] {
  return [...collections.values()]
    .map((state) => copyCollection(state.collection))
    .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
}

/** One collection, or null. */
export function getCollection(collections: Collections, id: string): Collection | null {
  const state = collections.get(id);
  return state ? copyCollection(state.collection) : null;
}

function copyCollection(collection: Collection): Collection {
  return { ...collection, counts: { ...collection.counts } };
}

function themeRef(state: CollectionState, slug: string): { slug: string; title: string } {
  return { slug, title: state.themesBySlug.get(slug)?.title ?? slug };
}

function themeLink(state: CollectionState, slug: string): ThemeLink {
  return { ...themeRef(state, slug), rendered: state.themesBySlug.get(slug)?.rendered ?? true };
}

function card(state: CollectionState, stand: Stand): StandCard {
  return {
    collection: stand.collection,
    slug: stand.slug,
    title: stand.title,
    themes: stand.themes.map((slug) => themeRef(state, slug)),
    logo: stand.logo,
    summary: stand.summary,
    rendered: stand.rendered,
  };
}

function summary(state: CollectionState, theme: Theme): ThemeSummary {
  return {
    collection: theme.collection,
    slug: theme.slug,
    title: theme.title,
    descriptionHtml: theme.descriptionHtml,
    icon: theme.icon,
    standCount: state.model.themeStands.get(theme.slug)?.length ?? 0,
    rendered: theme.rendered,
  };
}

/** Themes that have listed stands, by slug (as the site's theme list shows them: Hugo's taxonomy order). */
export function listThemes(collections: Collections, collection: string): ThemeSummary[] {
  const state = collections.get(collection);
  if (!state) return [];
  return state.model.themes.map((theme) => summary(state, theme)).filter((theme) => theme.standCount > 0);
}

/** Every theme, including those without listed stands (and without pages). */
export function listAllThemes(collections: Collections, collection: string): ThemeSummary[] {
  const state = collections.get(collection);
  return state ? state.model.themes.map((theme) => summary(state, theme)) : [];
}

/** A theme with a page of its own (`_build.render`), with its listed stands in the site's order, or null. */
export function getTheme(collections: Collections, collection: string, slug: string): ThemeDetail | null {
  const state = collections.get(collection);
  const theme = state?.themesBySlug.get(slug);
  if (!state || !theme || !theme.rendered) return null;
  const stands = (state.model.themeStands.get(slug) ?? []).map((stand) => card(state, stand));
  return { ...summary(state, theme), stands };
}

/**
 * The overview: listed, published stands in the site's order; with `first`, only that many (the
 * overview's first screen: at 10,000 stands the rest are not made into cards for it).
 */
export function listStands(collections: Collections, collection: string, first = Infinity): StandCard[] {
  const state = collections.get(collection);
  if (!state) return [];
  const cards: StandCard[] = [];
  for (const stand of state.model.stands) {
    if (cards.length >= first) break;
    if (stand.listed && !stand.draft) cards.push(card(state, stand));
  }
  return cards;
}

/** Every stand, listed or not, drafts included. */
export function listAllStands(collections: Collections, collection: string): Stand[] {
  const state = collections.get(collection);
  if (!state) return [];
  return state.model.stands.map((stand) => copyStand(stand, stand.pages));
}

function copyStand(stand: Stand, pages: PageRef[]): Stand {
  return {
    ...stand,
    themes: [...stand.themes],
    links: stand.links.map((link) => ({ ...link })),
    pages: pages.map((page) => ({ ...page })),
  };
}

/**
 * A published stand with a page of its own (`_build.render`), with its published pages that its list
 * shows (not those `_build.list` takes off), or null.
 */
export function getStand(collections: Collections, collection: string, slug: string): StandDetail | null {
  const state = collections.get(collection);
  const stand = state?.standsBySlug.get(slug);
  if (!state || !stand || !opensInApp(stand)) return null;
  return {
    ...copyStand(
      stand,
      stand.pages.filter((page) => !page.draft && page.listed),
    ),
    themeRefs: stand.themes.map((theme) => themeLink(state, theme)),
    publishedUrl: publishedUrl(state.siteBaseUrl, `/stands/${stand.slug}/`),
  };
}

/**
 * A published page of a published stand, with what its screen needs around it, or null; also null when
 * `_build.render` gives the page none of its own (a stand without one may still have pages that have).
 */
export function getPage(
  collections: Collections,
  collection: string,
  stand: string,
  page: string,
): PageDetail | null {
  const state = collections.get(collection);
  const owner = state?.standsBySlug.get(stand);
  const found = state?.pagesByKey.get(pageKey(stand, page));
  if (!state || !owner || !found || !pageOpens(owner, found)) return null;
  const firstTheme = owner.themes[0];
  const sections = sectionTrail(owner, found.slug);
  const holder = sections.at(-1)?.slug;
  return {
    ...found,
    standTitle: owner.title,
    theme: firstTheme ? themeLink(state, firstTheme) : null,
    standRendered: owner.rendered,
    sections,
    siblings: owner.pages
      .filter((ref) => !ref.draft && (holder === undefined ? ref.listed : ref.section === holder))
      .map((ref) => ({ ...ref })),
    pages: owner.pages.filter((ref) => !ref.draft && ref.section === found.slug).map((ref) => ({ ...ref })),
    publishedUrl: pagePublishedUrl(state, found),
  };
}

/** The sections inside the stand's folder whose lists hold a page, outermost first. */
function sectionTrail(owner: Stand, page: string): PageRef[] {
  const bySlug = new Map(owner.pages.map((ref) => [ref.slug, ref]));
  const trail: PageRef[] = [];
  // A section is on at most one list, so the walk ends; the bound guards a damaged store.
  for (let at = bySlug.get(page)?.section; at !== undefined && trail.length < owner.pages.length;) {
    const section = bySlug.get(at);
    if (!section) break;
    trail.unshift({ ...section });
    at = section.section;
  }
  return trail;
}

/**
 * Whether a stand's page opens (getPage finds it): neither it nor its stand a draft, and with a page of its
 * own (`_build.render`). A stand without a page of its own still has its pages.
 */
function pageOpens(owner: Stand, page: Page): boolean {
  if (owner.draft || page.draft) return false;
  return !owner.pages.some((ref) => ref.slug === page.slug && !ref.rendered);
}

/**
 * A page's address on the published site (`…/stands/x/docs/install/`), from its file as the plan makes
 * it: the whole plan is not built again for it after the store was loaded (a third of a second and 8 MB
 * at 10,000 stands, on a visitor's first page).
 */
function pagePublishedUrl(state: CollectionState, page: Page): string | null {
  if (state.siteBaseUrl === null) return null;
  const segments = pageUrlSegments(innerPageFile(page.file));
  return publishedUrl(state.siteBaseUrl, `/stands/${page.stand}/${segments.join('/')}/`);
}

/** Full-text search, grouped by stand. */
export function search(
  collections: Collections,
  collection: string,
  query: string,
  limit = DEFAULT_SEARCH_LIMIT,
): SearchGroup[] {
  const state = collections.get(collection);
  if (!state?.search || typeof query !== 'string') return [];
  const max = Number.isFinite(limit)
    ? Math.max(0, Math.min(MAX_SEARCH_LIMIT, Math.floor(limit)))
    : DEFAULT_SEARCH_LIMIT;
  return state.search.search(collection, query, max, (stand) => describeStand(state, stand));
}

/** Problems, filtered; sorted by collection, file and line; each names its stand's title and says whether it opens. */
export function listProblems(collections: Collections, filter: ProblemFilter = {}): ListedProblem[] {
  const out: ListedProblem[] = [];
  const states = filter.collection
    ? [collections.get(filter.collection)].filter((s): s is CollectionState => !!s)
    : [...collections.values()];
  for (const state of states) {
    for (const item of state.problems) {
      if (filter.severity && item.severity !== filter.severity) continue;
      if (filter.stand && item.stand !== filter.stand) continue;
      if (filter.code && item.code !== filter.code) continue;
      const stand = item.stand === null ? undefined : state.standsBySlug.get(item.stand);
      out.push({
        ...item,
        standOpens: !!stand && opensInApp(stand),
        standTitle: stand?.title ?? item.stand,
        page: stand ? problemPage(state, stand, item.file) : null,
      });
    }
  }
  return out;
}

/** The sub-page of `stand` whose file is `file`, for a problem found in it; null for the stand's own files. */
function problemPage(state: CollectionState, stand: Stand, file: string): ListedProblem['page'] {
  const build = state.buildsBySlug.get(stand.slug);
  const found = build?.pageBuilds.find(({ page }) => page.file === file)?.page;
  return found ? { slug: found.slug, title: found.title, opens: pageOpens(stand, found) } : null;
}

/** The asset record of a folder-relative file, only when the index knows it and it is really inside. */
export function getAsset(
  collections: Collections,
  collection: string,
  file: string,
): (Asset & { absolutePath: string }) | null {
  const state = collections.get(collection);
  if (!state || typeof file !== 'string') return null;
  const asset = state.assets.get(file);
  if (!asset) return null;
  const absolutePath = realPathInside(state.collection.root, file);
  return absolutePath ? { ...asset, absolutePath } : null;
}
