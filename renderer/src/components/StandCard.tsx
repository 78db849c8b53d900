import { memo } from 'react';
import type { StandCard as StandCardData } from '../../../main/engine/types';
import { to } from '../routes';
import { RouteLink, StandLogo } from './common';

/** A stand on the overview or a theme page: logo, title (the link), themes, summary. Memoized: scrolling
 * a virtualized list re-renders the list on every frame, the cards only when they change. A stand that
 * has no page of its own (`_build.render`) keeps its card, as on the site, with its title as text. */
export const StandCard = memo(function StandCard({ stand }: { stand: StandCardData }) {
  return (
    <article className="sa-card">
      <div className="sa-card-head">
        <StandLogo collection={stand.collection} logo={stand.logo} title={stand.title} />
        <h2 className="sa-card-title" dir="auto">
          {stand.rendered === false ? (
            stand.title
          ) : (
            <RouteLink to={to.stand(stand.collection, stand.slug)} className="sa-card-link">
              {stand.title}
            </RouteLink>
          )}
        </h2>
      </div>
      {stand.themes.length > 0 && (
        <p className="sa-card-themes">
          <span className="sa-visually-hidden">Themes: </span>
          {stand.themes.map((theme, index) => (
            <span key={theme.slug} className="sa-chip sa-chip-static" dir="auto">
              {theme.title}
              {index < stand.themes.length - 1 && <span className="sa-visually-hidden">, </span>}
            </span>
          ))}
        </p>
      )}
      <p className="sa-card-summary" dir="auto">
        {stand.summary}
      </p>
    </article>
  );
});
