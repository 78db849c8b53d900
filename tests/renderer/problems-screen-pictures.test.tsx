// The Problems screen also looks at the edition's pictures (which indexing never reads) in the background,
// saying so while it looks, and lists those the app will not draw with the other problems; again after
// the edition was updated, and never at a locked kiosk.
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Collection, ListedProblem } from '../../main/engine/types';
import type { AppState } from '../../renderer/src/hooks/app-state';
import { renderHost } from './render-host';

const problem = (fields: Partial<ListedProblem>): ListedProblem => ({
  collection: 'demo',
  file: 'content/stands/open.md',
  line: 3,
  severity: 'error',
  code: 'front-matter-invalid',
  message: 'The front matter cannot be read.',
  stand: 'open',
  standOpens: true,
  standTitle: 'Open Project',
  page: null,
  ...fields,
});

const picture = problem({
  file: 'content/stands/lantern/_index.md',
  line: null,
  severity: 'warning',
  code: 'picture-not-shown',
  message: 'The picture static/stands/lantern/map.png: This picture is 20,000 × 20,000 pixels.',
  stand: 'lantern',
  standTitle: 'Lantern OS',
});

const edition = (id: string, indexedAt: string): Collection => ({
  id,
  root: `/stands/${id}`,
  name: id,
  year: null,
  indexedAt,
  available: true,
  counts: { stands: 2, listedStands: 2, pages: 0, themes: 0, assets: 1, errors: 1, warnings: 0 },
});

const bridge = vi.hoisted(() => ({
  asked: [] as { collection: string; answer: (problems: ListedProblem[]) => void }[],
}));

vi.mock('../../renderer/src/api', () => ({
  hasApi: true,
  api: {
    listProblems: () => Promise.resolve([problem({})]),
    listPictureProblems: (collection: string) =>
      new Promise<ListedProblem[]>((resolve) => bridge.asked.push({ collection, answer: resolve })),
    onEvent: () => () => undefined,
  },
}));

const state = vi.hoisted(() => ({ current: {} as Partial<AppState> }));
vi.mock('../../renderer/src/hooks/app-state', async () => {
  const fake = (await import('./fakes')).appStateModule();
  return { ...fake, useAppState: () => ({ ...fake.useAppState(), ...state.current }) };
});

const { ProblemsScreen } = await import('../../renderer/src/screens/ProblemsScreen');

const host = renderHost();
const noFilter = { severity: '', stand: '', code: '' };
const rows = () =>
  [...host.element.querySelectorAll('tbody tr')].map((row) => [
    row.children[0]!.textContent,
    row.children[1]!.querySelector('a')?.getAttribute('href') ?? row.children[1]!.textContent,
    row.children[3]!.querySelector('.sa-code')?.textContent,
  ]);
const status = () => [...host.element.querySelectorAll('[role="status"]')].map((p) => p.textContent);

afterEach(() => {
  bridge.asked = [];
  state.current = {};
});

describe('the Problems screen and the pictures the app will not draw', () => {
  it("looks at the edition's pictures in the background, saying so, then lists those it will not draw", async () => {
    state.current = { organiser: true, collections: [edition('demo', '2026-11-22T10:00:00.000Z')] };
    await host.render(<ProblemsScreen collection="demo" filter={noFilter} />);
    await act(async () => undefined);
    expect(bridge.asked.map((a) => a.collection)).toEqual(['demo']);
    // The index's problems show at once; the look at the pictures is said, not waited for.
    expect(rows()).toEqual([['error', '#/c/demo/stands/open', 'front-matter-invalid']]);
    expect(status()).toEqual([
      '1 problem shown (1 error, 0 warnings) of 1.',
      'Looking at the pictures of this edition’s stands…',
    ]);

    await act(async () => bridge.asked[0]!.answer([picture]));
    expect(rows()).toEqual([
      ['error', '#/c/demo/stands/open', 'front-matter-invalid'],
      ['warning', '#/c/demo/stands/lantern', 'picture-not-shown'],
    ]);
    expect(status()).toEqual(['2 problems shown (1 error, 1 warning) of 2.']);
    const kinds = [...host.element.querySelectorAll<HTMLOptionElement>('#sa-filter-code option')];
    expect(kinds.map((option) => option.value)).toContain('picture-not-shown');
    const stands = [...host.element.querySelectorAll<HTMLOptionElement>('#sa-filter-stand option')];
    expect(stands.map((option) => [option.value, option.textContent])).toContainEqual([
      'lantern',
      'Lantern OS',
    ]);
  });

  it('filters them by kind and stand as the other problems', async () => {
    state.current = { organiser: true, collections: [edition('demo', '2026-11-22T10:00:00.000Z')] };
    await host.render(
      <ProblemsScreen collection="demo" filter={{ ...noFilter, code: 'picture-not-shown' }} />,
    );
    await act(async () => bridge.asked[0]!.answer([picture]));
    expect(rows()).toEqual([['warning', '#/c/demo/stands/lantern', 'picture-not-shown']]);
    await host.render(<ProblemsScreen collection="demo" filter={{ ...noFilter, stand: 'open' }} />);
    expect(rows()).toEqual([['error', '#/c/demo/stands/open', 'front-matter-invalid']]);
  });

  it('looks again after a live update of this edition, keeping what it found meanwhile, and not for another edition', async () => {
    state.current = {
      organiser: true,
      collections: [
        edition('demo', '2026-11-22T10:00:00.000Z'),
        edition('other', '2026-11-22T10:00:00.000Z'),
      ],
    };
    await host.render(<ProblemsScreen collection="demo" filter={noFilter} />);
    await act(async () => bridge.asked[0]!.answer([picture]));
    /** A live update arrives: the app's state names the two editions as indexed at these times. */
    const updated = async (revision: number, demo: string, other: string) => {
      state.current = {
        ...state.current,
        revision,
        collections: [edition('demo', demo), edition('other', other)],
      };
      await host.render(<ProblemsScreen collection="demo" filter={noFilter} />);
    };

    // Another edition was updated: nothing to look at again here.
    await updated(1, '2026-11-22T10:00:00.000Z', '2026-11-22T10:05:00.000Z');
    expect(bridge.asked).toHaveLength(1);

    // This edition was: looked at again, the picture found before still listed until the answer comes.
    await updated(2, '2026-11-22T10:06:00.000Z', '2026-11-22T10:05:00.000Z');
    expect(bridge.asked).toHaveLength(2);
    expect(status()).toContain('Looking at the pictures of this edition’s stands…');
    expect(rows()).toHaveLength(2);
    // The picture was made smaller.
    await act(async () => bridge.asked[1]!.answer([]));
    expect(rows()).toEqual([['error', '#/c/demo/stands/open', 'front-matter-invalid']]);
    expect(status()).toEqual(['1 problem shown (1 error, 0 warnings) of 1.']);
  });

  it('does not look at a locked kiosk', async () => {
    state.current = { organiser: false, collections: [edition('demo', '2026-11-22T10:00:00.000Z')] };
    await host.render(<ProblemsScreen collection="demo" filter={noFilter} />);
    await act(async () => undefined);
    expect(bridge.asked).toEqual([]);
  });
});
