import { api } from '../api';
import { useQuery } from '../hooks/use-query';
import { to } from '../routes';
import { ErrorMessage, Loading, RouteLink, ScreenTitle } from '../components/common';
import { RichHtml } from '../content/RichHtml';
import { assetUrl } from '../lib/asset-url';
import { plural } from '../lib/text';

/** All themes of the collection with their description and stand count. */
export function ThemesScreen({ collection }: { collection: string }) {
  const themes = useQuery(`themes:${collection}`, () => api.listThemes(collection));
  return (
    <section className="sa-screen">
      <header className="sa-screen-head">
        <ScreenTitle title="Themes">Themes</ScreenTitle>
        {themes.data && <p className="sa-lede">{plural(themes.data.length, 'theme')}</p>}
      </header>
      {themes.error && <ErrorMessage error={themes.error} />}
      {themes.loading && <Loading />}
      {themes.data && (
        <ul className="sa-theme-list">
          {themes.data.map((theme) => (
            <li key={theme.slug} className="sa-theme">
              <div className="sa-theme-head">
                {theme.icon && (
                  <img className="sa-theme-icon" src={assetUrl(collection, theme.icon)} alt="" />
                )}
                <h2 dir="auto">
                  {/* Listed, as on the site, but without a page of its own (`_build.render`). */}
                  {theme.rendered === false ? (
                    theme.title
                  ) : (
                    <RouteLink to={to.theme(collection, theme.slug)}>{theme.title}</RouteLink>
                  )}
                </h2>
                <span className="sa-count">{plural(theme.standCount, 'stand')}</span>
              </div>
              {theme.descriptionHtml && (
                <RichHtml
                  html={theme.descriptionHtml}
                  collection={collection}
                  className="sa-theme-description"
                  headingBase={3}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
