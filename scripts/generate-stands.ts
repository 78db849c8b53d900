// Writes a synthetic stands folder laid out like the FOSDEM stands website: deterministic for a seed,
// every text our own, and valid for Hugo so the benchmark can time Hugo on the very same folder.
// Used by `npm run bench` (1,000 and 10,000 stands) and by tests that need a realistic folder.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';

export interface GenerateOptions {
  /** Folder to write; emptied first. */
  root: string;
  stands: number;
  /** Same seed, same bytes. */
  seed?: number;
  /** Edition year, written into the site title. */
  year?: number;
}

export interface GeneratedSite {
  root: string;
  /** Listing files written (`content/stands/<slug>.md`). */
  stands: number;
  /** Stands with `show_on_overview: true` and not drafts. */
  listedStands: number;
  /** Sub-pages written (Markdown and HTML, `_index.md` not counted). */
  pages: number;
  /** Files written under `static/`. */
  assets: number;
  files: number;
  /** Theme titles stands name; the last two have no theme page. */
  themes: string[];
  /** A Markdown sub-page (folder-relative) a benchmark may edit to time a one-file re-index. */
  sampleSubPage: string;
  /** The stand slugs in the order written. */
  slugs: string[];
}

/** Bumped whenever the output for a given seed changes, so cached folders are rebuilt. */
export const GENERATOR_VERSION = 4;

const THEMES_WITH_PAGES = [
  'Operating Systems',
  'Programming Languages',
  'Desktop Environments',
  'Databases',
  'Networking',
  'Hardware',
  'Multimedia',
  'Gaming',
  'Education',
  'Science',
  'Security',
  'Web',
  'Office',
  'Community',
  'Embedded',
  'Cloud',
  'Mobile',
  'Developer Tools',
];
const THEMES_WITHOUT_PAGES = ['Retro Computing', 'Radio'];

// Our own vocabulary. Prose follows Zipf's law as real text does: a word's frequency falls with its
// rank, as (rank + 4) ** -1.1. The FOSDEM 2021 stands hold ~30,000 words with 4,200 distinct ones;
// their 100 commonest make 43% of the text, and 1,800 words occur once; 43 stands generated here hold
// about 6,700 distinct words, 45% of the text from the 100 commonest. The head is common English
// words, the technical words below are spread over ranks 100 to about 3,100 (so a search for one finds
// some stands, not all), and the tail is made-up words (project names, jargon, typos real stands are
// full of). Drawing every word uniformly from those 150 technical words, as version 2 did, put most
// words in most stands: a worst case for search that no real edition has (docs/benchmarks.md).
const COMMON = (
  'the and to a of in is for with on we you that our open as can it are from this be more your by at ' +
  'will an or all have about also has which use new not but their they other free source project ' +
  'software its one us if these into some like so how there many make used so do what who up out ' +
  'than get any way time only work well been most each first people can them over just help then very ' +
  'while when both much where through such even may year years team way own see here support'
)
  .split(/\s+/)
  .filter((word, i, all) => all.indexOf(word) === i);
// Technical words: the stand titles draw from them, and search queries in the bench name them.
const WORDS = (
  'kernel compiler desktop database graphics network storage cluster browser editor terminal scheduler ' +
  'driver firmware protocol package library toolkit runtime interpreter debugger profiler tracer bootloader ' +
  'filesystem container sandbox gateway router firewall encryption signature keyring mailbox calendar ' +
  'spreadsheet presentation typesetting font glyph pixel shader texture vertex sprite audio video codec ' +
  'stream podcast radio antenna satellite sensor robot drone printer scanner keyboard touchscreen display ' +
  'battery solar garden kitchen library school student teacher workshop hackathon meetup mentor volunteer ' +
  'translation accessibility documentation tutorial handbook reference benchmark regression release ' +
  'roadmap governance foundation community contributor maintainer reviewer packager distribution mirror ' +
  'archive backup snapshot replication query index search ranking crawler parser grammar syntax lexer ' +
  'optimizer linker loader assembler emulator virtual machine hypervisor microcontroller board sensor ' +
  'telemetry dashboard metrics logging alerting monitoring deployment pipeline container orchestration ' +
  'federation chat message bridge identity login password token session cookie privacy consent ' +
  'map navigation weather climate energy grid meter vehicle bicycle railway airport harbour museum'
).split(/\s+/);
// Syllables of the made-up words: every consonant (or cluster) with every vowel, some closed by a
// consonant, so words start variously (a consonant and a vowel lead to about 1% of them, a two-letter
// cluster such as "st" to about 3%).
const ONSETS = 'b c d f g h j k l m n p r s t v w z br ch cl dr fl gr pl sh st th tr'.split(' ');
const NUCLEI = 'a e i o u ai ea ou'.split(' ');
const CODAS = ['', '', '', 'n', 'r', 's', 'l', 'x', 'm'];
const TAIL_WORDS = 60_000;
const TECH_FIRST_RANK = 100;
const TECH_SPACING = 20;
const ZIPF_EXPONENT = 1.1;

/** The vocabulary in rank order, commonest first: common words, then technical and made-up ones. */
const VOCABULARY: readonly string[] = (() => {
  const seen = new Set<string>([...COMMON, ...WORDS]);
  const made: string[] = [];
  const random = seededRandom(0x5eed);
  while (made.length < TAIL_WORDS) {
    const syllables = between(random, 1, 3);
    let word = '';
    for (let i = 0; i < syllables; i += 1)
      word += pick(random, ONSETS) + pick(random, NUCLEI) + pick(random, CODAS);
    if (!seen.has(word)) {
      seen.add(word);
      made.push(word);
    }
  }
  const ranked = [...COMMON];
  let tech = 0;
  for (const word of made) {
    const rank = ranked.length;
    if (tech < WORDS.length && rank >= TECH_FIRST_RANK && (rank - TECH_FIRST_RANK) % TECH_SPACING === 0)
      ranked.push(WORDS[tech++] as string);
    ranked.push(word);
  }
  return ranked;
})();

/** Cumulative Zipf weights of VOCABULARY, for drawing a word by rank. */
const CUMULATIVE: Float64Array = (() => {
  const out = new Float64Array(VOCABULARY.length);
  let total = 0;
  for (let rank = 0; rank < VOCABULARY.length; rank += 1) out[rank] = total += (rank + 4) ** -ZIPF_EXPONENT;
  return out;
})();

const NAME_PARTS = (
  'Open Free Libre Tiny Rapid Bright Quiet Polar Amber Cobalt Nimbus Tangle Orbit Pixel Kettle Lantern ' +
  'Harbor Meadow Falcon Otter Badger Heron Cedar Maple Quartz Prism Vector Signal Beacon Anchor Compass ' +
  'Juniper Willow Pebble Comet Nova Lumen Ember Ripple Summit Canyon Glacier Delta Fjord Tundra Mesa'
).split(/\s+/);
const NAME_KINDS = ['', ' Project', ' Foundation', ' Community', ' OS', ' Lab', ' Collective', ' Initiative'];

type Random = () => number;

/** mulberry32: small, fast and the same on every machine. */
function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** A word of running text, drawn by its Zipf weight. */
function word(random: Random): string {
  const target = random() * (CUMULATIVE[CUMULATIVE.length - 1] as number);
  let low = 0;
  let high = CUMULATIVE.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((CUMULATIVE[mid] as number) < target) low = mid + 1;
    else high = mid;
  }
  return VOCABULARY[low] as string;
}

function words(random: Random, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) out.push(word(random));
  return out.join(' ');
}

function sentence(random: Random): string {
  const text = words(random, between(random, 6, 16));
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraph(random: Random, sentences = between(random, 2, 5)): string {
  return Array.from({ length: sentences }, () => sentence(random)).join(' ');
}

/** Hugo's urlize for the simple names used here: lower case, spaces to hyphens. */
function urlize(name: string): string {
  return name.toLowerCase().replace(/\s+/g, '-');
}

function yamlString(value: string): string {
  return JSON.stringify(value);
}

function indentBlock(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line) => (line === '' ? '' : pad + line))
    .join('\n');
}

interface StandPlan {
  slug: string;
  title: string;
  themes: string[];
  listed: boolean;
  draft: boolean;
  logoMissing: boolean;
  /** Whether the stand has its own folder (`_index.md` and sub-pages) or only a listing file. */
  hasFolder: boolean;
  format: 'yaml' | 'toml' | 'json';
  crlf: boolean;
}

function planStand(random: Random, index: number, themes: string[]): StandPlan {
  const first = pick(random, NAME_PARTS);
  const second = pick(random, WORDS);
  const title = `${first} ${second.charAt(0).toUpperCase()}${second.slice(1)}${pick(random, NAME_KINDS)}`;
  const slug = `${urlize(title).replace(/[^a-z0-9-]/g, '')}-${String(index + 1).padStart(5, '0')}`;
  const themeCount = between(random, 1, 3);
  const chosen = new Set<string>();
  while (chosen.size < themeCount) chosen.add(pick(random, themes));
  const roll = random();
  return {
    slug,
    title,
    themes: [...chosen],
    listed: random() < 0.95,
    draft: random() < 0.02,
    logoMissing: random() < 0.02,
    hasFolder: random() < 0.9,
    format: roll < 0.85 ? 'yaml' : roll < 0.95 ? 'toml' : 'json',
    crlf: random() < 0.05,
  };
}

function listingFile(random: Random, stand: StandPlan): string {
  const description = [paragraph(random), paragraph(random)].join('\n\n');
  const showcase = `<p>${sentence(random)} <strong>${words(random, 3)}</strong> ${sentence(random)}</p>`;
  const newThisYear = `<ul>\n${Array.from({ length: between(random, 2, 4) }, () => `<li>${sentence(random)}</li>`).join('\n')}\n</ul>`;
  const fields = {
    title: stand.title,
    themes: stand.themes,
    website: `https://${stand.slug}.example.org/`,
    logo: `stands/${stand.slug}/logo.png`,
    description,
    showcase,
    new_this_year: newThisYear,
    chatroom: stand.slug,
    layout: 'stand',
    show_on_overview: stand.listed,
    draft: stand.draft,
  };
  if (stand.format === 'json') return `${JSON.stringify(fields, null, 2)}\n`;
  if (stand.format === 'toml') {
    const lines = Object.entries(fields).map(([key, value]) => {
      if (Array.isArray(value)) return `${key} = [${value.map((item) => JSON.stringify(item)).join(', ')}]`;
      if (typeof value === 'boolean') return `${key} = ${value}`;
      return value.includes('\n') ? `${key} = """\n${value}\n"""` : `${key} = ${JSON.stringify(value)}`;
    });
    return `+++\n${lines.join('\n')}\n+++\n`;
  }
  return [
    '---',
    `title: ${yamlString(stand.title)}`,
    'themes:',
    ...stand.themes.map((theme) => `- ${theme}`),
    `website: ${fields.website}`,
    `logo: ${fields.logo}`,
    'description: |',
    indentBlock(description, 2),
    `showcase: ${yamlString(showcase)}`,
    'new_this_year: |',
    indentBlock(newThisYear, 2),
    `chatroom: ${stand.slug}`,
    'layout: stand',
    `show_on_overview: ${stand.listed}`,
    ...(stand.draft ? ['draft: true'] : []),
    '---',
    '',
  ].join('\n');
}

function markdownPage(
  random: Random,
  stand: StandPlan,
  title: string | null,
  weight: number,
  siblings: string[],
) {
  const parts: string[] = [];
  if (title !== null) parts.push('---', `title: ${yamlString(title)}`, `weight: ${weight}`, '---', '');
  else parts.push('---', `weight: ${weight}`, '---', '');
  parts.push(`## ${sentence(random).slice(0, -1)}`, '', paragraph(random), '');
  parts.push(`![${words(random, 2)}](/stands/${stand.slug}/shot-1.png)`, '');
  parts.push(...Array.from({ length: between(random, 2, 5) }, () => `- ${sentence(random)}`), '');
  if (random() < 0.3) parts.push('```sh', `${word(random)} --${word(random)} ./${word(random)}`, '```', '');
  if (random() < 0.1)
    parts.push(`{{< figure src="/stands/${stand.slug}/shot-2.png" title="${words(random, 3)}" >}}`, '');
  if (random() < 0.01) parts.push(`![remote](https://images.example.org/${stand.slug}.png)`, '');
  const sibling = siblings.length > 0 ? pick(random, siblings) : null;
  parts.push(paragraph(random), '');
  if (sibling !== null) parts.push(`See also [${words(random, 2)}](../${sibling}/).`, '');
  parts.push(paragraph(random), '');
  return parts.join('\n');
}

function htmlPage(random: Random, stand: StandPlan, title: string, weight: number): string {
  const rows = Array.from(
    { length: between(random, 2, 4) },
    () => `  <tr><td>${word(random)}</td><td>${words(random, 4)}</td></tr>`,
  );
  return [
    '---',
    `title: ${yamlString(title)}`,
    `weight: ${weight}`,
    '---',
    `<h2>${sentence(random).slice(0, -1)}</h2>`,
    `<p>${paragraph(random)}</p>`,
    `<img src="/stands/${stand.slug}/shot-2.png" alt="${words(random, 2)}">`,
    `<table>\n${rows.join('\n')}\n</table>`,
    `<p>${paragraph(random)} <a href="https://${stand.slug}.example.org/${pick(random, WORDS)}">${words(random, 2)}</a></p>`,
    ...(random() < 0.02
      ? ['<iframe src="https://video.example.org/embed/1" width="560" height="315"></iframe>']
      : []),
    '',
  ].join('\n');
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A small valid PNG: a two-colour diagonal on `size`×`size` pixels. */
export function makePng(
  size: number,
  colour: [number, number, number],
  accent: [number, number, number],
): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const raw = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y += 1) {
    const row = y * (1 + size * 3);
    for (let x = 0; x < size; x += 1) {
      const [r, g, b] = x + y < size ? colour : accent;
      raw[row + 1 + x * 3] = r;
      raw[row + 2 + x * 3] = g;
      raw[row + 3 + x * 3] = b;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function colourOf(random: Random): [number, number, number] {
  return [between(random, 0, 255), between(random, 0, 255), between(random, 0, 255)];
}

/** Writes the synthetic site and tells what it holds. */
export async function generateStands(options: GenerateOptions): Promise<GeneratedSite> {
  const { root, stands: standCount } = options;
  const random = seededRandom(options.seed ?? 2021);
  const year = options.year ?? 2030;
  const themes = [...THEMES_WITH_PAGES, ...THEMES_WITHOUT_PAGES];
  const files = new Map<string, string | Buffer>();
  const put = (path: string, content: string | Buffer) => files.set(path, content);

  put(
    'config.toml',
    [
      'baseURL = "https://stands.example.org"',
      'languageCode = "en-us"',
      `title = "Synthetic Stands ${year}"`,
      '',
      '[taxonomies]',
      'theme = "themes"',
      '',
    ].join('\n'),
  );
  put('content/_index.md', `---\ntitle: "Synthetic Stands ${year}"\n---\n\n${paragraph(random)}\n`);
  for (const theme of THEMES_WITH_PAGES) {
    put(
      `content/themes/${urlize(theme)}/_index.md`,
      `---\ntitle: ${yamlString(theme)}\ndescription: |\n  ${sentence(random)} ${sentence(random)}\n---\n`,
    );
  }

  let listedStands = 0;
  let pages = 0;
  let assets = 0;
  let sampleSubPage = '';
  const slugs: string[] = [];
  for (let i = 0; i < standCount; i += 1) {
    const stand = planStand(random, i, themes);
    slugs.push(stand.slug);
    if (stand.listed && !stand.draft) listedStands += 1;
    const eol = (text: string) => (stand.crlf ? text.replace(/\n/g, '\r\n') : text);
    put(`content/stands/${stand.slug}.md`, eol(listingFile(random, stand)));

    const folder = `content/stands/${stand.slug}`;
    // Like Hugo, sub-pages belong to a stand only through its folder's _index.md.
    const subPageCount = stand.hasFolder ? between(random, 1, 4) : 0;
    const names = Array.from({ length: subPageCount }, (_, n) => `${pick(random, WORDS)}-${n + 1}`);
    if (stand.hasFolder) {
      const links = names.map((name) => `- [${name}](${name}/)`).join('\n');
      put(
        `${folder}/_index.md`,
        eol(`---\ntitle: ${yamlString(stand.title)}\n---\n\n${paragraph(random)}\n\n${links}\n`),
      );
    }
    names.forEach((name, n) => {
      const title =
        random() < 0.9 ? `${name.charAt(0).toUpperCase()}${name.slice(1).replace(/-\d+$/, '')}` : null;
      if (n > 0 && random() < 0.3) {
        put(`${folder}/${name}.html`, eol(htmlPage(random, stand, title ?? name, n + 1)));
      } else {
        const path = `${folder}/${name}.md`;
        put(
          path,
          eol(
            markdownPage(
              random,
              stand,
              title,
              n + 1,
              names.filter((other) => other !== name),
            ),
          ),
        );
        if (i >= Math.floor(standCount / 2) && sampleSubPage === '') sampleSubPage = path;
      }
      pages += 1;
    });

    const colour = colourOf(random);
    const accent = colourOf(random);
    const images = stand.logoMissing
      ? ['shot-1.png', 'shot-2.png']
      : ['logo.png', 'shot-1.png', 'shot-2.png'];
    for (const image of images) {
      put(`static/stands/${stand.slug}/${image}`, makePng(image === 'logo.png' ? 32 : 24, colour, accent));
      assets += 1;
    }
  }

  await rm(root, { recursive: true, force: true });
  const folders = new Set([...files.keys()].map((path) => dirname(join(root, path))));
  for (const folder of [...folders].sort()) await mkdir(folder, { recursive: true });
  const entries = [...files.entries()];
  // A few dozen writes in flight: fast without exhausting file descriptors.
  const inFlight = 32;
  for (let start = 0; start < entries.length; start += inFlight) {
    await Promise.all(
      entries.slice(start, start + inFlight).map(([path, content]) => writeFile(join(root, path), content)),
    );
  }

  return {
    root,
    stands: standCount,
    listedStands,
    pages,
    assets,
    files: files.size,
    themes,
    sampleSubPage,
    slugs,
  };
}
