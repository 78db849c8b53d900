// A stand's (or a section's) list of pages in the side column: each page that opens is a link; one on the
// list, as on the site, but without a page of its own (`_build.render`) is its title only, and so is the
// page being read (`current`).
import type { ReactNode } from 'react';
import type { PageRef } from '../../../main/engine/types';
import { to } from '../routes';
import { RouteLink } from './common';

export function PageListCard({
  collection,
  stand,
  owner,
  pages,
  current,
  heading = <h2>Pages</h2>,
}: {
  collection: string;
  stand: string;
  /** The title of the stand or section whose pages these are, for the list's name. */
  owner: string;
  pages: readonly PageRef[];
  /** The slug of the page being read, when it is on the list. */
  current?: string;
  heading?: ReactNode;
}) {
  return (
    <nav className="sa-side-card" aria-label={`Pages of ${owner}`}>
      {heading}
      <ul className="sa-page-list">
        {pages.map((page) => (
          <li key={page.slug}>
            {page.slug === current ? (
              <span aria-current="page" dir="auto">
                {page.title}
              </span>
            ) : page.rendered === false ? (
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
