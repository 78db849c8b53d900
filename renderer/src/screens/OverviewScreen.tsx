import { api } from '../api';
import { useAppState } from '../hooks/app-state';
import { useQuery } from '../hooks/use-query';
import { to } from '../routes';
import { ErrorMessage, Loading, NotFound, RouteLink, ScreenTitle } from '../components/common';
import { StandGrid } from '../components/StandGrid';
import { plural } from '../lib/text';

// The cards asked for first: more than any screen shows at once (24 cards fill a 1280×800 window with
// the virtualizer's extra rows), some 90 KB where the whole list of 10,000 stands is 4 MB.
const FIRST_CARDS = 200;

/** Every listed stand of the collection as a card, in the site's order. */
export function OverviewScreen({ collection }: { collection: string }) {
  const { collections } = useAppState();
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
        <ScreenTitle title={name}>{name}</ScreenTitle>
        {stands.data && (
          <p className="sa-lede">
            {plural(count, 'stand')} · <RouteLink to={to.themes(collection)}>browse them by theme</RouteLink>
          </p>
        )}
      </header>
      {stands.error && <ErrorMessage error={stands.error} />}
      {stands.loading && <Loading label="Loading the stands…" />}
      {stands.data && stands.data.length === 0 && (
        <p className="sa-empty">This collection has no stands to show yet.</p>
      )}
      {stands.data && stands.data.length > 0 && (
        <StandGrid stands={stands.data} label={`Stands of ${name}`} />
      )}
    </section>
  );
}
