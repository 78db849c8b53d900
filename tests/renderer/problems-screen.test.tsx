// The Problems screen names each problem's stand; it links the stand only when the stand opens, so an
// organiser is never sent from a draft's or a page-less stand's problem to a "There is no stand" screen.
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { ListedProblem } from '../../main/engine/types';
import { renderHost } from './render-host';

const problem = (stand: string | null, standOpens: boolean): ListedProblem => ({
  collection: 'demo',
  file: stand ? `content/stands/${stand}.md` : 'content/themes/tools/_index.md',
  line: 3,
  severity: 'warning',
  code: 'link-broken',
  message: 'This link leads nowhere.',
  stand,
  standOpens,
  standTitle: stand && `${stand[0]!.toUpperCase()}${stand.slice(1)} Project`,
  page: null,
});

const listed = vi.hoisted(() => ({ problems: null as ListedProblem[] | null }));

vi.mock('../../renderer/src/api', () => ({
  hasApi: true,
  api: {
    listProblems: () =>
      Promise.resolve(
        listed.problems ?? [
          problem('open', true),
          problem('drafty', false),
          problem('pageless', false),
          problem(null, false),
        ],
      ),
    onEvent: () => () => undefined,
  },
}));

vi.mock('../../renderer/src/hooks/app-state', async () =>
  (await import('./fakes')).appStateModule({ organiser: true }),
);

const { ProblemsScreen } = await import('../../renderer/src/screens/ProblemsScreen');

const host = renderHost();

describe('the Problems screen', () => {
  it('links a stand that opens and names one that does not as text', async () => {
    await host.render(<ProblemsScreen collection="demo" filter={{ severity: '', stand: '', code: '' }} />);
    await act(async () => undefined);
    const cells = [...host.element.querySelectorAll('tbody tr')].map((row) => row.children[1]!);
    expect(cells.map((cell) => cell.querySelector('a')?.getAttribute('href') ?? null)).toEqual([
      '#/c/demo/stands/open',
      null,
      null,
      null,
    ]);
    // By title, as organisers know their stands; the Stand filter too, in the order of the titles.
    expect(cells.map((cell) => cell.textContent)).toEqual([
      'Open Project',
      'Drafty Project (not published)',
      'Pageless Project (not published)',
      '—',
    ]);
    const stands = [...host.element.querySelectorAll<HTMLOptionElement>('#sa-filter-stand option')];
    expect(stands.map((option) => [option.value, option.textContent])).toEqual([
      ['', 'All stands'],
      ['-', 'Not about one stand'],
      ['drafty', 'Drafty Project'],
      ['open', 'Open Project'],
      ['pageless', 'Pageless Project'],
    ]);
  });

  it('writes out the bidi controls and line breaks of a file name and a message, rather than acting on them', async () => {
    listed.problems = [
      {
        ...problem('open', true),
        file: 'content/stands/open/evil\u202Egnp.exe\n.md',
        message: 'The image "cat\u2066x.png" is on the internet.',
      },
    ];
    await host.render(<ProblemsScreen collection="demo" filter={{ severity: '', stand: '', code: '' }} />);
    await act(async () => undefined);
    listed.problems = null;
    const cells = [...host.element.querySelectorAll('tbody tr')].map((row) => [...row.children]);
    expect(cells).toHaveLength(1);
    expect(cells[0]![2]!.textContent).toBe('content/stands/open/evil\\u202Egnp.exe\\u000A.md:3');
    expect(cells[0]![3]!.textContent).toBe('link-broken The image "cat\\u2066x.png" is on the internet.');
  });

  it('names each kind of problem in the Kind filter in words, with its code as check prints it', async () => {
    listed.problems = [
      { ...problem('open', true), code: 'remote-image' },
      problem('open', true),
      { ...problem(null, false), code: 'theme-without-page' },
    ];
    try {
      await host.render(<ProblemsScreen collection="demo" filter={{ severity: '', stand: '', code: '' }} />);
      await act(async () => undefined);
      const kinds = [...host.element.querySelectorAll<HTMLOptionElement>('#sa-filter-code option')];
      expect(kinds.map((option) => [option.value, option.textContent])).toEqual([
        ['', 'All kinds'],
        ['link-broken', 'Broken links (link-broken)'],
        ['remote-image', 'Images on the internet (remote-image)'],
        ['theme-without-page', 'Themes without a page (theme-without-page)'],
      ]);
    } finally {
      listed.problems = null;
    }
  });

  it('keeps showing a kind carried over from another edition that has none of it, rather than a blank filter', async () => {
    // Switching edition keeps the Kind filter; this edition has no broken links.
    listed.problems = [{ ...problem('open', true), code: 'remote-image' }];
    try {
      await host.render(
        <ProblemsScreen collection="demo" filter={{ severity: '', stand: '', code: 'link-broken' }} />,
      );
      await act(async () => undefined);
      const kind = host.element.querySelector<HTMLSelectElement>('#sa-filter-code')!;
      expect(kind.value).toBe('link-broken');
      expect(kind.selectedOptions[0]?.textContent).toBe('Broken links (link-broken)');
      expect(host.element.querySelector('.sa-empty')?.textContent).toBe('No problem matches these filters.');
    } finally {
      listed.problems = null;
    }
  });

  it("leads from a problem in a stand's page to that page, when it opens", async () => {
    listed.problems = [
      {
        ...problem('open', true),
        file: 'content/stands/open/faq.md',
        page: { slug: 'faq', title: 'Questions', opens: true },
      },
      {
        ...problem('open', true),
        file: 'content/stands/open/notes.md',
        page: { slug: 'notes', title: 'Notes', opens: false },
      },
    ];
    try {
      await host.render(<ProblemsScreen collection="demo" filter={{ severity: '', stand: '', code: '' }} />);
      await act(async () => undefined);
      const cells = [...host.element.querySelectorAll('tbody tr')].map((row) => row.children[1]!);
      expect(cells.map((cell) => cell.textContent)).toEqual([
        'Open Project › Questions',
        'Open Project › Notes (not published)',
      ]);
      expect(cells.map((cell) => [...cell.querySelectorAll('a')].map((a) => a.getAttribute('href')))).toEqual(
        [['#/c/demo/stands/open', '#/c/demo/stands/open/faq'], ['#/c/demo/stands/open']],
      );
    } finally {
      listed.problems = null;
    }
  });

  it('tells two stands of one title apart in the Stand filter by their folders', async () => {
    listed.problems = [
      { ...problem('matrix', true), standTitle: 'Matrix' },
      { ...problem('matrix-2', true), standTitle: 'Matrix' },
    ];
    try {
      await host.render(<ProblemsScreen collection="demo" filter={{ severity: '', stand: '', code: '' }} />);
      await act(async () => undefined);
      const stands = [...host.element.querySelectorAll<HTMLOptionElement>('#sa-filter-stand option')];
      const named = stands.slice(2).map((option) => [option.value, option.textContent]);
      expect(named.sort()).toEqual([
        ['matrix', 'Matrix (matrix)'],
        ['matrix-2', 'Matrix (matrix-2)'],
      ]);
    } finally {
      listed.problems = null;
    }
  });
});
