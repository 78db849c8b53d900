// The main fixture, tests/fixtures/engine/site: a small stands website with every field and layout
// rule of the FOSDEM stands site. Hugo's view of it was checked with the hugo-reference manifest.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../main/engine/api';
import { openEngine } from '../../../main/engine/index';
import type { Problem } from '../../../main/engine/types';
import { FIXTURES } from './helpers';

const ROOT = path.join(FIXTURES, 'site');
let engine: Engine;
let id: string;

beforeAll(async () => {
  engine = await openEngine({ dbFile: null });
  id = (await engine.indexFolder(ROOT)).collection.id;
  return () => engine.close();
});

const problemsOf = (filter: Partial<Problem>) =>
  engine
    .listProblems({ collection: id })
    .filter((p) => Object.entries(filter).every(([k, v]) => p[k as keyof Problem] === v));

describe('a stands folder', () => {
  it('becomes a collection named after the site, with its year', () => {
    const collection = engine.getCollection(id)!;
    expect(collection).toMatchObject({
      id: 'site',
      root: ROOT,
      name: 'Harbour Expo 2024 Stands',
      year: 2024,
      available: true,
    });
    expect(collection.counts).toMatchObject({ stands: 7, listedStands: 3, pages: 4, assets: 4 });
    expect(engine.listCollections().map((c) => c.id)).toEqual(['site']);
  });

  it('lists published stands with show_on_overview, by title', () => {
    expect(engine.listStands(id).map((s) => s.slug)).toEqual(['anchor-lab', 'lighthouse', 'quay-db']);
  });

  it("gives the overview's first screen of the same list, drafts and unlisted stands still left out", () => {
    const all = engine.listStands(id);
    expect(engine.listStands(id, 2)).toEqual(all.slice(0, 2));
    expect(engine.listStands(id, 3)).toEqual(all);
    expect(engine.listStands(id, 10)).toEqual(all);
    expect(engine.listStands(id, 0)).toEqual([]);
  });

  it('keeps drafts, future and expired stands out of the app but reports them to the CLI', () => {
    const all = engine.listAllStands(id);
    const draftSlugs = all.filter((s) => s.draft).map((s) => s.slug);
    expect(draftSlugs).toEqual(['future-ferry', 'draft-dock', 'old-oar']);
    for (const slug of draftSlugs) expect(engine.getStand(id, slug)).toBeNull();
    expect(all.find((s) => s.slug === 'buoy')).toMatchObject({ listed: false, draft: false });
    expect(engine.getStand(id, 'buoy')).not.toBeNull();
  });

  it('merges a listing file and its folder page: the folder page wins, the listing lists it', () => {
    const stand = engine.getStand(id, 'lighthouse')!;
    expect(stand).toMatchObject({
      title: 'Lighthouse OS',
      listed: true,
      file: 'content/stands/lighthouse/_index.md',
      logo: 'static/stands/lighthouse/logo.png',
      website: 'https://lighthouse.example.org/',
      chatroom: 'lighthouse',
      layout: 'stand',
    });
    expect(stand.descriptionHtml).toBe(
      '<p>Lighthouse is a tiny operating system for harbour beacons, built by volunteers.</p>',
    );
    // Showcase only in the listing file: used from there, its image rewritten.
    expect(stand.showcaseHtml).toContain(
      '<img src="stand-asset://site/static/stands/lighthouse/beacon.png" alt="A beacon">',
    );
    expect(stand.newThisYearHtml).toBe('<p>A new scheduler.</p>');
    expect(stand.links).toEqual([
      { kind: 'website', label: 'lighthouse.example.org', url: 'https://lighthouse.example.org/' },
      {
        kind: 'chat',
        label: '#lighthouse-stand:fosdem.org',
        url: 'https://chat.fosdem.org/#/room/%23lighthouse-stand%3Afosdem.org',
      },
    ]);
    expect(stand.themeRefs).toEqual([
      { slug: 'operating-systems', title: 'Operating Systems', rendered: true },
    ]);
  });

  it('summarises the card from the listed file, 200 characters at most', () => {
    const cards = engine.listStands(id);
    expect(cards.find((c) => c.slug === 'lighthouse')!.summary).toBe(
      'Lighthouse is a tiny operating system for harbour beacons. It boots in under a second.',
    );
    expect(cards.find((c) => c.slug === 'quay-db')!.summary).toBe('A database that floats.');
    for (const card of cards) expect(card.summary.length).toBeLessThanOrEqual(200);
  });

  it('renders the stand page body with shortcodes and internal links', () => {
    const body = engine.getStand(id, 'lighthouse')!.bodyHtml;
    expect(body).toContain('<a href="standalone://page/lighthouse/intro">introduction</a>');
    expect(body).toContain('<a href="standalone://page/lighthouse/getting-started">get started</a>');
    expect(body).toContain(
      '<img src="stand-asset://site/content/stands/lighthouse/team.png" alt="The team" />',
    );
    expect(body).toContain('<figure><img src="stand-asset://site/static/stands/lighthouse/beacon.png"');
    expect(body).toContain('<a href="standalone://stand/quay-db">Quay DB</a>');
    expect(body).toContain('<a href="standalone://theme/operating-systems">systems theme</a>');
    expect(body).not.toContain('{{');
  });

  it('has sub-pages in Hugo order, untitled ones named after their file, drafts only for the CLI', () => {
    const all = engine.listAllStands(id).find((s) => s.slug === 'lighthouse')!;
    expect(all.pages).toEqual([
      { slug: 'getting-started', title: 'Getting Started!', draft: false, listed: true, rendered: true },
      { slug: 'intro', title: 'Introduction', draft: false, listed: true, rendered: true },
      { slug: 'notes', title: 'Release notes', draft: false, listed: true, rendered: true },
      { slug: 'draft-page', title: 'Not yet', draft: true, listed: true, rendered: true },
    ]);
    expect(engine.getStand(id, 'lighthouse')!.pages.map((p) => p.slug)).toEqual([
      'getting-started',
      'intro',
      'notes',
    ]);
    expect(engine.getPage(id, 'lighthouse', 'draft-page')).toBeNull();
    expect(problemsOf({ code: 'title-missing' }).map((p) => p.file)).toEqual([
      'content/stands/lighthouse/Getting Started!.md',
    ]);
  });

  it('gives a page what its screen needs', () => {
    const intro = engine.getPage(id, 'lighthouse', 'intro')!;
    expect(intro).toMatchObject({
      stand: 'lighthouse',
      title: 'Introduction',
      standTitle: 'Lighthouse OS',
      file: 'content/stands/lighthouse/intro.md',
      weight: 2,
    });
    expect(intro.theme).toEqual({
      slug: 'operating-systems',
      title: 'Operating Systems',
      rendered: true,
    });
    expect(intro.siblings.map((p) => p.slug)).toEqual(['getting-started', 'intro', 'notes']);
    expect(intro.html).toContain('<h1 id="why">Why beacons</h1>');
    expect(intro.html).toContain('<a href="standalone://page/lighthouse/notes">the notes</a>');
  });

  it('removes scripts from HTML pages and reports remote content', () => {
    const notes = engine.getPage(id, 'lighthouse', 'notes')!;
    expect(notes.html).not.toContain('<script');
    expect(notes.html).not.toContain('pwned');
    expect(notes.html).toContain('<p>After the script.</p>');
    const file = 'content/stands/lighthouse/notes.html';
    expect(problemsOf({ file }).map((p) => [p.code, p.line, p.severity])).toEqual([
      ['remote-image', 7, 'warning'],
      ['remote-frame', 8, 'warning'],
      ['script-removed', 9, 'warning'],
    ]);
  });

  it('lists themes with listed stands, by title; a theme named without a page still exists', () => {
    expect(engine.listThemes(id).map((t) => [t.slug, t.title, t.standCount])).toEqual([
      ['databases', 'Databases', 2],
      ['operating-systems', 'Operating Systems', 1],
      ['tide-computing', 'Tide Computing', 1],
    ]);
    const tide = engine.getTheme(id, 'tide-computing')!;
    expect(tide).toMatchObject({ descriptionHtml: '', standCount: 1 });
    expect(tide.stands.map((s) => s.slug)).toEqual(['quay-db']);
    expect(problemsOf({ code: 'theme-without-page' })).toEqual([
      expect.objectContaining({
        file: 'content/stands/quay-db.md',
        line: 5,
        severity: 'warning',
        stand: 'quay-db',
      }),
    ]);
    expect(engine.getTheme(id, 'databases')!.descriptionHtml).toBe(
      '<p>Where the <strong>data</strong> lives.</p>',
    );
    // A theme page without stands is known but not listed, like Hugo's taxonomy list.
    expect(engine.getTheme(id, 'empty-theme')).toMatchObject({ standCount: 0, stands: [] });
  });

  it('accepts a single theme name instead of a list, as Hugo does', () => {
    expect(engine.getStand(id, 'anchor-lab')!.themes).toEqual(['databases']);
  });

  it('reports missing logos and broken links with their lines', () => {
    expect(problemsOf({ code: 'logo-missing' }).map((p) => [p.file, p.line])).toEqual([
      ['content/stands/anchor-lab/_index.md', 6],
      ['content/stands/quay-db.md', 7],
    ]);
    expect(problemsOf({ code: 'link-broken' }).map((p) => [p.file, p.line])).toEqual([
      ['content/stands/anchor-lab/_index.md', 9],
    ]);
    expect(engine.getStand(id, 'anchor-lab')!.bodyHtml).toContain('<a>unknown page</a>');
  });

  it('adds https:// to a website written without it', () => {
    expect(engine.getStand(id, 'quay-db')!.website).toBe('https://quaydb.example.org/');
  });

  it('knows the assets and serves only those, from inside the folder', () => {
    const logo = engine.getAsset(id, 'static/stands/lighthouse/logo.png')!;
    expect(logo).toMatchObject({ contentType: 'image/png', collection: id });
    expect(logo.absolutePath).toBe(path.join(ROOT, 'static/stands/lighthouse/logo.png'));
    expect(engine.getAsset(id, 'static/stands/lighthouse/brochure.pdf')!.contentType).toBe('application/pdf');
    expect(engine.getAsset(id, 'content/stands/lighthouse/team.png')).not.toBeNull();
    expect(engine.getAsset(id, 'content/stands/lighthouse/intro.md')).toBeNull();
    expect(engine.getAsset(id, 'config.toml')).toBeNull();
    expect(engine.getAsset(id, '../site/static/stands/lighthouse/logo.png')).toBeNull();
    expect(engine.getAsset('nope', 'static/stands/lighthouse/logo.png')).toBeNull();
  });

  it('filters problems', () => {
    expect(engine.listProblems({ severity: 'error' })).toEqual([]);
    expect(
      engine
        .listProblems({ stand: 'quay-db' })
        .map((p) => p.code)
        .sort(),
    ).toEqual(['logo-missing', 'theme-without-page']);
    expect(engine.listProblems({ collection: 'nope' })).toEqual([]);
  });
});
