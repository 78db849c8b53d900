import { api } from '../api';
import { useQuery } from '../hooks/use-query';
import { to } from '../routes';
import { Breadcrumb, ErrorMessage, Loading, NotFound, ScreenTitle } from '../components/common';
import { StandGrid } from '../components/StandGrid';
import { RichHtml } from '../content/RichHtml';
import { plural } from '../lib/text';

/** One theme: its description and its stands. */
export function ThemeScreen({ collection, theme }: { collection: string; theme: string }) {
  const detail = useQuery(`theme:${collection}:${theme}`, () => api.getTheme(collection, theme));
  if (detail.error) return <ErrorMessage error={detail.error} />;
  if (detail.loading) return <Loading />;
  const data = detail.data;
  if (!data)
    return (
      <NotFound
        what={`There is no theme “${theme}” in this collection.`}
        back={{ to: to.themes(collection), label: 'All themes' }}
      />
    );
  return (
    <section className="sa-screen">
      <Breadcrumb items={[{ label: 'Themes', to: to.themes(collection) }, { label: data.title }]} />
      <header className="sa-screen-head">
        <ScreenTitle title={data.title} dir="auto">
          {data.title}
        </ScreenTitle>
        <p className="sa-lede">{plural(data.stands.length, 'stand')}</p>
      </header>
      {data.descriptionHtml && (
        <RichHtml html={data.descriptionHtml} collection={collection} className="sa-intro" />
      )}
      {data.stands.length > 0 ? (
        <StandGrid stands={data.stands} label={`Stands in ${data.title}`} />
      ) : (
        <p className="sa-empty">No stand is listed under this theme.</p>
      )}
    </section>
  );
}
