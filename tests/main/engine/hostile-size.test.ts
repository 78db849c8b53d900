// Hostile files built to make the engine work in quadratic time or worse (one line lookup per reference,
// regexes that backtrack, parsers that compare every key with every other). Each used to take minutes;
// each must now be indexed or parsed well inside the test's default timeout, with its problems reported.
import { describe, expect, it } from 'vitest';
import { lineAt, lineOf, MAX_PROBLEMS_PER_FILE, sortProblems } from '../../../main/engine/problems';
import type { Problem } from '../../../main/engine/types';
import { engineFor, page, tempSite } from './helpers';

const ok = page('title: Fine\nshow_on_overview: true', 'Still here.\n');
const EVIL = 'content/stands/evil/_index.md';

async function indexEvil(body: string, fields = 'title: Evil\nshow_on_overview: true') {
  const root = tempSite({ [EVIL]: page(fields, body), 'content/stands/fine.md': ok });
  const engine = await engineFor();
  const outcome = await engine.indexFolder(root);
  const slugs = engine.listStands(outcome.collection.id).map((stand) => stand.slug);
  return { engine, ...outcome, slugs, mine: outcome.problems.filter((p) => p.file === EVIL) };
}

describe('problems of a file full of broken references', () => {
  it('indexes a page with 60,000 missing images, keeping 200 problems and a summary of the rest', async () => {
    const images = Array.from({ length: 60_000 }, (_, i) => `<img src=m${i}>`).join('\n');
    const { slugs, mine } = await indexEvil(`hello\n${images}\n`);
    expect(slugs).toEqual(['evil', 'fine']);
    expect(mine).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
    // Front matter is lines 1-4 and "hello" line 5, so image i is on line i + 6.
    expect(mine[0]).toMatchObject({ code: 'asset-missing', line: 6, stand: 'evil' });
    expect(mine[0]!.message).toContain('"m0"');
    expect(mine[199]).toMatchObject({ code: 'asset-missing', line: 205 });
    expect(mine[199]!.message).toContain('"m199"');
    expect(mine[200]).toMatchObject({ code: 'asset-missing', severity: 'warning', line: 205, stand: 'evil' });
    expect(mine[200]!.message).toBe(
      '… and 59,800 more problems like these in this file. Fix the ones above, then check again.',
    );
  });

  it('indexes a page with 60,000 broken links the same way', async () => {
    const links = Array.from({ length: 60_000 }, (_, i) => `<a href="/p${i}">x</a>`).join('\n');
    const { slugs, mine } = await indexEvil(`hello\n${links}\n`);
    expect(slugs).toEqual(['evil', 'fine']);
    expect(mine).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
    expect(mine[3]).toMatchObject({ code: 'link-broken', line: 9 });
    expect(mine[200]!.message).toMatch(/^… and 59,800 more problems/);
  });

  it('keeps errors before warnings when it has to choose, and leaves a capped list as it is', () => {
    const at = (line: number, severity: Problem['severity'], file = 'a.md'): Problem => ({
      collection: 'c',
      file,
      line,
      severity,
      code: severity === 'error' ? 'shortcode-invalid' : 'asset-missing',
      message: `m${line}`,
      stand: null,
    });
    const list = [
      ...Array.from({ length: 500 }, (_, i) => at(i + 1, 'warning')),
      at(900, 'error'),
      at(3, 'warning', 'b.md'),
      at(1, 'error', '0.md'),
    ];
    const sorted = sortProblems(list);
    const a = sorted.filter((p) => p.file === 'a.md');
    expect(sorted.map((p) => p.file)).toEqual(['0.md', ...a.map(() => 'a.md'), 'b.md']);
    expect(a).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
    expect(a.filter((p) => p.severity === 'error').map((p) => p.line)).toEqual([900]);
    expect(a[198]!.line).toBe(199);
    expect(a[199]!.line).toBe(900);
    expect(a[200]).toMatchObject({ severity: 'warning', code: 'asset-missing', line: 900 });
    expect(a[200]!.message).toMatch(/^… and 301 more problems like these/);
    // Sorting the capped list again caps nothing more.
    const again = sortProblems([...sorted]);
    expect(again).toHaveLength(sorted.length);
    expect(new Set(again)).toEqual(new Set(sorted));
  });

  it('finds lines in reading order, and gives up (null) rather than search without end', () => {
    const text = 'a\nb x\nc\nb y\n';
    expect(lineAt(text, 0)).toBe(1);
    expect(lineAt(text, 1)).toBe(1);
    expect(lineAt(text, 2)).toBe(2);
    expect(lineAt(text, 999)).toBe(5);
    expect(lineOf(text, 'b')).toBe(2);
    expect(lineOf(text, 'b')).toBe(2);
    expect(lineOf(text, 'y')).toBe(4);
    expect(lineOf(text, 'x')).toBe(2);
    expect(lineOf(text, 'missing')).toBeNull();
    expect(lineOf(text, '')).toBeNull();
    // Looked up backwards, each reference would cost a pass over the text: past a budget, lines are unknown.
    const n = 100_000;
    const big = Array.from({ length: n }, (_, i) => `<img src=m${i}>`).join('\n');
    const lines: (number | null)[] = [];
    for (let i = n - 1; i >= 0; i--) lines.push(lineOf(big, `=m${i}>`));
    expect(lines[0]).toBe(n);
    expect(lines[1]).toBe(n - 1);
    expect(lines.at(-1)).toBeNull();
  });
});
