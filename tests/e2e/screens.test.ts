// Every screen in real Chromium over a real index of the fixture editions: what a visitor sees, that
// axe-core finds no violation, that nothing tries to leave the machine and nothing logs an error.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHarness, type Harness } from './harness';
import { expectCleanPage } from './clean-page';
import { LANTERN_2030, LANTERN_2031, writeEdition, writeFixtures } from './fixtures';

// Chromium shares two cores with everything else: give polled expectations time.
vi.setConfig({ expect: { poll: { timeout: 10_000, interval: 50 } } });

let harness: Harness;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'standalone-screens-'));
  const folders = await writeFixtures(dir);
  harness = await startHarness({ folders: [folders.lantern2031, folders.lantern2030] });
});

afterAll(async () => {
  await harness?.close();
  rmSync(dir, { recursive: true, force: true });
});

afterEach(() => expectCleanPage(harness));

async function expectAccessible() {
  expect(await harness.axe()).toEqual([]);
}

const heading = () => harness.page.locator('#sa-main h1').innerText();

describe('screens', () => {
  it('opens on the first collection and shows its stands as cards, in order, with logos', async () => {
    const [first] = await harness.services.listCollections();
    await harness.open('/');
    expect(harness.page.url()).toContain(`#/c/${first!.id}`);
    expect(await heading()).toBe(first!.name);
    await harness.open('/c/lantern-2031');
    expect(await heading()).toBe('Lantern Conference 2031 Stands');
    const titles = await harness.page.locator('.sa-card-title').allInnerTexts();
    expect(titles).toEqual(['Cobalt Database', 'Harbor Browser', 'Lantern OS', 'Quiet Garden Community']);
    // A stand with a logo shows it from the folder (decoded), one without shows its initials.
    const logo = harness.page.locator('.sa-card', { hasText: 'Lantern OS' }).locator('img');
    await expect
      .poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(64);
    expect(
      await harness.page
        .locator('.sa-card', { hasText: 'Quiet Garden' })
        .locator('.sa-logo-placeholder')
        .innerText(),
    ).toBe('QG');
    expect(
      harness.requests.some(
        (r) => r.outcome === 'asset' && r.url.endsWith('/static/stands/lantern-os/logo.png'),
      ),
    ).toBe(true);
    await expectAccessible();
  });

  it('lists themes with their counts and opens one', async () => {
    await harness.open('/c/lantern-2031/themes');
    expect(await heading()).toBe('Themes');
    const community = harness.page.locator('.sa-theme', { hasText: 'Community' });
    expect(await community.locator('.sa-count').innerText()).toBe('2 stands');
    await expectAccessible();
    await community.getByRole('link', { name: 'Community' }).click();
    await harness.settle();
    expect(await heading()).toBe('Community');
    expect(await harness.page.locator('.sa-card-title').allInnerTexts()).toEqual([
      'Lantern OS',
      'Quiet Garden Community',
    ]);
    expect(await harness.page.locator('.sa-breadcrumb').innerText()).toContain('Themes');
    await expectAccessible();
  });

  it('shows a stand as the site did, with links out marked and sub-pages', async () => {
    await harness.open('/c/lantern-2031/stands/lantern-os');
    expect(await heading()).toBe('Welcome to the Lantern OS stand!');
    const main = harness.page.locator('.sa-stand-main');
    expect(await main.getByRole('heading', { name: 'Lantern OS @ Lantern Conference 2031' }).count()).toBe(1);
    expect(await main.getByRole('heading', { name: 'Lantern OS in 2031' }).count()).toBe(1);
    // Bootstrap cards from the showcase keep their structure.
    expect(await main.locator('.row .card .card-title').allInnerTexts()).toEqual([
      'Installer',
      'Package manager',
      'Talks',
    ]);
    // The YouTube embed is a placeholder, never a frame.
    expect(await main.locator('iframe').count()).toBe(0);
    expect(await main.locator('.sa-remote').innerText()).toContain(
      'Embedded page on youtube.com — needs the internet',
    );
    const side = harness.page.locator('.sa-side');
    expect(await side.locator('.sa-link-kind').allInnerTexts()).toEqual(['Website', 'Chat room']);
    expect(await side.locator('.sa-net').first().innerText()).toContain('needs the internet');
    expect(await side.getByRole('link', { name: 'The bootloader' }).count()).toBe(1);
    // A link to a page the folder does not have is only words: not a link, not in a link's colour.
    const deadLink = main.getByText('old roadmap', { exact: true });
    expect(await deadLink.evaluate((a) => [a.tagName, a.hasAttribute('href')])).toEqual(['A', false]);
    expect(await main.getByRole('link', { name: 'old roadmap' }).count()).toBe(0);
    const colour = (element: Element) => getComputedStyle(element).color;
    expect(await deadLink.evaluate(colour)).toBe(
      await deadLink.evaluate((a) => getComputedStyle(a.parentElement!).color),
    );
    expect(await deadLink.evaluate(colour)).not.toBe(
      await main.getByRole('link', { name: 'read how it works' }).evaluate(colour),
    );
    await expectAccessible();
  });

  it('offers links out as QR codes, and opens them through the main process', async () => {
    await harness.open('/c/lantern-2031/stands/lantern-os');
    await harness.page.getByRole('button', { name: 'QR code for lantern-os.example.org' }).click();
    const dialog = harness.page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.locator('.sa-qr-url').innerText()).toBe('https://lantern-os.example.org/');
    expect(await dialog.locator('svg.sa-qr path').getAttribute('d')).toMatch(/^M\d/);
    await expectAccessible();
    await harness.page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);

    // The stand itself goes too: its address on the published site (config.toml's baseURL).
    await harness.page.getByRole('button', { name: 'Read this on your phone' }).click();
    expect(await harness.page.getByRole('dialog').locator('.sa-qr-url').innerText()).toBe(
      'https://stands.example.org/stands/lantern-os/',
    );
    await harness.page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);

    // The placeholder of the remote video offers the video's own page.
    await harness.page.getByRole('button', { name: 'Show the link as a QR code' }).click();
    expect(await harness.page.getByRole('dialog').locator('.sa-qr-url').innerText()).toBe(
      'https://www.youtube.com/watch?v=lantern12345',
    );
    await harness.page.keyboard.press('Escape');

    // A link in stand content goes through main (`openExternal`), never navigates the page.
    await harness.page.getByRole('link', { name: /kernel talk/ }).click();
    await expect.poll(() => harness.externalOpened).toEqual(['https://video.example.org/lantern']);
    expect(harness.page.url()).toContain('#/c/lantern-2031/stands/lantern-os');
  });

  it('follows links between pages inside the app and shows the breadcrumb', async () => {
    await harness.open('/c/lantern-2031/stands/lantern-os');
    await harness.page.getByRole('link', { name: 'read how it works' }).click();
    await harness.settle();
    expect(await heading()).toBe('The bootloader');
    expect(await harness.page.locator('.sa-breadcrumb li').allInnerTexts()).toEqual([
      'Operating Systems',
      'Lantern OS',
      'The bootloader',
    ]);
    // Markdown tables and local images render; links to the stand's other pages and other stands route in-app.
    expect(await harness.page.locator('.rich table td').first().innerText()).toBe('Kettle');
    await harness.page.locator('.rich').getByRole('link', { name: 'team page' }).click();
    await harness.settle();
    expect(await heading()).toBe('Meet the team');
    // A remote photo is a placeholder; the inline float survives through CSSOM, its colour does not.
    expect(await harness.page.locator('.sa-remote').innerText()).toContain('Image on images.example.org');
    const styled = harness.page.locator('.rich p', { hasText: 'Twelve maintainers' });
    expect(await styled.evaluate((p) => [getComputedStyle(p).float, p.style.color])).toEqual(['right', '']);
    await expectAccessible();
    // Back and forward walk the history.
    await harness.page.goBack();
    await harness.settle();
    expect(await heading()).toBe('The bootloader');
    await harness.page.goForward();
    await harness.settle();
    expect(await heading()).toBe('Meet the team');
  });

  it('searches as you type, grouped by stand, with highlights; / focuses the box', async () => {
    await harness.open('/c/lantern-2031');
    await harness.page.locator('body').press('/');
    const box = harness.page.getByRole('searchbox', { name: 'Search stands and pages' });
    expect(await box.evaluate((input) => input === document.activeElement)).toBe(true);
    await harness.page.keyboard.type('boot');
    await expect.poll(() => harness.page.url()).toContain('#/c/lantern-2031/search?q=boot');
    await expect
      .poll(() => harness.page.locator('.sa-result-group h2').allInnerTexts())
      .toEqual(['Lantern OS']);
    // The engine highlights the words that matched (prefixes match whole words: "bootloader").
    expect((await harness.page.locator('.sa-hit mark').first().innerText()).toLowerCase()).toMatch(/^boot/);
    // The box keeps focus while the results screen replaces the overview.
    expect(await box.evaluate((input) => input === document.activeElement)).toBe(true);
    await expectAccessible();
    await harness.page.locator('.sa-hit-title', { hasText: 'The bootloader' }).click();
    await harness.settle();
    expect(await heading()).toBe('The bootloader');
    // Ctrl+K works from anywhere too.
    await harness.page.keyboard.press('Control+k');
    expect(await box.evaluate((input) => input === document.activeElement)).toBe(true);
  });

  it('says when nothing is found', async () => {
    await harness.open('/c/lantern-2031/search?q=zzzqqq');
    await expect
      .poll(() => harness.page.locator('.sa-lede').innerText())
      .toContain('Nothing found for “zzzqqq”');
    await expectAccessible();
  });

  it('switches edition from the header', async () => {
    await harness.open('/c/lantern-2031/themes');
    await harness.page.getByRole('combobox', { name: 'Edition' }).selectOption('lantern-2030');
    await harness.settle();
    expect(harness.page.url()).toContain('#/c/lantern-2030/themes');
    await harness.page.getByRole('link', { name: 'Stands', exact: true }).click();
    await harness.settle();
    expect(await harness.page.locator('.sa-card-title').allInnerTexts()).toEqual([
      'Amber Radio',
      'Lantern OS',
    ]);
  });

  it('keeps the search when switching edition from the search screen', async () => {
    await harness.open('/c/lantern-2031/search?q=boot');
    await harness.page.getByRole('combobox', { name: 'Edition' }).selectOption('lantern-2030');
    await harness.settle();
    expect(harness.page.url()).toContain('#/c/lantern-2030/search?q=boot');
    expect(await harness.page.getByRole('searchbox', { name: 'Search stands and pages' }).inputValue()).toBe(
      'boot',
    );
  });

  it('keeps the severity and kind filters of the problems when switching edition, not the stand', async () => {
    await harness.open('/c/lantern-2031/problems?severity=warning&stand=lantern-os&code=link-broken');
    await harness.page.getByRole('combobox', { name: 'Edition' }).selectOption('lantern-2030');
    await harness.settle();
    expect(harness.page.url()).toContain('#/c/lantern-2030/problems?severity=warning&code=link-broken');
  });

  it('steps through editions with the keyboard without opening each, and opens the chosen one on Enter', async () => {
    await harness.open('/c/lantern-2031/themes');
    const switcher = harness.page.getByRole('combobox', { name: 'Edition' });
    await switcher.focus();
    const before = await switcher.inputValue();
    // Chromium on Linux and Windows changes a closed select's value at each arrow key.
    for (const key of ['ArrowDown', 'ArrowUp', 'ArrowUp']) await harness.page.keyboard.press(key);
    await harness.settle();
    const chosen = await switcher.inputValue();
    expect(chosen).not.toBe(before);
    expect(harness.page.url()).toContain('#/c/lantern-2031/themes');
    await harness.page.keyboard.press('Enter');
    await harness.settle();
    expect(harness.page.url()).toContain(`#/c/${chosen}/themes`);
  });

  it('shows collections with their freshness and counts', async () => {
    await harness.open('/collections');
    expect(await heading()).toBe('Collections');
    const items = harness.page.locator('.sa-collection');
    expect(await items.count()).toBe(2);
    const first = items.filter({ hasText: 'Lantern Conference 2031' });
    expect(await first.locator('.sa-freshness').innerText()).toMatch(
      /^Indexed .+ · 4 stands listed of 4 · 3 pages · 3 themes/,
    );
    await expectAccessible();
  });

  it('lists content problems, filterable', async () => {
    await harness.open('/c/lantern-2031/problems');
    expect(await heading()).toBe('Content problems');
    expect(await harness.page.locator('.sa-table tbody tr').count()).toBeGreaterThan(0);
    await expectAccessible();
    await harness.page.getByRole('combobox', { name: 'Severity' }).selectOption('error');
    await expect.poll(() => harness.page.url()).toContain('severity=error');
  });

  it('fits the problems table to a desktop window when a problem names a long address or stand', async () => {
    const folder = join(dir, 'long-problems');
    const slug = 'astandwhosefoldernamerunsonwithoutasinglehyphenorspacefromstarttofinish';
    const image = `https://images.example.org/${'photographs'.repeat(12)}/stand.png`;
    mkdirSync(join(folder, 'content/stands'), { recursive: true });
    writeFileSync(join(folder, 'config.toml'), 'title = "Long Problems"\n');
    writeFileSync(
      join(folder, 'content/stands', `${slug}.md`),
      `---\ntitle: Long Problems Stand\nthemes: ["Web"]\nshow_on_overview: true\n` +
        `description: '<p><img src="${image}" alt="A photo"></p>'\n---\n`,
    );
    const desktop = await startHarness({
      folders: [folder],
      viewport: { width: 1280, height: 800 },
      browser: harness.browser,
    });
    try {
      await desktop.open('/c/long-problems/problems');
      await desktop.page.locator('.sa-table td', { hasText: 'images.example.org/photographs' }).waitFor();
      // The whole message is readable without scrolling the table sideways…
      expect(
        await desktop.page.evaluate(() => {
          const wrap = document.querySelector('.sa-table-wrap')!;
          return wrap.scrollWidth <= wrap.clientWidth;
        }),
      ).toBe(true);
      // …and the severity stays one word.
      const badge = desktop.page.locator('.sa-badge').first();
      expect(await badge.evaluate((b) => b.getClientRects().length)).toBe(1);
      expect(await badge.evaluate((b) => b.getBoundingClientRect().height)).toBeLessThan(30);
    } finally {
      await desktop.close();
    }
  });

  it('adds the pictures the app will not draw to the problems, once it has looked at them', async () => {
    const folder = join(dir, 'heavy-pictures');
    mkdirSync(join(folder, 'content/stands'), { recursive: true });
    mkdirSync(join(folder, 'static/stands/atlas'), { recursive: true });
    writeFileSync(join(folder, 'config.toml'), 'title = "Heavy Pictures"\n');
    writeFileSync(
      join(folder, 'content/stands/atlas.md'),
      '---\ntitle: Atlas Maps\nshow_on_overview: true\n---\n\n![The whole world](/stands/atlas/world.png)\n',
    );
    // A PNG's header declaring 40,000 × 40,000 pixels: the app never draws it.
    const header = Buffer.alloc(33);
    Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').copy(header, 0);
    header.writeUInt32BE(40_000, 16);
    header.writeUInt32BE(40_000, 20);
    header.set([8, 2, 0, 0, 0], 24);
    writeFileSync(join(folder, 'static/stands/atlas/world.png'), header);
    const organiser = await startHarness({ folders: [folder], browser: harness.browser });
    try {
      await organiser.open('/c/heavy-pictures/problems?code=picture-not-shown');
      const row = organiser.page.locator('.sa-table tbody tr', { hasText: 'picture-not-shown' });
      await row.waitFor();
      expect(await row.innerText()).toContain('The picture static/stands/atlas/world.png');
      expect(await row.getByRole('link', { name: 'Atlas Maps' }).getAttribute('href')).toBe(
        '#/c/heavy-pictures/stands/atlas',
      );
      await expect.poll(() => organiser.page.getByText('Looking at the pictures').count()).toBe(0);
      expect(await organiser.axe()).toEqual([]);
    } finally {
      await organiser.close();
    }
  });

  it('scrolls to in-page anchors without leaving the route', async () => {
    await harness.open('/c/lantern-2031/stands/lantern-os/team');
    const contact = harness.page.locator('.rich h3', { hasText: 'Contact' }).first();
    expect(await contact.isVisible()).toBe(true);
    expect(await contact.evaluate((h) => h.getBoundingClientRect().top > window.innerHeight)).toBe(true);
    await harness.page.getByRole('link', { name: 'How to reach us' }).click();
    await expect
      .poll(() => contact.evaluate((h) => h.getBoundingClientRect().top < window.innerHeight))
      .toBe(true);
    expect(harness.page.url()).toMatch(/#\/c\/lantern-2031\/stands\/lantern-os\/team$/);
    expect(await heading()).toBe('Meet the team');
  });

  it('goes back to where the visitor was on a screen, and starts new screens at the top', async () => {
    await harness.open('/c/lantern-2031/stands/lantern-os/team');
    // Scrolled again until the page's text is in and the window can go that far.
    await expect
      .poll(() =>
        harness.page.evaluate(() => {
          window.scrollTo(0, 600);
          return window.scrollY;
        }),
      )
      .toBe(600);
    await harness.page.locator('.sa-side').getByRole('link', { name: 'The bootloader' }).click();
    await harness.settle();
    expect(await heading()).toBe('The bootloader');
    expect(await harness.page.evaluate(() => window.scrollY)).toBe(0);
    await harness.page.goBack();
    await harness.settle();
    expect(await heading()).toBe('Meet the team');
    await expect.poll(() => harness.page.evaluate(() => window.scrollY)).toBe(600);
  });

  it('says plainly when the desktop bridge is missing (the page opened in a plain browser)', async () => {
    const context = await harness.browser.newContext();
    try {
      const page = await context.newPage();
      const leaving: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith(harness.origin)) leaving.push(request.url());
      });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${harness.origin}/index.html#/c/lantern-2031`);
      await page.getByRole('heading', { name: 'Standalone' }).waitFor();
      expect(await page.locator('main').innerText()).toContain('window.api');
      expect(leaving).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows a clear message for unknown stands and routes', async () => {
    await harness.open('/c/lantern-2031/stands/no-such-stand');
    expect(await heading()).toBe('Not found');
    await harness.open('/c/no-such-collection');
    expect(await heading()).toBe('Not found');
    await harness.open('/nowhere/at/all');
    expect(await heading()).toBe('Not found');
    await expectAccessible();
  });
});

describe('layout', () => {
  it('is accessible in dark mode and on a 1024×768 kiosk screen', async () => {
    await harness.page.emulateMedia({ colorScheme: 'dark' });
    await harness.page.setViewportSize({ width: 1024, height: 768 });
    try {
      for (const route of [
        '/c/lantern-2031',
        '/c/lantern-2031/stands/lantern-os',
        '/c/lantern-2031/search?q=boot',
      ]) {
        await harness.open(route);
        expect(await harness.axe(), route).toEqual([]);
        // Nothing spills sideways.
        expect(
          await harness.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
        ).toBe(true);
      }
    } finally {
      await harness.page.emulateMedia({ colorScheme: 'light' });
      await harness.page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('keeps the header on one row at 1024×768 with two editions, the search box beside the nav', async () => {
    // Editions named as FOSDEM's are ("FOSDEM 2021 Stands"): the nav and a search box of 12rem fit beside them.
    const editions = [
      await writeEdition(join(dir, 'fosdem-2031'), 'FOSDEM 2031 Stands', LANTERN_2031),
      await writeEdition(join(dir, 'fosdem-2030'), 'FOSDEM 2030 Stands', LANTERN_2030),
    ];
    const small = await startHarness({
      folders: editions,
      viewport: { width: 1024, height: 768 },
      browser: harness.browser,
    });
    try {
      await small.open('/c/fosdem-2031');
      expect(await small.page.locator('#sa-edition-select').isVisible()).toBe(true);
      const rows = await small.page.evaluate(() => {
        const top = (selector: string) => document.querySelector(selector)!.getBoundingClientRect().top;
        return {
          nav: top('.sa-nav'),
          search: top('.sa-search-box'),
          header: document.querySelector('.sa-header')!.getBoundingClientRect().height,
        };
      });
      // A second row would take a sticky 50 px more of a 768 px screen, for a search box alone on it.
      expect(rows.search - rows.nav).toBeLessThan(20);
      expect(rows.header).toBeLessThan(80);
      // In the narrower box the placeholder's text stops short of the "/" hint instead of running under it.
      const text = await small.page.evaluate(() => {
        const input = document.querySelector('.sa-search-box input')!;
        const hint = document.querySelector('.sa-search-box .sa-kbd')!.getBoundingClientRect();
        return {
          end: input.getBoundingClientRect().right - parseFloat(getComputedStyle(input).paddingRight),
          hint: hint.left,
        };
      });
      expect(text.end).toBeLessThanOrEqual(text.hint);
    } finally {
      await small.close();
    }
  });

  it('fits a phone-sized window: the header, long theme names and the problem filters wrap', async () => {
    const folder = join(dir, 'long-names');
    const slug = 'a-stand-whose-folder-name-is-as-long-as-its-whole-tagline';
    mkdirSync(join(folder, 'content/stands'), { recursive: true });
    writeFileSync(join(folder, 'config.toml'), 'title = "Long Names"\n');
    writeFileSync(
      join(folder, 'content/stands', `${slug}.md`),
      '---\ntitle: Long Names Stand\nthemes: ["Tools for people who keep very long theme names on their stands"]\n' +
        'show_on_overview: true\ndescription: A stand with a long theme name.\n---\n',
    );
    const phone = await startHarness({
      folders: [folder],
      viewport: { width: 390, height: 844 },
      browser: harness.browser,
    });
    try {
      for (const route of [
        '/c/long-names',
        `/c/long-names/stands/${slug}`,
        '/c/long-names/themes',
        '/c/long-names/problems',
        '/collections',
      ]) {
        await phone.open(route);
        expect(
          await phone.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
          route,
        ).toBe(true);
      }
    } finally {
      await phone.close();
    }
  });

  it('shows the heading an in-page link goes to below the header, which wraps in a phone-sized window', async () => {
    const folder = join(dir, 'anchors');
    const text = '<p>We meet every week to plan the next release and review patches together.</p>'.repeat(30);
    mkdirSync(join(folder, 'content/stands'), { recursive: true });
    writeFileSync(join(folder, 'config.toml'), 'title = "Anchors"\n');
    writeFileSync(
      join(folder, 'content/stands/anchored.md'),
      `---\ntitle: Anchored\nshow_on_overview: true\ndescription: ${JSON.stringify(
        `<p><a href="#contact">How to reach us</a></p>${text}<h3 id="contact">Contact</h3>${text}`,
      )}\n---\n`,
    );
    const phone = await startHarness({
      folders: [folder],
      viewport: { width: 390, height: 844 },
      browser: harness.browser,
    });
    try {
      await phone.open('/c/anchors/stands/anchored');
      await phone.page.getByRole('link', { name: 'How to reach us' }).click();
      const contact = phone.page.getByRole('heading', { name: 'Contact' });
      await expect
        .poll(() => contact.evaluate((h) => h.getBoundingClientRect().top < window.innerHeight))
        .toBe(true);
      const header = (await phone.page.locator('.sa-header').boundingBox())!;
      expect((await contact.boundingBox())!.y).toBeGreaterThanOrEqual(header.y + header.height);
      expectCleanPage(phone);
    } finally {
      await phone.close();
    }
  });

  it('can be used with the keyboard alone: Tab reaches a card and Enter opens it', async () => {
    await harness.open('/c/lantern-2031');
    let focused = '';
    for (let i = 0; i < 20 && !focused.includes('Cobalt'); i++) {
      await harness.page.keyboard.press('Tab');
      focused = await harness.page.evaluate(() => document.activeElement?.textContent ?? '');
    }
    expect(focused).toBe('Cobalt Database');
    await harness.page.keyboard.press('Enter');
    await harness.settle();
    expect(await heading()).toBe('Welcome to the Cobalt Database stand!');
    // After an in-app move the new screen's heading has focus.
    expect(await harness.page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  });
});
