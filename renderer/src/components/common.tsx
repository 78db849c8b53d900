// Small building blocks every screen uses.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { href } from '../routes';
import { assetUrl } from '../lib/asset-url';
import { initials } from '../lib/text';

/** A link to an app route (path without `#`). */
export function RouteLink({
  to,
  children,
  className,
  ...rest
}: {
  to: string;
  children: ReactNode;
  className?: string;
  'aria-current'?: 'page' | undefined;
  dir?: 'auto';
}) {
  return (
    <a href={href(to)} className={className} {...rest}>
      {children}
    </a>
  );
}

// Focus moves to a new screen's heading only once the visitor has done something: on the first screen
// of a launch (or a deep link) the focus ring would just be noise.
let interacted = false;
if (typeof window !== 'undefined') {
  const mark = () => {
    interacted = true;
  };
  window.addEventListener('pointerdown', mark, { capture: true, passive: true });
  window.addEventListener('keydown', mark, { capture: true, passive: true });
}

/**
 * The screen's main heading. Sets the window title and, after an in-app navigation, takes focus so a
 * screen reader announces the new screen and Tab starts from the top of it.
 */
export function ScreenTitle({
  children,
  title,
  className,
  dir,
}: {
  children: ReactNode;
  title: string;
  className?: string;
  /** `auto` when the whole heading is stand text, which may be written right to left. */
  dir?: 'auto';
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Standalone`;
  }, [title]);
  useEffect(() => {
    // Typing in the header's search box must not lose focus when the results screen mounts.
    if (!interacted || document.activeElement?.closest('.sa-header, dialog')) return;
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className={className} dir={dir}>
      {children}
    </h1>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="sa-loading" role="status">
      {label}
    </p>
  );
}

export function ErrorMessage({ error }: { error: Error }) {
  return (
    <div className="sa-error" role="alert">
      <p>Something went wrong: {error.message}</p>
    </div>
  );
}

export function NotFound({ what, back }: { what: string; back: { to: string; label: string } }) {
  return (
    <section className="sa-empty">
      <ScreenTitle title="Not found">Not found</ScreenTitle>
      <p>{what}</p>
      <p>
        <RouteLink to={back.to}>{back.label}</RouteLink>
      </p>
    </section>
  );
}

/** A stand's logo from its folder, or its initials when there is none or it does not load. */
export function StandLogo({
  collection,
  logo,
  title,
  className,
}: {
  collection: string;
  logo: string | null;
  title: string;
  className?: string;
}) {
  const [failed, setFailed] = useState<string | null>(null);
  if (!logo || failed === logo) {
    return (
      <span className={`sa-logo sa-logo-placeholder ${className ?? ''}`} aria-hidden="true">
        {initials(title)}
      </span>
    );
  }
  return (
    <span className={`sa-logo ${className ?? ''}`}>
      <img
        src={assetUrl(collection, logo)}
        alt=""
        loading="lazy"
        decoding="async"
        onError={() => setFailed(logo)}
      />
    </span>
  );
}

export function ThemeChips({
  collection,
  themes,
  to,
}: {
  collection: string;
  /** `rendered` false: a theme without a page of its own (`_build.render`), named but not linked. */
  themes: { slug: string; title: string; rendered?: boolean }[];
  to: (collection: string, theme: string) => string;
}) {
  if (themes.length === 0) return null;
  return (
    <ul className="sa-chips" aria-label="Themes">
      {themes.map((theme) => (
        <li key={theme.slug}>
          {theme.rendered === false ? (
            <span className="sa-chip sa-chip-static" dir="auto">
              {theme.title}
            </span>
          ) : (
            <RouteLink to={to(collection, theme.slug)} className="sa-chip" dir="auto">
              {theme.title}
            </RouteLink>
          )}
        </li>
      ))}
    </ul>
  );
}

export function Breadcrumb({ items }: { items: { label: string; to?: string }[] }) {
  return (
    <nav aria-label="Breadcrumb" className="sa-breadcrumb">
      <ol>
        {items.map((item, index) => (
          <li key={`${index}-${item.label}`}>
            {/* Stand and theme titles, isolated so one written right to left keeps its order. */}
            {item.to ? (
              <RouteLink to={item.to}>
                <bdi>{item.label}</bdi>
              </RouteLink>
            ) : (
              // Only the last item is the screen itself; one before it may have no screen to open.
              <span aria-current={index === items.length - 1 ? 'page' : undefined}>
                <bdi>{item.label}</bdi>
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
