// A stand whose every field and page carries hostile HTML (tests/e2e/xss-payloads.ts), shown in real
// Chromium: no payload runs, nothing is fetched from anywhere, the page's globals are not clobbered,
// and the screens stay usable and accessible.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHarness, type Harness } from './harness';
import { payloadPage, writeFixtures } from './fixtures';
import { defaultKioskConfig } from '../../main/kiosk/config';
import { SENTINEL, XSS_PAYLOADS } from './xss-payloads';

// Chromium shares two cores with everything else: give polled expectations time.
vi.setConfig({ expect: { poll: { timeout: 10_000, interval: 50 } } });

let harness: Harness;
let dir: string;
let hostileFolder: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'standalone-hostile-'));
  const folders = await writeFixtures(dir);
  hostileFolder = folders.hostile;
  harness = await startHarness({ folders: [folders.hostile] });
});

afterAll(async () => {
  await harness?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Everything that would tell a payload got through. */
async function expectNothingRan() {
  expect(
    await harness.page.evaluate((name) => (window as unknown as Record<string, unknown>)[name], SENTINEL),
  ).toBeUndefined();
  expect(harness.dialogs).toEqual([]);
  expect(harness.pageErrors).toEqual([]);
  expect(harness.offMachine()).toEqual([]);
  // The page's own bridge is intact: named elements (`<img name="api">`) did not shadow it.
  expect(
    await harness.page.evaluate(
      () => typeof (window as unknown as { api: { listStands: unknown } }).api.listStands,
    ),
  ).toBe('function');
  expect(await harness.page.evaluate(() => typeof document.getElementById)).toBe('function');
  // Only the CSP's refusals of inline handlers and styles may be in the console (Chromium reports them
  // while DOMPurify parses into its inert document; nothing ran or applied).
  const unexpected = harness
    .consoleErrors()
    .filter((entry) => !/violates the following Content Security Policy directive/.test(entry.text));
  expect(unexpected).toEqual([]);
}

const ROUTES = [
  '/c/hostile',
  '/c/hostile/stands/hostile-stand',
  '/c/hostile/stands/hostile-stand/payloads',
  '/c/hostile/themes/web',
  '/c/hostile/search?q=hostile',
];

/**
 * The stand's side column (links, many pages, themes) stays pinned while its text scrolls, and scrolls by
 * itself to its last page, which then shows whole: inside the window, above a kiosk's visitor bar.
 */
async function expectSideWithinReach(h: Harness) {
  await h.open('/c/hostile/stands/hostile-stand');
  const side = h.page.locator('.sa-side');
  const last = side.locator('.sa-page-list a').last();
  // Where the screen ends for the visitor: the window, or the top of the kiosk's visitor bar.
  const floor = () =>
    h.page.evaluate(
      () => document.querySelector('.sa-kiosk-bar')?.getBoundingClientRect().top ?? window.innerHeight,
    );
  await h.page.mouse.move(300, 400);
  await h.page.mouse.wheel(0, 600);
  await expect
    .poll(
      async () =>
        (await side.evaluate((element) => element.getBoundingClientRect().bottom)) <= (await floor()),
    )
    .toBe(true);
  // The column is taller than the screen: it scrolls by itself to its last page.
  expect(await side.evaluate((element) => element.scrollHeight > element.clientHeight)).toBe(true);
  await h.page.mouse.move(850, 400);
  await h.page.mouse.wheel(0, 20_000);
  await expect
    .poll(async () => {
      const box = await last.evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect);
      return box.top >= 0 && box.bottom <= (await floor());
    })
    .toBe(true);
}

describe('a hostile stand', () => {
  it.each(ROUTES.map((route) => [route]))('runs nothing and fetches nothing on %s', async (route) => {
    await harness.open(route);
    // Give timers, lazy images, toggles and marquees their chance.
    await harness.page.waitForTimeout(300);
    await harness.page.mouse.move(200, 300);
    await harness.page.mouse.move(600, 500);
    await expectNothingRan();
    expect(await harness.axe()).toEqual([]);
  });

  it('draws no picture built to freeze or crash the page, and stays responsive', async () => {
    await harness.open('/c/hostile/stands/hostile-stand/heavy-pictures');
    await harness.page.locator('.rich p', { hasText: 'Pictures too heavy to draw.' }).waitFor();
    for (let frame = 0; frame < 5; frame++) {
      // Each frame must come within a second: drawing a million <use> copies takes minutes.
      const drawn = await Promise.race([
        harness.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(true)))),
        new Promise((resolve) => setTimeout(() => resolve(false), 1000)),
      ]);
      expect(drawn, `frame ${frame}`).toBe(true);
      await harness.page.waitForTimeout(200);
    }
    // The inline ones are gone; the folder's are refused by the asset protocol and show as broken.
    const shown = await harness.page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLImageElement>('.rich img')).map((img) => [
        img.alt,
        img.naturalWidth,
      ]),
    );
    expect(shown).toEqual([
      ['use bomb file', 0],
      ['huge file', 0],
      ['filter chain file', 0],
    ]);
    // Chromium logs the three refusals; nothing else may be said, and later tests expect a clean console.
    const refusal = (entry: { text: string; location?: string }) =>
      /status of 404/.test(entry.text) &&
      /hostile-stand\/(use-bomb\.svg|huge\.png|filter-chain\.svg)/.test(entry.location ?? '');
    expect(new Set(harness.console.filter(refusal).map((entry) => entry.location)).size).toBe(3);
    harness.console.splice(0, harness.console.length, ...harness.console.filter((entry) => !refusal(entry)));
    await expectNothingRan();
  });

  it('shows the hostile title as text, not markup', async () => {
    await harness.open('/c/hostile/stands/hostile-stand');
    const title = await harness.page.locator('#sa-main h1').innerText();
    expect(title).toBe('Welcome to the Hostile <img src=x onerror="window.__xss=1"> Stand stand!');
    expect(await harness.page.locator('#sa-main h1 img').count()).toBe(0);
  });

  it('leaves no live element that could run or load anything, payload by payload', async () => {
    await harness.open('/c/hostile/stands/hostile-stand/payloads');
    let placeholders = 0;
    for (let index = 0; index < XSS_PAYLOADS.length; index++) {
      // In-app navigation, as a visitor would move between pages.
      await harness.page.evaluate(
        (hash) => (window.location.hash = hash),
        `#/c/hostile/stands/hostile-stand/${payloadPage(index)}`,
      );
      await harness.page.waitForFunction(
        (title) => document.querySelector('#sa-main h1')?.textContent === title,
        `Payload ${index + 1}`,
      );
      const found = await harness.page.evaluate(() => {
        const bad: string[] = [];
        for (const root of Array.from(document.querySelectorAll('.rich'))) {
          for (const element of Array.from(root.querySelectorAll('*'))) {
            const tag = element.localName;
            if (
              [
                'script',
                'style',
                'iframe',
                'object',
                'embed',
                'form',
                'input',
                'base',
                'meta',
                'link',
                'svg',
                'math',
                'template',
                'frame',
                'dialog',
              ].includes(tag)
            )
              bad.push(tag);
            for (const attr of Array.from(element.attributes)) {
              if (
                /^on/i.test(attr.name) ||
                ['style', 'srcdoc', 'formaction', 'ping', 'background'].includes(attr.name)
              )
                bad.push(`${tag}[${attr.name}]`);
              if (
                ['href', 'src', 'srcset', 'poster', 'data'].includes(attr.name) &&
                !/^(#|https?:|mailto:|stand-asset:\/\/hostile\/)/i.test(attr.value)
              )
                bad.push(`${tag}[${attr.name}=${attr.value}]`);
              if (['src', 'srcset', 'poster'].includes(attr.name) && /^https?:/i.test(attr.value))
                bad.push(`${tag}[${attr.name}=${attr.value}]`);
            }
            if (element.id && !element.id.startsWith('user-content-')) bad.push(`#${element.id}`);
          }
        }
        return bad;
      });
      expect(found, XSS_PAYLOADS[index]).toEqual([]);
      // The content around each payload survives it.
      expect(await harness.page.locator('.rich').innerText(), XSS_PAYLOADS[index]).toContain(
        'Before the payload.',
      );
      placeholders += await harness.page.locator('.rich .sa-remote').count();
    }
    // Remote media became placeholders that say what is missing.
    expect(placeholders).toBeGreaterThanOrEqual(8);
    await expectNothingRan();
  });

  it('keeps the last of its many pages within reach on a 1024×768 screen', async () => {
    await harness.page.setViewportSize({ width: 1024, height: 768 });
    try {
      await expectSideWithinReach(harness);
    } finally {
      await harness.page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it.each([['normal'], ['larger']] as const)(
    'keeps them within reach on a 1024×768 kiosk with %s text, above the visitor bar',
    async (textSize) => {
      const config = defaultKioskConfig();
      config.settings.textSize = textSize;
      const kiosk = await startHarness({
        folders: [hostileFolder],
        browser: harness.browser,
        viewport: { width: 1024, height: 768 },
        kiosk: { enabled: true, config, configError: null, trial: false },
      });
      try {
        await expectSideWithinReach(kiosk);
        expect(await kiosk.page.locator('.sa-kiosk-bar').count()).toBe(1);
      } finally {
        await kiosk.close();
      }
    },
  );

  it('clicking every link and button in the content runs nothing and leaves nothing', async () => {
    await harness.open('/c/hostile/stands/hostile-stand/payloads');
    const clickable = harness.page.locator('.rich a, .rich button, .rich summary');
    const count = await clickable.count();
    for (let i = 0; i < count; i++) {
      const target = clickable.nth(i);
      if (!(await target.isVisible())) continue;
      await target.click({ timeout: 2000 }).catch(() => undefined);
      // A QR dialog may open: close it and go on.
      await harness.page.keyboard.press('Escape');
      if (!harness.page.url().includes('/stands/hostile-stand/payloads'))
        await harness.open('/c/hostile/stands/hostile-stand/payloads');
    }
    await expectNothingRan();
    // Links out only ever reached main as http(s)/mailto, where main checks them again.
    for (const url of harness.externalOpened) expect(url).toMatch(/^(https?:|mailto:)/);
  });
});
