// Search as you type. Each keystroke asks the engine at once (no debounce: the answer is due 50 ms
// after the last key), one question at a time (lib/latest-only.ts): texts typed while a search runs are
// never asked but the newest, and an answer for an older text is never shown. The previous results stay
// on screen until the new ones are in. A keystroke asks for the best `FIRST_HITS` hits, about two
// screens: the engine makes a snippet for each hit it returns, and every keystroke's answer is painted.
// More are asked for when the visitor scrolls to the end of the list or presses "Show more results".
// Groups are virtualized for huge collections.
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useWindowVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import type { SearchGroup, SearchHit } from '../../../main/engine/types';
import { api } from '../api';
import { useAppState } from '../hooks/app-state';
import { useElementBox } from '../hooks/use-element-box';
import { to } from '../routes';
import { ErrorMessage, RouteLink, ScreenTitle } from '../components/common';
import { createLatestOnly, type LatestOnly } from '../lib/latest-only';
import { FIRST_HITS, MORE_HITS, MOST_HITS } from '../lib/search-hits';
import { plural, splitHighlights } from '../lib/text';

interface Answer {
  query: string;
  /** The number of hits asked for: an answer with that many may have more. */
  limit: number;
  groups: SearchGroup[];
}

interface Question {
  collection: string;
  query: string;
  limit: number;
  /** The index revision it was asked for: a live update asks the same text again. */
  revision: number;
}

const sameQuestion = (a: Question, b: Question): boolean =>
  a.collection === b.collection && a.query === b.query && a.limit === b.limit && a.revision === b.revision;

/** The newest question's answer (or error); null asks nothing and keeps the last answer. */
function useLatestSearch(question: Question | null): { answer: Answer | null; error: Error | null } {
  const [outcome, setOutcome] = useState<{ answer: Answer | null; error: Error | null }>({
    answer: null,
    error: null,
  });
  const searches = useRef<LatestOnly<Question> | null>(null);
  useLayoutEffect(() => {
    const latest = createLatestOnly(
      (q: Question) => api.search(q.collection, q.query, q.limit),
      sameQuestion,
      (q, result) =>
        setOutcome((old) =>
          result.ok
            ? { answer: { query: q.query, limit: q.limit, groups: result.value }, error: null }
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

  const { collection, query, limit, revision } = question ?? {
    collection: '',
    query: '',
    limit: FIRST_HITS,
    revision: 0,
  };
  // Asked while React commits the keystroke, before the page lays it out and paints it (the frame's
  // scroll reset and measuring force a layout): the engine works meanwhile.
  useLayoutEffect(() => {
    searches.current?.want(query ? { collection, query, limit, revision } : null);
  }, [collection, query, limit, revision]);

  return outcome;
}

// How many hits the visitor asked to see, kept when the screen closes: back from a hit deep in the list
// asks for as many again, so the page is long enough for the scroll position to be restored.
let lastWanted = { collection: '', query: '', limit: FIRST_HITS };

// The sizes the groups of the last answer shown measured, kept when the screen closes: back to the same
// answer, they start at those sizes rather than at estimates, so every hit is where it was on the page
// and the restored scroll position shows the hits the visitor left (estimated groups above it would
// push them down by hundreds of pixels).
let lastMeasured: { answer: string; items: VirtualItem[] } = { answer: '', items: [] };

export function SearchScreen({ collection, query }: { collection: string; query: string }) {
  const { revision } = useAppState();
  const trimmed = query.trim();
  // A new text starts again at FIRST_HITS.
  const [wanted, setWanted] = useState(lastWanted);
  const limit = wanted.collection === collection && wanted.query === trimmed ? wanted.limit : FIRST_HITS;
  const { answer, error } = useLatestSearch(trimmed ? { collection, query: trimmed, limit, revision } : null);

  const shown = trimmed ? answer : null;
  const hitCount = shown?.groups.reduce((n, g) => n + g.hits.length, 0) ?? 0;
  // Fewer hits than asked for is all there is.
  const mayHaveMore = shown !== null && hitCount >= shown.limit && shown.limit < MOST_HITS;
  const loadingMore = shown !== null && shown.query === trimmed && limit > shown.limit;
  const showMore = useCallback(() => {
    if (!shown || loadingMore || !mayHaveMore) return;
    lastWanted = { collection, query: shown.query, limit: Math.min(MOST_HITS, shown.limit + MORE_HITS) };
    setWanted(lastWanted);
  }, [collection, shown, loadingMore, mayHaveMore]);

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
                : `${mayHaveMore ? 'The best ' : ''}${plural(hitCount, 'result')} at ${plural(shown.groups.length, 'stand')} for “${shown.query}”.`}
        </p>
      </header>
      {error && <ErrorMessage error={error} />}
      {shown && shown.groups.length > 0 && (
        <ResultGroups
          collection={collection}
          groups={shown.groups}
          answer={`${collection}\n${shown.query}\n${shown.limit}`}
        />
      )}
      {mayHaveMore && <MoreResults loading={loadingMore} onMore={showMore} />}
    </section>
  );
}

/** "Show more results", pressed by the visitor or by scrolling it into view (a screen ahead). */
function MoreResults({ loading, onMore }: { loading: boolean; onMore: () => void }) {
  const ref = useRef<HTMLButtonElement>(null);
  // Observed again with each answer (`onMore` changes with it): a list still too short to reach past
  // the screen asks once more.
  useEffect(() => {
    const button = ref.current;
    if (!button || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) onMore();
      },
      { rootMargin: '0px 0px 100% 0px' },
    );
    observer.observe(button);
    return () => observer.disconnect();
  }, [onMore]);
  return (
    <p className="sa-more-results">
      <button ref={ref} type="button" className="sa-button" onClick={onMore} aria-disabled={loading}>
        {loading ? 'Loading more results…' : 'Show more results'}
      </button>
    </p>
  );
}

// Memoized: every keystroke re-renders the screen, the results only when an answer replaces them.
const ResultGroups = memo(function ResultGroups({
  collection,
  groups,
  answer,
}: {
  collection: string;
  groups: SearchGroup[];
  /** Which answer the groups are (collection, text, limit): its measured sizes are kept for a return. */
  answer: string;
}) {
  const listRef = useRef<HTMLOListElement>(null);
  const { top: offset } = useElementBox(listRef);
  const [measured] = useState(() => (lastMeasured.answer === answer ? lastMeasured.items : []));
  const virtualizer = useWindowVirtualizer({
    count: groups.length,
    estimateSize: (index) => 72 + (groups[index]?.hits.length ?? 1) * 84,
    overscan: 4,
    scrollMargin: offset,
    getItemKey: (index) => groups[index]?.stand ?? index,
    initialMeasurementsCache: measured,
  });
  const shownAnswer = useRef(answer);
  useLayoutEffect(() => {
    shownAnswer.current = answer;
  }, [answer]);
  useLayoutEffect(
    () => () => {
      lastMeasured = { answer: shownAnswer.current, items: virtualizer.takeSnapshot() };
    },
    [virtualizer],
  );
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
            <h2 dir="auto">
              <RouteLink to={to.stand(collection, group.stand)}>{group.standTitle}</RouteLink>
            </h2>
            <ul>
              {group.hits.map((hit) => (
                <li key={`${hit.kind}:${hit.page ?? ''}`} className="sa-hit">
                  <RouteLink
                    to={hit.page ? to.page(collection, hit.stand, hit.page) : to.stand(collection, hit.stand)}
                    className="sa-hit-title"
                    dir="auto"
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
    <p className="sa-snippet" dir="auto">
      {splitHighlights(hit.snippet, hit.highlights).map((part, index) =>
        part.highlighted ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </p>
  );
}
