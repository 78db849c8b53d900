// The last line of defence: an error no boundary caught (outside the screens: the header, the kiosk's
// attract loop, a dialog) makes React unmount the whole app. The renderer process stays alive, so the
// main process's reload for a crashed page never comes, and a kiosk would stay blank until someone
// restarted it. Instead the window says what happened and starts the app again, at its start screen,
// after a few seconds; an error that comes back at once (more than MAX_RESTARTS times within a minute)
// stops the restarts, and the message stays with a button to try again by hand.

export const RESTART_DELAY_MS = 3000;
export const MAX_RESTARTS = 3;
const WINDOW_MS = 60_000;
const KEY = 'standalone.restarts';

export interface RestartDeps {
  reload: () => void;
  now: () => number;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  setTimer: (run: () => void, ms: number) => void;
}

/** Restart times kept across reloads (this window's session storage); unreadable means none. */
function recentRestarts(deps: RestartDeps): number[] {
  try {
    const value = JSON.parse(deps.storage.getItem(KEY) ?? '[]') as unknown;
    const now = deps.now();
    return Array.isArray(value)
      ? value.filter((time): time is number => typeof time === 'number' && now - time < WINDOW_MS)
      : [];
  } catch {
    return [];
  }
}

/** Shows the message in `root` (React has emptied it) and schedules a restart unless too many came. */
export function showUncaughtError(root: HTMLElement, error: unknown, deps: RestartDeps): void {
  console.error('Standalone stopped showing its screens:', error);
  const restarts = recentRestarts(deps);
  const restart = restarts.length < MAX_RESTARTS;
  const section = document.createElement('section');
  section.className = 'sa-empty';
  section.setAttribute('role', 'alert');
  const title = document.createElement('h1');
  title.textContent = 'Something went wrong';
  const text = document.createElement('p');
  text.textContent = restart
    ? 'Standalone ran into something it did not expect and is starting again…'
    : 'Standalone ran into something it did not expect, again. Something in the stands folder may need fixing.';
  section.append(title, text);
  if (!restart) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sa-button';
    button.textContent = 'Start again';
    button.addEventListener('click', () => deps.reload());
    section.append(button);
  }
  root.replaceChildren(section);
  if (!restart) return;
  try {
    deps.storage.setItem(KEY, JSON.stringify([...restarts, deps.now()]));
  } catch {
    // Without storage the restarts are not counted; each still waits its few seconds.
  }
  deps.setTimer(() => deps.reload(), RESTART_DELAY_MS);
}

/** What a real window restarts with. */
export function windowDeps(): RestartDeps {
  return {
    // At the start, not the route that failed: an error tied to that route would only come back.
    // Without a fragment this is a new load of the page, not a same-document navigation.
    reload: () => location.replace(`${location.pathname}${location.search}`),
    now: () => Date.now(),
    storage: sessionStorage,
    setTimer: (run, ms) => void setTimeout(run, ms),
  };
}

/**
 * The root's `onUncaughtError` for `container`. React empties the container as it gives up on the
 * tree, so the message is written once it has.
 */
export function onUncaughtErrorIn(container: HTMLElement, deps: RestartDeps = windowDeps()) {
  return (error: unknown): void => {
    setTimeout(() => showUncaughtError(container, error, deps), 0);
  };
}
