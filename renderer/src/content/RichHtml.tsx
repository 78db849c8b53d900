// Shows stand HTML: sanitized right before rendering, inline layout applied through CSSOM, and every
// click on a link decided here: app routes navigate, in-page anchors scroll, links out go through the
// main process, placeholders for remote media show their link as a QR code.
import { useLayoutEffect, useMemo, useRef, type MouseEvent } from 'react';
import { MARK, sanitizeHtml } from './sanitize';
import { parseDeclarations } from './inline-style';
import { useQr } from '../components/QrDialog';

interface Props {
  html: string;
  collection: string;
  className?: string;
  /** Level of the content's top headings: one below the heading of the section it is in. */
  headingBase?: number;
}

export function RichHtml({ html, collection, className, headingBase = 2 }: Props) {
  const clean = useMemo(
    () => sanitizeHtml(html, { collection, headingBase }),
    [html, collection, headingBase],
  );
  const ref = useRef<HTMLDivElement>(null);
  const { openLink, showQr } = useQr();

  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    for (const element of Array.from(root.querySelectorAll<HTMLElement>(`[${MARK.style}]`))) {
      for (const { property, value } of parseDeclarations(element.getAttribute(MARK.style) ?? '')) {
        element.style.setProperty(property, fitsColumn(element, property, value));
      }
    }
    // Wide code and tables scroll inside the column; keyboard users must be able to scroll them too.
    for (const element of Array.from(root.querySelectorAll<HTMLElement>('pre, table'))) {
      if (element.scrollWidth > element.clientWidth + 1) element.tabIndex = 0;
    }
  }, [clean]);

  function onClick(event: MouseEvent<HTMLDivElement>) {
    const target = event.target as Element;
    const qr = target.closest(`[${MARK.qr}]`);
    if (qr) {
      event.preventDefault();
      showQr({ url: qr.getAttribute(MARK.qr) ?? '' });
      return;
    }
    const link = target.closest('a[href]');
    if (!link || !ref.current?.contains(link)) return;
    const value = link.getAttribute('href') ?? '';
    if (link.hasAttribute(MARK.external)) {
      event.preventDefault();
      void openLink(value);
    } else if (value.startsWith('#') && !value.startsWith('#/')) {
      // In-page anchor: the hash is the app's route, so scroll instead of navigating.
      event.preventDefault();
      const name = decodeFragment(value.slice(1));
      const anchor = Array.from(ref.current.querySelectorAll<HTMLElement>('[id], [name]')).find(
        (element) =>
          element.id === `user-content-${name}` || element.getAttribute('name') === `user-content-${name}`,
      );
      if (anchor) {
        anchor.scrollIntoView({ block: 'start' });
        if (!anchor.hasAttribute('tabindex')) anchor.setAttribute('tabindex', '-1');
        anchor.focus({ preventScroll: true });
      }
    }
  }

  return (
    // Clicks bubble from the links inside; keyboard activation of a link fires the same click.
    <div
      ref={ref}
      className={`rich ${className ?? ''}`}
      onClick={onClick}
      dangerouslySetInnerHTML={{ __html: clean }}
    />
  );
}

const WIDTHS = new Set(['width', 'min-width']);
// A length with its unit: a bare `0` (`min-width: 0` on a flex item) has nothing to cap, and `min(0, 100%)`
// is not CSS, so it would be dropped.
const LENGTH = /^\+?(?:\d+\.?\d*|\.\d+)[a-z%]+$/i;

// Widths were set for the stands website's wide page: wider than the app's column (a portrait kiosk, a
// phone), content past the column's edge is cut off (contain: paint) where no one can read it. A width is
// capped at what holds it; inside a table, which scrolls on its own, widths stay as they were.
function fitsColumn(element: HTMLElement, property: string, value: string): string {
  if (!WIDTHS.has(property) || !LENGTH.test(value) || element.closest('table')) return value;
  return `min(${value}, 100%)`;
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
