// What every screen shares: the collections, the live-update revision, indexing progress, notices and
// the kiosk state. One subscription to the main process's events feeds it all.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Collection, IndexProgress } from '../../../main/engine/types';
import type { AppInfo, KioskState } from '../../../preload/contract';
import { api } from '../api';

export interface Notice {
  id: number;
  level: 'info' | 'warning' | 'error';
  message: string;
}

export interface AppState {
  /** Null until the first answer arrives. */
  collections: Collection[] | null;
  /** Bumped whenever indexed data changed: queries refetch on it. */
  revision: number;
  /** Indexing progress per collection, while a run is under way. */
  progress: Record<string, IndexProgress>;
  notices: Notice[];
  dismissNotice(id: number): void;
  appInfo: AppInfo | null;
  kiosk: KioskState | null;
  /** True when organiser screens (collections, problems) may be shown. */
  organiser: boolean;
  /** Re-reads the collections now (after a command of this window). */
  refreshCollections(): Promise<void>;
  /** Shows a message in the notice area. */
  notify(level: Notice['level'], message: string): void;
}

const Context = createContext<AppState | null>(null);

let nextNoticeId = 1;
const INFO_NOTICE_MS = 6000;
/** Notices shown at once: older ones give way. */
const MAX_NOTICES = 5;

/**
 * The notices once `notice` is added: a message that comes again (live updates failing at each save, a
 * folder still away) replaces its earlier copy as the newest instead of stacking the same words.
 */
export function withNotice(list: Notice[], notice: Notice): Notice[] {
  const others = list.filter((n) => n.level !== notice.level || n.message !== notice.message);
  return [...others.slice(-(MAX_NOTICES - 1)), notice];
}

function withoutProgress(
  all: Record<string, IndexProgress>,
  collection: string,
): Record<string, IndexProgress> {
  if (!(collection in all)) return all;
  const next = { ...all };
  delete next[collection];
  return next;
}

export function AppStateProvider({ children }: { children: ReactNode }) {
  const [collections, setCollections] = useState<Collection[] | null>(null);
  const [revision, setRevision] = useState(0);
  const [progress, setProgress] = useState<Record<string, IndexProgress>>({});
  const [notices, setNotices] = useState<Notice[]>([]);
  const [appInfo, setAppInfo] = useState<AppInfo | null>(null);
  const [kiosk, setKiosk] = useState<KioskState | null>(null);

  const dismissNotice = useCallback(
    (id: number) => setNotices((list) => list.filter((n) => n.id !== id)),
    [],
  );
  const notify = useCallback(
    (level: Notice['level'], message: string) => {
      const id = nextNoticeId++;
      setNotices((list) => withNotice(list, { id, level, message }));
      // Confirmations go away by themselves; warnings and errors wait to be read.
      if (level === 'info') setTimeout(() => dismissNotice(id), INFO_NOTICE_MS);
    },
    [dismissNotice],
  );

  const refreshCollections = useCallback(async () => {
    const list = await api.listCollections();
    setCollections(list);
    setRevision((r) => r + 1);
  }, []);

  useEffect(() => {
    const unsubscribe = api.onEvent((event) => {
      switch (event.type) {
        case 'progress':
          setProgress((all) =>
            event.progress.phase === 'done'
              ? withoutProgress(all, event.progress.collection)
              : { ...all, [event.progress.collection]: event.progress },
          );
          break;
        case 'changed':
          setRevision((r) => r + 1);
          setProgress((all) => withoutProgress(all, event.change.collection));
          break;
        case 'collections':
          setCollections(event.collections);
          setRevision((r) => r + 1);
          // Main publishes the collections when a run has finished: whatever progress is left (the
          // engine reports "writing" after "done") is over.
          setProgress({});
          break;
        case 'notice':
          notify(event.level, event.message);
          break;
        case 'kiosk':
          setKiosk(event.state);
          break;
      }
    });
    api.listCollections().then(setCollections, (error: unknown) => {
      setCollections([]);
      notify('error', `Could not read the collections: ${String(error)}`);
    });
    api.getAppInfo().then(
      (info) => {
        setAppInfo(info);
        for (const message of info.notices) notify('warning', message);
      },
      () => undefined,
    );
    api.getKioskState().then(setKiosk, () => undefined);
    return unsubscribe;
  }, [notify]);

  const organiser = !kiosk || !kiosk.enabled || kiosk.unlocked;

  const value = useMemo<AppState>(
    () => ({
      collections,
      revision,
      progress,
      notices,
      dismissNotice,
      appInfo,
      kiosk,
      organiser,
      refreshCollections,
      notify,
    }),
    [
      collections,
      revision,
      progress,
      notices,
      dismissNotice,
      appInfo,
      kiosk,
      organiser,
      refreshCollections,
      notify,
    ],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** The shared app state; only below `<AppStateProvider>`. */
export function useAppState(): AppState {
  const state = useContext(Context);
  if (!state) throw new Error('useAppState outside AppStateProvider');
  return state;
}
