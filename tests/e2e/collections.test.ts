// Organisers' screens and live update in real Chromium: adding, renaming, re-indexing and removing
// collections through the real handlers, the progress bar, notices, and the UI following a changed folder.
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadKioskConfig } from '../../main/kiosk/config';
import { verifyPin } from '../../main/kiosk/pin';
import { startHarness, type Harness } from './harness';
import { expectCleanPage } from './clean-page';
import { LANTERN_2030, writeEdition, writeFixtures } from './fixtures';

// Chromium shares two cores with everything else: give polled expectations time.
vi.setConfig({ expect: { poll: { timeout: 10_000, interval: 50 } } });

let harness: Harness;
let dir: string;
let folders: Awaited<ReturnType<typeof writeFixtures>>;
let picked: string | null = null;
let kioskFile: string | null = null;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'standalone-collections-'));
  folders = await writeFixtures(dir);
  harness = await startHarness({
    folders: [folders.lantern2031],
    pickFolder: async () => picked,
    pickKioskFile: async () => kioskFile,
  });
});

afterAll(async () => {
  await harness?.close();
  rmSync(dir, { recursive: true, force: true });
});

afterEach(() => expectCleanPage(harness));

const collectionItem = (name: string) => harness.page.locator('.sa-collection', { hasText: name });

describe('collections', () => {
  it('adds a folder through the folder picker', async () => {
    await harness.open('/collections');
    expect(await harness.page.locator('.sa-collection').count()).toBe(1);
    picked = folders.lantern2030;
    await harness.page.getByRole('button', { name: 'Add a folder…' }).click();
    await expect.poll(() => harness.page.locator('.sa-collection').count()).toBe(2);
    expect(await collectionItem('Lantern Conference 2030').locator('.sa-freshness').innerText()).toContain(
      '2 stands listed',
    );
    // The header's edition switcher offers both now.
    const editions = await harness.page
      .getByRole('combobox', { name: 'Edition' })
      .locator('option')
      .allInnerTexts();
    expect(editions.sort()).toEqual(['Lantern Conference 2030', 'Lantern Conference 2031']);
    expect(await harness.axe()).toEqual([]);
  });

  it('does nothing when the picker is cancelled', async () => {
    await harness.open('/collections');
    picked = null;
    await harness.page.getByRole('button', { name: 'Add a folder…' }).click();
    await harness.page.waitForTimeout(200);
    expect(await harness.page.locator('.sa-collection').count()).toBe(2);
  });

  it('says a folder added again was already there, and only read again', async () => {
    await harness.open('/collections');
    await harness.page.getByLabel('Or type a folder’s path').fill(folders.lantern2031);
    await harness.page.getByRole('button', { name: 'Add', exact: true }).click();
    const notice = harness.page.locator('.sa-notice', { hasText: 'Lantern Conference 2031' });
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.innerText()).toContain(
      '“\u2068Lantern Conference 2031 Stands\u2069” is already in the list; it was read again.',
    );
    expect(await harness.page.locator('.sa-collection').count()).toBe(2);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
  });

  it('reports a folder that cannot be added, and keeps going', async () => {
    await harness.open('/collections');
    await harness.page.getByLabel('Or type a folder’s path').fill(join(dir, 'no-such-folder'));
    await harness.page.getByRole('button', { name: 'Add', exact: true }).click();
    const notice = harness.page.locator('.sa-notice', { hasText: 'There is no folder at' });
    await expect.poll(() => notice.count()).toBe(1);
    expect(await harness.axe()).toEqual([]);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => notice.count()).toBe(0);
  });

  it('renames a collection', async () => {
    await harness.open('/collections');
    const item = collectionItem('Lantern Conference 2030');
    await item.getByRole('button', { name: 'Rename' }).click();
    await item.getByLabel('New name').fill('Lantern 2030 (archive)');
    await item.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => harness.page.locator('.sa-collection h2').allInnerTexts())
      .toContain('Lantern 2030 (archive)');
  });

  it('offers the current name again when a rename was cancelled', async () => {
    await harness.open('/collections');
    const item = collectionItem('Lantern 2030 (archive)');
    await item.getByRole('button', { name: 'Rename' }).click();
    await item.getByLabel('New name').fill('A name typed and then abandoned');
    await item.getByRole('button', { name: 'Cancel' }).click();
    await item.getByRole('button', { name: 'Rename' }).click();
    expect(await item.getByLabel('New name').inputValue()).toBe('Lantern 2030 (archive)');
    await item.getByRole('button', { name: 'Cancel' }).click();
  });

  it('shows indexing progress from the progress events', async () => {
    await harness.open('/collections');
    harness.emit({
      type: 'progress',
      progress: { collection: 'lantern-2031', phase: 'reading', done: 3, total: 10 },
    });
    const bar = collectionItem('Lantern Conference 2031').getByRole('progressbar');
    await expect.poll(() => bar.getAttribute('value')).toBe('3');
    expect(await bar.getAttribute('max')).toBe('10');
    expect(
      await collectionItem('Lantern Conference 2031').locator('.sa-progress-row label').innerText(),
    ).toBe('Reading files (3 of 10)');
    expect(await harness.page.getByRole('progressbar', { name: 'Indexing' }).count()).toBe(1);
    expect(await harness.axe()).toEqual([]);
    harness.emit({
      type: 'progress',
      progress: { collection: 'lantern-2031', phase: 'done', done: 10, total: 10 },
    });
    await expect.poll(() => harness.page.getByRole('progressbar').count()).toBe(0);
  });

  it('removes a collection after asking', async () => {
    await harness.open('/collections');
    const item = collectionItem('Lantern 2030 (archive)');
    await item.getByRole('button', { name: 'Remove…' }).click();
    expect(await item.getByRole('alertdialog').innerText()).toContain('Its folder stays as it is');
    await item.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect.poll(() => harness.page.locator('.sa-collection').count()).toBe(1);
  });
});

describe('live update', () => {
  it('follows a changed folder after a re-index, without reloading', async () => {
    await harness.open('/c/lantern-2031/stands/harbor-browser');
    const listing = join(folders.lantern2031, 'content/stands/harbor-browser.md');
    const before = readFileSync(listing, 'utf8');
    writeFileSync(
      listing,
      before.replace('Its café mode works offline.', 'Its café mode now syncs over mesh radio.'),
    );
    // A marker proves the page was not reloaded.
    await harness.page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
    // Re-index through the page's own bridge and main's handlers, as the Re-index button does.
    await harness.page.evaluate(() =>
      (
        window as unknown as { api: { reindexCollection(id: string): Promise<unknown> } }
      ).api.reindexCollection('lantern-2031'),
    );
    await expect
      .poll(() => harness.page.locator('#sa-main').innerText(), { timeout: 5000 })
      .toContain('now syncs over mesh radio');
    expect(
      await harness.page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload),
    ).toBe(true);
    // The overview follows too.
    await harness.page.getByRole('link', { name: 'Stands', exact: true }).click();
    await harness.settle();
    expect(
      await harness.page
        .locator('.sa-card', { hasText: 'Harbor Browser' })
        .locator('.sa-card-summary')
        .innerText(),
    ).toContain('mesh radio');
  });

  it('follows a changed folder on its own: the engine watches it and main sends "changed"', async () => {
    await harness.open('/c/lantern-2031/stands/quiet-garden-community');
    const listing = join(folders.lantern2031, 'content/stands/quiet-garden-community.md');
    writeFileSync(
      listing,
      readFileSync(listing, 'utf8').replace('a shared seed catalogue', 'a seed library on every table'),
    );
    await expect
      .poll(() => harness.page.locator('.sa-intro').innerText(), { timeout: 15_000 })
      .toContain('a seed library on every table');
    expect(
      harness.events.some((event) => event.type === 'changed' && event.change.collection === 'lantern-2031'),
    ).toBe(true);
  });

  it('re-indexes from the collections screen', async () => {
    const listing = join(folders.lantern2031, 'content/stands/cobalt-database.md');
    writeFileSync(
      listing,
      readFileSync(listing, 'utf8').replace('title: "Cobalt Database"', 'title: "Cobalt Database Renewed"'),
    );
    await harness.open('/collections');
    await collectionItem('Lantern Conference 2031').getByRole('button', { name: 'Re-index' }).click();
    await harness.page.getByRole('link', { name: 'Stands', exact: true }).click();
    await harness.settle();
    await expect
      .poll(() => harness.page.locator('.sa-card-title').allInnerTexts())
      .toContain('Cobalt Database Renewed');
  });

  it('shows notices main sends', async () => {
    await harness.open('/c/lantern-2031');
    harness.emit({
      type: 'notice',
      level: 'warning',
      message: 'The stands folder /media/usb is not available.',
    });
    await expect
      .poll(() => harness.page.locator('.sa-notice', { hasText: '/media/usb is not available' }).count())
      .toBe(1);
    expect(await harness.axe()).toEqual([]);
  });

  it('makes a kiosk file that the kiosk reads back, after refusing two different PINs', async () => {
    await harness.open('/collections');
    const section = harness.page.locator('.sa-kiosk-file');
    await section.getByRole('button', { name: 'Make a kiosk file…' }).click();
    await section.getByLabel('Organiser PIN (4 to 12 digits)').fill('4821');
    await section.getByLabel('The same PIN again').fill('4812');
    await section.getByRole('button', { name: 'Save the kiosk file…' }).click();
    await expect
      .poll(() => section.getByRole('alert').innerText())
      .toContain('The two PINs are not the same');
    expect(await harness.axe()).toEqual([]);
    await section.getByLabel('The same PIN again').fill('4821');
    kioskFile = join(dir, 'entrance.standalone-kiosk');
    await section.getByRole('button', { name: 'Save the kiosk file…' }).click();
    await expect.poll(() => section.getByRole('status').innerText()).toContain(`Saved as ${kioskFile}`);
    expect(await harness.axe()).toEqual([]);
    const loaded = await loadKioskConfig(kioskFile);
    expect(loaded.error).toBeNull();
    const roots = (await harness.services.listCollections()).map((c) => c.root);
    expect([...loaded.config.folders].sort()).toEqual([...roots].sort());
    expect(await verifyPin('4821', loaded.config.pinHash!)).toBe(true);
    expect(await verifyPin('4812', loaded.config.pinHash!)).toBe(false);
  });
});

describe('a folder that is gone', () => {
  it('says so when it is re-indexed, instead of seeming to have read it', async () => {
    const stick = await writeEdition(join(dir, 'usb-stick'), 'Stick Fair 2030 Stands', LANTERN_2030);
    const added = await harness.folders.addFolder(stick);
    renameSync(stick, `${stick}-pulled-out`);
    try {
      await harness.open('/collections');
      await collectionItem('Stick Fair 2030').getByRole('button', { name: 'Re-index' }).click();
      const notice = harness.page.locator('.sa-notice', { hasText: 'Stick Fair 2030' });
      await expect.poll(() => notice.count()).toBe(1);
      expect(await notice.innerText()).toContain(`The folder ${stick} cannot be read now`);
      await notice.getByRole('button', { name: 'Dismiss' }).click();
    } finally {
      renameSync(`${stick}-pulled-out`, stick);
      await harness.folders.removeCollection(added.id);
    }
  });
});
