// Stand titles, summaries, search snippets, theme and page names, link labels and edition names in Arabic
// or Hebrew, shown inside the app's left-to-right page: each must take the direction of its own words, or
// a title ending in "!" shows it at the wrong end, and text around a title ("Welcome to the … stand!")
// must not reorder it.
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  Collection,
  PageDetail,
  SearchGroup,
  StandCard,
  StandDetail,
  ThemeDetail,
  ThemeSummary,
} from '../../main/engine/types';

const RTL_TITLE = 'מרכז התוכנה החופשית!';
const RTL_THEME = 'קהילה';
const RTL_EDITION = 'כנס התוכנה החופשית';
const RTL_PAGE = 'הצוות שלנו';

const card = {
  collection: 'demo',
  slug: 'merkaz',
  title: RTL_TITLE,
  themes: [{ slug: 'community', title: RTL_THEME }],
  logo: null,
  summary: 'אנחנו כותבים תוכנה חופשית.',
} as StandCard;

const themeSummary: ThemeSummary = {
  collection: 'demo',
  slug: 'community',
  title: RTL_THEME,
  descriptionHtml: '<p>מי שבונה את התוכנה.</p>',
  icon: null,
  standCount: 1,
  rendered: true,
};

const collections = [
  { id: 'demo', name: RTL_EDITION, year: 2031, available: true, root: '/stands', indexedAt: '' },
  { id: 'old', name: 'FOSDEM 2021 Stands', year: 2021, available: true, root: '/old', indexedAt: '' },
].map((collection) => ({
  ...collection,
  counts: { stands: 1, listedStands: 1, pages: 1, themes: 1, assets: 0, errors: 0, warnings: 0 },
})) as Collection[];

const stand = {
  collection: 'demo',
  slug: 'merkaz',
  title: RTL_TITLE,
  themes: [],
  themeRefs: [{ slug: 'community', title: RTL_THEME }],
  links: [{ kind: 'website', label: 'האתר שלנו', url: 'https://example.org/' }],
  logo: null,
  descriptionHtml: '',
  showcaseHtml: '<p>בדוכן.</p>',
  newThisYearHtml: '<p>חדש.</p>',
  bodyHtml: '',
  pages: [{ slug: 'team', title: RTL_PAGE, draft: false, listed: true }],
} as unknown as StandDetail;

const page = {
  collection: 'demo',
  stand: 'merkaz',
  slug: 'team',
  title: RTL_PAGE,
  standTitle: RTL_TITLE,
  theme: { slug: 'community', title: RTL_THEME },
  html: '',
  sections: [],
  siblings: [
    { slug: 'team', title: RTL_PAGE, draft: false, listed: true },
    { slug: 'faq', title: 'שאלות נפוצות?', draft: false, listed: true },
  ],
  pages: [],
} as unknown as PageDetail;

const groups: SearchGroup[] = [
  {
    stand: 'merkaz',
    standTitle: RTL_TITLE,
    hits: [
      {
        kind: 'stand',
        collection: 'demo',
        stand: 'merkaz',
        standTitle: RTL_TITLE,
        page: null,
        title: RTL_TITLE,
        snippet: 'אנחנו כותבים תוכנה חופשית.',
        highlights: [[6, 12]],
        score: 1,
      },
    ],
  },
];

vi.mock('../../renderer/src/api', () => ({
  hasApi: true,
  api: {
    getStand: () => Promise.resolve(stand),
    getPage: () => Promise.resolve(page),
    search: () => Promise.resolve(groups),
    getTheme: () => Promise.resolve({ ...themeSummary, stands: [card] } satisfies ThemeDetail),
    listThemes: () => Promise.resolve([themeSummary]),
    listStands: () => Promise.resolve([card]),
    onEvent: () => () => undefined,
  },
}));

vi.mock('../../renderer/src/hooks/app-state', () => ({
  AppStateProvider: ({ children }: { children: ReactNode }) => children,
  useAppState: () => ({
    collections,
    revision: 0,
    organiser: true,
    progress: {},
    notices: [],
  }),
}));

// The results list measures the window (ResizeObserver, which jsdom lacks): every group is shown here.
vi.mock('@tanstack/react-virtual', () => ({
  useWindowVirtualizer: ({ count }: { count: number }) => ({
    getTotalSize: () => 0,
    getVirtualItems: () => Array.from({ length: count }, (_, index) => ({ index, key: index, start: 0 })),
    measureElement: () => undefined,
    measure: () => undefined,
    takeSnapshot: () => [],
  }),
}));
globalThis.ResizeObserver ??= class {
  observe() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

const { StandCard: Card } = await import('../../renderer/src/components/StandCard');
const { StandScreen } = await import('../../renderer/src/screens/StandScreen');
const { PageScreen } = await import('../../renderer/src/screens/PageScreen');
const { SearchScreen } = await import('../../renderer/src/screens/SearchScreen');
const { QrProvider } = await import('../../renderer/src/components/QrDialog');
const { ThemeScreen } = await import('../../renderer/src/screens/ThemeScreen');
const { ThemesScreen } = await import('../../renderer/src/screens/ThemesScreen');
const { OverviewScreen } = await import('../../renderer/src/screens/OverviewScreen');
const { CollectionsScreen } = await import('../../renderer/src/screens/CollectionsScreen');
const { Shell } = await import('../../renderer/src/components/Shell');
const { AttractLoop } = await import('../../renderer/src/kiosk/AttractLoop');

// jsdom has no modal dialogs; the attract loop opens itself as one.
HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
  this.open = true;
};

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLElement;
let root: Root;

async function show(element: ReactNode): Promise<void> {
  await act(async () => root.render(<QrProvider>{element}</QrProvider>));
  await act(async () => undefined);
}

/** The direction an element's text is laid out in by its own words: `dir="auto"` or a `<bdi>`. */
const ownDirection = (element: Element | null | undefined): boolean =>
  element?.getAttribute('dir') === 'auto' || element?.localName === 'bdi';

const textHolder = (within: Element, text: string): Element | undefined =>
  Array.from(within.querySelectorAll('*')).find(
    (element) => element.textContent === text && ownDirection(element),
  );

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

describe('stand text in another direction', () => {
  it('lays out a card’s title, summary and themes by their own words', async () => {
    await show(<Card stand={card} />);
    expect(host.querySelector('.sa-card-title')!.getAttribute('dir')).toBe('auto');
    expect(host.querySelector('.sa-card-summary')!.getAttribute('dir')).toBe('auto');
    expect(ownDirection(host.querySelector('.sa-chip'))).toBe(true);
  });

  it('isolates the stand’s title in its welcome and in the breadcrumb', async () => {
    await show(<StandScreen collection="demo" stand="merkaz" />);
    const heading = host.querySelector('h1')!;
    expect(heading.textContent).toBe(`Welcome to the ${RTL_TITLE} stand!`);
    expect(textHolder(heading, RTL_TITLE)).toBeDefined();
    const breadcrumb = host.querySelector('.sa-breadcrumb')!;
    expect(textHolder(breadcrumb, 'קהילה')).toBeDefined();
    expect(textHolder(breadcrumb, RTL_TITLE)).toBeDefined();
  });

  it('lays out a stand’s pages, links and themes by their own words, and isolates its titles in headings', async () => {
    await show(<StandScreen collection="demo" stand="merkaz" />);
    expect(textHolder(host.querySelector('.sa-page-list')!, RTL_PAGE)).toBeDefined();
    expect(textHolder(host.querySelector('.sa-links')!, 'האתר שלנו')).toBeDefined();
    expect(textHolder(host.querySelector('.sa-chips')!, RTL_THEME)).toBeDefined();
    const showcase = host.querySelector('#sa-showcase')!;
    expect(textHolder(showcase, RTL_TITLE)).toBeDefined();
    expect(textHolder(showcase, RTL_EDITION)).toBeDefined();
    expect(textHolder(host.querySelector('#sa-new')!, RTL_TITLE)).toBeDefined();
    expect(textHolder(host.querySelector('.sa-side-back')!, RTL_EDITION)).toBeDefined();
  });

  it('lays out a page’s title by its own words', async () => {
    await show(<PageScreen collection="demo" stand="merkaz" page="team" />);
    expect(ownDirection(host.querySelector('h1'))).toBe(true);
    expect(textHolder(host.querySelector('.sa-breadcrumb')!, RTL_PAGE)).toBeDefined();
  });

  it('lays out the stand’s other pages beside a page by their own words', async () => {
    await show(<PageScreen collection="demo" stand="merkaz" page="team" />);
    const side = host.querySelector('.sa-side')!;
    expect(ownDirection(side.querySelector('h2'))).toBe(true);
    const list = side.querySelector('.sa-page-list')!;
    expect(textHolder(list, RTL_PAGE)).toBeDefined();
    expect(textHolder(list, 'שאלות נפוצות?')).toBeDefined();
  });

  it('lays out theme names and descriptions by their own words', async () => {
    await show(<ThemesScreen collection="demo" />);
    expect(ownDirection(host.querySelector('.sa-theme h2'))).toBe(true);
    expect(host.querySelector('.sa-theme-description p')!.getAttribute('dir')).toBe('auto');
    await show(<ThemeScreen collection="demo" theme="community" />);
    expect(ownDirection(host.querySelector('h1'))).toBe(true);
    expect(host.querySelector('.sa-intro p')!.getAttribute('dir')).toBe('auto');
  });

  it('lays out edition names by their own words, and isolates one in a sentence', async () => {
    await show(<OverviewScreen collection="demo" />);
    expect(ownDirection(host.querySelector('h1'))).toBe(true);
    await show(<CollectionsScreen />);
    const item = host.querySelector('.sa-collection')!;
    expect(textHolder(item.querySelector('h2')!, RTL_EDITION)).toBeDefined();
    const remove = Array.from(item.querySelectorAll('button')).find((b) => b.textContent === 'Remove…')!;
    await act(async () => remove.click());
    expect(textHolder(item.querySelector('.sa-confirm p')!, RTL_EDITION)).toBeDefined();
  });

  it('lays out the edition switcher’s names by their own words', async () => {
    window.location.hash = '#/c/demo';
    await show(
      <Shell>
        <p>screen</p>
      </Shell>,
    );
    const options = host.querySelectorAll('#sa-edition-select option');
    expect(Array.from(options, (option) => option.textContent)).toEqual([RTL_EDITION, 'FOSDEM 2021']);
    for (const option of options) expect(ownDirection(option)).toBe(true);
    window.location.hash = '';
  });

  it('lays out the attract loop’s stand, themes and edition by their own words', async () => {
    const settings = {
      featured: { stands: [], themes: [] },
      attract: { slideSeconds: 3600 },
    } as unknown as Parameters<typeof AttractLoop>[0]['settings'];
    await show(
      <AttractLoop
        collection="demo"
        collectionName={RTL_EDITION}
        settings={settings}
        onLeave={() => undefined}
      />,
    );
    expect(ownDirection(host.querySelector('.sa-attract-event'))).toBe(true);
    const slide = host.querySelector('.sa-attract-slide')!;
    expect(textHolder(slide, RTL_TITLE)).toBeDefined();
    expect(textHolder(slide, card.summary)).toBeDefined();
    expect(textHolder(slide, RTL_THEME)).toBeDefined();
  });

  it('lays out search results’ titles and snippets by their own words', async () => {
    await show(<SearchScreen collection="demo" query="כותבים" />);
    const results = host.querySelector('.sa-results')!;
    expect(results.querySelectorAll('.sa-hit')).toHaveLength(1);
    expect(ownDirection(results.querySelector('h2'))).toBe(true);
    expect(ownDirection(results.querySelector('.sa-hit-title'))).toBe(true);
    expect(ownDirection(results.querySelector('.sa-snippet'))).toBe(true);
  });
});
