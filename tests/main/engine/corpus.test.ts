// Acceptance: the FOSDEM 2021 stands folder, indexed as the published site showed it.
//
// How the expectations were checked: `bash ../shared/hugo-reference/manifest.sh
// ../shared/corpus/fosdem-2021 --skip content/stands/checkmk/meet-the-team.md` (Hugo 0.111) lists 44
// published entries of the stands section with show_on_overview. One is a sub-page
// (jenkins/jenkins-is-the-way.html sets the flag but belongs to the Jenkins section), so the overview
// has 43 stands; where a stand has both `<slug>.md` and `<slug>/_index.md`, both sit at /stands/<slug>/,
// Hugo writes the folder's _index.md last (it wins the URL: checked by building the site with a
// template printing .File.Path), and the listing file's show_on_overview puts it on the lists. GNOME is
// a listed page in a folder without _index.md (the_gnome_foundation/gnome.md). Titles below are the
// listed entries' titles. Hugo's theme counts (`themes` in the manifest) count pages, so a stand with
// both files counts twice and unlisted stands count too; Standalone counts listed stands once: the
// pairs are [our count, Hugo's count]. Sub-pages are the children of each stand section, in Hugo's
// order; untitled pages (Hugo: '') take their file's name. Two deliberate differences: checkmk also
// has meet-the-team.md (Hugo refuses the site over its broken shortcode; we index it and report it)
// and titles are trimmed ("4 - Interoperability " ends with a space in the source).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine, IndexOutcome } from '../../../main/engine/api';
import { openEngine } from '../../../main/engine/index';

const CORPUS = path.resolve(fileURLToPath(new URL('../../../../shared/corpus/fosdem-2021', import.meta.url)));
const present = existsSync(path.join(CORPUS, 'content'));

const LISTED: [string, string][] = [
  ['box86', 'Box86'],
  ['checkmk', 'Checkmk'],
  ['coderdojo_belgium', 'CoderDojo Belgium'],
  ['debian', 'Debian'],
  ['eclipse-foundation', 'Eclipse Foundation'],
  ['foreman', 'Foreman'],
  ['fossasia', 'FOSSASIA'],
  ['free_software_foundation_europe', 'Free Software Foundation Europe'],
  ['freebsd_project', 'FreeBSD Project'],
  ['gitlab', 'GitLab'],
  ['google_summer_of_code', 'Google Summer of Code'],
  ['haiku', 'Haiku'],
  ['illumos', 'illumos'],
  ['jenkins', 'Jenkins'],
  ['kiwi_tcms', 'Kiwi TCMS'],
  ['kopano', 'Kopano'],
  ['mariadb_foundation', 'MariaDB Foundation'],
  ['matrix', 'Matrix'],
  ['mautic', 'Mautic'],
  ['mit_app_inventor', 'MIT App Inventor'],
  [
    'nextcloud_hub__self-hosted__fully_open-source_file_sync__collaboration___communication_platform',
    'Nextcloud Hub',
  ],
  ['ntop', 'ntop'],
  ['onlyoffice', 'ONLYOFFICE'],
  ['openharmony_project', 'OpenHarmony Project'],
  ['openmandriva', 'OpenMandriva'],
  ['opentap', 'OpenTAP'],
  ['openuk', 'OpenUK'],
  ['openwifi', 'openwifi'],
  ['postgresql', 'PostgreSQL'],
  ['pulp', 'Pulp'],
  ['reactos', 'ReactOS'],
  ['refpersys', 'RefPerSys'],
  ['school_of_ai__port_haarcourt', 'School of AI, Port Haarcourt'],
  ['sesame_discovery', 'Sesame Discovery'],
  ['the_apache_software_foundation', 'The Apache Software Foundation'],
  ['the_fedora_project', 'Fedora Project'],
  ['the_gnome_foundation', 'GNOME'],
  ['the_libresoc_project__a_hybrid_3d_cpu_vpu_gpu', 'LibreSOC Project'],
  ['tracim', 'Tracim'],
  ['unikraft', 'Unikraft'],
  ['xcp-ng', 'XCP-ng'],
  ['xwiki___cryptpad', 'XWiki & CryptPad'],
  ['yottadb', 'YottaDB'],
];

/** slug, title, [Standalone's listed stands, Hugo's page count]. */
const THEMES: [string, string, [number, number]][] = [
  ['community-advocacy', 'Community advocacy', [6, 7]],
  ['database-engines', 'Database engines', [3, 4]],
  ['desktop-environments', 'Desktop environments', [1, 1]],
  ['developer-environment', 'Developer environment', [3, 4]],
  ['education', 'Education', [3, 3]],
  ['gaming', 'Gaming', [1, 2]],
  ['hardware', 'Hardware', [3, 3]],
  ['multimedia-and-graphics', 'Multimedia and graphics', [1, 1]],
  ['office-suites-and-productivity', 'Office suites and productivity', [5, 7]],
  ['operating-systems', 'Operating Systems', [11, 12]],
  ['programming-languages', 'Programming languages', [1, 2]],
  ['system-administration', 'System administration', [3, 5]],
  ['world-wide-web', 'World wide web', [3, 5]],
];

const SUB_PAGES: Record<string, string[]> = {
  box86: ['About', 'Performances', 'Support with other programs'],
  checkmk: ['Learn more about Checkmk', 'Meet the Team @ FOSDEM'],
  freebsd_project: ['Getting Started with FreeBSD', "What's New in FreeBSD 13.0"],
  haiku: ['FAQs', 'Get Involved!', 'Introducing Haiku', "What's New", "What's Next"],
  jenkins: ['Jenkins Is The Way', 'Schedule'],
  mariadb_foundation: [
    '1. MariaDB for NoSQL users',
    '2. MariaDB for MySQL users',
    '3. MariaDB for PostgreSQL users',
    '4. MariaDB for Oracle users',
    '5. MariaDB for contributors',
    '6. About MariaDB Server',
  ],
  mit_app_inventor: ['About'],
  ntop: [
    'nDPI - Deep Network Traffic Inspection',
    'ntopng - Web-based Network Monitoring',
    'PF_RING - High-speed packet capture',
    'Who We Are',
    'Work With Us',
  ],
  openmandriva: ['General Information', 'Helpful Tips'],
  opentap: ['About', 'Contribute'],
  openuk: ['About OpenUK'],
  pharo: [
    '1- The Return of a Mythical Programming Language',
    '2 - Learning and Contributing',
    '3 - Pharo Features Showcase',
    '4 - Interoperability',
    '5 - Visualizations powered by Pharo',
    '6 - The Moose Software Analysis Platform',
    '7 - Pharo: Robotics, AI and Math',
  ],
  sesame_discovery: [
    'Reach out to us!',
    'Sesame Discovery Project',
    'The Circular Datacenter',
    'The Team behind Sesame Discovery',
  ],
  the_apache_software_foundation: ['Getting Started', 'Our Projects'],
  yottadb: [
    'ACID Properties',
    'Business Continuity',
    'Features',
    'Hello World Examples',
    'How It Works',
    'In-Memory Engine',
    'Optimistic Concurrency Control',
    'Success Stories',
    'Use Cases',
  ],
};

/** Stand sections Hugo publishes without children. */
const NO_SUB_PAGES = [
  'eclipse-foundation',
  'foreman',
  'illumos',
  'kiwi_tcms',
  'matrix',
  'mautic',
  'onlyoffice',
  'openharmony_project',
  'pulp',
  'unikraft',
  'xwiki___cryptpad',
];

describe.skipIf(!present)(
  `the FOSDEM 2021 corpus (${present ? CORPUS : `skipped: ${CORPUS} is absent`})`,
  () => {
    let engine: Engine;
    let outcome: IndexOutcome;
    let id: string;

    beforeAll(async () => {
      engine = await openEngine({ dbFile: null });
      outcome = await engine.indexFolder(CORPUS);
      id = outcome.collection.id;
      return () => engine.close();
    }, 60_000);

    it('is one collection named after the site, of 2021', () => {
      expect(outcome.collection).toMatchObject({
        id: 'fosdem-2021',
        name: 'FOSDEM 2021 Stands',
        year: 2021,
        available: true,
      });
    });

    it("lists the 43 stands the site listed, with their titles, in the site's order", () => {
      const cards = engine.listStands(id);
      expect(cards.map((c) => [c.slug, c.title]).sort()).toEqual([...LISTED].sort());
      // Hugo dates a section by its newest page: MIT App Inventor's main.md is dated, so its
      // _index.md comes first; the others have no date and follow by title.
      expect(cards[0]!.slug).toBe('mit_app_inventor');
      const keys = cards.slice(1).map((c) => c.title.toLowerCase());
      expect(keys).toEqual([...keys].sort((a, b) => a.localeCompare(b, 'en')));
    });

    it('keeps drafts out of the lists and shows published, unlisted stands only by address', () => {
      const all = engine.listAllStands(id);
      expect(all.filter((s) => s.draft).map((s) => s.slug)).toEqual([
        'civicrm',
        'libreoffice',
        'openembedded',
        'schul-frei',
        'thola___nesi',
      ]);
      expect(all.filter((s) => !s.draft && !s.listed).map((s) => s.slug)).toEqual(['pharo']);
      expect(engine.getStand(id, 'pharo')).not.toBeNull();
      expect(engine.getStand(id, 'civicrm')).toBeNull();
    });

    it('uses the folder page where a stand has both files, and the listing to list it', () => {
      const box86 = engine.getStand(id, 'box86')!;
      expect(box86).toMatchObject({ file: 'content/stands/box86/_index.md', listed: true, title: 'Box86' });
      expect(engine.getStand(id, 'the_gnome_foundation')!.file).toBe(
        'content/stands/the_gnome_foundation/gnome.md',
      );
    });

    it('has the themes of the site, with their listed stands', () => {
      const themes = engine.listThemes(id);
      expect(themes.map((t) => [t.slug, t.title, t.standCount])).toEqual(
        THEMES.map(([slug, title, [count]]) => [slug, title, count]),
      );
      // Theme pages without stands (HAM Radio, IoT) exist but are not on the list, as in Hugo's taxonomy.
      expect(engine.getTheme(id, 'iot')).toMatchObject({ title: 'IoT', standCount: 0 });
    });

    it('has each stand’s sub-pages in Hugo’s order', () => {
      for (const [slug, titles] of Object.entries(SUB_PAGES)) {
        expect([slug, engine.getStand(id, slug)!.pages.map((p) => p.title)]).toEqual([slug, titles]);
      }
      for (const slug of NO_SUB_PAGES) expect([slug, engine.getStand(id, slug)!.pages]).toEqual([slug, []]);
    });

    it('indexes everything and names the file with the broken shortcode Hugo refuses', () => {
      const errors = outcome.problems.filter((p) => p.severity === 'error');
      expect(errors).toContainEqual(
        expect.objectContaining({
          file: 'content/stands/checkmk/meet-the-team.md',
          line: 7,
          code: 'shortcode-invalid',
          stand: 'checkmk',
        }),
      );
      const page = engine.getPage(id, 'checkmk', 'meet-the-team')!;
      expect(page.html).not.toContain('{{');
      expect(page.html).toContain('<h2 id="alex">Alex</h2>');
    });

    it('renders shortcodes and rewrites references into the app’s schemes', () => {
      const about = engine.getPage(id, 'box86', 'main')!.html;
      expect(about).toContain('href="standalone://page/box86/performances"');
      expect(about).toContain('<figure><img src="stand-asset://fosdem-2021/static/stands/box86/icon.png"');
      const circular = engine.getPage(id, 'sesame_discovery', 'circular-data-center')!.html;
      expect(circular).toContain('href="https://www.youtube.com/watch?v=PuzEMYCGeVk"');
      expect(circular).not.toContain('{{');
      for (const stand of engine.listAllStands(id)) {
        for (const html of [
          stand.descriptionHtml,
          stand.showcaseHtml,
          stand.newThisYearHtml,
          stand.bodyHtml,
        ]) {
          // Scripts inside HTML comments (the Nextcloud stand has some) are inert text.
          expect(html.replace(/<!--[\s\S]*?-->/g, '')).not.toMatch(/<script/i);
          expect(html).not.toMatch(/\{\{[<%]/);
        }
      }
    });

    it('reports remote media and missing files as warnings, not errors', () => {
      const codes = new Set(outcome.problems.filter((p) => p.severity === 'warning').map((p) => p.code));
      for (const code of [
        'remote-image',
        'remote-frame',
        'logo-missing',
        'asset-missing',
        'script-removed',
        'style-ignored',
      ] as const) {
        expect(codes).toContain(code);
      }
      expect(
        outcome.problems.filter((p) => p.severity === 'error').every((p) => p.code === 'shortcode-invalid'),
      ).toBe(true);
    });

    it('serves the corpus’s logos', () => {
      const logo = engine.getStand(id, 'haiku')!.logo!;
      expect(engine.getAsset(id, logo)).toMatchObject({ contentType: 'image/png' });
    });
  },
);
