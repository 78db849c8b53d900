// The frame around every screen: skip link, header (edition switcher, navigation, search box),
// indexing progress, notices, and the main landmark the screens render into.
import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import type { Collection } from '../../../main/engine/types';
import { useAppState } from '../hooks/app-state';
import { useHeightProperty } from '../hooks/use-height-property';
import { flushLocation, navigate, useHashPath, useHashSearch } from '../lib/hash-location';
import { useScrollRestoration } from '../lib/scroll-restoration';
import { collectionOfPath, patterns, to } from '../routes';
import { RouteLink } from './common';
import { distinctLabels, eventName } from '../lib/text';

/** Keys that move a closed select's choice on Windows and Linux, each firing a change at once. */
const STEPPING_KEYS = new Set([
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'PageUp',
  'PageDown',
]);

/**
 * The edition switcher. Chosen with the mouse or by touch, the edition opens at once; stepped through with
 * the arrow keys (or a letter), it opens on Enter or when the switcher is left, not at every step, which
 * would load each edition's overview in turn.
 */
export function EditionSwitcher({
  collections,
  current,
  onSwitch,
}: {
  collections: Collection[];
  current: string;
  onSwitch: (id: string) => void;
}) {
  // Rendered with `key={current}`: a new edition starts it afresh on that edition.
  const [chosen, setChosen] = useState(current);
  const stepped = useRef(false);
  const labels = distinctLabels(collections, eventName);
  const commit = (id: string) => {
    if (id !== current) onSwitch(id);
  };
  const onKeyDown = (event: ReactKeyboardEvent<HTMLSelectElement>) => {
    if (event.key === 'Enter') {
      stepped.current = false;
      commit(chosen);
    } else {
      stepped.current = STEPPING_KEYS.has(event.key) || event.key.length === 1;
    }
  };
  return (
    <div className="sa-edition">
      <label htmlFor="sa-edition-select" className="sa-visually-hidden">
        Edition
      </label>
      <select
        id="sa-edition-select"
        value={chosen}
        onKeyDown={onKeyDown}
        onChange={(event) => {
          setChosen(event.target.value);
          if (!stepped.current) commit(event.target.value);
        }}
        onBlur={() => {
          stepped.current = false;
          commit(chosen);
        }}
      >
        {collections.map((collection) => (
          <option key={collection.id} value={collection.id} dir="auto">
            {labels.get(collection.id)}
          </option>
        ))}
      </select>
    </div>
  );
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function Shell({ children }: { children: ReactNode }) {
  const { collections, progress, notices, dismissNotice, organiser } = useAppState();
  const [path] = useHashPath();
  const search = useHashSearch();
  const searchRef = useRef<HTMLInputElement>(null);
  const mainRef = useRef<HTMLElement>(null);

  const routeCollection = collectionOfPath(path);
  const current = routeCollection ?? collections?.[0]?.id ?? null;
  const onSearch = current !== null && path === to.search(current).split('?')[0];
  const query = onSearch ? (new URLSearchParams(search).get('q') ?? '') : '';
  const section = screenOf(path);

  useScrollRestoration(search ? `${path}?${search}` : path);

  // The header wraps onto more rows in a narrow window (a phone's width: three times its one row) and stays
  // pinned: what it covers is measured (--header-space), so an in-page link or a focused element scrolls
  // into sight below it rather than under it.
  const headerRef = useRef<HTMLElement>(null);
  useHeightProperty(headerRef, '--header-space');

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const slash =
        event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isEditable(event.target);
      const ctrlK = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
      if (!slash && !ctrlK) return;
      if (!searchRef.current) return;
      event.preventDefault();
      searchRef.current.focus();
      searchRef.current.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const running = Object.values(progress);
  const total = running.reduce((n, p) => n + p.total, 0);
  const done = running.reduce((n, p) => n + p.done, 0);

  return (
    <div className="sa-app">
      <button type="button" className="sa-skip" onClick={() => mainRef.current?.focus()}>
        Skip to content
      </button>
      <header className="sa-header" ref={headerRef}>
        <div className="sa-header-row">
          <RouteLink to={current ? to.overview(current) : to.home()} className="sa-brand">
            <span className="sa-brand-mark" aria-hidden="true">
              ◆
            </span>
            Standalone
          </RouteLink>
          {collections && collections.length > 1 && current && (
            <EditionSwitcher
              key={current}
              collections={collections}
              current={current}
              onSwitch={(id) => navigate(switchPath(path, id, new URLSearchParams(search)))}
            />
          )}
          <nav className="sa-nav" aria-label="Main">
            <ul>
              {current && (
                <>
                  <NavItem to={to.overview(current)} active={section === 'overview'}>
                    Stands
                  </NavItem>
                  <NavItem to={to.themes(current)} active={section === 'themes'}>
                    Themes
                  </NavItem>
                  {organiser && (
                    <NavItem to={to.problems(current)} active={section === 'problems'}>
                      Problems
                    </NavItem>
                  )}
                </>
              )}
              {organiser && (
                <NavItem to={to.collections()} active={section === 'collections'}>
                  Collections
                </NavItem>
              )}
            </ul>
          </nav>
          {current && (
            <search className="sa-search-box">
              <label htmlFor="sa-search-input" className="sa-visually-hidden">
                Search stands and pages
              </label>
              <input
                ref={searchRef}
                id="sa-search-input"
                type="search"
                autoComplete="off"
                spellCheck={false}
                placeholder="Search stands and pages"
                aria-keyshortcuts="/ Control+K"
                value={query}
                onChange={(event) =>
                  navigate(to.search(current, event.target.value), { replace: onSearch, typing: onSearch })
                }
                onBlur={flushLocation}
              />
              <kbd className="sa-kbd" aria-hidden="true">
                /
              </kbd>
            </search>
          )}
        </div>
        {running.length > 0 && (
          <div className="sa-global-progress">
            <progress aria-label="Indexing" max={Math.max(total, 1)} value={done} />
          </div>
        )}
      </header>
      <main ref={mainRef} id="sa-main" tabIndex={-1} className="sa-main">
        {/* Notices are about folders and indexing: on a locked kiosk they wait for the organiser. */}
        {organiser && notices.length > 0 && (
          <div className="sa-notices" role="status">
            {notices.map((notice) => (
              <p key={notice.id} className={`sa-notice sa-notice-${notice.level}`}>
                <span>{notice.message}</span>
                <button
                  type="button"
                  className="sa-button sa-button-quiet"
                  onClick={() => dismissNotice(notice.id)}
                >
                  Dismiss
                </button>
              </p>
            ))}
          </div>
        )}
        {children}
      </main>
    </div>
  );
}

function NavItem({ to: path, active, children }: { to: string; active: boolean; children: ReactNode }) {
  return (
    <li>
      <RouteLink to={path} className="sa-nav-link" aria-current={active ? 'page' : undefined}>
        {children}
      </RouteLink>
    </li>
  );
}

/** Which section of the navigation a path belongs to. */
function screenOf(
  path: string,
): 'overview' | 'themes' | 'problems' | 'collections' | 'search' | 'stand' | null {
  if (path === patterns.collections) return 'collections';
  const rest = /^\/c\/[^/]+(\/[^/]+)?/.exec(path)?.[1];
  if (/^\/c\/[^/]+\/?$/.test(path)) return 'overview';
  if (rest === '/themes') return 'themes';
  if (rest === '/problems') return 'problems';
  if (rest === '/search') return 'search';
  if (rest === '/stands') return 'stand';
  return null;
}

/**
 * The same kind of screen in another edition, where that makes sense (a search keeps its text, the
 * problems their severity and kind: `params` are the route's); else its overview.
 */
function switchPath(path: string, collection: string, params: URLSearchParams): string {
  switch (screenOf(path)) {
    case 'themes':
      return path.endsWith('/themes') ? to.themes(collection) : to.overview(collection);
    case 'problems':
      // Not the stand: another edition's stands are others.
      return to.problems(collection, {
        severity: params.get('severity') ?? '',
        code: params.get('code') ?? '',
      });
    case 'search':
      return to.search(collection, params.get('q') ?? '');
    default:
      return to.overview(collection);
  }
}
