// Hostile files built to make the engine work in quadratic time or worse (one line lookup per reference,
// regexes that backtrack, parsers that compare every key with every other). Each used to take minutes;
// each must now be indexed or parsed well inside the test's default timeout, with its problems reported.
import { describe, expect, it, vi } from 'vitest';
import { parseFrontMatter } from '../../../main/engine/front-matter';
import { processHtml } from '../../../main/engine/html-refs';
import { plainText } from '../../../main/engine/plain-text';
import { looksLikeHtml, renderMarkdown, renderRichField } from '../../../main/engine/markdown';
import { expandShortcodes } from '../../../main/engine/shortcodes';
import { lineAt, lineOf, MAX_PROBLEMS_PER_FILE, sortProblems } from '../../../main/engine/problems';
import type { Problem } from '../../../main/engine/types';
import { engineFor, page, tempSite } from './helpers';

const ok = page('title: Fine\nshow_on_overview: true', 'Still here.\n');
const EVIL = 'content/stands/evil/_index.md';

async function indexEvil(body: string, fields = 'title: Evil\nshow_on_overview: true') {
  const root = tempSite({ [EVIL]: page(fields, body), 'content/stands/fine.md': ok });
  const engine = await engineFor();
  const outcome = await engine.indexFolder(root);
  const slugs = engine.listAllStands(outcome.collection.id).map((stand) => stand.slug);
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

describe('front matter built to be slow', () => {
  const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}: 1`).join('\n');

  it('refuses a block over 256 KiB unread (60,000 keys), keeping the page', async () => {
    const { slugs, mine } = await indexEvil(
      'hello\n',
      `title: Evil\nshow_on_overview: true\n${keys(60_000)}`,
    );
    expect(slugs).toEqual(['evil', 'fine']);
    const issue = mine.find((p) => p.code === 'front-matter-invalid')!;
    expect(issue).toMatchObject({ severity: 'error', line: 1 });
    expect(issue.message).toBe(
      'The front matter is too large to read (576 KiB; at most 256 KiB), so none of its fields were used. Move long text into the page itself.',
    );
    const limited = parseFrontMatter(`---\n${keys(100)}\n---\nbody\n`, 100, 500);
    expect(limited.issues[0]!.message).toMatch(/too large to read \(694 bytes; at most 500 bytes\)/);
    expect(limited.body).toBe('body\n');
    expect(parseFrontMatter(`{"a": "${'x'.repeat(300_000)}"}\nbody`, 100).issues[0]!.message).toMatch(
      /too large to read \(293 KiB; at most 256 KiB\)/,
    );
  });

  it('takes the limit from the engine options', async () => {
    const root = tempSite({ [EVIL]: page(`title: Evil\n${keys(50)}`, 'hello\n') });
    const engine = await engineFor({ limits: { maxFrontMatterBytes: 300 } });
    const { problems } = await engine.indexFolder(root);
    expect(problems.find((p) => p.code === 'front-matter-invalid')!.message).toMatch(
      /too large to read \(\d+ bytes; at most 300 bytes\)/,
    );
  });

  it('reads 25,000 keys without comparing each with every other', () => {
    const block = parseFrontMatter(`---\n${keys(25_000)}\n---\n`, 100);
    expect(block.data.k0).toBe(1);
    expect(block.data.k19000).toBe(1);
    expect(block.issues.map((i) => i.message)).toEqual([
      'The front matter is far too large (more than 20000 values); only its beginning was read. Shorten it.',
    ]);
  });

  it('reads a flow map of 19,000 keys', () => {
    const flow = parseFrontMatter(`---\na: {${keys(19_000).replaceAll('\n', ', ')}}\n---\n`, 100);
    expect(flow.issues).toEqual([]);
    expect(Object.keys(flow.data.a as object)).toHaveLength(19_000);
  });

  it('still refuses duplicate keys at any depth, naming the line', () => {
    const lineOfDuplicate = (yaml: string) => {
      const result = parseFrontMatter(`---\n${yaml}\n---\n`, 100);
      expect(result.data).toEqual({});
      expect(result.issues[0]!.message).toMatch(/Map keys must be unique/);
      return result.issues[0]!.line;
    };
    expect(lineOfDuplicate('a: 1\nb: 2\na: 3')).toBe(4);
    expect(lineOfDuplicate('a:\n  x: 1\n  y: 2\n  x: 3\nb: 1\nb: 2')).toBe(5);
    expect(lineOfDuplicate('a: {x: 1, x: 2}')).toBe(2);
    expect(lineOfDuplicate('? \n: 1\n? \n: 2')).toBeGreaterThanOrEqual(4);
    // Keys differing in case are different keys to YAML (Hugo then reads the first).
    expect(parseFrontMatter('---\na: 1\nA: 2\n---\n', 100).data).toEqual({ a: 1 });
  });

  it('stops at the first YAML error of 120,000', () => {
    const broken = parseFrontMatter(`---\ntitle: x\n${'b\n'.repeat(120_000)}---\n`, 100);
    expect(broken.issues).toEqual([
      {
        code: 'front-matter-invalid',
        message:
          'The front matter of this page could not be read: Implicit map keys need to be followed by map values on line 3. Fix the YAML between the --- lines.',
        line: 3,
      },
    ]);
  });

  it('retries 120,000 unindented lines of a quoted value quickly', () => {
    const quoted = parseFrontMatter(`---\ntitle: "a\n${'b\n'.repeat(120_000)}"\n---\n`, 100);
    expect(quoted.issues).toEqual([]);
    expect((quoted.data.title as string).replaceAll(' ', '')).toBe(`a${'b'.repeat(120_000)}`);
  });
});

describe('Markdown built to make regexes backtrack', () => {
  it('renders a heading with a million spaces, and still reads a trailing {#id}', () => {
    expect(renderMarkdown(`# a${' '.repeat(1_000_000)}b\n`)).toMatch(/^<h1 id="a-b">a {1000000}b<\/h1>\n$/);
    expect(renderMarkdown(`# a${' '.repeat(1_000_000)}{#x}\n`)).toBe('<h1 id="x">a</h1>\n');
    expect(renderMarkdown('# Title  {#custom-id}  \n## Same\n## Same\n## {#}\n')).toBe(
      '<h1 id="custom-id">Title</h1>\n<h2 id="same">Same</h2>\n<h2 id="same-1">Same</h2>\n<h2 id="heading">{#}</h2>\n',
    );
  });

  it('tells HTML from Markdown in a field of 600,000 unclosed tags', () => {
    const unclosed = '<p '.repeat(600_000);
    expect(looksLikeHtml(unclosed)).toBe(false);
    expect(looksLikeHtml(`${unclosed}>`)).toBe(true);
    expect(looksLikeHtml('a <em>b</em>')).toBe(true);
    expect(looksLikeHtml('a < b > c')).toBe(false);
    // Markdown keeps raw HTML, which the renderer sanitizes.
    expect(renderRichField(unclosed)).toMatch(/^<p <p <p /);
  });
});

describe('HTML built to make the text pass or the parser slow', () => {
  const reports: string[] = [];
  const ctx = {
    resolve: (ref: { path: string }) =>
      ref.path === 'ok.png'
        ? { type: 'url' as const, url: 'stand-asset://c/ok.png' }
        : { type: 'missing' as const },
    report: (code: string, ref: string) => {
      reports.push(`${code} ${ref}`);
    },
  };

  it('reads the text of 300,000 unclosed style or script tags and 400,000 unclosed comments in one pass', () => {
    // Each unclosed hidden element once searched the rest of the page for its end: minutes here.
    expect(plainText(`<div>kept${'<style>'.repeat(300_000)}`)).toBe('kept');
    expect(plainText(`kept${'<script type="x">'.repeat(100_000)}${'<svg>'.repeat(100_000)}`)).toBe('kept');
    const comments = '<!--'.repeat(400_000);
    expect(plainText(comments)).toBe(comments);
    expect(plainText('<'.repeat(1_000_000)).length).toBe(1_000_000);
    expect(
      plainText('a<!-- x -->b<STYLE>p{}</style >c<p class="x">d</p>e &amp; &#x41;<!-- never closed'),
    ).toBe('a b c d e & A<!-- never closed');
    expect(plainText('<script>1<2</script>x<svg><text>no</text></svg>y<b>z')).toBe('x y z');
  });

  it('parses 300,000 unclosed tags and as many unmatched closing tags, rewriting what follows', () => {
    reports.length = 0;
    const deep = `${'<div>'.repeat(300_000)}${'</span>'.repeat(300_000)}<img src="ok.png"><img src="gone.png"><script>x</script>after`;
    const result = processHtml(deep, ctx, true);
    expect(result.html.endsWith('</span><img src="stand-asset://c/ok.png"><img>after')).toBe(true);
    expect(result.text).toBe('after');
    expect(reports).toEqual(['asset-missing gone.png', 'script-removed ']);
  });

  it('rewrites references at any depth, across the parser starting afresh', () => {
    reports.length = 0;
    const levels = 1000;
    let html = '';
    for (let i = 0; i < levels; i++)
      html += i % 300 === 0 ? `<div><img src="ok.png"><a href="m${i}">t</a>` : '<div>';
    const result = processHtml(`${html}<script>bad()</script>${'</div>'.repeat(levels)}`, ctx, true);
    expect(result.html.match(/stand-asset:\/\/c\/ok\.png/g)).toHaveLength(4);
    expect(result.html).not.toContain('script');
    expect(reports).toEqual([
      'link-broken m0',
      'link-broken m300',
      'link-broken m600',
      'link-broken m900',
      'script-removed ',
    ]);
  });

  it('finds references after a million spaces, and reads a srcset with a million spaces', () => {
    reports.length = 0;
    const spaced = processHtml(`<${' '.repeat(1_000_000)}x <img src="ok.png">`, ctx);
    expect(spaced.html.endsWith('<img src="stand-asset://c/ok.png">')).toBe(true);
    const srcset = processHtml(`<img srcset="ok.png${' '.repeat(1_000_000)}2x , gone.png 1x">`, ctx);
    expect(srcset.html).toMatch(/^<img srcset="stand-asset:\/\/c\/ok\.png {1000000}2x">$/);
    expect(reports).toEqual(['asset-missing gone.png']);
  });
});

describe('shortcodes built to be slow', () => {
  function expand(body: string) {
    const reports: { code: string; line: number }[] = [];
    const expansion = expandShortcodes(body, 1, {
      resolveRef: () => null,
      param: () => undefined,
      report: (code, _message, line) => reports.push({ code, line }),
    });
    return { ...expansion, reports };
  }

  it('numbers the lines of 1,000 shortcodes after a million lines', () => {
    const { reports } = expand(`${'\n'.repeat(1_000_000)}${'{{< unknown >}}\n'.repeat(1000)}`);
    expect(reports).toHaveLength(1000);
    expect(reports[0]).toEqual({ code: 'shortcode-unknown', line: 1_000_001 });
    expect(reports[999]).toEqual({ code: 'shortcode-unknown', line: 1_001_000 });
  });

  it('reads 1,000 broken escaped shortcodes before a million spaces', () => {
    const { text, reports } = expand(`${'{{</*}}'.repeat(1000)}*/${' '.repeat(1_000_000)}x`);
    expect(reports).toHaveLength(1000);
    expect(reports.every((r) => r.code === 'shortcode-invalid')).toBe(true);
    expect(text.endsWith(' x')).toBe(true);
  });

  it('makes alt text of 40 captions of 9,000 unclosed tags', () => {
    const figure = `{{< figure src="a.png" caption="${'<'.repeat(9000)}" >}}\n`;
    const { outputs, reports } = expand(figure.repeat(40));
    expect(reports).toEqual([]);
    expect(outputs).toHaveLength(40);
    expect(outputs[0]).toContain(`alt="${'&lt;'.repeat(9000)}"`);
    const tidy = expand('{{< figure src="a.png" caption="A <b>bold</b> *claim* <" >}}').outputs[0];
    expect(tidy).toContain('alt="A bold claim &lt;"');
  });

  it('refuses quoted values and tags that are far too long', () => {
    const long = expand(`{{< figure src="a.png" caption="${'x'.repeat(20_000)}" >}}`);
    expect(long.reports).toEqual([{ code: 'shortcode-invalid', line: 1 }]);
    const values = Array.from({ length: 30 }, () => `"${'y'.repeat(1000)}"`).join(' ');
    expect(expand(`{{< x ${values} >}}`).reports).toEqual([{ code: 'shortcode-invalid', line: 1 }]);
  });
});

describe('search built to be slow', () => {
  it('cuts a page of 100,000 Chinese characters without punctuation into words a piece at a time', async () => {
    // ICU's dictionary takes time with the square of what it is given, and far more past ~65,000
    // characters: this page took minutes to index, and as long again for each search that found it.
    const sentence = '我们的项目是一个开源软件';
    const run = `${sentence.repeat(8350)}设备${sentence.repeat(8)}`;
    const root = tempSite({
      [EVIL]: page('title: Evil\nshow_on_overview: true', `${run}\n`),
      'content/stands/fine.md': ok,
    });
    const segment = vi.spyOn(Intl.Segmenter.prototype, 'segment');
    try {
      const engine = await engineFor();
      const { collection } = await engine.indexFolder(root);
      const groups = engine.search(collection.id, '设备');
      expect(groups.map((group) => group.stand)).toEqual(['evil']);
      const hit = groups[0]!.hits[0]!;
      expect(hit.highlights.map(([start, end]) => hit.snippet.slice(start, end))).toEqual(['设备']);
      expect(segment).toHaveBeenCalled();
      const longest = Math.max(...segment.mock.calls.map(([text]) => String(text).length));
      expect(longest).toBeLessThanOrEqual(1000);
    } finally {
      segment.mockRestore();
    }
  }, 20_000);
});
