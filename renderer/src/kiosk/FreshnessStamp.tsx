// A discreet stamp in a corner: which edition the kiosk shows and when it was indexed, so organisers
// walking past see a stale kiosk at a glance. Five quick taps on it open the organiser PIN pad.
import { useRef } from 'react';
import type { Collection } from '../../../main/engine/types';
import { eventName } from '../lib/text';
import { createTapCounter } from './gestures';

/** A kiosk whose index is older than this is marked stale. */
const STALE_DAYS = 14;

/** "indexed 3 Feb 2025, 14:02" plus the age in days when it is stale. Exported for tests. */
export function freshnessText(
  collection: Collection,
  now: Date = new Date(),
): { text: string; stale: boolean } {
  const indexed = new Date(collection.indexedAt);
  if (Number.isNaN(indexed.getTime()))
    return { text: `${eventName(collection.name)} · not indexed`, stale: true };
  const days = Math.floor((now.getTime() - indexed.getTime()) / 86_400_000);
  const when = indexed.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  const stale = days >= STALE_DAYS;
  const unavailable = collection.available ? '' : ' · folder unavailable';
  return {
    text: `${eventName(collection.name)} · indexed ${when}${stale ? ` (${days} days ago)` : ''}${unavailable}`,
    stale: stale || !collection.available,
  };
}

export function FreshnessStamp({
  collection,
  onOrganiserGesture,
}: {
  collection: Collection | null;
  onOrganiserGesture: () => void;
}) {
  const taps = useRef(createTapCounter());
  const fresh = collection ? freshnessText(collection) : { text: 'No stands indexed', stale: true };
  return (
    <p
      className={`sa-kiosk-stamp${fresh.stale ? ' sa-kiosk-stamp-stale' : ''}`}
      data-testid="freshness-stamp"
      onClick={() => {
        if (taps.current.tap(Date.now())) onOrganiserGesture();
      }}
    >
      {fresh.text}
    </p>
  );
}
