import { describe, expect, it } from 'vitest';
import type { Collection, StandCard, ThemeSummary } from '../../../main/engine/types';
import { attractSlides, plainText } from '../../../renderer/src/kiosk/attract-slides';
import { freshnessText } from '../../../renderer/src/kiosk/FreshnessStamp';
import { createTapCounter, isPinPadShortcut } from '../../../renderer/src/kiosk/gestures';
import { isTypingTarget, typeInto } from '../../../renderer/src/kiosk/OnScreenKeyboard';
import { clearPageTraces, createVisitHistory } from '../../../renderer/src/kiosk/visit';

const stand = (slug: string): StandCard => ({
  collection: 'c',
  slug,
  title: slug.toUpperCase(),
  themes: [],
  logo: null,
  summary: '',
  rendered: true,
});
const theme = (slug: string, standCount = 1): ThemeSummary => ({
  collection: 'c',
  slug,
  title: slug,
  descriptionHtml: '',
  icon: null,
  standCount,
  rendered: true,
});

describe('attractSlides', () => {
  const stands = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map(stand);
  const themes = [theme('web'), theme('empty', 0), theme('os')];
  const order = (slides: ReturnType<typeof attractSlides>) =>
    slides.map((s) => (s.kind === 'stand' ? s.stand.slug : `theme:${s.theme.slug}`));

  it('shows every stand in order with a theme that has stands after every four', () => {
    expect(order(attractSlides(stands, themes, { stands: [], themes: [] }))).toEqual([
      'a',
      'b',
      'c',
      'd',
      'theme:web',
      'e',
      'f',
      'g',
      'h',
      'theme:os',
      'i',
    ]);
  });

  it('shows only the featured stands and themes, in the file’s order, skipping unknown slugs', () => {
    expect(order(attractSlides(stands, themes, { stands: ['g', 'nope', 'b'], themes: ['os'] }))).toEqual([
      'g',
      'b',
      'theme:os',
    ]);
  });

  it('falls back to everything when no featured slug exists, and to themes when there are no stands', () => {
    expect(attractSlides(stands, themes, { stands: ['nope'], themes: [] })).toHaveLength(11);
    expect(order(attractSlides([], themes, { stands: [], themes: [] }))).toEqual(['theme:web', 'theme:os']);
  });
});

describe('plainText', () => {
  it('reads the text of HTML without running or loading anything, and shortens it', () => {
    (window as unknown as { __ran?: boolean }).__ran = false;
    expect(
      plainText(
        '<p>Kernels <b>and</b>\n  boots</p><img src=x onerror="window.__ran=true"><script>window.__ran=true</script>',
      ),
    ).toBe('Kernels and boots');
    expect((window as unknown as { __ran?: boolean }).__ran).toBe(false);
    expect(plainText('x'.repeat(500), 10)).toBe('xxxxxxxxx…');
    expect(plainText('<p>One.</p><p>Two.</p><ul><li>a</li><li>b</li></ul><style>p{}</style>')).toBe(
      'One. Two. a b',
    );
  });
});

describe('gestures', () => {
  it('recognises Ctrl+Alt+Shift+K (or Cmd) on any layout', () => {
    const key = (k: Partial<KeyboardEvent>) => ({
      key: 'K',
      code: 'KeyK',
      ctrlKey: false,
      metaKey: false,
      altKey: false,
      shiftKey: false,
      ...k,
    });
    expect(isPinPadShortcut(key({ ctrlKey: true, altKey: true, shiftKey: true }))).toBe(true);
    expect(isPinPadShortcut(key({ metaKey: true, altKey: true, shiftKey: true }))).toBe(true);
    expect(isPinPadShortcut(key({ key: 'ĸ', ctrlKey: true, altKey: true, shiftKey: true }))).toBe(true);
    expect(isPinPadShortcut(key({ ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(
      isPinPadShortcut(key({ key: 'J', code: 'KeyJ', ctrlKey: true, altKey: true, shiftKey: true })),
    ).toBe(false);
  });

  it('opens on the fifth tap within three seconds, then counts afresh', () => {
    const taps = createTapCounter();
    expect([0, 500, 1000, 1500].map((t) => taps.tap(t))).toEqual([false, false, false, false]);
    expect(taps.tap(2999)).toBe(true);
    expect(taps.tap(3100)).toBe(false);
    const slow = createTapCounter();
    expect([0, 1000, 2000, 3000, 4000, 5000].map((t) => slow.tap(t))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('visit history', () => {
  it('goes back screen by screen, ignores repeats, forgets on clear and stays bounded', () => {
    const visits = createVisitHistory(3);
    expect(visits.canGoBack()).toBe(false);
    visits.moved('/a');
    visits.moved('/a');
    visits.moved('/b');
    expect(visits.back()).toBe('/b');
    expect(visits.back()).toBe('/a');
    expect(visits.back()).toBeNull();
    for (const p of ['/1', '/2', '/3', '/4']) visits.moved(p);
    expect([visits.back(), visits.back(), visits.back(), visits.back()]).toEqual(['/4', '/3', '/2', null]);
    visits.moved('/x');
    visits.clear();
    expect(visits.canGoBack()).toBe(false);
  });

  it('closes open dialogs and blurs the focused field', () => {
    document.body.innerHTML = '<dialog open id="d">Hi</dialog><input id="i">';
    const dialog = document.getElementById('d') as HTMLDialogElement;
    // jsdom has no dialog methods of its own.
    dialog.close = () => dialog.removeAttribute('open');
    const input = document.getElementById('i') as HTMLInputElement;
    input.focus();
    window.scrollTo = () => undefined;
    clearPageTraces(document);
    expect(dialog.open).toBe(false);
    expect(document.activeElement).toBe(document.body);
  });
});

describe('on-screen keyboard typing', () => {
  it('types at the caret, replaces a selection, deletes before the caret, and fires input events', () => {
    document.body.innerHTML = '<input type="search" id="s" value="harbr">';
    const field = document.getElementById('s') as HTMLInputElement;
    const seen: string[] = [];
    field.addEventListener('input', () => seen.push(field.value));
    field.setSelectionRange(4, 4);
    typeInto(field, 'o');
    expect(field.value).toBe('harbor');
    expect(field.selectionStart).toBe(5);
    field.setSelectionRange(0, 6);
    typeInto(field, 'x');
    expect(field.value).toBe('x');
    typeInto(field, null);
    expect(field.value).toBe('');
    typeInto(field, null);
    expect(seen).toEqual(['harbor', 'x', '']);
  });

  it('serves text and search fields, never PINs or read-only fields', () => {
    document.body.innerHTML =
      '<input id="t"><input type="search" id="s"><input type="password" id="p"><input readonly id="r"><button id="b"></button>';
    const byId = (id: string) => document.getElementById(id);
    expect(['t', 's', 'p', 'r', 'b'].map((id) => isTypingTarget(byId(id)))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe('freshnessText', () => {
  const collection = (indexedAt: string, available = true): Collection => ({
    id: 'lantern-2031',
    root: '/x',
    name: 'Lantern Conference 2031 Stands',
    year: 2031,
    indexedAt,
    available,
    counts: { stands: 1, listedStands: 1, pages: 0, themes: 0, assets: 0, errors: 0, warnings: 0 },
  });
  const now = new Date('2031-02-20T12:00:00Z');

  it('names the event and the indexing time, and marks a stale or unavailable kiosk', () => {
    const fresh = freshnessText(collection('2031-02-19T12:00:00Z'), now);
    expect(fresh.stale).toBe(false);
    expect(fresh.text).toMatch(/^Lantern Conference 2031 · indexed .+2031/);
    const stale = freshnessText(collection('2031-01-01T12:00:00Z'), now);
    expect(stale).toMatchObject({ stale: true });
    expect(stale.text).toMatch(/\(50 days ago\)$/);
    expect(freshnessText(collection('2031-02-19T12:00:00Z', false), now)).toMatchObject({ stale: true });
    expect(freshnessText(collection('garbage'), now)).toEqual({
      text: 'Lantern Conference 2031 · not indexed',
      stale: true,
    });
  });
});
