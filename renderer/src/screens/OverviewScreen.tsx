import { api } from '../api';
import { useAppState } from '../hooks/app-state';
import { useQuery } from '../hooks/use-query';
import { to } from '../routes';
import { ErrorMessage, Loading, NotFound, RouteLink, ScreenTitle } from '../components/common';
import { StandGrid } from '../components/StandGrid';
import { plural } from '../lib/text';

/** Every listed stand of the collection as a card, in the site's order. */
export function OverviewScreen({ collection }: { collection: string }) {
  const { collections } = useAppState();
  const info = collections?.find((c) => c.id === collection);
  const stands = useQuery(`stands:${collection}`, () => api.listStands(collection));
  const name = info?.name ?? collection;

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
            {plural(stands.data.length, 'stand')} ·{' '}
            <RouteLink to={to.themes(collection)}>browse them by theme</RouteLink>
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
