// Stand titles, summaries and search snippets in Arabic or Hebrew, shown inside the app's left-to-right
// page: each must take the direction of its own words, or a title ending in "!" shows it at the wrong
// end, and text around a title ("Welcome to the … stand!") must not reorder it.
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Collection, PageDetail, SearchGroup, StandCard, StandDetail } from '../../main/engine/types';

const RTL_TITLE = 'מרכז התוכנה החופשית!';

const stand = {
  collection: 'demo',
  slug: 'merkaz',
  title: RTL_TITLE,
  themes: [],
  themeRefs: [{ slug: 'community', title: 'קהילה' }],
  links: [],
  logo: null,
  descriptionHtml: '',
  showcaseHtml: '',
  newThisYearHtml: '',
  bodyHtml: '',
  pages: [],
} as unknown as StandDetail;

const page = {
  collection: 'demo',
  stand: 'merkaz',
  slug: 'team',
  title: 'הצוות שלנו',
  standTitle: RTL_TITLE,
  theme: { slug: 'community', title: 'קהילה' },
  html: '',
  siblings: [],
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
    onEvent: () => () => undefined,
  },
}));

vi.mock('../../renderer/src/hooks/app-state', () => ({
  AppStateProvider: ({ children }: { children: ReactNode }) => children,
  useAppState: () => ({
    collections: [{ id: 'demo', name: 'Demo stands', year: 2031, available: true } as Collection],
    revision: 0,
  }),
}));

// The results list measures the window (ResizeObserver, which jsdom lacks): every group is shown here.
vi.mock('@tanstack/react-virtual', () => ({
  useWindowVirtualizer: ({ count }: { count: number }) => ({
    getTotalSize: () => 0,
    getVirtualItems: () => Array.from({ length: count }, (_, index) => ({ index, key: index, start: 0 })),
    measureElement: () => undefined,
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
  it('lays out a card’s title and summary by their own words', async () => {
    const card = {
      collection: 'demo',
      slug: 'merkaz',
      title: RTL_TITLE,
      themes: [],
      logo: null,
      summary: 'אנחנו כותבים תוכנה חופשית.',
    } as StandCard;
    await show(<Card stand={card} />);
    expect(host.querySelector('.sa-card-title')!.getAttribute('dir')).toBe('auto');
    expect(host.querySelector('.sa-card-summary')!.getAttribute('dir')).toBe('auto');
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

  it('lays out a page’s title by its own words', async () => {
    await show(<PageScreen collection="demo" stand="merkaz" page="team" />);
    expect(ownDirection(host.querySelector('h1'))).toBe(true);
    expect(textHolder(host.querySelector('.sa-breadcrumb')!, 'הצוות שלנו')).toBeDefined();
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
