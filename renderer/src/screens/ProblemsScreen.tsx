// The engine's content problems of a collection, for organisers: filterable by severity, stand and
// code (the filter lives in the route, so a filtered view can be linked), long lists shown in pages.
// Pictures the app will not draw are found by reading them all, which indexing leaves out: the screen
// asks for them in the background, and again after each update of the edition.
import { useEffect, useMemo, useState } from 'react';
import type { ListedProblem, ProblemCode, Severity } from '../../../main/engine/types';
import { showInvisible } from '../../../main/engine/visible-text';
import { api } from '../api';
import { useAppState } from '../hooks/app-state';
import { useQuery } from '../hooks/use-query';
import { to } from '../routes';
import { navigate } from '../lib/hash-location';
import { ErrorMessage, Loading, RouteLink, ScreenTitle } from '../components/common';
import { problemKind } from '../lib/problem-kinds';
import { distinctLabels, plural } from '../lib/text';

const PAGE = 200;

export interface ProblemFilterState {
  severity: string;
  stand: string;
  code: string;
}

export function ProblemsScreen({ collection, filter }: { collection: string; filter: ProblemFilterState }) {
  const { organiser } = useAppState();
  const all = useQuery(`problems:${collection}`, () => api.listProblems({ collection }));
  const pictures = usePictureProblems(collection, organiser);
  const [limit, setLimit] = useState(PAGE);

  const problems = useMemo(
    () => (all.data ? [...all.data, ...pictures.problems] : []),
    [all.data, pictures.problems],
  );
  // Each stand once, by title (as organisers know their stands), in the order of the titles.
  const stands = useMemo(() => {
    const titles = new Map<string, string>();
    for (const p of problems) if (p.stand !== null) titles.set(p.stand, p.standTitle ?? p.stand);
    const labels = distinctLabels([...titles].map(([id, name]) => ({ id, name })));
    return [...labels].sort(([, a], [, b]) => a.localeCompare(b));
  }, [problems]);
  // The chosen kind too when this edition has none of it (carried over from another edition), so the
  // filter still says what it hides instead of showing a blank box over "No problem matches".
  const codes = useMemo(
    () =>
      [...new Set([...problems.map((p) => p.code as string), ...(filter.code ? [filter.code] : [])])]
        .map((code) => [code, problemKind(code)] as const)
        .sort(([, a], [, b]) => a.localeCompare(b)),
    [problems, filter.code],
  );
  const shown = useMemo(
    () =>
      problems.filter(
        (p) =>
          (!filter.severity || p.severity === (filter.severity as Severity)) &&
          (!filter.stand || (filter.stand === '-' ? p.stand === null : p.stand === filter.stand)) &&
          (!filter.code || p.code === (filter.code as ProblemCode)),
      ),
    [problems, filter.severity, filter.stand, filter.code],
  );

  if (!organiser) {
    return (
      <section className="sa-screen">
        <ScreenTitle title="Problems">Content problems</ScreenTitle>
        <p>This kiosk is locked. Ask an organiser to unlock it.</p>
      </section>
    );
  }

  const update = (change: Partial<ProblemFilterState>) => {
    setLimit(PAGE);
    navigate(to.problems(collection, { ...filter, ...change }), { replace: true });
  };
  const errors = shown.filter((p) => p.severity === 'error').length;

  return (
    <section className="sa-screen sa-problems">
      <header className="sa-screen-head">
        <ScreenTitle title="Problems">Content problems</ScreenTitle>
        {all.data && (
          <p className="sa-lede" role="status">
            {plural(shown.length, 'problem')} shown ({plural(errors, 'error')},{' '}
            {plural(shown.length - errors, 'warning')}) of {problems.length}.
          </p>
        )}
        {pictures.looking && (
          <p className="sa-muted" role="status">
            Looking at the pictures of this edition’s stands…
          </p>
        )}
        {pictures.error && (
          <p className="sa-muted" role="status">
            The pictures could not be looked at: {pictures.error.message}
          </p>
        )}
      </header>
      <form className="sa-filters" onSubmit={(event) => event.preventDefault()} aria-label="Filter problems">
        <div className="sa-field">
          <label htmlFor="sa-filter-severity">Severity</label>
          <select
            id="sa-filter-severity"
            value={filter.severity}
            onChange={(event) => update({ severity: event.target.value })}
          >
            <option value="">Errors and warnings</option>
            <option value="error">Errors</option>
            <option value="warning">Warnings</option>
          </select>
        </div>
        <div className="sa-field">
          <label htmlFor="sa-filter-stand">Stand</label>
          <select
            id="sa-filter-stand"
            value={filter.stand}
            onChange={(event) => update({ stand: event.target.value })}
          >
            <option value="">All stands</option>
            <option value="-">Not about one stand</option>
            {stands.map(([stand, title]) => (
              <option key={stand} value={stand}>
                {title}
              </option>
            ))}
          </select>
        </div>
        <div className="sa-field">
          <label htmlFor="sa-filter-code">Kind</label>
          <select
            id="sa-filter-code"
            value={filter.code}
            onChange={(event) => update({ code: event.target.value })}
          >
            <option value="">All kinds</option>
            {codes.map(([code, kind]) => (
              <option key={code} value={code}>
                {kind}
              </option>
            ))}
          </select>
        </div>
        {(filter.severity || filter.stand || filter.code) && (
          <button
            type="button"
            className="sa-button sa-button-quiet"
            onClick={() => update({ severity: '', stand: '', code: '' })}
          >
            Clear filters
          </button>
        )}
      </form>
      {all.error && <ErrorMessage error={all.error} />}
      {all.loading && <Loading />}
      {all.data && shown.length === 0 && (
        <p className="sa-empty">
          {problems.length === 0
            ? 'No problems: every file read cleanly.'
            : 'No problem matches these filters.'}
        </p>
      )}
      {shown.length > 0 && (
        <div className="sa-table-wrap">
          <table className="sa-table">
            <caption className="sa-visually-hidden">Content problems</caption>
            <thead>
              <tr>
                <th scope="col">Severity</th>
                <th scope="col">Stand</th>
                <th scope="col">File</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {shown.slice(0, limit).map((problem, index) => (
                <ProblemRow
                  key={`${problem.file}:${problem.line ?? ''}:${problem.code}:${index}`}
                  collection={collection}
                  problem={problem}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {shown.length > limit && (
        <p>
          <button type="button" className="sa-button" onClick={() => setLimit((n) => n + PAGE)}>
            Show {Math.min(PAGE, shown.length - limit)} more
          </button>
        </p>
      )}
    </section>
  );
}

const NO_PROBLEMS: ListedProblem[] = [];

/**
 * The pictures of a collection's stands that the app will not draw (`picture-not-shown`): read on the
 * engine's thread, so asked only here, for organisers, and again when the edition was indexed again (a
 * live update), not when another edition changed.
 */
function usePictureProblems(collection: string, enabled: boolean) {
  const { collections } = useAppState();
  const indexedAt = collections?.find((c) => c.id === collection)?.indexedAt;
  const key = enabled && indexedAt !== undefined ? `${collection}\n${indexedAt}` : null;
  const [found, setFound] = useState<{ key: string; problems: ListedProblem[]; error: Error | null } | null>(
    null,
  );
  useEffect(() => {
    if (key === null) return;
    let live = true;
    api.listPictureProblems(collection).then(
      (problems) => live && setFound({ key, problems, error: null }),
      (error: unknown) =>
        live &&
        setFound({
          key,
          problems: NO_PROBLEMS,
          error: error instanceof Error ? error : new Error(String(error)),
        }),
    );
    return () => {
      live = false;
    };
  }, [collection, key]);
  // What was found keeps showing while the edition's pictures are looked at again after an update.
  const shown = found?.key.startsWith(`${collection}\n`) ? found : null;
  return {
    problems: shown?.problems ?? NO_PROBLEMS,
    error: shown?.key === key ? shown.error : null,
    looking: key !== null && found?.key !== key,
  };
}

function ProblemRow({ collection, problem }: { collection: string; problem: ListedProblem }) {
  return (
    <tr>
      <td>
        <span className={`sa-badge sa-badge-${problem.severity}`}>{problem.severity}</span>
      </td>
      <td>
        {problem.stand ? (
          <OpensOrNot
            title={problem.standTitle ?? problem.stand}
            to={problem.standOpens ? to.stand(collection, problem.stand) : null}
          />
        ) : (
          <span className="sa-muted">—</span>
        )}
        {problem.stand && problem.page && (
          // The stand's page the problem is in: where the organiser will see it.
          <>
            {' › '}
            <OpensOrNot
              title={problem.page.title}
              to={problem.page.opens ? to.page(collection, problem.stand, problem.page.slug) : null}
            />
          </>
        )}
      </td>
      <td className="sa-file">
        {/* A file name's bidi controls would otherwise reorder the name and its line number. Messages are
            written out by the engine already; a store indexed before it did so may still hold raw ones. */}
        {showInvisible(problem.file)}
        {problem.line !== null && `:${problem.line}`}
      </td>
      <td>
        <span className="sa-code">{problem.code}</span> {showInvisible(problem.message)}
      </td>
    </tr>
  );
}

/**
 * A stand's or page's title: a link to its screen when it opens; otherwise text, as a draft or something
 * `_build.render` gives no page would only lead to a "There is no …" screen.
 */
function OpensOrNot({ title, to: route }: { title: string; to: string | null }) {
  if (route) {
    return (
      <RouteLink to={route}>
        <bdi>{title}</bdi>
      </RouteLink>
    );
  }
  return (
    <>
      <bdi>{title}</bdi> <span className="sa-muted">(not published)</span>
    </>
  );
}
