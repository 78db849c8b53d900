// What the renderer's tests hand the screens in place of the engine's answers and the app's state: full
// objects of the real types, so a test names only what it is about and a new field is added here once.
import type { ReactNode } from 'react';
import type { PageDetail, PageRef, StandDetail } from '../../main/engine/types';
import type { AppState } from '../../renderer/src/hooks/app-state';

/** A stand as `getStand` answers it: Lantern OS of the demo, listed, with one line of description. */
export function fakeStand(fields: Partial<StandDetail> = {}): StandDetail {
  return {
    collection: 'demo',
    slug: 'lantern-os',
    title: 'Lantern OS',
    listed: true,
    draft: false,
    rendered: true,
    themes: [],
    themeRefs: [],
    website: null,
    chatroom: null,
    links: [],
    logo: null,
    descriptionHtml: '<p>A small system.</p>',
    showcaseHtml: '',
    newThisYearHtml: '',
    bodyHtml: '',
    summary: '',
    layout: null,
    file: 'content/stands/lantern-os.md',
    order: 0,
    pages: [],
    publishedUrl: null,
    ...fields,
  };
}

/** A stand's page as `getPage` answers it: "The bootloader" of Lantern OS. */
export function fakePage(fields: Partial<PageDetail> = {}): PageDetail {
  const stand = fields.stand ?? 'lantern-os';
  const slug = fields.slug ?? 'bootloader';
  return {
    collection: 'demo',
    stand,
    slug,
    title: 'The bootloader',
    draft: false,
    html: '<p>Text.</p>',
    file: `content/stands/${stand}/${slug}.md`,
    weight: 0,
    standTitle: 'Lantern OS',
    theme: null,
    standRendered: true,
    sections: [],
    siblings: [],
    pages: [],
    publishedUrl: null,
    ...fields,
  };
}

/** A page on a list (a stand's, a section's, a page's trail or side list): listed, published, with a page. */
export function fakePageRef(slug: string, title: string, fields: Partial<PageRef> = {}): PageRef {
  return { slug, title, draft: false, listed: true, rendered: true, ...fields };
}

/**
 * The module `renderer/src/hooks/app-state` as the screens' tests mock it: no provider, and a state with
 * no collections yet unless `state` says otherwise.
 * Use: `vi.mock('…/hooks/app-state', async () => (await import('./fakes')).appStateModule({ organiser: true }))`.
 */
export function appStateModule(state: Partial<AppState> = {}) {
  return {
    AppStateProvider: ({ children }: { children: ReactNode }) => children,
    useAppState: (): Partial<AppState> => ({
      collections: [],
      revision: 0,
      organiser: false,
      progress: {},
      notices: [],
      ...state,
    }),
  };
}
