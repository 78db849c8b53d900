import { api } from '../api';
import { useAppState } from '../hooks/app-state';
import { useQuery } from '../hooks/use-query';
import { to } from '../routes';
import {
  Breadcrumb,
  ErrorMessage,
  Loading,
  NotFound,
  RouteLink,
  ScreenTitle,
  StandLogo,
  ThemeChips,
} from '../components/common';
import { ExternalLinks } from '../components/ExternalLinks';
import { PageListCard } from '../components/PageListCard';
import { ReadOnPhone } from '../components/ReadOnPhone';
import { RichHtml } from '../content/RichHtml';
import { eventName } from '../lib/text';

/** A stand as the site showed it: welcome, description, showcase, new this year, and a side card. */
export function StandScreen({ collection, stand }: { collection: string; stand: string }) {
  const { collections } = useAppState();
  const info = collections?.find((c) => c.id === collection);
  const detail = useQuery(`stand:${collection}:${stand}`, () => api.getStand(collection, stand));
  if (detail.error) return <ErrorMessage error={detail.error} />;
  if (detail.loading) return <Loading />;
  const data = detail.data;
  if (!data)
    return (
      <NotFound
        what={`There is no stand “${stand}” in this collection.`}
        back={{ to: to.overview(collection), label: 'All stands' }}
      />
    );

  const event = eventName(info?.name ?? collection);
  const year = info?.year ?? null;
  const firstTheme = data.themeRefs[0];
  const pages = data.pages.filter((page) => !page.draft);

  return (
    <article className="sa-screen sa-stand">
      <Breadcrumb
        items={[
          firstTheme
            ? {
                label: firstTheme.title,
                // A theme without a page of its own (`_build.render`) is named, not linked.
                ...(firstTheme.rendered === false ? {} : { to: to.theme(collection, firstTheme.slug) }),
              }
            : { label: 'Stands', to: to.overview(collection) },
          { label: data.title },
        ]}
      />
      <div className="sa-stand-layout">
        <div className="sa-stand-main">
          <header className="sa-stand-head">
            <StandLogo
              collection={collection}
              logo={data.logo}
              title={data.title}
              className="sa-logo-large"
            />
            <ScreenTitle title={data.title}>
              Welcome to the <bdi>{data.title}</bdi> stand!
            </ScreenTitle>
          </header>
          {data.descriptionHtml && (
            <RichHtml html={data.descriptionHtml} collection={collection} className="sa-intro" />
          )}
          {data.bodyHtml && <RichHtml html={data.bodyHtml} collection={collection} />}
          {data.showcaseHtml && (
            <section className="sa-section" aria-labelledby="sa-showcase">
              <h2 id="sa-showcase">
                <bdi>{data.title}</bdi> @ <bdi>{event}</bdi>
              </h2>
              <RichHtml html={data.showcaseHtml} collection={collection} headingBase={3} />
            </section>
          )}
          {data.newThisYearHtml && (
            <section className="sa-section" aria-labelledby="sa-new">
              <h2 id="sa-new">
                <bdi>{data.title}</bdi> in {year ?? 'this edition'}
              </h2>
              <RichHtml html={data.newThisYearHtml} collection={collection} headingBase={3} />
            </section>
          )}
        </div>
        <aside className="sa-side" aria-label={`About ${data.title}`}>
          {data.links.length > 0 && (
            <section className="sa-side-card">
              <h2>Links</h2>
              <ExternalLinks links={data.links} />
            </section>
          )}
          <ReadOnPhone url={data.publishedUrl} />
          {pages.length > 0 && (
            <PageListCard collection={collection} stand={data.slug} owner={data.title} pages={pages} />
          )}
          {data.themeRefs.length > 0 && (
            <section className="sa-side-card">
              <h2>Themes</h2>
              <ThemeChips collection={collection} themes={data.themeRefs} to={to.theme} />
            </section>
          )}
          <p className="sa-side-back">
            <RouteLink to={to.overview(collection)}>
              All stands of <bdi>{event}</bdi>
            </RouteLink>
          </p>
        </aside>
      </div>
    </article>
  );
}
