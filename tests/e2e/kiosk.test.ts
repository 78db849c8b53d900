// Kiosk mode in Chromium, through the real preload, IPC handlers, kiosk service and engine: idle reset,
// the attract loop, links becoming QR codes, the PIN gate and accessibility.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { KioskSettings } from '../../preload/contract';
import { DEFAULT_KIOSK_SETTINGS } from '../../main/kiosk/config';
import { hashPin } from '../../main/kiosk/pin';
import type { KioskStartup } from '../../main/kiosk/startup';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startHarness, type Harness } from './harness';
import { writeFixtures } from './fixtures';

const PIN = '2468';
let dir: string;
let folder: string;
let pinHash: string;
let harness: Harness | null = null;
let browser: Browser;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'standalone-kiosk-e2e-'));
  folder = (await writeFixtures(dir)).lantern2031;
  pinHash = await hashPin(PIN, { cost: { N: 1024, r: 8, p: 1 } });
  browser = await launchChromium();
});

afterEach(async () => {
  await harness?.close();
  harness = null;
});

afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

// The harness's kiosk is what a kiosk file would start; the idle timeout here is far below what a file
// may ask for (15 s), so the tests need not wait.
async function startKiosk(
  settings: Partial<KioskSettings> = {},
  extra: { configError?: string | null; trial?: boolean } = {},
): Promise<{ harness: Harness; collection: string }> {
  const startup: KioskStartup = {
    enabled: true,
    config: {
      settings: {
        ...structuredClone(DEFAULT_KIOSK_SETTINGS),
        attract: { enabled: false, slideSeconds: 8 },
        ...settings,
      },
      folders: [],
      // A trial kiosk is `--kiosk` without a file, so it has no PIN hash.
      pinHash: extra.trial ? null : pinHash,
    },
    configError: extra.configError ?? null,
    trial: extra.trial ?? false,
  };
  harness = await startHarness({ folders: [folder], kiosk: startup, browser });
  const [collection] = await harness.services.listCollections();
  return { harness, collection: collection!.id };
}

const hashOf = (h: Harness): Promise<string> => h.page.evaluate('location.hash') as Promise<string>;

// Waits until an expression is true in the page. Evaluated through the DevTools protocol: the page's CSP
// forbids the eval that Playwright's own waitForFunction uses for strings.
const until = (page: Page, expression: string): Promise<void> =>
  expect.poll(() => page.evaluate(expression), { timeout: 15_000, interval: 50 }).toBe(true);

describe('kiosk mode in Chromium', () => {
  it('resets to the start screen after the idle timeout: search, dialogs, scroll and back stack cleared', async () => {
    const { harness: h, collection } = await startKiosk({ idleTimeoutSeconds: 2 });
    const { page } = h;
    await h.open(`/c/${collection}`);
    await page.getByRole('navigation', { name: 'Kiosk' }).waitFor();

    // A visitor searches with the on-screen keyboard…
    await page.getByRole('searchbox', { name: 'Search stands and pages' }).click();
    const keyboard = page.getByRole('region', { name: 'On-screen keyboard' });
    for (const key of ['h', 'a', 'r', 'b'])
      await keyboard.getByRole('button', { name: key, exact: true }).click();
    await until(page, 'location.hash.includes("search?q=harb")');
    expect(await page.getByRole('searchbox', { name: 'Search stands and pages' }).inputValue()).toBe('harb');
    await keyboard.getByRole('button', { name: 'Done' }).click();

    // …opens a stand, scrolls, and leaves a QR dialog open.
    await page.getByRole('link', { name: 'Harbor Browser' }).first().click();
    await h.settle();
    await page
      .getByRole('link', { name: /harbor\.example\.org/ })
      .first()
      .click();
    await page.getByRole('dialog', { name: /Take harbor\.example\.org with you/ }).waitFor();
    await page.evaluate('window.scrollTo(0, 400)');
    expect(await page.getByRole('button', { name: 'Back' }).isEnabled()).toBe(true);

    // Then nobody touches it.
    await until(page, `location.hash === "#/c/${collection}"`);
    await h.settle();
    expect(await page.locator('dialog[open]').count()).toBe(0);
    expect(await page.getByRole('searchbox', { name: 'Search stands and pages' }).inputValue()).toBe('');
    expect(await page.evaluate('window.scrollY')).toBe(0);
    expect(await page.getByRole('button', { name: 'Back' }).isDisabled()).toBe(true);
    expect(h.externalOpened).toEqual([]);
  });

  it('the big back button walks back through the screens of this visit only', async () => {
    const { harness: h, collection } = await startKiosk({ idleTimeoutSeconds: 3600 });
    const { page } = h;
    await h.open(`/c/${collection}`);
    await page.getByRole('link', { name: 'Lantern OS' }).first().click();
    await h.settle();
    await page.getByRole('link', { name: 'The bootloader' }).first().click();
    await h.settle();
    expect(await hashOf(h)).toBe(`#/c/${collection}/stands/lantern-os/bootloader`);
    await page.getByRole('button', { name: 'Back' }).click();
    await until(page, `location.hash === "#/c/${collection}/stands/lantern-os"`);
    await page.getByRole('button', { name: 'Back' }).click();
    await until(page, `location.hash === "#/c/${collection}"`);
    expect(await page.getByRole('button', { name: 'Back' }).isDisabled()).toBe(true);
  });

  it('the big back button returns to where the visitor was on the screen before', async () => {
    const { harness: h, collection } = await startKiosk({ idleTimeoutSeconds: 3600 });
    const { page } = h;
    await h.open(`/c/${collection}/stands/lantern-os/team`);
    // Scrolled again until the page's text is in and the window can go that far.
    await expect
      .poll(() =>
        page.evaluate(() => {
          window.scrollTo(0, 600);
          return window.scrollY;
        }),
      )
      .toBe(600);
    await page.locator('.sa-side').getByRole('link', { name: 'The bootloader' }).click();
    await h.settle();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.getByRole('button', { name: 'Back' }).click();
    await until(page, `location.hash === "#/c/${collection}/stands/lantern-os/team"`);
    await h.settle();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(600);
    // A screen reached anew still starts at the top.
    await page.locator('.sa-side').getByRole('link', { name: 'The bootloader' }).click();
    await h.settle();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });

  it('shows the attract loop at start, leaves it on a touch, and comes back to it when idle', async () => {
    const { harness: h, collection } = await startKiosk({
      startScreen: 'attract',
      idleTimeoutSeconds: 2,
      attract: { enabled: true, slideSeconds: 0.5 },
    });
    const { page } = h;
    await h.open('/');
    const loop = page.getByRole('dialog', { name: 'Touch to explore' });
    await loop.waitFor();
    // Slides advance by themselves, showing the index's stands (logo, title, summary, themes).
    const title = loop.locator('.sa-attract-title');
    await title.waitFor();
    const first = (await title.textContent()) ?? '';
    expect(['Lantern OS', 'Harbor Browser', 'Quiet Garden Community', 'Cobalt Database']).toContain(first);
    expect(await loop.locator('.sa-attract-summary').textContent()).not.toBe('');
    await until(
      page,
      `document.querySelector('.sa-attract-title')?.textContent !== ${JSON.stringify(first)}`,
    );

    await loop.click();
    await loop.waitFor({ state: 'detached' });
    expect(await hashOf(h)).toBe(`#/c/${collection}`);
    await h.settle();

    // A key works as well as a touch.
    await page.getByRole('dialog', { name: 'Touch to explore' }).waitFor({ timeout: 15_000 });
    await page.keyboard.press('Space');
    await page.getByRole('dialog', { name: 'Touch to explore' }).waitFor({ state: 'detached' });
  });

  it('shows featured stands in the attract loop when the kiosk file names them', async () => {
    const { harness: h } = await startKiosk({
      startScreen: 'attract',
      attract: { enabled: true, slideSeconds: 60 },
      featured: { stands: ['cobalt-database'], themes: [] },
    });
    await h.open('/');
    const loop = h.page.getByRole('dialog', { name: 'Touch to explore' });
    await loop.locator('.sa-attract-title', { hasText: 'Cobalt Database' }).waitFor();
  });

  it('turns a link into a large QR code with the address instead of opening it', async () => {
    const { harness: h, collection } = await startKiosk({ idleTimeoutSeconds: 3600 });
    const { page } = h;
    await h.open(`/c/${collection}/stands/lantern-os`);
    const before = await hashOf(h);
    await page
      .getByRole('link', { name: /lantern-os\.example\.org/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: /lantern-os\.example\.org/ });
    await dialog.waitFor();
    await dialog.getByRole('img', { name: 'QR code for https://lantern-os.example.org/' }).waitFor();
    expect(await dialog.getByText('https://lantern-os.example.org/', { exact: true }).isVisible()).toBe(true);
    expect(await dialog.getByText(/scan the QR code/i).isVisible()).toBe(true);
    const box = await dialog.getByRole('img', { name: /QR code for/ }).boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(400);
    expect(await hashOf(h)).toBe(before);
    expect(h.externalOpened).toEqual([]);
    expect(page.context().pages()).toHaveLength(1);
    expect(h.offMachine()).toEqual([]);
  });

  it('shows the whole QR code on a portrait kiosk screen', async () => {
    const { harness: h, collection } = await startKiosk({ idleTimeoutSeconds: 3600 });
    const { page } = h;
    await page.setViewportSize({ width: 1080, height: 1920 });
    await h.open(`/c/${collection}/stands/lantern-os`);
    await page
      .getByRole('link', { name: /lantern-os\.example\.org/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: /lantern-os\.example\.org/ });
    const code = await dialog.getByRole('img', { name: /QR code for/ }).boundingBox();
    const frame = await dialog.boundingBox();
    expect(code!.width).toBeGreaterThanOrEqual(400);
    expect(code!.x).toBeGreaterThanOrEqual(frame!.x);
    expect(code!.x + code!.width).toBeLessThanOrEqual(frame!.x + frame!.width);
    expect(await dialog.evaluate((d) => d.scrollWidth <= d.clientWidth)).toBe(true);
  });

  it('opens a QR dialog too tall for a 1024×768 screen on its heading, with Close a tab away', async () => {
    const { harness: h, collection } = await startKiosk({ idleTimeoutSeconds: 3600, textSize: 'larger' });
    const { page } = h;
    await page.setViewportSize({ width: 1024, height: 768 });
    await h.open(`/c/${collection}/stands/lantern-os/bootloader`);
    await page.getByRole('button', { name: 'Read this on your phone' }).click();
    const dialog = page.getByRole('dialog', { name: 'Read this on your phone' });
    await dialog.waitFor();
    // The case in question: the dialog scrolls at this size.
    expect(await dialog.evaluate((d) => d.scrollHeight > d.clientHeight)).toBe(true);
    const heading = dialog.getByRole('heading', { name: 'Read this on your phone' });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
    const frame = (await dialog.boundingBox())!;
    const title = (await heading.boundingBox())!;
    expect(title.y).toBeGreaterThanOrEqual(frame.y);
    expect(title.y + title.height).toBeLessThanOrEqual(frame.y + frame.height);
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    // The next tab stop is Close, a full-size touch target, and it still closes the dialog.
    await page.keyboard.press('Tab');
    const close = dialog.getByRole('button', { name: 'Close' });
    expect(await close.evaluate((b) => b === document.activeElement)).toBe(true);
    expect((await close.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('keeps the search box in sight above the on-screen keyboard with the largest text at 1024×768', async () => {
    const { harness: h, collection } = await startKiosk({ idleTimeoutSeconds: 3600, textSize: 'larger' });
    const { page } = h;
    await page.setViewportSize({ width: 1024, height: 768 });
    await h.open(`/c/${collection}`);
    const box = page.getByRole('searchbox', { name: 'Search stands and pages' });
    await box.click();
    const keyboard = page.getByRole('region', { name: 'On-screen keyboard' });
    await keyboard.waitFor();
    const field = (await box.boundingBox())!;
    const keys = (await keyboard.boundingBox())!;
    expect(keys.y).toBeGreaterThanOrEqual(field.y + field.height);
    for (const key of await keyboard.getByRole('button').all())
      expect((await key.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  });

  it('lets a visitor scroll the last search result above the on-screen keyboard on a 1366×768 kiosk', async () => {
    const { harness: h, collection } = await startKiosk({ idleTimeoutSeconds: 3600 });
    const { page } = h;
    await page.setViewportSize({ width: 1366, height: 768 });
    await h.open(`/c/${collection}`);
    await page.getByRole('searchbox', { name: 'Search stands and pages' }).click();
    const keyboard = page.getByRole('region', { name: 'On-screen keyboard' });
    for (const key of 'team') await keyboard.getByRole('button', { name: key, exact: true }).click();
    await until(page, 'location.hash.includes("search?q=team")');
    await h.settle();
    const hits = page.locator('.sa-results a');
    await expect.poll(() => hits.count()).toBeGreaterThanOrEqual(3);
    // The keyboard stays open while the visitor drags the results up to read them all.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const last = (await hits.last().boundingBox())!;
    const keys = (await keyboard.boundingBox())!;
    expect(last.y + last.height).toBeLessThanOrEqual(keys.y);
  });

  it('fits the whole PIN pad, Unlock included, on a 1024×768 screen with the largest text', async () => {
    const { harness: h, collection } = await startKiosk({ idleTimeoutSeconds: 3600, textSize: 'larger' });
    const { page } = h;
    await page.setViewportSize({ width: 1024, height: 768 });
    await h.open(`/c/${collection}`);
    await page.keyboard.press('Control+Alt+Shift+K');
    const pad = page.getByRole('dialog', { name: 'Organiser PIN' });
    await pad.waitFor();
    const unlock = (await pad.getByRole('button', { name: 'Unlock' }).boundingBox())!;
    expect(unlock.y + unlock.height).toBeLessThanOrEqual(768);
    expect(await pad.evaluate((dialog) => dialog.scrollHeight - dialog.clientHeight)).toBeLessThanOrEqual(0);
    for (const key of await pad.locator('.sa-pinpad-key').all())
      expect((await key.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    // No grey tap box of Chromium's left over the pad by the tap before (the pressed state is ours).
    expect(
      await pad
        .getByRole('button', { name: 'Unlock' })
        .evaluate((button) => getComputedStyle(button).getPropertyValue('-webkit-tap-highlight-color')),
    ).toBe('rgba(0, 0, 0, 0)');
  });

  it('lets no text be selected, in the page or in a dialog', async () => {
    const { harness: h, collection } = await startKiosk({ idleTimeoutSeconds: 3600 });
    const { page } = h;
    await h.open(`/c/${collection}/stands/lantern-os`);
    const selected = () => page.evaluate(() => String(getSelection()));
    await page.locator('.rich p').first().click({ clickCount: 3 });
    await page.keyboard.press('Control+A');
    expect(await selected()).toBe('');
    await page
      .getByRole('link', { name: /lantern-os\.example\.org/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: /lantern-os\.example\.org/ });
    await dialog.getByText('https://lantern-os.example.org/', { exact: true }).click({ clickCount: 3 });
    expect(await selected()).toBe('');
    await page.keyboard.press('Control+A');
    expect(await selected()).toBe('');
  });

  it("draws the attract logo, the PIN keys and the bar at their kiosk sizes, not the desktop app's", async () => {
    const px = (page: Page, selector: string, property: string): Promise<number> =>
      page.evaluate(
        `parseFloat(getComputedStyle(document.querySelector(${JSON.stringify(selector)})).${property})`,
      ) as Promise<number>;
    const { harness: h } = await startKiosk({
      startScreen: 'attract',
      idleTimeoutSeconds: 3600,
      attract: { enabled: true, slideSeconds: 60 },
    });
    const { page } = h;
    await h.open('/');
    const loop = page.getByRole('dialog', { name: 'Touch to explore' });
    await loop.locator('.sa-attract-logo').waitFor();
    // 30% of the screen's height (800 px), not the 4rem of a card's logo.
    expect(await px(page, '.sa-attract-logo', 'height')).toBeCloseTo(240, 0);
    await loop.click();
    await loop.waitFor({ state: 'detached' });
    await h.settle();

    const rem = await px(page, 'html', 'fontSize');
    expect(await px(page, '.sa-kiosk-back', 'height')).toBeCloseTo(3.5 * rem, 0);
    await page.keyboard.press('Control+Alt+Shift+K');
    await page.getByRole('dialog', { name: 'Organiser PIN' }).waitFor();
    expect(await px(page, '.sa-pinpad-key', 'height')).toBeCloseTo(4 * rem, 0);
  });

  it('asks for the organiser PIN: a wrong PIN is refused, the right one opens the settings and can quit', async () => {
    const configError = 'The kiosk file /kiosk/hall.standalone-kiosk could not be used as written…';
    const { harness: h, collection } = await startKiosk({ idleTimeoutSeconds: 3600 }, { configError });
    const { page } = h;
    await h.open(`/c/${collection}`);
    // Visitors see neither the organiser screens nor the kiosk file's problem.
    expect(await page.getByRole('link', { name: 'Collections', exact: true }).count()).toBe(0);
    expect(await page.getByText(configError).count()).toBe(0);
    // A locked kiosk's page cannot quit the app, even by calling the bridge itself.
    const quitByPage = page.evaluate(() =>
      (window as unknown as { api: { quitKiosk(): Promise<void> } }).api.quitKiosk(),
    );
    await expect(quitByPage).rejects.toThrow(/This kiosk is locked/);
    expect(h.appQuits()).toBe(0);

    await page.keyboard.press('Control+Alt+Shift+K');
    const pad = page.getByRole('dialog', { name: 'Organiser PIN' });
    await pad.waitFor();
    expect(await pad.getByText(configError).isVisible()).toBe(true);

    for (const digit of '1111') await pad.getByRole('button', { name: digit, exact: true }).click();
    await pad.getByRole('button', { name: 'Unlock' }).click();
    await pad.getByText('That PIN is not right (1 wrong so far).').waitFor();
    expect((await h.services.getKioskState()).unlocked).toBe(false);
    expect(await hashOf(h)).toBe(`#/c/${collection}`);

    for (const digit of PIN) await pad.getByRole('button', { name: digit, exact: true }).click();
    await pad.getByRole('button', { name: 'Unlock' }).click();
    await pad.waitFor({ state: 'detached' });
    await page.getByRole('complementary', { name: 'Kiosk unlocked' }).waitFor();
    await until(page, 'location.hash === "#/collections"');
    await h.settle();
    expect((await h.services.getKioskState()).unlocked).toBe(true);
    await page.getByRole('link', { name: 'Collections', exact: true }).waitFor();

    // A touch-only kiosk has no Ctrl+Q: the organiser bar quits the app through the real bridge.
    await page.getByRole('button', { name: 'Quit Standalone' }).click();
    await expect.poll(() => h.appQuits()).toBe(1);

    await page.getByRole('button', { name: 'Lock kiosk' }).click();
    await page.getByRole('complementary', { name: 'Kiosk unlocked' }).waitFor({ state: 'detached' });
    expect((await h.services.getKioskState()).unlocked).toBe(false);
    await until(page, `location.hash === "#/c/${collection}"`);
  });

  it('unlocks a trial kiosk (--kiosk, no kiosk file) on the organiser gesture, without a PIN', async () => {
    const { harness: h, collection } = await startKiosk({ idleTimeoutSeconds: 3600 }, { trial: true });
    const { page } = h;
    await h.open(`/c/${collection}`);
    // The screen can be drawn before the kiosk's state has arrived and its frame (with the gesture's
    // listener) is mounted; a key pressed before that is nobody's.
    await until(page, 'document.documentElement.classList.contains("sa-kiosk")');
    await page.keyboard.press('Control+Alt+Shift+K');
    const bar = page.getByRole('complementary', { name: 'Kiosk unlocked' });
    await bar.waitFor();
    expect(await page.getByRole('dialog', { name: 'Organiser PIN' }).count()).toBe(0);
    expect((await h.services.getKioskState()).unlocked).toBe(true);
    expect(await bar.textContent()).toContain('A real kiosk needs a kiosk file with a pinHash');
    await until(page, 'location.hash === "#/collections"');
  });

  it('opens the PIN pad on five quick taps on the freshness stamp', async () => {
    const { harness: h, collection } = await startKiosk({ idleTimeoutSeconds: 3600 });
    const { page } = h;
    await h.open(`/c/${collection}`);
    const stamp = page.getByTestId('freshness-stamp');
    expect(await stamp.textContent()).toMatch(/^Lantern Conference 2031 · indexed /);
    for (let i = 0; i < 4; i++) await stamp.click();
    expect(await page.getByRole('dialog', { name: 'Organiser PIN' }).count()).toBe(0);
    await stamp.click();
    await page.getByRole('dialog', { name: 'Organiser PIN' }).waitFor();
  });

  it('lets visitors switch to large text and high contrast, and resets that for the next visitor', async () => {
    const { harness: h, collection } = await startKiosk({ idleTimeoutSeconds: 2 });
    const { page } = h;
    await h.open(`/c/${collection}`);
    const rootSize = () =>
      page.evaluate('parseFloat(getComputedStyle(document.documentElement).fontSize)') as Promise<number>;
    const normal = await rootSize();
    await page.getByRole('button', { name: 'Text & contrast' }).click();
    await page.getByRole('button', { name: 'Largest text' }).click();
    await page.getByRole('button', { name: 'High contrast' }).click();
    expect(await rootSize()).toBeCloseTo(normal * 1.5, 0);
    expect(await page.evaluate('document.documentElement.classList.contains("sa-contrast-high")')).toBe(true);
    expect(await h.axe()).toEqual([]);
    await until(page, '!document.documentElement.classList.contains("sa-contrast-high")');
    expect(await rootSize()).toBe(normal);
  });

  it('underlines real links in high contrast, and leaves a link to a missing page plain text', async () => {
    const { harness: h, collection } = await startKiosk();
    const { page } = h;
    await h.open(`/c/${collection}/stands/lantern-os`);
    await page.getByRole('button', { name: 'Text & contrast' }).click();
    await page.getByRole('button', { name: 'High contrast' }).click();
    await page.keyboard.press('Escape');
    const underline = (text: string) =>
      page
        .locator('.sa-stand-main')
        .getByText(text, { exact: true })
        .evaluate((element) => getComputedStyle(element).textDecorationLine);
    expect(await underline('read how it works')).toBe('underline');
    expect(await underline('old roadmap')).toBe('none');
  });

  it('has no axe violations in kiosk mode: browsing, keyboard, QR code, PIN pad and attract loop', async () => {
    const { harness: h, collection } = await startKiosk({
      idleTimeoutSeconds: 3600,
      attract: { enabled: true, slideSeconds: 60 },
    });
    const { page } = h;
    await h.open(`/c/${collection}`);
    expect(await h.axe()).toEqual([]);

    await page.getByRole('searchbox', { name: 'Search stands and pages' }).click();
    await page.getByRole('region', { name: 'On-screen keyboard' }).waitFor();
    expect(await h.axe()).toEqual([]);

    // Harbor's own HTML is tidy; other stands' heading levels are the content's, not the kiosk's.
    await h.open(`/c/${collection}/stands/harbor-browser`);
    expect(await h.axe()).toEqual([]);
    await page
      .getByRole('link', { name: /harbor\.example\.org/ })
      .first()
      .click();
    await page.getByRole('dialog', { name: /harbor\.example\.org/ }).waitFor();
    expect(await h.axe()).toEqual([]);
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+Alt+Shift+K');
    await page.getByRole('dialog', { name: 'Organiser PIN' }).waitFor();
    expect(await h.axe()).toEqual([]);
    await page.keyboard.press('Escape');

    await h.close();
    const attract = await startKiosk({
      startScreen: 'attract',
      attract: { enabled: true, slideSeconds: 60 },
    });
    await attract.harness.open('/');
    await attract.harness.page.getByRole('dialog', { name: 'Touch to explore' }).waitFor();
    expect(await attract.harness.axe()).toEqual([]);
    expect(attract.harness.pageErrors).toEqual([]);
  });
});
