import { contextBridge, ipcRenderer } from 'electron';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, methodChannels, type AppEvent, type StandaloneApi } from '../../preload/contract';

let api: StandaloneApi;

beforeAll(async () => {
  await import('../../preload/index');
  expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, value] = vi.mocked(contextBridge.exposeInMainWorld).mock.calls[0]!;
  expect(key).toBe('api');
  api = value as StandaloneApi;
});

describe('window.api', () => {
  it('is one frozen object with exactly the contract’s methods', () => {
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual([...Object.keys(methodChannels), 'onEvent'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('exposes nothing of Electron', () => {
    const exposed = Object.values(api) as unknown[];
    expect(exposed).not.toContain(ipcRenderer);
    expect(exposed).not.toContain(ipcRenderer.invoke);
    expect(Object.keys(api)).not.toContain('ipcRenderer');
  });

  it('invokes each method on its own channel with its arguments and resolves with the value', async () => {
    const invoke = vi.mocked(ipcRenderer.invoke);
    for (const [method, channel] of Object.entries(methodChannels)) {
      invoke.mockResolvedValueOnce({ ok: true, value: `${method} result` });
      const call = (api as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[method]!;
      expect(await call('a', 'b')).toBe(`${method} result`);
      expect(invoke).toHaveBeenLastCalledWith(channel, 'a', 'b');
    }
  });

  it("asks main to quit on kiosk:quit, with no arguments, and passes main's refusal on", async () => {
    const invoke = vi.mocked(ipcRenderer.invoke);
    invoke.mockResolvedValueOnce({ ok: true, value: undefined });
    await expect(api.quitKiosk()).resolves.toBeUndefined();
    expect(invoke).toHaveBeenLastCalledWith('kiosk:quit');
    invoke.mockResolvedValueOnce({
      ok: false,
      error: {
        code: 'failed',
        message: 'This kiosk is locked: unlock it with the organiser PIN to quit Standalone.',
      },
    });
    await expect(api.quitKiosk()).rejects.toThrow(/This kiosk is locked/);
  });

  it('rejects with main’s message when a request fails', async () => {
    vi.mocked(ipcRenderer.invoke).mockResolvedValueOnce({
      ok: false,
      error: {
        code: 'invalid-arguments',
        message: 'Invalid arguments for getStand (argument 2): The slug is too long.',
      },
    });
    await expect(api.getStand('demo', 'x')).rejects.toThrow(
      'Invalid arguments for getStand (argument 2): The slug is too long.',
    );
    vi.mocked(ipcRenderer.invoke).mockResolvedValueOnce(undefined);
    await expect(api.listCollections()).rejects.toThrow(/no valid answer/);
  });

  it('passes events without Electron’s event object and unsubscribes', () => {
    const received: unknown[][] = [];
    const unsubscribe = api.onEvent((...args) => received.push(args));
    const event: AppEvent = { type: 'notice', level: 'info', message: 'hello' };
    const electronEvent = { sender: ipcRenderer, ports: [] };
    ipcRenderer.emit(EVENT_CHANNEL, electronEvent, event);
    expect(received).toEqual([[event]]);
    unsubscribe();
    unsubscribe();
    ipcRenderer.emit(EVENT_CHANNEL, electronEvent, event);
    expect(received).toHaveLength(1);
    expect(ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(0);
  });

  it('refuses a listener that is not a function', () => {
    expect(() => api.onEvent('nope' as never)).toThrow(TypeError);
  });
});
