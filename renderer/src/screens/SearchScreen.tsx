// Search as you type. Each keystroke asks the engine at once (no debounce: the answer is due 50 ms
// after the last key), one question at a time (lib/latest-only.ts): texts typed while a search runs are
// never asked but the newest, and an answer for an older text is never shown. The previous results stay
// on screen until the new ones are in. Groups are virtualized for huge collections.
import { memo, useLayoutEffect, useRef, useState } from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import type { SearchGroup, SearchHit } from '../../../main/engine/types';
import { api } from '../api';
import { useAppState } from '../hooks/app-state';
import { useElementBox } from '../hooks/use-element-box';
import { to } from '../routes';
import { ErrorMessage, RouteLink, ScreenTitle } from '../components/common';
import { createLatestOnly, type LatestOnly } from '../lib/latest-only';
import { plural, splitHighlights } from '../lib/text';

interface Answer {
  query: string;
  groups: SearchGroup[];
}

interface Question {
  collection: string;
  query: string;
  /** The index revision it was asked for: a live update asks the same text again. */
  revision: number;
}

const sameQuestion = (a: Question, b: Question): boolean =>
  a.collection === b.collection && a.query === b.query && a.revision === b.revision;

/** The newest question's answer (or error); null asks nothing and keeps the last answer. */
function useLatestSearch(question: Question | null): { answer: Answer | null; error: Error | null } {
  const [outcome, setOutcome] = useState<{ answer: Answer | null; error: Error | null }>({
    answer: null,
    error: null,
  });
  const searches = useRef<LatestOnly<Question> | null>(null);
  useLayoutEffect(() => {
    const latest = createLatestOnly(
      (q: Question) => api.search(q.collection, q.query),
      sameQuestion,
      (q, result) =>
        setOutcome((old) =>
          result.ok
            ? { answer: { query: q.query, groups: result.value }, error: null }
            : {
                answer: old.answer,
                error: result.error instanceof Error ? result.error : new Error(String(result.error)),
              },
        ),
    );
    searches.current = latest;
    return () => {
      latest.dispose();
      searches.current = null;
    };
  }, []);

  const { collection, query, revision } = question ?? { collection: '', query: '', revision: 0 };
  // Asked while React commits the keystroke, before the page lays it out and paints it (the frame's
  // scroll reset and measuring force a layout): the engine works meanwhile.
  useLayoutEffect(() => {
    searches.current?.want(query ? { collection, query, revision } : null);
  }, [collection, query, revision]);

  return outcome;
}

export function SearchScreen({ collection, query }: { collection: string; query: string }) {
  const { revision } = useAppState();
  const trimmed = query.trim();
  const { answer, error } = useLatestSearch(trimmed ? { collection, query: trimmed, revision } : null);

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

// Memoized: every keystroke re-renders the screen, the results only when an answer replaces them.
const ResultGroups = memo(function ResultGroups({
  collection,
  groups,
}: {
  collection: string;
  groups: SearchGroup[];
}) {
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
});

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
