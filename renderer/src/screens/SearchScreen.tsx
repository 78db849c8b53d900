// Search as you type. Each keystroke asks the engine at once (no debounce: the answer is due 50 ms
// after the last key); answers that arrive after a newer question are dropped, and the previous
// results stay on screen until the new ones are in. Groups are virtualized for huge collections.
import { useEffect, useRef, useState } from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import type { SearchGroup, SearchHit } from '../../../main/engine/types';
import { api } from '../api';
import { useAppState } from '../hooks/app-state';
import { useElementBox } from '../hooks/use-element-box';
import { to } from '../routes';
import { ErrorMessage, RouteLink, ScreenTitle } from '../components/common';
import { plural, splitHighlights } from '../lib/text';

interface Answer {
  query: string;
  groups: SearchGroup[];
}

let searchSerial = 0;

export function SearchScreen({ collection, query }: { collection: string; query: string }) {
  const { revision } = useAppState();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const trimmed = query.trim();

  useEffect(() => {
    if (!trimmed) return;
    const serial = ++searchSerial;
    api.search(collection, trimmed).then(
      (groups) => {
        if (serial !== searchSerial) return;
        setError(null);
        setAnswer({ query: trimmed, groups });
      },
      (err: unknown) =>
        serial === searchSerial && setError(err instanceof Error ? err : new Error(String(err))),
    );
  }, [collection, trimmed, revision]);

  const shown = trimmed ? answer : null;
  const hitCount = shown?.groups.reduce((n, g) => n + g.hits.length, 0) ?? 0;

  return (
    <section className="sa-screen sa-search">
      <header className="sa-screen-head">
        <ScreenTitle title={trimmed ? `Search: ${trimmed}` : 'Search'}>Search</ScreenTitle>
        <p className="sa-lede" role="status" aria-live="polite">
          {!trimmed
            ? 'Type in the search box above to find stands and pages. Press / or Ctrl+K to get there from anywhere.'
            : !shown
              ? 'Searching…'
              : hitCount === 0
                ? `Nothing found for “${shown.query}”.`
                : `${plural(hitCount, 'result')} at ${plural(shown.groups.length, 'stand')} for “${shown.query}”.`}
        </p>
      </header>
      {error && <ErrorMessage error={error} />}
      {shown && shown.groups.length > 0 && <ResultGroups collection={collection} groups={shown.groups} />}
    </section>
  );
}

function ResultGroups({ collection, groups }: { collection: string; groups: SearchGroup[] }) {
  const listRef = useRef<HTMLOListElement>(null);
  const { top: offset } = useElementBox(listRef);
  const virtualizer = useWindowVirtualizer({
    count: groups.length,
    estimateSize: (index) => 72 + (groups[index]?.hits.length ?? 1) * 84,
    overscan: 4,
    scrollMargin: offset,
    getItemKey: (index) => groups[index]?.stand ?? index,
  });
  return (
    <ol
      ref={listRef}
      className="sa-results"
      aria-label="Results by stand"
      style={{ height: virtualizer.getTotalSize() }}
    >
      {virtualizer.getVirtualItems().map((item) => {
        const group = groups[item.index]!;
        return (
          <li
            key={item.key}
            ref={virtualizer.measureElement}
            data-index={item.index}
            className="sa-result-group"
            style={{ transform: `translateY(${item.start - offset}px)` }}
          >
            <h2>
              <RouteLink to={to.stand(collection, group.stand)}>{group.standTitle}</RouteLink>
            </h2>
            <ul>
              {group.hits.map((hit) => (
                <li key={`${hit.kind}:${hit.page ?? ''}`} className="sa-hit">
                  <RouteLink
                    to={hit.page ? to.page(collection, hit.stand, hit.page) : to.stand(collection, hit.stand)}
                    className="sa-hit-title"
                  >
                    {hit.title}
                  </RouteLink>
                  <span className="sa-hit-kind">{hit.kind === 'page' ? 'page' : 'stand'}</span>
                  <Snippet hit={hit} />
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}

function Snippet({ hit }: { hit: SearchHit }) {
  if (!hit.snippet) return null;
  return (
    <p className="sa-snippet">
      {splitHighlights(hit.snippet, hit.highlights).map((part, index) =>
        part.highlighted ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </p>
  );
}
