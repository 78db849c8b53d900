// The stand cards of a collection or theme, virtualized: at 10,000 stands only the rows near the
// viewport exist in the DOM. Cards have a fixed height so rows can be laid out without measuring.
import { useLayoutEffect, useRef } from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import type { StandCard as StandCardData } from '../../../main/engine/types';
import { StandCard } from './StandCard';
import { useElementBox } from '../hooks/use-element-box';

const MIN_CARD_WIDTH_REM = 17.5;
const GAP_REM = 1;
const CARD_HEIGHT_REM = 14.5;

/** How many cards of at least `minWidth` fit side by side in a width. */
export function columnsFor(width: number, minWidth: number, gap: number): number {
  return Math.max(1, Math.floor((width + gap) / (minWidth + gap)));
}

export function StandGrid({ stands, label }: { stands: StandCardData[]; label: string }) {
  const listRef = useRef<HTMLUListElement>(null);
  const { width, top: offset, rem } = useElementBox(listRef);

  // Sizes follow the root font size, which grows on big screens.
  const minWidth = MIN_CARD_WIDTH_REM * rem;
  const gap = GAP_REM * rem;
  const cardHeight = CARD_HEIGHT_REM * rem;
  const columns = columnsFor(width || minWidth, minWidth, gap);
  const rows = Math.ceil(stands.length / columns);
  const cardWidth = (Math.max(width, minWidth) - gap * (columns - 1)) / columns;

  const virtualizer = useWindowVirtualizer({
    count: rows,
    estimateSize: () => cardHeight + gap,
    overscan: 3,
    scrollMargin: offset,
  });
  // A new row height (another root font size) invalidates the cached row positions.
  useLayoutEffect(() => virtualizer.measure(), [virtualizer, cardHeight, gap]);

  return (
    <ul
      ref={listRef}
      className="sa-grid"
      aria-label={label}
      style={{ height: Math.max(0, rows * (cardHeight + gap) - gap) }}
    >
      {width > 0 &&
        virtualizer.getVirtualItems().flatMap((row) =>
          stands.slice(row.index * columns, row.index * columns + columns).map((stand, column) => {
            const index = row.index * columns + column;
            return (
              <li
                key={stand.slug}
                className="sa-grid-item"
                aria-setsize={stands.length}
                aria-posinset={index + 1}
                style={{
                  transform: `translate(${column * (cardWidth + gap)}px, ${row.start - offset}px)`,
                  width: cardWidth,
                  height: cardHeight,
                }}
              >
                <StandCard stand={stand} />
              </li>
            );
          }),
        )}
    </ul>
  );
}
