// How a stand's own content is laid out in real Chromium on kiosk-sized screens: what the stands
// website's pages hold (schedule tables) stays readable in the app's column.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { KioskSettings } from '../../preload/contract';
import { DEFAULT_KIOSK_SETTINGS } from '../../main/kiosk/config';
import type { Locator } from 'playwright-core';
import { startHarness, type Harness } from './harness';
import { expectCleanPage } from './clean-page';

let dir: string;
let folder: string;
let harness: Harness;

// A schedule as stands wrote them: a wide first column of talks with subtitles, then speakers and
// short times, so the table is wider than the column and must fit or scroll.
const row = (talk: string, speaker: string, start: string, end: string) =>
  `<tr><td></td><td><a href="https://example.org/${start}">${talk}</a><br><i>A longer subtitle that says what the talk is about</i></td>` +
  `<td><a href="https://example.org/speaker">${speaker}</a></td>` +
  `<td><a href="https://example.org/${start}/start">${start}</a></td><td><a href="https://example.org/${end}/end">${end}</a></td></tr>`;
const SCHEDULE = [
  '<h3>Schedule</h3>',
  '<table><thead><tr><th></th><th>Event</th><th>Speakers</th><th>Start</th><th>End</th></tr></thead><tbody>',
  row('Welcome to the stand of the Lamplighter project and its friends', 'Ada Quill', '09:30', '10:00'),
  row('Keeping many small lamps lit on a low power budget', 'Bartholomew Wick', '10:50', '11:20'),
  row('Round table with the people who build the Lamplighter', 'Cleo Ember', '16:00', '17:00'),
  '</tbody></table>',
].join('');

/** The words of an element that are broken across lines: such a word has boxes on two lines. */
const brokenWords = (element: Locator): Promise<string[]> =>
  element.evaluate((root) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const match of text.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set(Array.from(range.getClientRects(), (box) => Math.round(box.top)));
        if (lines.size > 1) found.push(match[0]);
      }
    }
    return found;
  });

/** The box of the first element matching `selector` on the harness's page. */
const box = (selector: string): Promise<DOMRect> =>
  harness.page.locator(selector).evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect);

/** A trial kiosk (no PIN, no attract loop) over the folder, with the visitor's text size. */
const startKiosk = (
  viewport: { width: number; height: number },
  textSize: KioskSettings['textSize'] = 'normal',
): Promise<Harness> =>
  startHarness({
    folders: [folder],
    viewport,
    kiosk: {
      enabled: true,
      config: {
        settings: {
          ...structuredClone(DEFAULT_KIOSK_SETTINGS),
          attract: { enabled: false, slideSeconds: 8 },
          textSize,
        },
        folders: [],
        pinHash: null,
      },
      configError: null,
      trial: true,
    },
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'standalone-stand-layout-'));
  folder = join(dir, 'layout-2031');
  mkdirSync(join(folder, 'content/stands'), { recursive: true });
  writeFileSync(join(folder, 'config.toml'), 'title = "Layout Fair 2031"\n');
  writeFileSync(
    join(folder, 'content/stands/lamplighter.md'),
    [
      '---',
      'title: Lamplighter',
      'themes: ["Tools"]',
      'show_on_overview: true',
      'website: https://example.org',
      // Questions and answers as stands write them: tapping a question opens its answer.
      `description: ${JSON.stringify('<p>A stand with a schedule.</p><details><summary>Can I bring my own lamp?</summary><p>Yes.</p></details>')}`,
      `showcase: ${JSON.stringify(SCHEDULE)}`,
      '---',
      '',
    ].join('\n'),
  );
  // As on the site, a stand folder's files are its sub-pages only beside an _index.md.
  mkdirSync(join(folder, 'content/stands/lamplighter'));
  writeFileSync(join(folder, 'content/stands/lamplighter/_index.md'), '---\ntitle: Lamplighter\n---\n');
  for (const [slug, title] of [
    ['evening-talks', 'Evening talks'],
    ['workshop', 'Workshop'],
  ] as const)
    writeFileSync(
      join(folder, 'content/stands/lamplighter', `${slug}.md`),
      `---\ntitle: ${title}\n---\nWhat the lamplighters do at the ${title.toLowerCase()}.\n`,
    );
  // Stand HTML written for the stands website's wide page sets widths in pixels, wider than the app's
  // column on a portrait kiosk or a phone.
  writeFileSync(
    join(folder, 'content/stands/poster.md'),
    [
      '---',
      'title: Poster',
      'themes: ["Tools"]',
      'show_on_overview: true',
      'description: A stand laid out for a wide page.',
      '---',
      `<div style="width: 1400px">${'The poster block is as wide as the website made it. '.repeat(4)}block-end</div>`,
      `<div style="min-width: 1200px">${'This block is never narrower than the website. '.repeat(4)}least-end</div>`,
      // A flex item allowed to shrink below its content, as style sheets write it: nothing to cap.
      '<div style="display: flex"><p style="min-width: 0">zero-min</p></div>',
      '',
    ].join('\n'),
  );
  // A page without a title is named after its file, one long word with no place to break it.
  writeFileSync(
    join(folder, 'content/stands/hanger.md'),
    '---\ntitle: Hanger\nthemes: ["Tools"]\nshow_on_overview: true\ndescription: Hooks.\n---\n',
  );
  mkdirSync(join(folder, 'content/stands/hanger'));
  writeFileSync(join(folder, 'content/stands/hanger/_index.md'), '---\ntitle: Hanger\n---\n');
  writeFileSync(
    join(folder, 'content/stands/hanger/installation_and_configuration_guide.md'),
    'How to hang a lamp with a lampwick.\n',
  );
  writeFileSync(join(folder, 'content/stands/hanger/faq.md'), '---\ntitle: FAQ\n---\nQuestions.\n');
});

afterEach(() => expectCleanPage(harness));

afterAll(async () => {
  await harness?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a stand’s content on kiosk-sized screens', () => {
  it('keeps the words of a schedule table whole (times, headings) at 1024×768 and on a portrait 800×1280', async () => {
    for (const viewport of [
      { width: 1024, height: 768 },
      { width: 800, height: 1280 },
    ]) {
      await harness?.close();
      harness = await startHarness({ folders: [folder], viewport });
      const [collection] = await harness.services.listCollections();
      await harness.open(`/c/${collection!.id}/stands/lamplighter`);
      const table = harness.page.locator('.sa-stand-main table');
      await table.waitFor();
      // Each cell's words, each measured on its own.
      const broken = await brokenWords(table);
      expect(broken, `${viewport.width}×${viewport.height}`).toEqual([]);
      // And the page itself never scrolls sideways: a table too wide scrolls inside its column.
      expect(
        await harness.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      ).toBe(true);
    }
  });

  it('keeps the text of blocks the stand made wider than the column within reach on a portrait kiosk and a phone', async () => {
    for (const viewport of [
      { width: 1080, height: 1920 },
      { width: 390, height: 844 },
    ]) {
      await harness?.close();
      harness = await startHarness({ folders: [folder], viewport });
      const [collection] = await harness.services.listCollections();
      await harness.open(`/c/${collection!.id}/stands/poster`);
      const content = harness.page.locator('.sa-stand-main .rich').filter({ hasText: 'least-end' });
      await content.getByText('least-end').waitFor();
      // Where each block's last word ends, against the edge past which the column cuts it off.
      const ends = await content.evaluate((root) => {
        const edge = root.getBoundingClientRect().right;
        return ['block-end', 'least-end'].map((word) => {
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          let node = walker.nextNode();
          while (node && !node.textContent!.includes(word)) node = walker.nextNode();
          const range = document.createRange();
          range.selectNodeContents(node!);
          return [word, range.getBoundingClientRect().right <= edge + 1];
        });
      });
      expect(ends, `${viewport.width}×${viewport.height}`).toEqual([
        ['block-end', true],
        ['least-end', true],
      ]);
      const zero = await content.getByText('zero-min').evaluate((p) => p.style.minWidth);
      expect(zero, 'min-width: 0 kept').toBe('0px');
    }
  });

  it('wraps a page named after its file (one long word) in the side column and the search results', async () => {
    const guide = 'installation_and_configuration_guide';
    await harness?.close();
    harness = await startKiosk({ width: 1080, height: 1920 });
    const [collection] = await harness.services.listCollections();
    // The page itself, bold in its stand's list, and the stand, where it is a link.
    for (const route of [`stands/hanger/${guide}`, 'stands/hanger']) {
      await harness.open(`/c/${collection!.id}/${route}`);
      await harness.page.locator('.sa-side .sa-page-list').getByText(guide).waitFor();
      const side = await harness.page
        .locator('.sa-side')
        .evaluate((column) => [column.scrollWidth, column.clientWidth]);
      expect(side[0], route).toBeLessThanOrEqual(side[1]!);
    }
    await harness.close();

    harness = await startHarness({ folders: [folder], viewport: { width: 390, height: 844 } });
    await harness.open(`/c/${collection!.id}/search?q=lampwick`);
    await harness.page.locator('.sa-hit-title').getByText(guide).waitFor();
    expect(await harness.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
      true,
    );
  });

  it('gives a kiosk visitor touch-sized targets for a stand’s pages and questions, the breadcrumb, themes and search results', async () => {
    await harness?.close();
    harness = await startKiosk({ width: 1024, height: 768 });
    const [collection] = await harness.services.listCollections();
    const heights = (selector: string) =>
      harness.page
        .locator(selector)
        .evaluateAll((links) => links.map((link) => [link.textContent, link.getBoundingClientRect().height]));
    const small = (found: (string | number | null)[][]) => found.filter(([, height]) => Number(height) < 44);

    await harness.open(`/c/${collection!.id}/stands/lamplighter`);
    await expect.poll(async () => (await heights('.sa-page-list a')).length).toBe(2);
    expect(small(await heights('.sa-side a'))).toEqual([]);
    expect(small(await heights('.sa-stand-main summary'))).toEqual([]);
    expect(await harness.page.locator('.sa-side-back a').innerText()).toBe('All stands of Layout Fair 2031');

    await harness.open(`/c/${collection!.id}/stands/lamplighter/workshop`);
    await expect.poll(async () => (await heights('.sa-breadcrumb a')).length).toBe(2);
    expect(small(await heights('.sa-breadcrumb a'))).toEqual([]);
    expect(small(await heights('.sa-side a'))).toEqual([]);

    // A theme's name is its card's only target on the themes screen.
    await harness.open(`/c/${collection!.id}/themes`);
    await expect.poll(async () => (await heights('.sa-theme a')).length).toBe(1);
    expect(small(await heights('.sa-theme a'))).toEqual([]);

    await harness.open(`/c/${collection!.id}/search?q=lamplighters`);
    await harness.page.locator('.sa-hit-title').first().waitFor();
    // The stand's heading and its two pages, at least.
    expect((await heights('.sa-results a')).length).toBeGreaterThanOrEqual(3);
    expect(small(await heights('.sa-results a'))).toEqual([]);
  });

  it.each([['large'], ['larger']] as const)(
    'leaves the stand’s text the wider column on a 1024×768 kiosk with %s text: its heading keeps its words',
    async (textSize) => {
      await harness?.close();
      harness = await startKiosk({ width: 1024, height: 768 }, textSize);
      const [collection] = await harness.services.listCollections();
      await harness.open(`/c/${collection!.id}/stands/lamplighter`);
      const main = harness.page.locator('.sa-stand-main');
      await main.locator('h1').waitFor();
      expect(await brokenWords(main.locator('h1'))).toEqual([]);
      // The side column is narrower than the text beside it, or has gone under it.
      const [text, side] = [await box('.sa-stand-main'), await box('.sa-side')];
      expect(text.width > side.width || side.top >= text.bottom).toBe(true);
    },
  );

  it('puts the side column under the stand’s text on a portrait 800×1280 kiosk with the largest text', async () => {
    await harness?.close();
    harness = await startKiosk({ width: 800, height: 1280 }, 'larger');
    const [collection] = await harness.services.listCollections();
    await harness.open(`/c/${collection!.id}/stands/lamplighter`);
    const main = harness.page.locator('.sa-stand-main');
    await main.locator('h1').waitFor();
    const [text, side] = [await box('.sa-stand-main'), await box('.sa-side')];
    // One column, as with every other text size on a narrow screen: the text keeps the whole width.
    expect(side.top).toBeGreaterThanOrEqual(text.bottom);
  });
});
