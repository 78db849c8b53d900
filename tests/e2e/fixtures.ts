// Stand folders for the end-to-end tests and snapshots, laid out like the FOSDEM stands website and
// written fresh into a temporary folder: our own text and images, nothing from the real corpus.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { makePng } from '../../scripts/generate-stands';
import { XSS_PAYLOADS } from './xss-payloads';

type Files = Record<string, string | Buffer>;

async function writeFiles(root: string, files: Files): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, ...path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}

const yaml = (value: string) => JSON.stringify(value);
const block = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');

interface StandSpec {
  slug: string;
  title: string;
  themes: string[];
  description: string;
  showcase?: string;
  newThisYear?: string;
  website?: string;
  chatroom?: string;
  logo?: boolean;
  listed?: boolean;
  pages?: { slug: string; title: string; weight: number; body: string; html?: boolean }[];
}

function standFiles(stand: StandSpec, colour: [number, number, number]): Files {
  const files: Files = {};
  const front = [
    '---',
    `title: ${yaml(stand.title)}`,
    'themes:',
    ...stand.themes.map((theme) => `- ${theme}`),
    ...(stand.website ? [`website: ${yaml(stand.website)}`] : []),
    ...(stand.logo === false ? [] : [`logo: stands/${stand.slug}/logo.png`]),
    'description: |',
    block(stand.description),
    ...(stand.showcase ? ['showcase: |', block(stand.showcase)] : []),
    ...(stand.newThisYear ? ['new_this_year: |', block(stand.newThisYear)] : []),
    ...(stand.chatroom ? [`chatroom: ${yaml(stand.chatroom)}`] : []),
    'layout: stand',
    `show_on_overview: ${stand.listed ?? true}`,
    '---',
    '',
  ];
  files[`content/stands/${stand.slug}.md`] = front.join('\n');
  if (stand.logo !== false)
    files[`static/stands/${stand.slug}/logo.png`] = makePng(64, colour, [255, 255, 255]);
  // As on the site, a stand folder's pages are its sub-pages only when the folder has an _index.md.
  if (stand.pages?.length) {
    files[`content/stands/${stand.slug}/_index.md`] = `---\ntitle: ${yaml(stand.title)}\n---\n`;
  }
  for (const page of stand.pages ?? []) {
    const ext = page.html ? 'html' : 'md';
    files[`content/stands/${stand.slug}/${page.slug}.${ext}`] = [
      '---',
      `title: ${yaml(page.title)}`,
      `weight: ${page.weight}`,
      '---',
      '',
      page.body,
      '',
    ].join('\n');
  }
  return files;
}

function siteFiles(title: string, themes: { title: string; description: string }[]): Files {
  const files: Files = {
    'config.toml': [
      'baseURL = "https://stands.example.org"',
      'languageCode = "en-us"',
      `title = ${yaml(title)}`,
      '',
      '[taxonomies]',
      'theme = "themes"',
      '',
    ].join('\n'),
    'content/_index.md': `---\ntitle: ${yaml(title)}\n---\n`,
  };
  for (const theme of themes) {
    const slug = theme.title.toLowerCase().replace(/\s+/g, '-');
    files[`content/themes/${slug}/_index.md`] =
      `---\ntitle: ${yaml(theme.title)}\ndescription: |\n${block(theme.description)}\n---\n`;
  }
  return files;
}

const THEMES = [
  { title: 'Operating Systems', description: 'Kernels, distributions and everything that boots.' },
  { title: 'Web', description: 'Browsers, servers and the protocols between them.' },
  { title: 'Community', description: 'Foundations, meetups and the people who keep projects going.' },
];

/** The main fixture edition: a handful of well-behaved stands with the HTML stands really write. */
export const LANTERN_2031: StandSpec[] = [
  {
    slug: 'lantern-os',
    title: 'Lantern OS',
    themes: ['Operating Systems', 'Community'],
    website: 'https://lantern-os.example.org/',
    chatroom: 'lantern-os',
    description: `<p>Lantern OS is a small operating system that boots on old laptops and new boards alike. Its kernel scheduler favours the window you are looking at.</p>
<p>Volunteers translate it into forty languages; the handbook lives in the same repository as the code.</p>`,
    showcase: `<div class="row">
<div class="col-sm-12 col-md-4"><div class="card"><div class="card-body"><h5 class="card-title">Installer</h5><p class="card-text">A five-minute installer with full-disk encryption.</p></div></div></div>
<div class="col-sm-12 col-md-4"><div class="card"><div class="card-body"><h5 class="card-title">Package manager</h5><p class="card-text">Atomic upgrades you can roll back from the boot menu.</p></div></div></div>
<div class="col-sm-12 col-md-4"><div class="card"><div class="card-body"><h5 class="card-title">Talks</h5><p class="card-text">Watch our <a href="https://video.example.org/lantern">kernel talk</a>.</p></div></div></div>
</div>
<iframe src="https://www.youtube.com/embed/lantern12345" width="560" height="315"></iframe>`,
    newThisYear: `<ul>
<li>A new bootloader written from scratch: <a href="/stands/lantern-os/bootloader/">read how it works</a>.</li>
<li>Support for the Kettle board and two more touchscreen drivers.</li>
<li>Last year's plans are on our <a href="/stands/lantern-os/roadmap-2030/">old roadmap</a>.</li>
<li>Supercalifragilisticexpialidociouslylongidentifiernamesthatneverwrapanywhereatall_in_config_files.</li>
</ul>`,
    pages: [
      {
        slug: 'bootloader',
        title: 'The bootloader',
        weight: 1,
        body: `## How it starts

The bootloader reads a tiny configuration file, checks the kernel signature and hands over.

![Boot menu](/stands/lantern-os/logo.png)

| Board | Boot time |
| --- | --- |
| Kettle | 2.1 s |
| Quartz | 3.4 s |

See also the [team page](../team/) and the [Harbor Browser stand](/stands/harbor-browser/).`,
      },
      {
        slug: 'team',
        title: 'Meet the team',
        weight: 2,
        html: true,
        body: `<h2>Who we are</h2>
<p style="float:right; padding: 10px; color: red">Twelve maintainers in nine countries.</p>
<table class="table"><thead><tr><th>Name</th><th>Area</th></tr></thead><tbody><tr><td>Ada</td><td>Kernel</td></tr><tr><td>Bo</td><td>Installer</td></tr></tbody></table>
<p><img src="https://images.example.org/team-photo.jpg" alt="The team at a meetup"></p>
<p><a href="#contact">How to reach us</a></p>
${'<p>We meet every week to plan the next release and review patches together.</p>\n'.repeat(30)}
<h3 id="contact">Contact</h3>
<p>Find us at the stand, or on the chat room.</p>`,
      },
    ],
  },
  {
    slug: 'harbor-browser',
    title: 'Harbor Browser',
    themes: ['Web'],
    website: 'https://harbor.example.org/',
    chatroom: '#harbor:example.org',
    description:
      '<p>Harbor is a privacy-first web browser with a built-in reader mode and no telemetry. Its café mode works offline.</p>',
    showcase: '<p>Try the <strong>reader mode</strong> on any article: it strips ads and keeps the text.</p>',
    newThisYear: '<p>Tab groups, and a rendering engine that is twice as fast on long pages.</p>',
    pages: [
      {
        slug: 'get-involved',
        title: 'Get involved',
        weight: 1,
        body: 'Write to [the team](mailto:team@harbor.example.org) or pick a *good first issue*.',
      },
    ],
  },
  {
    slug: 'quiet-garden-community',
    title: 'Quiet Garden Community',
    themes: ['Community'],
    description:
      '<p>A community of gardeners who write software for greenhouses: sensors, watering schedules and a shared seed catalogue.</p>',
    logo: false,
  },
  {
    slug: 'cobalt-database',
    title: 'Cobalt Database',
    themes: ['Web', 'Operating Systems'],
    website: 'https://cobalt.example.org/',
    description:
      '<p>Cobalt is a replicated database that keeps working when the network does not. Queries run on a laptop or a cluster.</p>',
    showcase: '<p>Live demo: replication between two boards on the table.</p>',
  },
];

/** The previous edition, for switching collections. */
export const LANTERN_2030: StandSpec[] = [
  {
    slug: 'lantern-os',
    title: 'Lantern OS',
    themes: ['Operating Systems'],
    description: '<p>The first public release of Lantern OS, the year before it got a new bootloader.</p>',
  },
  {
    slug: 'amber-radio',
    title: 'Amber Radio',
    themes: ['Community'],
    description: '<p>Amber Radio builds antenna software for amateur radio clubs.</p>',
  },
];

/** Slug of the hostile stand's page that holds payload `index` alone. */
export const payloadPage = (index: number) => `payload-${String(index + 1).padStart(2, '0')}`;

const HOSTILE_FIELD = `<img src=x onerror="window.__xss=1"><script>window.__xss=1</script><a href="javascript:window.__xss=1">click</a><img src="https://evil.invalid/field.png">`;

/** 1 KiB of SVG asking Chromium for a million rectangles: ten copies of ten copies of … of one. */
function svgUseBomb(): string {
  let defs = '<g id="l0"><rect width="1" height="1" fill="red"/></g>';
  for (let i = 1; i <= 6; i++) defs += `<g id="l${i}">${`<use href="#l${i - 1}"/>`.repeat(10)}</g>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><defs>${defs}</defs><use href="#l6"/></svg>`;
}

/** 10 KiB of SVG asking Chromium for 300 chained blurs over a region 40,000 times the shape's (15 s a frame). */
function svgFilterChain(): string {
  const blurs = '<feGaussianBlur stdDeviation="1.5"/>'.repeat(300);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><filter id="f" x="-100" y="-100" width="200" height="200">${blurs}</filter><rect width="200" height="200" fill="red" filter="url(#f)"/></svg>`;
}

/** The header of a PNG of `width` × `height` pixels, whole enough for a decoder to start on it. */
function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.set([8, 0, 0, 0, 0], 16);
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), ihdr]);
}

/** Pictures built to freeze or crash the page that draws them, as files of the folder and as data: URLs. */
export const HEAVY_PICTURES: Files = {
  'static/stands/hostile-stand/use-bomb.svg': svgUseBomb(),
  'static/stands/hostile-stand/huge.png': pngHeader(40_000, 40_000),
  'static/stands/hostile-stand/filter-chain.svg': svgFilterChain(),
};
const HEAVY_PICTURES_PAGE = [
  '<p>Pictures too heavy to draw.</p>',
  '<img src="/stands/hostile-stand/use-bomb.svg" alt="use bomb file">',
  '<img src="/stands/hostile-stand/huge.png" alt="huge file">',
  '<img src="/stands/hostile-stand/filter-chain.svg" alt="filter chain file">',
  `<img src="data:image/svg+xml,${encodeURIComponent(svgUseBomb())}" alt="use bomb inline">`,
  `<img src="data:image/png;base64,${pngHeader(40_000, 40_000).toString('base64')}" alt="huge inline">`,
].join('\n');

/** A stand whose every field and page carries hostile HTML. */
export const HOSTILE: StandSpec[] = [
  {
    slug: 'hostile-stand',
    title: 'Hostile <img src=x onerror="window.__xss=1"> Stand',
    themes: ['Web'],
    website: 'javascript:window.__xss=1',
    chatroom: '"><img src=x onerror=window.__xss=1>',
    description: `<p>This stand tries everything.</p>${HOSTILE_FIELD}`,
    showcase: XSS_PAYLOADS.slice(0, Math.ceil(XSS_PAYLOADS.length / 2)).join('\n'),
    newThisYear: XSS_PAYLOADS.slice(Math.ceil(XSS_PAYLOADS.length / 2)).join('\n'),
    // All payloads on one page (some swallow what follows them, as mXSS does), and each on its own page.
    pages: [
      {
        slug: 'payloads',
        title: 'Payloads <script>window.__xss=1</script>',
        weight: 1,
        html: true,
        body: XSS_PAYLOADS.join('\n<hr>\n'),
      },
      ...XSS_PAYLOADS.map((payload, index) => ({
        slug: payloadPage(index),
        title: `Payload ${index + 1}`,
        weight: index + 2,
        html: true,
        body: `<p>Before the payload.</p>\n${payload}\n<p>After the payload.</p>`,
      })),
      {
        slug: 'heavy-pictures',
        title: 'Heavy pictures',
        weight: XSS_PAYLOADS.length + 2,
        html: true,
        body: HEAVY_PICTURES_PAGE,
      },
    ],
  },
  {
    slug: 'plain-neighbour',
    title: 'Plain Neighbour',
    themes: ['Web'],
    description: '<p>A harmless stand next to the hostile one.</p>',
  },
];

/** Writes one edition's folder. */
export async function writeEdition(root: string, title: string, stands: StandSpec[]): Promise<string> {
  const files: Files = siteFiles(title, THEMES);
  stands.forEach((stand, index) =>
    Object.assign(files, standFiles(stand, [40 + index * 50, 90, 160 - index * 20])),
  );
  await writeFiles(root, files);
  return root;
}

/** The three fixture folders under `dir`. */
export async function writeFixtures(
  dir: string,
): Promise<{ lantern2031: string; lantern2030: string; hostile: string }> {
  return {
    lantern2031: await writeEdition(
      join(dir, 'lantern-2031'),
      'Lantern Conference 2031 Stands',
      LANTERN_2031,
    ),
    lantern2030: await writeEdition(
      join(dir, 'lantern-2030'),
      'Lantern Conference 2030 Stands',
      LANTERN_2030,
    ),
    hostile: await writeEdition(join(dir, 'hostile'), 'Hostile Fair 2031 Stands', HOSTILE).then(
      async (root) => (await writeFiles(root, HEAVY_PICTURES), root),
    ),
  };
}
