// Which stands and themes the attract loop shows, in what order. Pure.
import type { StandCard, ThemeSummary } from '../../../main/engine/types';
import type { KioskSettings } from '../../../preload/contract';

export type Slide = { kind: 'stand'; stand: StandCard } | { kind: 'theme'; theme: ThemeSummary };

/** A theme slide after every this many stand slides, so the loop shows both. */
const STANDS_PER_THEME = 4;
const MAX_SLIDES = 200;

/**
 * The featured stands and themes when the kiosk file names any (in its order; unknown slugs skipped),
 * else every listed stand in the site's order with a theme that has stands after every few.
 */
export function attractSlides(
  stands: readonly StandCard[],
  themes: readonly ThemeSummary[],
  featured: KioskSettings['featured'],
): Slide[] {
  if (featured.stands.length > 0 || featured.themes.length > 0) {
    const slides: Slide[] = [];
    for (const slug of featured.stands) {
      const stand = stands.find((s) => s.slug === slug);
      if (stand) slides.push({ kind: 'stand', stand });
    }
    for (const slug of featured.themes) {
      const theme = themes.find((t) => t.slug === slug);
      if (theme) slides.push({ kind: 'theme', theme });
    }
    if (slides.length > 0) return slides;
  }
  const withStands = themes.filter((t) => t.standCount > 0);
  const slides: Slide[] = [];
  let nextTheme = 0;
  stands.forEach((stand, index) => {
    slides.push({ kind: 'stand', stand });
    if ((index + 1) % STANDS_PER_THEME === 0 && withStands.length > 0) {
      slides.push({ kind: 'theme', theme: withStands[nextTheme % withStands.length]! });
      nextTheme++;
    }
  });
  if (stands.length === 0) for (const theme of withStands) slides.push({ kind: 'theme', theme });
  return slides.slice(0, MAX_SLIDES);
}

/** Plain text of a sanitized-or-not HTML fragment, parsed inertly (no script runs, nothing loads). */
export function plainText(html: string, max = 280): string {
  if (!html) return '';
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const hidden of doc.body.querySelectorAll('script, style, template, noscript, iframe, object'))
    hidden.remove();
  // Paragraphs and list items must not run into each other once the tags are gone.
  for (const block of doc.body.querySelectorAll(
    'p, div, li, br, h1, h2, h3, h4, h5, h6, tr, td, th, dt, dd',
  )) {
    block.after(' ');
  }
  const text = (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
