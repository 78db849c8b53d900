// A stand, sub-page or theme that `_build.render` leaves without a page of its own (Hugo writes none) keeps
// its card and its place on the lists, as on the published site, but leads nowhere: it is shown as text,
// never as a link to a screen that would only say there is no such stand, page or theme.
import { act, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { PageRef, StandCard as StandCardData, ThemeLink, ThemeSummary } from '../../main/engine/types';
import { renderHost } from './render-host';

const data = vi.hoisted(() => ({
  pages: [] as PageRef[],
  standRendered: true,
  themes: [] as ThemeLink[],
}));

const ref = (slug: string, title: string, rendered: boolean): PageRef => ({
  slug,
  title,
  draft: false,
  listed: true,
  rendered,
});

vi.mock('../../renderer/src/api', async () => {
  const { fakePage, fakeStand } = await import('./fakes');
  return {
    hasApi: true,
    api: {
      getStand: (collection: string, slug: string) =>
        Promise.resolve(
          fakeStand({
            collection,
            slug,
            themes: data.themes.map(({ slug }) => slug),
            themeRefs: data.themes,
            pages: data.pages,
          }),
        ),
      getPage: (collection: string, stand: string, slug: string) =>
        Promise.resolve(
          fakePage({
            collection,
            stand,
            slug,
            theme: data.themes[0] ?? null,
            standRendered: data.standRendered,
            siblings: data.pages,
          }),
        ),
      listThemes: () =>
        Promise.resolve(
          data.themes.map((theme): ThemeSummary => ({
            collection: 'demo',
            slug: theme.slug,
            title: theme.title,
            descriptionHtml: '',
            icon: null,
            standCount: 1,
            rendered: theme.rendered,
          })),
        ),
      onEvent: () => () => undefined,
    },
  };
});

vi.mock('../../renderer/src/hooks/app-state', async () => (await import('./fakes')).appStateModule());

const { StandCard } = await import('../../renderer/src/components/StandCard');
const { StandScreen } = await import('../../renderer/src/screens/StandScreen');
const { PageScreen } = await import('../../renderer/src/screens/PageScreen');
const { ThemesScreen } = await import('../../renderer/src/screens/ThemesScreen');
const { QrProvider } = await import('../../renderer/src/components/QrDialog');
const { api } = await import('../../renderer/src/api');

const host = renderHost();

async function show(node: ReactNode): Promise<void> {
  await host.render(<QrProvider>{node}</QrProvider>);
  await act(async () => undefined);
}

/** The entries of the side list of pages: their text, and whether each is a link. */
function pageList(): [string, boolean][] {
  return [...host.element.querySelectorAll('.sa-page-list li')].map((item) => [
    item.textContent ?? '',
    item.querySelector('a') !== null,
  ]);
}

const card = (rendered: boolean): StandCardData => ({
  collection: 'demo',
  slug: 'lantern-os',
  title: 'Lantern OS',
  themes: [],
  logo: null,
  summary: 'A small system.',
  rendered,
});

describe('a stand without a page of its own', () => {
  it('keeps its card, with its title as text rather than a link to a missing stand', async () => {
    await show(<StandCard stand={card(false)} />);
    expect(host.element.querySelector('.sa-card-title')!.textContent).toBe('Lantern OS');
    expect(host.element.querySelector('a')).toBeNull();
    await show(<StandCard stand={card(true)} />);
    expect(host.element.querySelector('.sa-card-title a')!.getAttribute('href')).toBe(
      '#/c/demo/stands/lantern-os',
    );
  });

  it('is named, not linked, above and beside a page of it that has one', async () => {
    data.standRendered = false;
    data.pages = [ref('bootloader', 'The bootloader', true), ref('kernel', 'The kernel', true)];
    await show(<PageScreen collection="demo" stand="lantern-os" page="bootloader" />);
    const links = [...host.element.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['#/c/demo/stands/lantern-os/kernel']);
    expect(host.element.querySelector('.sa-breadcrumb')!.textContent).toContain('Lantern OS');
    expect(host.element.querySelector('.sa-side h2')!.textContent).toBe('Lantern OS');
    data.standRendered = true;
  });

  it('sends a visitor from a page that is not there to all stands, not to the stand it has not got', async () => {
    // Neither stand has a press kit; beacon has a page of its own, lantern-os has not.
    const getStand = api.getStand;
    const spies = [
      vi.spyOn(api, 'getPage').mockResolvedValue(null),
      vi
        .spyOn(api, 'getStand')
        .mockImplementation((collection, slug) =>
          slug === 'lantern-os' ? Promise.resolve(null) : getStand(collection, slug),
        ),
    ];
    try {
      const back = () => host.element.querySelector('.sa-empty a')!;
      await show(<PageScreen collection="demo" stand="lantern-os" page="press-kit" />);
      expect(host.element.querySelector('h1')!.textContent).toBe('Not found');
      expect([back().textContent, back().getAttribute('href')]).toEqual(['All stands', '#/c/demo']);
      await show(<PageScreen collection="demo" stand="beacon" page="press-kit" />);
      expect([back().textContent, back().getAttribute('href')]).toEqual([
        'Back to the stand',
        '#/c/demo/stands/beacon',
      ]);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});

describe('a sub-page without a page of its own', () => {
  it("stays on its stand's list of pages as text", async () => {
    data.pages = [ref('bootloader', 'The bootloader', true), ref('press-kit', 'Press kit', false)];
    await show(<StandScreen collection="demo" stand="lantern-os" />);
    expect(pageList()).toEqual([
      ['The bootloader', true],
      ['Press kit', false],
    ]);
  });

  it('stays beside the other pages as text, and the list is left out when nothing on it opens', async () => {
    data.pages = [
      ref('bootloader', 'The bootloader', true),
      ref('press-kit', 'Press kit', false),
      ref('kernel', 'The kernel', true),
    ];
    await show(<PageScreen collection="demo" stand="lantern-os" page="bootloader" />);
    expect(pageList()).toEqual([
      ['The bootloader', false],
      ['Press kit', false],
      ['The kernel', true],
    ]);
    // Another stand: answers are kept per page.
    data.pages = [ref('bootloader', 'The bootloader', true), ref('press-kit', 'Press kit', false)];
    await show(<PageScreen collection="demo" stand="beacon" page="bootloader" />);
    expect(host.element.querySelector('h1')!.textContent).toBe('The bootloader');
    expect(host.element.querySelector('.sa-page-list')).toBeNull();
  });
});

describe('a theme without a page of its own', () => {
  const quiet = { slug: 'quiet', title: 'Quiet', rendered: false };
  const tools = { slug: 'tools', title: 'Tools', rendered: true };
  const links = () => [...host.element.querySelectorAll('a')].map((a) => a.textContent);

  it('is named, not linked, on the list of themes, on its stands and above their pages', async () => {
    data.themes = [quiet, tools];
    data.pages = [];
    await show(<ThemesScreen collection="demo" />);
    expect([...host.element.querySelectorAll('.sa-theme h2')].map((h) => h.textContent)).toEqual([
      'Quiet',
      'Tools',
    ]);
    expect(links()).toEqual(['Tools']);
    await show(<StandScreen collection="demo" stand="harbour" />);
    expect(host.element.querySelector('.sa-breadcrumb')!.textContent).toContain('Quiet');
    expect(host.element.querySelector('.sa-chips')!.textContent).toBe('QuietTools');
    expect(links()).not.toContain('Quiet');
    expect(links()).toContain('Tools');
    await show(<PageScreen collection="demo" stand="harbour" page="bootloader" />);
    expect(host.element.querySelector('.sa-breadcrumb')!.textContent).toContain('Quiet');
    expect(links()).toEqual(['Lantern OS']);
    data.themes = [];
  });
});
