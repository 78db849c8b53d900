import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { generateStands, makePng } from '../../scripts/generate-stands';

const made: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'standalone-gen-'));
  made.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function listFiles(root: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(root, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(root, path)));
    else out.push(path);
  }
  return out.sort();
}

async function digest(root: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of await listFiles(root)) hash.update(file).update(await readFile(join(root, file)));
  return hash.digest('hex');
}

describe('generateStands', () => {
  it('writes the same bytes for the same seed and different ones for another', async () => {
    const [a, b, c] = [await tempDir(), await tempDir(), await tempDir()];
    await generateStands({ root: a, stands: 12, seed: 7 });
    await generateStands({ root: b, stands: 12, seed: 7 });
    await generateStands({ root: c, stands: 12, seed: 8 });
    expect(await digest(a)).toBe(await digest(b));
    expect(await digest(a)).not.toBe(await digest(c));
  });

  it('lays the folder out like the stands website and reports what it wrote', async () => {
    const root = await tempDir();
    const site = await generateStands({ root, stands: 40, seed: 3 });
    const files = await listFiles(root);
    expect(files).toContain('config.toml');
    expect(files).toContain('content/_index.md');
    const listings = files.filter((file) => /^content\/stands\/[^/]+\.md$/.test(file));
    expect(listings).toHaveLength(40);
    expect(site.slugs).toHaveLength(40);
    expect(new Set(site.slugs).size).toBe(40);
    const subPages = files.filter(
      (file) => /^content\/stands\/[^/]+\/[^/]+\.(md|html)$/.test(file) && !file.endsWith('/_index.md'),
    );
    expect(subPages).toHaveLength(site.pages);
    expect(subPages.some((file) => file.endsWith('.html'))).toBe(true);
    expect(subPages.some((file) => file.endsWith('.md'))).toBe(true);
    expect(files.filter((file) => file.startsWith('static/'))).toHaveLength(site.assets);
    expect(site.files).toBe(files.length);
    expect(files).toContain(site.sampleSubPage);
    // Themes named by stands: all but the last two have a page.
    const themePages = files.filter((file) => file.startsWith('content/themes/'));
    expect(themePages).toHaveLength(site.themes.length - 2);
    expect(await readFile(join(root, 'config.toml'), 'utf8')).toMatch(/title = "Synthetic Stands 2030"/);
  });

  it('writes listing files whose front matter names a logo, themes and HTML fields', async () => {
    const root = await tempDir();
    const site = await generateStands({ root, stands: 30, seed: 11 });
    const slug = site.slugs[0] as string;
    const text = await readFile(join(root, `content/stands/${slug}.md`), 'utf8');
    expect(text).toContain(`stands/${slug}/logo.png`);
    expect(text).toMatch(/<p>.*<strong>/);
    expect(text).toMatch(/show_on_overview/);
  });
});

describe('makePng', () => {
  it('makes a valid PNG of the requested size', () => {
    const png = makePng(5, [255, 0, 0], [0, 0, 255]);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(5);
    expect(png.readUInt32BE(20)).toBe(5);
    const idatLength = png.readUInt32BE(33);
    expect(png.subarray(37, 41).toString('latin1')).toBe('IDAT');
    const raw = inflateSync(png.subarray(41, 41 + idatLength));
    expect(raw.length).toBe(5 * (1 + 5 * 3));
    // Top-left pixel takes the first colour, bottom-right the accent.
    expect([...raw.subarray(1, 4)]).toEqual([255, 0, 0]);
    expect([...raw.subarray(raw.length - 3)]).toEqual([0, 0, 255]);
  });
});
