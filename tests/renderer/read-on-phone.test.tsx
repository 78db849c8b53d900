// A visitor reading a stand or a stand's page can take it away: a button shows the page's address on the
// published site (built by the engine from config.toml's baseURL) as a QR code, with the address written
// out, in the dialog a stand's links use. Without a usable baseURL the engine gives no address, and no
// button is offered.
import { act, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderHost } from './render-host';

const SITE = 'https://stands.example.org/2021/';
/** Published address per stand slug; a slug not here has none (no baseURL). */
const addresses: Record<string, string> = {
  'lantern-os': `${SITE}stands/lantern-os/`,
  beacon: `${SITE}stands/beacon/`,
  yottadb: `${SITE}stands/yottadb/`,
};
/** A stand with as many pages as the largest of FOSDEM 2021's (YottaDB, nine). */
const manyPages = Array.from({ length: 9 }, (_, index) => ({
  slug: `page-${index}`,
  title: `Page ${index}`,
  draft: false,
  listed: true,
  rendered: true,
}));

vi.mock('../../renderer/src/api', async () => {
  const { fakePage, fakeStand } = await import('./fakes');
  return {
    hasApi: true,
    api: {
      getStand: (collection: string, slug: string) =>
        Promise.resolve(fakeStand({ collection, slug, publishedUrl: addresses[slug] ?? null })),
      getPage: (collection: string, stand: string, slug: string) =>
        Promise.resolve(
          fakePage({
            collection,
            stand,
            slug,
            siblings: stand === 'yottadb' ? manyPages : [],
            publishedUrl: addresses[stand] ? `${addresses[stand]}docs/${slug}/` : null,
          }),
        ),
      openExternal: () => Promise.resolve({ opened: true }),
      onEvent: () => () => undefined,
    },
  };
});

vi.mock('../../renderer/src/hooks/app-state', async () => (await import('./fakes')).appStateModule());

const { StandScreen } = await import('../../renderer/src/screens/StandScreen');
const { PageScreen } = await import('../../renderer/src/screens/PageScreen');
const { QrProvider } = await import('../../renderer/src/components/QrDialog');

const host = renderHost();

async function show(node: ReactNode): Promise<void> {
  await host.render(<QrProvider>{node}</QrProvider>);
  await act(async () => undefined);
}

function phoneButton(): HTMLButtonElement | undefined {
  return [...host.element.querySelectorAll('button')].find(
    (button) => button.textContent === 'Read this on your phone',
  );
}

/** Presses the button and reads the dialog: its heading, the code's label and the address written out. */
async function openedCode(): Promise<[string, string, string]> {
  await act(async () => phoneButton()!.click());
  const dialog = host.element.querySelector('dialog')!;
  return [
    dialog.querySelector('h2')!.textContent ?? '',
    dialog.querySelector('svg[role="img"]')!.getAttribute('aria-label') ?? '',
    dialog.querySelector('.sa-qr-url')!.textContent ?? '',
  ];
}

describe('Read this on your phone', () => {
  it("shows a stand's published address as a QR code, written out", async () => {
    await show(<StandScreen collection="demo" stand="lantern-os" />);
    expect(await openedCode()).toEqual([
      'Read this on your phone',
      `QR code for ${SITE}stands/lantern-os/`,
      `${SITE}stands/lantern-os/`,
    ]);
  });

  it("shows a stand's page's published address as a QR code, written out", async () => {
    await show(<PageScreen collection="demo" stand="beacon" page="install" />);
    expect(await openedCode()).toEqual([
      'Read this on your phone',
      `QR code for ${SITE}stands/beacon/docs/install/`,
      `${SITE}stands/beacon/docs/install/`,
    ]);
  });

  it("comes before a long list of the stand's pages, not out of sight in the side column's scroll", async () => {
    await show(<PageScreen collection="demo" stand="yottadb" page="page-0" />);
    const side = host.element.querySelector('.sa-side')!;
    expect(side.querySelectorAll('.sa-page-list li')).toHaveLength(9);
    expect(side.firstElementChild!.contains(phoneButton()!)).toBe(true);
  });

  it('is not offered when the stands folder has no usable baseURL', async () => {
    await show(<StandScreen collection="demo" stand="no-address" />);
    expect(host.element.querySelector('h1')!.textContent).toContain('Lantern OS');
    expect(phoneButton()).toBeUndefined();
    await show(<PageScreen collection="demo" stand="no-address" page="install" />);
    expect(host.element.querySelector('h1')!.textContent).toBe('The bootloader');
    expect(phoneButton()).toBeUndefined();
    expect(host.element.querySelector('.sa-side')).toBeNull();
  });
});
