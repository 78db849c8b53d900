// A stand's (or a section's) list of pages in the side column: each page that opens is a link; one on the
// list, as on the site, but without a page of its own (`_build.render`) is its title only.
import type { PageRef } from '../../../main/engine/types';
import { to } from '../routes';
import { RouteLink } from './common';

export function PageListCard({
  collection,
  stand,
  owner,
  pages,
}: {
  collection: string;
  stand: string;
  /** The title of the stand or section whose pages these are, for the list's name. */
  owner: string;
  pages: readonly PageRef[];
}) {
  return (
    <nav className="sa-side-card" aria-label={`Pages of ${owner}`}>
      <h2>Pages</h2>
      <ul className="sa-page-list">
        {pages.map((page) => (
          <li key={page.slug}>
            {page.rendered === false ? (
              <span dir="auto">{page.title}</span>
            ) : (
              <RouteLink to={to.page(collection, stand, page.slug)} dir="auto">
                {page.title}
              </RouteLink>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
