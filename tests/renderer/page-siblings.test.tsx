// Beside a stand's sub-page, the stand's other pages. A page taken off its stand's list (`_build.list`)
// is not among them; when only one other page is left, that one is still offered beside it.
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { PageRef } from '../../main/engine/types';
import { fakePageRef } from './fakes';
import { renderHost } from './render-host';

const detail = vi.hoisted(() => ({ siblings: [] as PageRef[] }));

vi.mock('../../renderer/src/api', async () => {
  const { fakePage } = await import('./fakes');
  return {
    hasApi: true,
    api: {
      getPage: (_collection: string, _stand: string, slug: string) =>
        Promise.resolve(
          fakePage({
            slug,
            title: slug === 'press-kit' ? 'Press kit' : 'The bootloader',
            siblings: detail.siblings,
          }),
        ),
      onEvent: () => () => undefined,
    },
  };
});

vi.mock('../../renderer/src/hooks/app-state', async () =>
  (await import('./fakes')).appStateModule({ organiser: true }),
);

const { PageScreen } = await import('../../renderer/src/screens/PageScreen');
const { QrProvider } = await import('../../renderer/src/components/QrDialog');

const host = renderHost();

async function sideLinks(page: string): Promise<string[] | null> {
  await host.render(
    <QrProvider>
      <PageScreen collection="demo" stand="lantern-os" page={page} />
    </QrProvider>,
  );
  await act(async () => undefined);
  const list = host.element.querySelector('.sa-page-list');
  return list ? [...list.querySelectorAll('a')].map((a) => a.textContent ?? '') : null;
}

describe("a sub-page's side list", () => {
  it('offers the one other page beside a page taken off the list', async () => {
    detail.siblings = [fakePageRef('bootloader', 'The bootloader')];
    expect(await sideLinks('press-kit')).toEqual(['The bootloader']);
  });

  it('is left out when the page is the only one on the list', async () => {
    detail.siblings = [fakePageRef('bootloader', 'The bootloader')];
    expect(await sideLinks('bootloader')).toBeNull();
  });
});
