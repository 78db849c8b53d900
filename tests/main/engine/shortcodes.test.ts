import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../main/engine/markdown';
import { expandShortcodes, fillPlaceholders, type ShortcodeContext } from '../../../main/engine/shortcodes';

interface Reported {
  code: string;
  message: string;
  line: number;
}

function render(body: string, options: Partial<ShortcodeContext> = {}) {
  const reported: Reported[] = [];
  const expansion = expandShortcodes(body, 10, {
    resolveRef: (target) =>
      target.startsWith('missing') ? null : `/stands/demo/${target.replace(/\.md$/, '')}/`,
    param: (name) => (name === 'venue' ? 'Pier <4>' : undefined),
    report: (code, message, line) => reported.push({ code, message, line }),
    ...options,
  });
  const html = fillPlaceholders(renderMarkdown(expansion.text), expansion);
  return { html, reported };
}

describe('Hugo shortcodes', () => {
  it('renders figure like Hugo, caption as Markdown', () => {
    const { html, reported } = render(
      '{{< figure src="/stands/demo/a.png" caption="A *fine* boat" width="50%" >}}\n',
    );
    expect(html).toContain('<figure><img src="/stands/demo/a.png" alt="A fine boat" width="50%" />');
    expect(html).toContain('<figcaption><p>A <em>fine</em> boat</p></figcaption></figure>');
    expect(html).not.toContain('<p><figure>');
    expect(reported).toEqual([]);
  });

  it('turns relref and ref into the target page URL, inside Markdown links', () => {
    const { html } = render('[Next]({{< relref "intro.md" >}}) and [other]({{% ref "extra" %}})\n');
    expect(html).toContain('<a href="/stands/demo/intro/">Next</a>');
    expect(html).toContain('<a href="/stands/demo/extra/">other</a>');
  });

  it('reports a relref to a page that does not exist', () => {
    const { html, reported } = render('[x]({{< relref "missing.md" >}})\n');
    expect(reported).toEqual([expect.objectContaining({ code: 'link-broken', line: 10 })]);
    expect(html).not.toContain('{{');
  });

  it('turns remote embeds into links and reports them', () => {
    const { html, reported } = render('Intro\n\n{{< youtube dQw4w9WgXcQ >}}\n\n{{< vimeo id="12345" >}}\n');
    expect(html).toContain('href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"');
    expect(html).toContain('href="https://vimeo.com/12345"');
    expect(html).not.toContain('<iframe');
    expect(reported.map((r) => [r.code, r.line])).toEqual([
      ['remote-media', 12],
      ['remote-media', 14],
    ]);
  });

  it('renders highlight blocks as escaped code', () => {
    const { html } = render('{{< highlight go >}}\nif a < b { return "<b>" }\n{{< /highlight >}}\n');
    expect(html).toContain(
      '<pre><code class="language-go">if a &lt; b { return &quot;&lt;b&gt;&quot; }</code></pre>',
    );
  });

  it('renders param from the page, escaped, and reports a missing one', () => {
    expect(render('At {{< param venue >}}.\n').html).toContain('At Pier &lt;4&gt;.');
    const { html, reported } = render('At {{< param nowhere >}}.\n');
    expect(html).toContain('<p>At .</p>');
    expect(reported[0]!.code).toBe('shortcode-invalid');
  });

  it('keeps the inner text of an unknown paired shortcode and reports it', () => {
    const { html, reported } = render('{{< notice warning >}}\nMind the **gap**.\n{{< /notice >}}\n');
    expect(html).toContain('Mind the <strong>gap</strong>.');
    expect(html).not.toContain('notice');
    expect(reported).toEqual([expect.objectContaining({ code: 'shortcode-unknown', line: 10 })]);
  });

  it('leaves out a broken shortcode, never showing its syntax, and reports its line', () => {
    const { html, reported } = render(
      '# Team\n\n{{< figure src="/stands/demo/team.jpg>}}\n\n## Alice\n\nText with "quotes".\n',
    );
    expect(html).not.toContain('{{');
    expect(html).not.toContain('team.jpg');
    expect(html).toContain('<h2 id="alice">Alice</h2>');
    expect(html).toContain('Text with &quot;quotes&quot;.');
    expect(reported).toEqual([expect.objectContaining({ code: 'shortcode-invalid', line: 12 })]);
    expect(reported[0]!.message).toMatch(/line 12/);
  });

  it('reports a stray closing shortcode and one that never ends', () => {
    expect(render('{{< /figure >}}\n').reported[0]!.code).toBe('shortcode-invalid');
    expect(render('{{< figure src="a.png"').reported[0]!.code).toBe('shortcode-invalid');
  });

  it('shows escaped shortcode syntax as text, the way Hugo documents it', () => {
    const { html, reported } = render('Write {{</* figure src="x.png" */>}} in your page.\n');
    expect(html).toContain('Write {{&lt; figure src=&quot;x.png&quot; &gt;}} in your page.');
    expect(reported).toEqual([]);
  });

  it('leaves text without shortcodes untouched', () => {
    const expansion = expandShortcodes('Plain {{ braces }} text', 1, {
      resolveRef: () => null,
      param: () => undefined,
      report: () => undefined,
    });
    expect(expansion.text).toBe('Plain {{ braces }} text');
  });
});
