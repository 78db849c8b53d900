// "Make a kiosk file…" on the collections screen: offered on the desktop only, it lists the organiser's own
// folders (never the demo stands), refuses a PIN that is not digits or was typed differently twice, and
// asks main to make the file with exactly what the organiser chose, then says what to do next.
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Collection } from '../../main/engine/types';
import type { KioskFileRequest, KioskFileResult } from '../../preload/contract';
import { renderHost } from './render-host';

const state = vi.hoisted(() => ({
  kiosk: false,
  result: { saved: true, path: '/home/org/Kiosk/kiosk.standalone-kiosk', fullPaths: [] } as
    KioskFileResult | Error,
}));

const makeKioskFile = vi.hoisted(() =>
  vi.fn(async (_request: KioskFileRequest): Promise<KioskFileResult> => {
    if (state.result instanceof Error) throw state.result;
    return state.result;
  }),
);

const collections = [
  { id: 'demo', name: 'Demo stands', root: '/opt/Standalone/resources/demo' },
  { id: 'fosdem-2021', name: 'FOSDEM 2021', root: '/home/org/Kiosk/stands/fosdem-2021' },
  { id: 'fosdem-2022', name: 'FOSDEM 2022', root: '/home/org/Kiosk/stands/fosdem-2022' },
].map(
  (c) =>
    ({
      ...c,
      year: null,
      indexedAt: '',
      available: true,
      counts: { stands: 1, listedStands: 1, pages: 0, themes: 0, assets: 0, errors: 0, warnings: 0 },
    }) as Collection,
);

const appInfo = () => ({
  version: '1.2.3',
  platform: 'linux',
  kiosk: state.kiosk,
  demo: false,
  notices: [],
  logFile: null,
  demoCollections: ['demo'],
});

vi.mock('../../renderer/src/api', () => ({
  api: { makeKioskFile, getAppInfo: async () => appInfo() },
}));

vi.mock('../../renderer/src/hooks/app-state', () => ({
  useAppState: () => ({
    collections,
    progress: {},
    organiser: true,
    refreshCollections: async () => undefined,
    notify: () => undefined,
    appInfo: appInfo(),
  }),
}));

const { CollectionsScreen } = await import('../../renderer/src/screens/CollectionsScreen');

const host = renderHost();

const button = (name: string) =>
  [...host.element.querySelectorAll('button')].find((b) => b.textContent === name) as
    HTMLButtonElement | undefined;
const field = (id: string) => host.element.querySelector<HTMLInputElement & HTMLSelectElement>(`#${id}`)!;
const alert = () => host.element.querySelector('[role="alert"]')?.textContent ?? null;

async function type(id: string, value: string) {
  const input = field(id);
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')!.set!;
  setter.call(input, value);
  await act(
    async () =>
      void input.dispatchEvent(new Event(input.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true })),
  );
}

async function openForm() {
  await host.render(<CollectionsScreen />);
  await act(async () => button('Make a kiosk file…')!.click());
}

const save = () => act(async () => button('Save the kiosk file…')!.click());

beforeEach(() => {
  state.kiosk = false;
  state.result = { saved: true, path: '/home/org/Kiosk/kiosk.standalone-kiosk', fullPaths: [] };
  makeKioskFile.mockClear();
});

describe('making a kiosk file from the collections screen', () => {
  it('is not offered in kiosk mode, even unlocked', async () => {
    state.kiosk = true;
    await host.render(<CollectionsScreen />);
    expect(button('Make a kiosk file…')).toBeUndefined();
    expect(host.element.textContent).not.toContain('Kiosk file');
  });

  it("lists the organiser's folders, all chosen, and never the demo stands", async () => {
    await openForm();
    const boxes = [...host.element.querySelectorAll<HTMLInputElement>('fieldset input[type="checkbox"]')];
    expect(boxes.map((box) => box.closest('label')!.textContent)).toEqual([
      'FOSDEM 2021 /home/org/Kiosk/stands/fosdem-2021',
      'FOSDEM 2022 /home/org/Kiosk/stands/fosdem-2022',
    ]);
    expect(boxes.every((box) => box.checked)).toBe(true);
    expect(field('sa-kiosk-pin').type).toBe('password');
    expect(field('sa-kiosk-edition').value).toBe('fosdem-2021');
  });

  it("tells two editions of one name apart in the list of editions it starts on, by their folders' ids", async () => {
    // A copy of last year's folder whose config.toml still has last year's title.
    collections.push({ ...collections[1]!, id: 'stands-2023', root: '/home/org/Kiosk/stands/stands-2023' });
    try {
      await openForm();
      expect([...field('sa-kiosk-edition').querySelectorAll('option')].map((o) => o.textContent)).toEqual([
        'FOSDEM 2021 (fosdem-2021)',
        'FOSDEM 2022',
        'FOSDEM 2021 (stands-2023)',
      ]);
    } finally {
      collections.pop();
    }
  });

  it('refuses a PIN with letters, a short PIN and two different PINs, without asking main', async () => {
    await openForm();
    await type('sa-kiosk-pin', '12a4');
    await type('sa-kiosk-pin-again', '12a4');
    await save();
    expect(alert()).toBe('The PIN must be digits only (0 to 9), with no letters or spaces.');
    await type('sa-kiosk-pin', '123');
    await type('sa-kiosk-pin-again', '123');
    await save();
    expect(alert()).toBe('The PIN must be 4 to 12 digits long (this one has 3).');
    await type('sa-kiosk-pin', '4821');
    await type('sa-kiosk-pin-again', '4812');
    await save();
    expect(alert()).toBe('The two PINs are not the same: type the same PIN in both boxes.');
    await type('sa-kiosk-pin-again', '4821');
    await type('sa-kiosk-idle', '5');
    await save();
    expect(alert()).toBe('The idle timeout must be a whole number of seconds from 15 to 3600.');
    expect(makeKioskFile).not.toHaveBeenCalled();
  });

  it('asks main for the file with the chosen folders, edition and settings, then says what to do next', async () => {
    await openForm();
    const first = host.element.querySelector<HTMLInputElement>('fieldset input[type="checkbox"]')!;
    await act(async () => first.click());
    // The edition follows the folders: only a chosen one can be started on.
    expect(field('sa-kiosk-edition').value).toBe('fosdem-2022');
    await act(async () => first.click());
    await type('sa-kiosk-edition', 'fosdem-2021');
    await type('sa-kiosk-start', 'attract');
    await type('sa-kiosk-idle', '120');
    await type('sa-kiosk-pin', '4821');
    await type('sa-kiosk-pin-again', '4821');
    await save();
    expect(alert()).toBeNull();
    expect(makeKioskFile).toHaveBeenCalledTimes(1);
    expect(makeKioskFile).toHaveBeenCalledWith({
      pin: '4821',
      collections: ['fosdem-2021', 'fosdem-2022'],
      edition: 'fosdem-2021',
      startScreen: 'attract',
      idleTimeoutSeconds: 120,
      textSize: 'normal',
    });
    const status = host.element.querySelector('[role="status"]')!.textContent;
    expect(status).toContain('Saved as /home/org/Kiosk/kiosk.standalone-kiosk');
    expect(status).toContain('Copy this file and the stands folder');
    expect(status).toContain('Double-click the kiosk file');
    // The PIN does not stay on screen once the file is saved.
    expect(field('sa-kiosk-pin').value).toBe('');
    expect(field('sa-kiosk-pin-again').value).toBe('');
    // Every folder is beside the file: no warning about full paths.
    expect(status).not.toContain('not inside the folder');
  });

  it('names the folders the file gives by their full path, which a kiosk finds only at that place', async () => {
    state.result = {
      saved: true,
      path: '/media/org/STICK/kiosk.standalone-kiosk',
      fullPaths: ['/home/org/Kiosk/stands/fosdem-2021'],
    };
    await openForm();
    await type('sa-kiosk-pin', '4821');
    await type('sa-kiosk-pin-again', '4821');
    await save();
    const status = host.element.querySelector('[role="status"]')!.textContent;
    expect(status).toContain(
      'This folder is not inside the folder where you saved the kiosk file:/home/org/Kiosk/stands/fosdem-2021',
    );
    expect(status).toContain('only if it is at exactly this place on the kiosk too');
    expect(status).toContain('save the kiosk file again in the folder that holds the stands folders');
  });

  it("shows main's refusal, and says nothing was saved when the save window was closed", async () => {
    await openForm();
    await type('sa-kiosk-pin', '4821');
    await type('sa-kiosk-pin-again', '4821');
    state.result = new Error('The kiosk file could not be saved in /media/cd: that place is read-only.');
    await save();
    expect(alert()).toBe('The kiosk file could not be saved in /media/cd: that place is read-only.');
    state.result = { saved: false };
    await save();
    expect(alert()).toBeNull();
    expect(host.element.textContent).toContain('Not saved: the save window was closed.');
    expect(host.element.querySelector('[role="status"]')).toBeNull();
  });
});
