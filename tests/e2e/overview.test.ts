// The overview of a collection bigger than a screen: it paints from a first, small request for the cards,
// then shows every stand once the whole list is in. Search as you type ends on the last text's answer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHarness, type Harness } from './harness';
import { expectCleanPage } from './clean-page';
import { generateStands } from '../../scripts/generate-stands';
import { FIRST_HITS, MORE_HITS } from '../../renderer/src/lib/search-hits';

vi.setConfig({ expect: { poll: { timeout: 10_000, interval: 50 } } });

let harness: Harness;
let dir: string;
let id: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'standalone-overview-'));
  // More listed stands than the first request asks for (200).
  await generateStands({ root: join(dir, 'big'), stands: 260, seed: 7 });
  // The engine in its worker thread, as the app and the bench run it (the other suites run it in-process).
  harness = await startHarness({
    folders: [join(dir, 'big')],
    viewport: { width: 1280, height: 800 },
    engine: 'worker',
  });
  id = (await harness.services.listCollections())[0]!.id;
}, 60_000);

afterAll(async () => {
  await harness?.close();
  rmSync(dir, { recursive: true, force: true });
});

afterEach(() => expectCleanPage(harness));

type ApiWindow = {
  api: {
    listStands(id: string, first?: unknown): Promise<{ slug: string; title: string }[]>;
    search(id: string, query: string, limit?: unknown): Promise<{ hits: unknown[] }[]>;
  };
};

const hitsOf = (groups: { hits: unknown[] }[]) => groups.reduce((n, g) => n + g.hits.length, 0);

describe('overview of a big collection', () => {
  it('answers listStands(collection, first) with the first stands in the site’s order, and refuses bad counts', async () => {
    await harness.open(`/c/${id}`);
    const all = await harness.services.listStands(id);
    expect(all.length).toBeGreaterThan(200);
    const firstTwo = await harness.page.evaluate(
      (c) => (window as unknown as ApiWindow).api.listStands(c, 2),
      id,
    );
    expect(firstTwo.map((s) => s.slug)).toEqual(all.slice(0, 2).map((s) => s.slug));
    for (const bad of [0, -1, 1.5, '2', 1e9]) {
      const error = await harness.page.evaluate(
        ([c, n]) =>
          (window as unknown as ApiWindow).api.listStands(c as string, n).then(
            () => 'answered',
            (e: Error) => e.message,
          ),
        [id, bad] as const,
      );
      expect(error).toMatch(/^Invalid arguments for listStands \(argument 2\): The number of stands/);
    }
  });

  it('paints the first screen from a small request, then lists every stand', async () => {
    const before = harness.ipcCalls.length;
    await harness.open(`/c/${id}`);
    const all = await harness.services.listStands(id);
    const lists = () => harness.ipcCalls.slice(before).filter((c) => c.channel === 'stands:list');
    // Two requests: the first screen's cards, then all of them.
    await expect.poll(() => lists().length).toBe(2);
    expect(lists()[0]!.bytes).toBeLessThan(lists()[1]!.bytes);
    await expect
      .poll(() => harness.page.locator('.sa-lede').first().innerText())
      .toContain(`${all.length} stands`);
    expect(await harness.page.locator('.sa-card-title').first().innerText()).toBe(all[0]!.title);
    // The grid holds every stand: the last one is there at the bottom.
    await expect
      .poll(() => harness.page.locator('.sa-grid-item').first().getAttribute('aria-setsize'))
      .toBe(String(all.length));
    await harness.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect
      .poll(() => harness.page.locator('.sa-card-title').allInnerTexts())
      .toContain(all.at(-1)!.title);
  });

  it('shows the answer for the last text typed, whatever the engine was doing meanwhile', async () => {
    await harness.open(`/c/${id}`);
    const box = harness.page.getByRole('searchbox', { name: 'Search stands and pages' });
    await box.click();
    await box.pressSequentially('energy', { delay: 0 });
    await expect
      .poll(() => harness.page.locator('.sa-search .sa-lede').innerText())
      .toMatch(/for “energy”\.$/);
    // A keystroke asks for the first screen of hits.
    const engine = await harness.services.search(id, 'energy', FIRST_HITS);
    const hits = hitsOf(engine);
    expect(hits).toBeGreaterThan(1);
    expect(await harness.page.locator('.sa-search .sa-lede').innerText()).toBe(
      `${hits === FIRST_HITS ? 'The best ' : ''}${hits} results at ${engine.length} stand${engine.length === 1 ? '' : 's'} for “energy”.`,
    );
    expect(await harness.page.locator('.sa-hit').count()).toBeGreaterThan(0);
    // The typed text reaches the address once typing pauses, as one history entry.
    await expect.poll(() => harness.page.evaluate(() => location.hash)).toBe(`#/c/${id}/search?q=energy`);
  });

  it('asks for a first screen of hits, and more when the visitor scrolls to the end or asks', async () => {
    const query = 'data';
    const all = hitsOf(await harness.services.search(id, query, 500));
    expect(all).toBeGreaterThan(FIRST_HITS + MORE_HITS);
    const before = harness.ipcCalls.length;
    await harness.open(`/c/${id}/search?q=${query}`);
    const status = harness.page.locator('.sa-search .sa-lede');
    await expect.poll(() => status.innerText()).toMatch(`The best ${FIRST_HITS} results at`);
    const searches = () => harness.ipcCalls.slice(before).filter((c) => c.channel === 'search:query');
    expect(searches()).toHaveLength(1);
    const more = harness.page.getByRole('button', { name: 'Show more results' });
    // Pressed from the keyboard (a pointer or touch clicks the same button): the next hits join the list.
    await more.focus();
    await harness.page.keyboard.press('Enter');
    await expect.poll(() => status.innerText()).toMatch(`The best ${FIRST_HITS + MORE_HITS} results at`);
    expect(searches()).toHaveLength(2);
    // Scrolling to the end asks on its own, up to the last hit.
    for (let i = 0; i < 20 && (await status.innerText()).startsWith('The best'); i++) {
      await harness.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await harness.page.waitForTimeout(100);
    }
    await expect.poll(() => status.innerText()).toMatch(new RegExp(`^${all} results at`));
    expect(await more.count()).toBe(0);
    // Each new text starts again from the first screen of hits.
    expect(hitsOf(await harness.services.search(id, 'databas', 500))).toBeGreaterThan(FIRST_HITS);
    await harness.page.getByRole('searchbox', { name: 'Search stands and pages' }).fill('databas');
    await expect.poll(() => status.innerText()).toMatch(`The best ${FIRST_HITS} results at`);
    expect(await status.innerText()).toMatch(/for “databas”\.$/);
  });

  it('comes back from a hit deep in the list to as many hits, where the visitor was', async () => {
    await harness.open(`/c/${id}/search?q=data`);
    const status = harness.page.locator('.sa-search .sa-lede');
    await expect.poll(() => status.innerText()).toMatch(`The best ${FIRST_HITS} results at`);
    // Pressed where it is: scrolling it into view first would ask for more on its own as well.
    await harness.page.getByRole('button', { name: 'Show more results' }).dispatchEvent('click');
    await expect.poll(() => status.innerText()).toMatch(`The best ${FIRST_HITS + MORE_HITS} results at`);
    // Past the first screen of hits (the list may grow again as the button comes near).
    await harness.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    await harness.page.waitForTimeout(300);
    const before = await status.innerText();
    const scrolled = await harness.page.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(0);
    // On screen: below the sticky header and the room the page keeps under it (a hit there is scrolled
    // out from under it when clicked).
    const inView = () =>
      harness.page.evaluate(() => {
        const clear = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop);
        return Array.from(document.querySelectorAll('.sa-hit-title'))
          .filter(
            (a) => a.getBoundingClientRect().top >= clear && a.getBoundingClientRect().bottom <= innerHeight,
          )
          .map((a) => a.getAttribute('href'));
      });
    const href = (await inView())[0]!;
    const hit = harness.page.locator(`.sa-hit-title[href="${href}"]`).first();
    const topOf = () => hit.evaluate((a) => Math.round(a.getBoundingClientRect().top));
    const top = await topOf();
    await hit.click();
    await expect.poll(() => harness.page.evaluate(() => location.hash)).not.toContain('/search');
    await harness.page.goBack();
    await expect.poll(() => status.innerText()).toBe(before);
    // Where the visitor was, to the pixel: the groups come back at the sizes they measured, not at their
    // estimates (which put the hit 300 px lower, or off the screen, with other fonts).
    await expect.poll(inView).toContain(href);
    await expect.poll(topOf).toBe(top);
    expect(await harness.page.evaluate(() => window.scrollY)).toBe(scrolled);
  });

  it('refuses a number of hits main would not serve', async () => {
    await harness.open(`/c/${id}`);
    const ok = await harness.page.evaluate(
      (c) => (window as unknown as ApiWindow).api.search(c, 'data', 3),
      id,
    );
    expect(hitsOf(ok)).toBe(3);
    for (const bad of [0, -1, 2.5, '20', 501, null]) {
      const error = await harness.page.evaluate(
        ([c, n]) =>
          (window as unknown as ApiWindow).api.search(c as string, 'data', n).then(
            () => 'answered',
            (e: Error) => e.message,
          ),
        [id, bad] as const,
      );
      expect(error).toMatch(/^Invalid arguments for search \(argument 3\): The number of results/);
    }
  });
});
