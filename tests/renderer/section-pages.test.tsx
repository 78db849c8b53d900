// A section inside a stand's folder (stands/x/docs/_index.md) is a sub-page whose own pages are on no
// stand's list, as in Hugo: its screen lists them, as Hugo's section page does, so a visitor reaches
// them by touch.
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { PageRef } from '../../main/engine/types';
import { renderHost } from './render-host';

vi.mock('../../renderer/src/api', async () => {
  const { fakePage, fakePageRef } = await import('./fakes');
  /** A page on the list of the section docs, off its stand's list. */
  const inDocs = (slug: string, title: string, fields: Partial<PageRef> = {}) =>
    fakePageRef(slug, title, { listed: false, section: 'docs', ...fields });
  return {
    hasApi: true,
    api: {
      getPage: (_collection: string, _stand: string, slug: string) =>
        Promise.resolve(
          slug === 'docs'
            ? fakePage({
                slug,
                title: 'Docs',
                siblings: [fakePageRef('docs', 'Docs')],
                pages: [
                  inDocs('docs-install', 'Install'),
                  inDocs('docs-later', 'Later', { draft: true }),
                  inDocs('docs-print', 'Print', { rendered: false }),
                ],
              })
            : fakePage({
                slug,
                title: 'Install',
                sections: [fakePageRef('docs', 'Docs')],
                siblings: [inDocs('docs-faq', 'FAQ'), inDocs('docs-install', 'Install')],
              }),
        ),
      onEvent: () => () => undefined,
    },
  };
});

vi.mock('../../renderer/src/hooks/app-state', async () => (await import('./fakes')).appStateModule());

const { PageScreen } = await import('../../renderer/src/screens/PageScreen');
const { QrProvider } = await import('../../renderer/src/components/QrDialog');

const host = renderHost();

describe("a section's page", () => {
  it('lists the pages of the section, each it can open as a link', async () => {
    await host.render(
      <QrProvider>
        <PageScreen collection="demo" stand="lantern-os" page="docs" />
      </QrProvider>,
    );
    await act(async () => undefined);
    const list = host.element.querySelector('nav[aria-label="Pages of Docs"]');
    expect(list).not.toBeNull();
    expect([...list!.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Install', 'Print']);
    expect([...list!.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      '#/c/demo/stands/lantern-os/docs-install',
    ]);
  });

  it("leads from a page on the section's list back to the section, in the breadcrumb and beside the page", async () => {
    await host.render(
      <QrProvider>
        <PageScreen collection="demo" stand="lantern-os" page="docs-install" />
      </QrProvider>,
    );
    await act(async () => undefined);
    const crumbs = host.element.querySelector('nav[aria-label="Breadcrumb"]')!;
    expect([...crumbs.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Lantern OS',
      'Docs',
      'Install',
    ]);
    expect([...crumbs.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      '#/c/demo/stands/lantern-os',
      '#/c/demo/stands/lantern-os/docs',
    ]);
    const beside = host.element.querySelector('nav[aria-label="Pages of Docs"]');
    expect(beside).not.toBeNull();
    expect(beside!.querySelector('h2 a')!.getAttribute('href')).toBe('#/c/demo/stands/lantern-os/docs');
    expect([...beside!.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['FAQ', 'Install']);
  });
});
