import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { parseAppArgs } from '../../../main/app/args';
import { claimSingleInstance, handOverFrom } from '../../../main/app/single-instance';

function fakeApp(locked: boolean) {
  return Object.assign(new EventEmitter(), { requestSingleInstanceLock: vi.fn(() => locked) });
}

describe('claimSingleInstance', () => {
  it('hands its own folder over when another instance holds the lock', () => {
    const app = fakeApp(false);
    const onSecond = vi.fn();
    expect(claimSingleInstance(app as never, parseAppArgs(['/srv/stands'], '/'), onSecond)).toBe(false);
    expect(app.requestSingleInstanceLock).toHaveBeenCalledWith({ folder: '/srv/stands' });
  });

  it('passes a later launch’s folder to the first instance', () => {
    const app = fakeApp(true);
    const onSecond = vi.fn();
    expect(claimSingleInstance(app as never, parseAppArgs([], '/'), onSecond)).toBe(true);
    app.emit('second-instance', {}, ['/opt/standalone', '--flag'], '/home', { folder: '/srv/2026' });
    expect(onSecond).toHaveBeenCalledWith({ folder: '/srv/2026' });
  });
});

describe('handOverFrom', () => {
  it('falls back to the second instance’s argv and working directory', () => {
    expect(handOverFrom(undefined, ['/opt/standalone', '--no-sandbox', 'stands'], '/home/me')).toEqual({
      folder: '/home/me/stands',
    });
    expect(handOverFrom({}, ['/usr/bin/electron', '.', '/srv/x'], '/')).toEqual({ folder: '/srv/x' });
  });

  it('ignores hand-over data of the wrong shape', () => {
    expect(handOverFrom({ folder: 42 }, ['/opt/standalone'], '/')).toEqual({ folder: null });
    expect(handOverFrom({ folder: 'x'.repeat(5000) }, ['/opt/standalone'], '/')).toEqual({ folder: null });
  });
});
