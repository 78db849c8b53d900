import { describe, expect, it, vi } from 'vitest';
import { Channel, methodChannels, type RequestMethod } from '../../../preload/contract';
import {
  argumentSchemas,
  channelMethods,
  createDispatcher,
  createSenderCheck,
  registerIpc,
  type IpcEventLike,
  type Services,
} from '../../../main/app/ipc';

function fakeServices(): Services {
  const services: Record<string, unknown> = {};
  for (const method of Object.keys(methodChannels))
    services[method] = vi.fn(async (...args: unknown[]) => ({ method, args }));
  return services as Services;
}

const trusted: IpcEventLike = {
  sender: 'ours',
  senderFrame: { url: 'standalone-app://app/index.html', parent: null },
};
const alwaysTrusted = () => true;

describe('channel table', () => {
  it('has one schema per contract method and one channel per method', () => {
    expect(Object.keys(argumentSchemas).sort()).toEqual(Object.keys(methodChannels).sort());
    expect([...channelMethods.keys()].sort()).toEqual(Object.values(Channel).sort());
  });

  it("serves the organiser's quit on kiosk:quit, with no arguments", async () => {
    expect(channelMethods.get('kiosk:quit')).toBe('quitKiosk');
    const services = fakeServices();
    const dispatch = createDispatcher(services, alwaysTrusted);
    expect(await dispatch(trusted, 'kiosk:quit', [])).toMatchObject({ ok: true });
    expect(services.quitKiosk).toHaveBeenCalledWith();
  });
});

describe('kiosk:make-file', () => {
  it('passes a valid request on, and never quotes a refused PIN back', async () => {
    expect(channelMethods.get('kiosk:make-file')).toBe('makeKioskFile');
    const services = fakeServices();
    const dispatch = createDispatcher(services, alwaysTrusted);
    const request = { pin: '0042', collections: ['fosdem-2021'], edition: 'fosdem-2021', textSize: 'large' };
    expect(await dispatch(trusted, 'kiosk:make-file', [request])).toMatchObject({ ok: true });
    expect(services.makeKioskFile).toHaveBeenCalledWith(request);
    const refused = await dispatch(trusted, 'kiosk:make-file', [{ ...request, pin: '98x76' }]);
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'invalid-arguments',
        message:
          'Invalid arguments for makeKioskFile (argument 1, pin): The PIN must be 4 to 12 digits (0 to 9).',
      },
    });
  });
});

describe('createDispatcher', () => {
  it('calls the service with validated arguments and wraps the value', async () => {
    const services = fakeServices();
    const dispatch = createDispatcher(services, alwaysTrusted);
    expect(await dispatch(trusted, Channel.getPage, ['demo', 'quillpad', 'video-tour'])).toEqual({
      ok: true,
      value: { method: 'getPage', args: ['demo', 'quillpad', 'video-tour'] },
    });
    expect(await dispatch(trusted, Channel.listProblems, [])).toMatchObject({ ok: true });
    expect(
      await dispatch(trusted, Channel.listProblems, [{ severity: 'error', code: 'link-broken' }]),
    ).toMatchObject({
      ok: true,
    });
  });

  it('refuses unknown channels, including prototype names', async () => {
    const services = fakeServices();
    const dispatch = createDispatcher(services, alwaysTrusted);
    for (const channel of [
      'nope',
      '__proto__',
      'constructor',
      'toString',
      'listCollections',
      '',
      42 as unknown as string,
    ]) {
      const result = await dispatch(trusted, channel, []);
      expect(result, String(channel)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    }
    for (const fn of Object.values(services)) expect(fn).not.toHaveBeenCalled();
  });

  it('refuses a foreign sender before looking at anything else', async () => {
    const services = fakeServices();
    const dispatch = createDispatcher(services, () => false);
    expect(await dispatch(trusted, Channel.listCollections, [])).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const throwing = createDispatcher(services, () => {
      throw new Error('boom');
    });
    expect(await throwing(trusted, Channel.listCollections, [])).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(services.listCollections).not.toHaveBeenCalled();
  });

  const invalid: [string, RequestMethod, unknown[]][] = [
    ['a number for an id', 'listThemes', [42]],
    ['null for an id', 'getStand', [null, 'x']],
    ['an object for a slug', 'getStand', ['demo', { toString: () => 'x' }]],
    ['a String object', 'listStands', [new String('demo')]],
    ['an empty id', 'listStands', ['']],
    ['a huge id', 'listStands', ['a'.repeat(201)]],
    ['a huge slug', 'getStand', ['demo', 'x'.repeat(501)]],
    ['a huge search', 'search', ['demo', 'q'.repeat(501)]],
    ['no room for a search hit', 'search', ['demo', 'q', 0]],
    ['a fraction of a search hit', 'search', ['demo', 'q', 2.5]],
    ['a text number of search hits', 'search', ['demo', 'q', '20']],
    ['too many search hits', 'search', ['demo', 'q', 501]],
    ['no stand for a first screen', 'listStands', ['demo', 0]],
    ['a text number of stands', 'listStands', ['demo', '2']],
    ['too many first stands', 'listStands', ['demo', 100_001]],
    ['a huge path', 'addFolder', [`/${'p'.repeat(5000)}`]],
    ['a NUL in a path', 'addFolder', ['/srv/stands\u0000/evil']],
    ['a newline in an id', 'listThemes', ['demo\nx']],
    ['a huge name', 'renameCollection', ['demo', 'n'.repeat(201)]],
    ['a blank name', 'renameCollection', ['demo', '   ']],
    ['a huge URL', 'openExternal', [`https://example.org/${'u'.repeat(5000)}`]],
    ['a huge PIN', 'unlockKiosk', ['1'.repeat(65)]],
    ['a numeric PIN', 'unlockKiosk', [1234]],
    ['an argument for quitting', 'quitKiosk', [true]],
    ['a huge QR text', 'makeQrSvg', ['q'.repeat(2001)]],
    ['a kiosk PIN with letters', 'makeKioskFile', [{ pin: '12ab', collections: ['demo'], edition: null }]],
    ['a short kiosk PIN', 'makeKioskFile', [{ pin: '123', collections: ['demo'], edition: null }]],
    ['a kiosk file without folders', 'makeKioskFile', [{ pin: '1234', collections: [], edition: null }]],
    [
      'a kiosk file with a path for a folder',
      'makeKioskFile',
      [{ pin: '1234', collections: ['demo'], edition: null, folders: ['/etc'] }],
    ],
    [
      'a kiosk idle timeout out of range',
      'makeKioskFile',
      [{ pin: '1234', collections: ['demo'], edition: null, idleTimeoutSeconds: 5 }],
    ],
    ['too many arguments', 'listCollections', ['extra']],
    ['too many arguments for a query', 'getStand', ['demo', 'x', 'y']],
    ['missing arguments', 'getPage', ['demo', 'x']],
    ['an unknown filter field', 'listProblems', [{ collection: 'demo', evil: true }]],
    ['a __proto__ filter field', 'listProblems', [JSON.parse('{"__proto__": {"polluted": true}}')]],
    ['a constructor filter field', 'listProblems', [{ constructor: { prototype: { polluted: true } } }]],
    ['a bad severity', 'listProblems', [{ severity: 'fatal' }]],
    ['a bad problem code', 'listProblems', [{ code: 'not-a-code' }]],
    ['an array as filter', 'listProblems', [['collection']]],
  ];
  it.each(invalid)('refuses %s with a clear message', async (_name, method, args) => {
    const services = fakeServices();
    const dispatch = createDispatcher(services, alwaysTrusted);
    const result = await dispatch(trusted, methodChannels[method], args);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    if (!result.ok)
      expect(result.error.message).toMatch(new RegExp(`(Invalid|Too many|Missing) arguments for ${method}`));
    expect(services[method]).not.toHaveBeenCalled();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a non-array argument list', async () => {
    const dispatch = createDispatcher(fakeServices(), alwaysTrusted);
    expect(await dispatch(trusted, Channel.listCollections, 'x' as unknown as unknown[])).toMatchObject({
      ok: false,
    });
  });

  it('accepts limits exactly and an empty search', async () => {
    const dispatch = createDispatcher(fakeServices(), alwaysTrusted);
    expect(await dispatch(trusted, Channel.listStands, ['a'.repeat(200)])).toMatchObject({ ok: true });
    expect(await dispatch(trusted, Channel.search, ['demo', ''])).toMatchObject({ ok: true });
    expect(await dispatch(trusted, Channel.search, ['demo', 'q', 500])).toMatchObject({ ok: true });
    expect(await dispatch(trusted, Channel.listStands, ['demo', 100_000])).toMatchObject({ ok: true });
  });

  it('turns a failing service into a clear error, never a throw', async () => {
    const services = fakeServices();
    vi.mocked(services.addFolder).mockRejectedValueOnce(new Error('There is no folder at /nope.'));
    const dispatch = createDispatcher(services, alwaysTrusted);
    expect(await dispatch(trusted, Channel.addFolder, ['/nope'])).toEqual({
      ok: false,
      error: { code: 'failed', message: 'There is no folder at /nope.' },
    });
    vi.mocked(services.listCollections).mockImplementationOnce(() => {
      throw 'not an error';
    });
    expect(await dispatch(trusted, Channel.listCollections, [])).toMatchObject({
      ok: false,
      error: { code: 'failed' },
    });
  });

  it('hands the service only what the schema let through', async () => {
    const services = fakeServices();
    const dispatch = createDispatcher(services, alwaysTrusted);
    await dispatch(trusted, Channel.listProblems, [{ severity: 'warning' }]);
    expect(services.listProblems).toHaveBeenCalledWith({ severity: 'warning' });
  });
});

describe('registerIpc', () => {
  it('registers every contract channel on an ipcMain stand-in, each going through the wrapper', async () => {
    const handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>>();
    const ipcMain = { handle: vi.fn((channel: string, fn: never) => void handlers.set(channel, fn)) };
    const services = fakeServices();
    registerIpc(ipcMain, services, (event) => event.sender === 'ours');
    expect([...handlers.keys()].sort()).toEqual(Object.values(Channel).sort());
    expect(await handlers.get(Channel.listThemes)!(trusted, 'demo')).toMatchObject({ ok: true });
    expect(await handlers.get(Channel.listThemes)!({ ...trusted, sender: 'theirs' }, 'demo')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await handlers.get(Channel.listThemes)!(trusted, 7)).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments' },
    });
  });
});

describe('createSenderCheck', () => {
  const contents = { id: 1 };
  const check = createSenderCheck(() => contents, 'standalone-app://app');

  it('trusts the main frame of our window showing our page', () => {
    expect(
      check({ sender: contents, senderFrame: { url: 'standalone-app://app/index.html#/x', parent: null } }),
    ).toBe(true);
  });

  it.each([
    [
      'another webContents',
      { sender: { id: 2 }, senderFrame: { url: 'standalone-app://app/index.html', parent: null } },
    ],
    [
      'a sub-frame',
      { sender: contents, senderFrame: { url: 'standalone-app://app/index.html', parent: {} } },
    ],
    ['a destroyed frame', { sender: contents, senderFrame: null }],
    ['a remote page', { sender: contents, senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['a file page', { sender: contents, senderFrame: { url: 'file:///tmp/x.html', parent: null } }],
    ['a data page', { sender: contents, senderFrame: { url: 'data:text/html,x', parent: null } }],
    ['an asset page', { sender: contents, senderFrame: { url: 'stand-asset://demo/x.svg', parent: null } }],
    [
      'a look-alike host',
      { sender: contents, senderFrame: { url: 'standalone-app://app.evil/index.html', parent: null } },
    ],
  ])('refuses %s', (_name, event) => {
    expect(check(event as IpcEventLike)).toBe(false);
  });

  it('refuses everything while there is no window', () => {
    const none = createSenderCheck(() => null, 'standalone-app://app');
    expect(
      none({ sender: undefined, senderFrame: { url: 'standalone-app://app/index.html', parent: null } }),
    ).toBe(false);
  });

  it('trusts the dev server origin in development', () => {
    const dev = createSenderCheck(() => contents, 'http://localhost:5173');
    expect(dev({ sender: contents, senderFrame: { url: 'http://localhost:5173/#/', parent: null } })).toBe(
      true,
    );
    expect(dev({ sender: contents, senderFrame: { url: 'http://localhost:5174/', parent: null } })).toBe(
      false,
    );
  });
});
