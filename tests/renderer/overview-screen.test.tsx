// The overview asks for a first screen of cards, then for all of them; after a live update it must count
// and show what the newest answers hold, never a whole list left from before.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Collection, CollectionCounts, StandCard } from '../../main/engine/types';

const state = vi.hoisted(() => ({
  revision: 0,
  stands: [] as StandCard[],
  asked: [] as (number | undefined)[],
  unanswered: [] as (() => void)[],
  collections: null as Collection[] | null,
  organiser: false,
}));

vi.mock('../../renderer/src/api', () => ({
  api: {
    listStands: (_collection: string, first?: number) => {
      state.asked.push(first);
      const answer = first === undefined ? state.stands : state.stands.slice(0, first);
      return new Promise((resolve) => state.unanswered.push(() => resolve(answer)));
    },
  },
}));

vi.mock('../../renderer/src/hooks/app-state', () => ({
  // No collection info unless a test gives it: the count comes from the answers alone.
  useAppState: () => ({
    collections: state.collections,
    revision: state.revision,
    organiser: state.organiser,
  }),
}));

// The grid measures the window (ResizeObserver, which jsdom lacks): what it is handed is what matters here.
vi.mock('../../renderer/src/components/StandGrid', () => ({
  StandGrid: ({ stands }: { stands: StandCard[] }) => <output className="grid">{stands.length}</output>,
}));

const { OverviewScreen } = await import('../../renderer/src/screens/OverviewScreen');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const standsOf = (n: number): StandCard[] =>
  Array.from({ length: n }, (_, i) => ({ slug: `s${i}`, title: `Stand ${i}` }) as StandCard);

let root: Root;
let host: HTMLElement;

async function show(): Promise<void> {
  await act(async () => root.render(<OverviewScreen collection="demo" />));
  // One answer at a time, in order, as IPC answers arrive: the page renders in between.
  while (state.unanswered.length > 0) await act(async () => state.unanswered.shift()!());
}

const lede = () => host.querySelector('.sa-lede')?.textContent ?? '';
const cards = () => Number(host.querySelector('.grid')?.textContent);

beforeEach(() => {
  state.revision = 0;
  state.asked = [];
  state.unanswered = [];
  state.collections = null;
  state.organiser = false;
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

describe('OverviewScreen', () => {
  it('asks for the first cards, then for all of them, and counts them all', async () => {
    state.stands = standsOf(250);
    await show();
    expect(state.asked).toEqual([200, undefined]);
    expect(lede()).toContain('250 stands');
    expect(cards()).toBe(250);
  });

  it('asks once when the first answer holds every stand', async () => {
    state.stands = standsOf(30);
    await show();
    expect(state.asked).toEqual([200]);
    expect(lede()).toContain('30 stands');
    expect(cards()).toBe(30);
  });

  it('counts the newest list when a live update leaves fewer stands than the first answer holds', async () => {
    state.stands = standsOf(250);
    await show();
    expect(lede()).toContain('250 stands');
    state.stands = standsOf(40);
    state.revision = 1;
    await show();
    expect(lede()).toContain('40 stands');
    expect(cards()).toBe(40);
  });

  it('says why the overview is empty when the collection has stands but none is listed', async () => {
    const counts = (stands: number): CollectionCounts => ({
      stands,
      listedStands: 0,
      pages: 0,
      themes: 1,
      assets: 0,
      errors: 0,
      warnings: 0,
    });
    const empty = () => host.querySelector('.sa-empty')?.textContent ?? '';
    state.stands = [];
    state.collections = [{ id: 'demo', name: 'Demo', counts: counts(3) } as Collection];
    await show();
    expect(empty()).toBe(
      'This collection has 3 stands, but none is marked to be shown on the overview (show_on_overview in their front matter).',
    );
    state.collections = [{ id: 'demo', name: 'Demo', counts: counts(0) } as Collection];
    state.revision = 1;
    await show();
    expect(empty()).toBe('This collection has no stands to show yet.');
  });
});

describe('OverviewScreen of a collection whose folder cannot be read', () => {
  const away = (counts: Partial<CollectionCounts>, indexedAt: string): Collection =>
    ({
      id: 'demo',
      name: 'Demo',
      root: '/media/usb/stands',
      available: false,
      indexedAt,
      counts: { stands: 0, listedStands: 0, ...counts },
    }) as Collection;
  const empty = () => host.querySelector('.sa-empty')?.textContent ?? '';
  const notice = () => host.querySelector('.sa-notice')?.textContent ?? '';

  it('says its folder could not be read, not that it has no stands yet', async () => {
    state.stands = [];
    state.collections = [away({}, '')];
    await show();
    expect(empty()).toBe(
      'The folder of this collection could not be read, so there are no stands to show. Once it is back (a USB stick plugged in again), Standalone reads it.',
    );
  });

  it('tells organisers that the stands shown are the last index of a folder that is away', async () => {
    state.stands = standsOf(3);
    state.organiser = true;
    state.collections = [away({ stands: 3, listedStands: 3 }, '2031-02-01T10:00:00.000Z')];
    await show();
    expect(cards()).toBe(3);
    expect(notice()).toContain('The folder /media/usb/stands cannot be read now');
    state.organiser = false;
    state.revision = 1;
    await show();
    expect(notice()).toBe('');
  });
});
