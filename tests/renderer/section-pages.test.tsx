// A section inside a stand's folder (stands/x/docs/_index.md) is a sub-page whose own pages are on no
// stand's list, as in Hugo: its screen lists them, as Hugo's section page does, so a visitor reaches
// them by touch.
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { PageRef } from '../../main/engine/types';
import { renderHost } from './render-host';

const ref = (slug: string, title: string, fields: Partial<PageRef> = {}): PageRef => ({
  slug,
  title,
  draft: false,
  listed: false,
  rendered: true,
  section: 'docs',
  ...fields,
});

vi.mock('../../renderer/src/api', async () => {
  const { fakePage } = await import('./fakes');
  return {
    hasApi: true,
    api: {
      getPage: (_collection: string, _stand: string, slug: string) =>
        Promise.resolve(
          fakePage({
            slug,
            title: 'Docs',
            siblings: [ref('docs', 'Docs', { listed: true, section: undefined })],
            pages: [
              ref('docs-install', 'Install'),
              ref('docs-later', 'Later', { draft: true }),
              ref('docs-print', 'Print', { rendered: false }),
            ],
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
});
