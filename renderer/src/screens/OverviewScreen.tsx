import type { Collection } from '../../../main/engine/types';
import { api } from '../api';
import { useAppState } from '../hooks/app-state';
import { useQuery } from '../hooks/use-query';
import { to } from '../routes';
import { ErrorMessage, Loading, NotFound, RouteLink, ScreenTitle } from '../components/common';
import { StandGrid } from '../components/StandGrid';
import { formatWhen, plural } from '../lib/text';

// The cards asked for first: more than any screen shows at once (24 cards fill a 1280×800 window with
// the virtualizer's extra rows), some 90 KB where the whole list of 10,000 stands is 4 MB.
const FIRST_CARDS = 200;

/** Every listed stand of the collection as a card, in the site's order. */
export function OverviewScreen({ collection }: { collection: string }) {
  const { collections, organiser } = useAppState();
  const info = collections?.find((c) => c.id === collection);
  // The first screen's cards, then the rest: asked after, so the megabytes of the whole list never hold
  // up the first paint (the engine answers in order, and the page would parse them first).
  const first = useQuery(`stands-first:${collection}`, () => api.listStands(collection, FIRST_CARDS));
  // Fewer than asked for: that was every stand already.
  const complete = first.data !== undefined && first.data.length < FIRST_CARDS;
  const all = useQuery(
    `stands:${collection}`,
    () => api.listStands(collection),
    first.data !== undefined && !complete,
  );
  // The whole list: the first answer when that was all, else the second once it is in (not a list left
  // from before a live update made the collection small enough for the first answer to hold it).
  const whole = complete ? first : all.data || all.error ? all : null;
  const stands = whole ?? first;
  const name = info?.name ?? collection;
  const count = whole?.data?.length ?? info?.counts.listedStands ?? stands.data?.length ?? 0;

  if (collections && !info) {
    return (
      <NotFound
        what={`There is no collection “${collection}” (any more).`}
        back={{ to: to.collections(), label: 'All collections' }}
      />
    );
  }

  return (
    <section className="sa-screen">
      <header className="sa-screen-head">
        <ScreenTitle title={name} dir="auto">
          {name}
        </ScreenTitle>
        {stands.data && (
          <p className="sa-lede">
            {plural(count, 'stand')} · <RouteLink to={to.themes(collection)}>browse them by theme</RouteLink>
          </p>
        )}
      </header>
      {organiser && info?.available === false && (stands.data?.length ?? 0) > 0 && (
        // Main reads the folder again as soon as it is back; meanwhile what is shown may be out of date.
        <p className="sa-notice sa-notice-warning">
          The folder {info.root} cannot be read now: these are its stands as indexed{' '}
          {formatWhen(info.indexedAt)}. Once it is back, Standalone reads it again.
        </p>
      )}
      {stands.error && <ErrorMessage error={stands.error} />}
      {stands.loading && <Loading label="Loading the stands…" />}
      {stands.data && stands.data.length === 0 && <p className="sa-empty">{emptyOverview(info)}</p>}
      {stands.data && stands.data.length > 0 && (
        <StandGrid stands={stands.data} label={`Stands of ${name}`} />
      )}
    </section>
  );
}

// Stands lacking show_on_overview are indexed but never listed: a folder of only those would otherwise
// show an empty overview, and no problem, with no clue why.
function emptyOverview(info: Collection | undefined): string {
  // A folder away (a USB stick out) when the store was rebuilt: kept with no stands until it is back.
  if (info?.available === false && info.counts.stands === 0)
    return 'The folder of this collection could not be read, so there are no stands to show. Once it is back (a USB stick plugged in again), Standalone reads it.';
  const counts = info?.counts;
  const unlisted = counts && counts.listedStands === 0 ? counts.stands : 0;
  if (unlisted === 0) return 'This collection has no stands to show yet.';
  if (unlisted === 1)
    return 'This collection has 1 stand, but it is not marked to be shown on the overview (show_on_overview in its front matter).';
  return `This collection has ${unlisted} stands, but none is marked to be shown on the overview (show_on_overview in their front matter).`;
}
