// Search as you type changes the route on every keystroke: the route is shown at once, but written to
// history once typing pauses, or before anything else moves, so the entry left behind holds what was typed.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  TYPING_WRITE_DELAY_MS,
  flushLocation,
  navigate,
  useHashPath,
  useHashSearch,
} from '../../renderer/src/lib/hash-location';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Shown() {
  const [path] = useHashPath();
  const search = useHashSearch();
  return <output>{search ? `${path}?${search}` : path}</output>;
}

let root: Root;
let host: HTMLElement;
const shown = () => host.textContent;

beforeEach(() => {
  vi.useFakeTimers();
  history.replaceState(null, '', '#/c/x');
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root.render(<Shown />));
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
  flushLocation();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('routes typed into the search box', () => {
  it('are shown at once and written to history once typing pauses, as one entry', () => {
    act(() => navigate('/c/x/search?q=k'));
    const entries = history.length;
    const replace = vi.spyOn(history, 'replaceState');
    act(() => navigate('/c/x/search?q=ke', { replace: true, typing: true }));
    act(() => navigate('/c/x/search?q=ker', { replace: true, typing: true }));
    expect(shown()).toBe('/c/x/search?q=ker');
    expect(location.hash).toBe('#/c/x/search?q=k');
    act(() => vi.advanceTimersByTime(TYPING_WRITE_DELAY_MS - 1));
    act(() => navigate('/c/x/search?q=kern', { replace: true, typing: true }));
    act(() => vi.advanceTimersByTime(TYPING_WRITE_DELAY_MS - 1));
    expect(replace).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1));
    expect(location.hash).toBe('#/c/x/search?q=kern');
    expect(replace).toHaveBeenCalledTimes(1);
    expect(history.length).toBe(entries);
    expect(shown()).toBe('/c/x/search?q=kern');
  });

  it('are written before the next navigation, so going back returns to what was typed', () => {
    act(() => navigate('/c/x/search?q=k'));
    act(() => navigate('/c/x/search?q=kernel', { replace: true, typing: true }));
    const calls: string[] = [];
    vi.spyOn(history, 'replaceState').mockImplementation(function (this: History, ...args) {
      calls.push(`replace ${String(args[2])}`);
      return History.prototype.replaceState.apply(this, args);
    });
    vi.spyOn(history, 'pushState').mockImplementation(function (this: History, ...args) {
      calls.push(`push ${String(args[2])}`);
      return History.prototype.pushState.apply(this, args);
    });
    act(() => navigate('/c/x/stands/linux'));
    expect(calls).toEqual(['replace #/c/x/search?q=kernel', 'push #/c/x/stands/linux']);
    expect(shown()).toBe('/c/x/stands/linux');
    // Nothing left to write later over the stand's entry.
    act(() => vi.advanceTimersByTime(TYPING_WRITE_DELAY_MS * 2));
    expect(location.hash).toBe('#/c/x/stands/linux');
  });

  it('are written at once when the search box lets go (flushLocation)', () => {
    act(() => navigate('/c/x/search?q=k'));
    act(() => navigate('/c/x/search?q=kernel', { replace: true, typing: true }));
    flushLocation();
    expect(location.hash).toBe('#/c/x/search?q=kernel');
  });

  it('are dropped when back or forward leaves their entry', () => {
    act(() => navigate('/c/x/search?q=k'));
    act(() => navigate('/c/x/search?q=kernel', { replace: true, typing: true }));
    const replace = vi.spyOn(history, 'replaceState');
    // What the browser does on back: the address is already the other entry's when popstate arrives.
    act(() => {
      History.prototype.replaceState.call(history, null, '', '#/c/x');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    replace.mockClear();
    expect(shown()).toBe('/c/x');
    act(() => vi.advanceTimersByTime(TYPING_WRITE_DELAY_MS * 2));
    expect(replace).not.toHaveBeenCalled();
    expect(location.hash).toBe('#/c/x');
  });

  it('are not put off by the route that is shown already', () => {
    act(() => navigate('/c/x/search?q=k'));
    act(() => navigate('/c/x/search?q=ke', { replace: true, typing: true }));
    act(() => vi.advanceTimersByTime(TYPING_WRITE_DELAY_MS - 1));
    // The same route again is no keystroke: the write stays due when it was.
    act(() => navigate('/c/x/search?q=ke', { replace: true, typing: true }));
    act(() => vi.advanceTimersByTime(1));
    expect(location.hash).toBe('#/c/x/search?q=ke');
  });
});
