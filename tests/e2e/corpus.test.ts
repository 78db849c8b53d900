// The real FOSDEM 2021 stands (../shared/corpus, read-only, not part of the project) in Chromium: the HTML
// stands really wrote renders with no accessibility violation, no console error, nothing fetched from
// the network. The stands with the richest HTML run always; STANDALONE_E2E_FULL_CORPUS=1 visits every
// stand and sub-page (about a minute). Skipped, saying why, when the corpus is absent.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REPO } from './build';
import { startHarness, type Harness } from './harness';

vi.setConfig({ expect: { poll: { timeout: 10_000, interval: 50 } } });

const CORPUS = join(REPO, '../shared/corpus/fosdem-2021');
const present = existsSync(join(CORPUS, 'config.toml'));
const full = process.env.STANDALONE_E2E_FULL_CORPUS === '1';

// Bootstrap grids and cards, floats and inline layout, tables, remote videos, inline SVG, a <style>
// element, lists that are not quite lists, headings at every level.
const RICH = [
  '/c/fosdem-2021',
  '/c/fosdem-2021/themes',
  '/c/fosdem-2021/search?q=kubernetes',
  '/c/fosdem-2021/stands/mautic',
  '/c/fosdem-2021/stands/openharmony_project',
  '/c/fosdem-2021/stands/eclipse-foundation',
  '/c/fosdem-2021/stands/fossasia',
  '/c/fosdem-2021/stands/mariadb_foundation/mariadb-for-mysql',
  '/c/fosdem-2021/stands/the_apache_software_foundation/our-projects',
];

describe.skipIf(!present)(`the FOSDEM 2021 stands${present ? '' : ` (skipped: ${CORPUS} is absent)`}`, () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ folders: [CORPUS] });
  });

  afterAll(async () => {
    await harness?.close();
  });

  async function routes(): Promise<string[]> {
    if (!full) return RICH;
    const all = [...RICH];
    for (const stand of await harness.services.listStands('fosdem-2021')) {
      const detail = await harness.services.getStand('fosdem-2021', stand.slug);
      const base = `/c/fosdem-2021/stands/${encodeURIComponent(stand.slug)}`;
      all.push(
        base,
        ...(detail?.pages ?? []).filter((p) => !p.draft).map((p) => `${base}/${encodeURIComponent(p.slug)}`),
      );
    }
    return [...new Set(all)];
  }

  it('renders what the stands wrote: accessible, quiet, offline', { timeout: 300_000 }, async () => {
    const problems: string[] = [];
    for (const route of await routes()) {
      await harness.open(route);
      for (const violation of await harness.axe())
        problems.push(`${route}: ${violation.id} at ${violation.nodes.slice(0, 2).join(', ')}`);
      for (const error of harness.consoleErrors())
        problems.push(`${route}: console: ${error.text.slice(0, 160)}`);
      harness.console.length = 0;
    }
    expect(problems).toEqual([]);
    expect(harness.offMachine()).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
  });

  it('shows the stands with their logos and every remote video as a placeholder', async () => {
    await harness.open('/c/fosdem-2021/stands/mautic');
    expect(await harness.page.locator('#sa-main h1').innerText()).toBe('Welcome to the Mautic stand!');
    expect(await harness.page.locator('.rich video[src^="https:"], .rich iframe').count()).toBe(0);
    expect(await harness.page.locator('.rich .sa-remote').count()).toBeGreaterThan(0);
    const logo = harness.page.locator('.sa-stand-head img');
    await expect
      .poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
  });
});
