// Organisers manage editions here: switch, add (folder picker or a typed path), re-index, rename and
// remove. Each collection shows when it was indexed and what it holds, so stale data is visible.
import { useState, type FormEvent } from 'react';
import type { Collection, IndexProgress } from '../../../main/engine/types';
import { api } from '../api';
import { useAppState } from '../hooks/app-state';
import { to } from '../routes';
import { Loading, RouteLink, ScreenTitle } from '../components/common';
import { KioskFileSection } from '../components/KioskFileSection';
import { indexedText, plural } from '../lib/text';

export function CollectionsScreen() {
  const { collections, progress, organiser, refreshCollections, notify, appInfo } = useAppState();
  const [busy, setBusy] = useState(false);
  const [path, setPath] = useState('');

  async function run<T>(label: string, action: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    try {
      const result = await action();
      await refreshCollections();
      return result;
    } catch (error) {
      notify('error', `${label}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  // Adding a folder that is already a collection reads it again and answers the same collection.
  const known = (id: string) => collections?.some((collection) => collection.id === id) ?? false;

  async function choose() {
    const added = await run('Could not add the folder', () => api.chooseFolder());
    if (added) notify('info', addedText(added.name, known(added.id)));
  }

  async function addPath(event: FormEvent) {
    event.preventDefault();
    if (!path.trim()) return;
    const added = await run('Could not add the folder', () => api.addFolder(path.trim()));
    if (added) {
      setPath('');
      notify('info', addedText(added.name, known(added.id)));
    }
  }

  if (!organiser) {
    return (
      <section className="sa-screen">
        <ScreenTitle title="Collections">Collections</ScreenTitle>
        <p>This kiosk is locked. Ask an organiser to unlock it to manage collections.</p>
      </section>
    );
  }

  return (
    <section className="sa-screen sa-collections">
      <header className="sa-screen-head">
        <ScreenTitle title="Collections">Collections</ScreenTitle>
        <p className="sa-lede">
          Each collection is one edition’s stands folder. Standalone reads it, never changes it.
        </p>
      </header>
      <div className="sa-toolbar">
        <button
          type="button"
          className="sa-button sa-button-primary"
          onClick={() => void choose()}
          disabled={busy}
        >
          Add a folder…
        </button>
        <form className="sa-inline-form" onSubmit={(event) => void addPath(event)}>
          <label htmlFor="sa-add-path">Or type a folder’s path</label>
          <input
            id="sa-add-path"
            type="text"
            value={path}
            onChange={(event) => setPath(event.target.value)}
            placeholder="/media/usb/stands-2022"
            spellCheck={false}
          />
          <button type="submit" className="sa-button" disabled={busy || !path.trim()}>
            Add
          </button>
        </form>
      </div>
      {collections === null && <Loading />}
      {collections?.length === 0 && (
        <p className="sa-empty">No collection yet. Add a stands folder to begin.</p>
      )}
      <ul className="sa-collection-list">
        {collections?.map((collection) => (
          <CollectionItem
            key={collection.id}
            collection={collection}
            progress={progress[collection.id]}
            busy={busy}
            run={run}
          />
        ))}
      </ul>
      {/* Kiosk files are made on the organiser's computer; a kiosk, even unlocked, does not offer it. */}
      {appInfo && !appInfo.kiosk && <KioskFileSection collections={collections ?? []} />}
      {appInfo?.logFile && (
        <p className="sa-muted">
          What happened while nobody watched (folders that could not be read, a page that was reloaded) is
          written to Standalone’s log:{' '}
          <code className="sa-path" dir="ltr">
            {appInfo.logFile}
          </code>
        </p>
      )}
    </section>
  );
}

/**
 * The notice for an added edition, or for one that was already in the list (`already`: main only read it
 * again). Notices are plain text: the name is isolated with Unicode's first
 * strong isolate (U+2068 … U+2069), as <bdi> would, so one written right to left keeps the words in order.
 */
export function addedText(name: string, already = false): string {
  return already
    ? `“\u2068${name}\u2069” is already in the list; it was read again.`
    : `Added “\u2068${name}\u2069”.`;
}

interface ItemProps {
  collection: Collection;
  progress: IndexProgress | undefined;
  busy: boolean;
  run: <T>(label: string, action: () => Promise<T>) => Promise<T | undefined>;
}

function CollectionItem({ collection, progress, busy, run }: ItemProps) {
  const { notify } = useAppState();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(collection.name);
  const [confirming, setConfirming] = useState(false);
  const { counts } = collection;
  const headingId = `sa-collection-${collection.id}`;

  async function reindex() {
    const result = await run('Could not re-index', () => api.reindexCollection(collection.id));
    // A folder that is gone (a USB stick pulled out) is not read; without this nothing would seem to happen.
    if (result && !result.available) {
      notify(
        'warning',
        `The folder ${result.root} cannot be read now, so “\u2068${result.name}\u2069” was not read again: ` +
          'its stands stay as last indexed, and Standalone reads it again once the folder is back.',
      );
    }
  }

  async function rename(event: FormEvent) {
    event.preventDefault();
    const renamed = await run('Could not rename', () => api.renameCollection(collection.id, name.trim()));
    if (renamed) setRenaming(false);
  }

  return (
    <li className="sa-collection" aria-labelledby={headingId}>
      <div className="sa-collection-main">
        <h2 id={headingId}>
          <RouteLink to={to.overview(collection.id)} dir="auto">
            {collection.name}
          </RouteLink>
          {!collection.available && <span className="sa-badge sa-badge-warning">folder missing</span>}
        </h2>
        <p className="sa-path" dir="ltr">
          {collection.root}
        </p>
        <p className="sa-freshness">
          {indexedText(collection.indexedAt)} · {plural(counts.listedStands, 'stand')} listed of{' '}
          {counts.stands} · {plural(counts.pages, 'page')} · {plural(counts.themes, 'theme')} ·{' '}
          {plural(counts.assets, 'file')}
        </p>
        <p className="sa-problem-counts">
          <RouteLink to={to.problems(collection.id)}>
            {plural(counts.errors, 'error')}, {plural(counts.warnings, 'warning')}
          </RouteLink>
        </p>
        {progress && (
          <div className="sa-progress-row">
            <label htmlFor={`${headingId}-progress`}>
              {progressLabel(progress)} ({progress.done} of {progress.total})
            </label>
            <progress id={`${headingId}-progress`} max={Math.max(progress.total, 1)} value={progress.done} />
          </div>
        )}
        {renaming && (
          <form className="sa-inline-form" onSubmit={(event) => void rename(event)}>
            <label htmlFor={`${headingId}-name`}>New name</label>
            <input
              id={`${headingId}-name`}
              type="text"
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
            <button type="submit" className="sa-button" disabled={busy || !name.trim()}>
              Save
            </button>
            <button type="button" className="sa-button sa-button-quiet" onClick={() => setRenaming(false)}>
              Cancel
            </button>
          </form>
        )}
        {confirming && (
          <div className="sa-confirm" role="alertdialog" aria-labelledby={`${headingId}-confirm`}>
            <p id={`${headingId}-confirm`}>
              Forget “<bdi>{collection.name}</bdi>”? Its folder stays as it is; you can add it again later.
            </p>
            <button
              type="button"
              className="sa-button sa-button-danger"
              onClick={() => void run('Could not remove', () => api.removeCollection(collection.id))}
            >
              Remove
            </button>
            <button type="button" className="sa-button sa-button-quiet" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
        )}
      </div>
      <div className="sa-collection-actions">
        <RouteLink to={to.overview(collection.id)} className="sa-button sa-button-primary">
          Open
        </RouteLink>
        <button
          type="button"
          className="sa-button"
          disabled={busy || Boolean(progress)}
          onClick={() => void reindex()}
        >
          Re-index
        </button>
        <button
          type="button"
          className="sa-button"
          disabled={busy}
          onClick={() => {
            // The name as it is now, not what a cancelled rename left in the box.
            setName(collection.name);
            setRenaming(true);
          }}
        >
          Rename
        </button>
        <button type="button" className="sa-button" disabled={busy} onClick={() => setConfirming(true)}>
          Remove…
        </button>
      </div>
    </li>
  );
}

function progressLabel(progress: IndexProgress): string {
  switch (progress.phase) {
    case 'scanning':
      return 'Looking for files';
    case 'reading':
      return 'Reading files';
    case 'assembling':
      return 'Putting stands together';
    case 'writing':
      return 'Saving the index';
    default:
      return 'Done';
  }
}
