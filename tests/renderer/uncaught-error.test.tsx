// An error outside every screen's boundary (the header, the kiosk's attract loop, a dialog) unmounts the
// whole app. The window must say so and start the app again, not stay blank; an error that keeps coming
// back stops the restarts and leaves a button.
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_RESTARTS,
  onUncaughtErrorIn,
  RESTART_DELAY_MS,
  type RestartDeps,
} from '../../renderer/src/lib/uncaught';

// Rendered as the app renders, outside act(): act() would catch the error itself and throw it again.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;

function Broken(): never {
  throw new Error('stand data nothing expected');
}

let container: HTMLElement;
let clock: number;
let reloads: number;
let timers: { run: () => void; ms: number }[];
let saved: Map<string, string>;

function deps(): RestartDeps {
  return {
    reload: () => void (reloads += 1),
    now: () => clock,
    storage: {
      getItem: (key) => saved.get(key) ?? null,
      setItem: (key, value) => void saved.set(key, value),
    },
    setTimer: (run, ms) => void timers.push({ run, ms }),
  };
}

/** Renders a tree that throws outside any boundary, as main.tsx's root would meet it. */
async function crash(): Promise<void> {
  // Each restart is a new page: a new container.
  container.remove();
  container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container, { onUncaughtError: onUncaughtErrorIn(container, deps()) });
  root.render(<Broken />);
  // React renders, gives up on the tree, then the message is written.
  await vi.waitFor(() => expect(container.querySelector('[role="alert"]')).not.toBeNull());
}

beforeEach(() => {
  container = document.createElement('div');
  clock = 1_000_000;
  reloads = 0;
  timers = [];
  saved = new Map();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  container.remove();
  vi.restoreAllMocks();
});

describe('an error no screen caught', () => {
  it('says what happened instead of leaving the window blank, then starts the app again', async () => {
    await crash();
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('is starting again');
    expect(timers).toEqual([{ run: expect.any(Function), ms: RESTART_DELAY_MS }]);
    expect(reloads).toBe(0);
    timers[0]!.run();
    expect(reloads).toBe(1);
  });

  it('stops restarting when the error keeps coming back, and leaves a button to try again', async () => {
    for (let restart = 0; restart < MAX_RESTARTS; restart += 1) {
      await crash();
      clock += 5_000;
    }
    expect(timers).toHaveLength(MAX_RESTARTS);
    await crash();
    expect(timers).toHaveLength(MAX_RESTARTS);
    const alert = container.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('again. Something in the stands folder may need fixing.');
    alert?.querySelector('button')?.click();
    expect(reloads).toBe(1);
    // A minute later the old restarts no longer count.
    clock += 60_000;
    await crash();
    expect(timers).toHaveLength(MAX_RESTARTS + 1);
  });
});
