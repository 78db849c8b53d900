import { api } from '../api';
import { useQuery } from '../hooks/use-query';
import { to } from '../routes';
import { Breadcrumb, ErrorMessage, Loading, NotFound, RouteLink, ScreenTitle } from '../components/common';
import { PageListCard } from '../components/PageListCard';
import { ReadOnPhone } from '../components/ReadOnPhone';
import { RichHtml } from '../content/RichHtml';
import type { PageRef } from '../../../main/engine/types';

/**
 * A stand's sub-page, with the breadcrumb theme › stand › page and the other pages on its list; a section
 * inside the stand's folder (`docs/_index.md`) also lists its own pages, as Hugo's section page does, and
 * a page on a section's list has that section in its breadcrumb and its pages beside it.
 */
export function PageScreen({ collection, stand, page }: { collection: string; stand: string; page: string }) {
  const detail = useQuery(`page:${collection}:${stand}:${page}`, () => api.getPage(collection, stand, page));
  // Asked only for a page that is not there: back to its stand, unless the stand has no page to open
  // either (`_build.render`, a draft, an old link), which would be a second "Not found".
  const owner = useQuery(
    `stand:${collection}:${stand}`,
    () => api.getStand(collection, stand),
    detail.data === null,
  );
  if (detail.error) return <ErrorMessage error={detail.error} />;
  if (detail.loading) return <Loading />;
  const data = detail.data;
  if (!data) {
    if (owner.loading) return <Loading />;
    return (
      <NotFound
        what={`There is no page “${page}” at this stand.`}
        back={
          owner.data
            ? { to: to.stand(collection, stand), label: 'Back to the stand' }
            : { to: to.overview(collection), label: 'All stands' }
        }
      />
    );
  }
  const siblings = data.siblings.filter((sibling) => !sibling.draft);
  // Shown when it leads somewhere else: a page taken off the list (`_build.list`) is not on it, and one
  // without a page of its own (`_build.render`) is on it as text.
  const opens = (sibling: PageRef) => sibling.slug !== data.slug && sibling.rendered !== false;
  const otherPages = siblings.some(opens);
  const sectionPages = data.pages.filter((sub) => !sub.draft);
  // A stand without a page of its own (`_build.render`) is named, not linked.
  const standLink = data.standRendered === false ? undefined : to.stand(collection, data.stand);
  const sections = data.sections.map((section) => ({
    label: section.title,
    ...(section.rendered === false ? {} : { to: to.page(collection, data.stand, section.slug) }),
  }));
  // The list this page is on: its nearest section's, else its stand's.
  const holder = sections.at(-1) ?? { label: data.standTitle, ...(standLink ? { to: standLink } : {}) };

  return (
    <article className="sa-screen sa-page">
      <Breadcrumb
        items={[
          ...(data.theme
            ? [
                {
                  label: data.theme.title,
                  ...(data.theme.rendered === false ? {} : { to: to.theme(collection, data.theme.slug) }),
                },
              ]
            : []),
          { label: data.standTitle, ...(standLink ? { to: standLink } : {}) },
          ...sections,
          { label: data.title },
        ]}
      />
      <div className="sa-stand-layout">
        <div className="sa-stand-main">
          <ScreenTitle title={`${data.title} · ${data.standTitle}`} dir="auto">
            {data.title}
          </ScreenTitle>
          <RichHtml html={data.html} collection={collection} />
        </div>
        {(sectionPages.length > 0 || otherPages || data.publishedUrl) && (
          <div className="sa-side">
            {/* First: below a long list of pages it would sit out of sight in the column's own scroll. */}
            <ReadOnPhone url={data.publishedUrl} />
            {sectionPages.length > 0 && (
              <PageListCard
                collection={collection}
                stand={data.stand}
                owner={data.title}
                pages={sectionPages}
              />
            )}
            {otherPages && (
              <PageListCard
                collection={collection}
                stand={data.stand}
                owner={holder.label}
                pages={siblings}
                current={data.slug}
                heading={
                  <h2 dir="auto">
                    {holder.to ? <RouteLink to={holder.to}>{holder.label}</RouteLink> : holder.label}
                  </h2>
                }
              />
            )}
          </div>
        )}
      </div>
    </article>
  );
}
