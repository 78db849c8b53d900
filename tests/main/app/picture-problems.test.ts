// The Problems screen's look at an edition's pictures: asked over IPC like every other query (sender
// check, zod), answered by the engine's thread through its RPC, never by the main process itself.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Channel } from '../../../preload/contract';
import { createEngineClient, type EngineClient } from '../../../main/app/engine-client';
import { serveEngine, type RpcMessage } from '../../../main/app/engine-rpc';
import { listPictureProblems } from '../../../main/app/picture-problems';
import { createDispatcher } from '../../../main/app/ipc';
import { createAppServices, kioskOff, type KioskChannels } from '../../../main/app/services';
import { openSettings } from '../../../main/app/settings';
import { openEngine } from '../../../main/engine/index';
import { page, pngHeader, tempSite } from '../engine/helpers';

/** Forty listed stands, each showing one picture too large to draw. */
function fortyRefused(): string {
  const files: Record<string, string | Buffer> = { 'config.toml': 'title = "Many"\n' };
  for (let i = 0; i < 40; i++) {
    files[`content/stands/s${i}.md`] = page(
      `title: Stand ${i}\nshow_on_overview: true`,
      `\n![](/stands/s${i}/p.png)\n`,
    );
    files[`static/stands/s${i}/p.png`] = pngHeader(10_000, 10_000);
  }
  return tempSite(files);
}

const site = () =>
  tempSite({
    'config.toml': 'title = "Pictures"\n',
    'content/stands/alpha.md': page(
      'title: Alpha Project\nshow_on_overview: true\nlogo: stands/alpha/wide.png',
    ),
    'content/stands/alpha/_index.md': page('title: Alpha Project'),
    'content/stands/alpha/intro.md': page('title: Introduction', '\n![A map](/stands/alpha/map.png)\n'),
    'static/stands/alpha/wide.png': pngHeader(30_000, 3_000),
    'static/stands/alpha/map.png': pngHeader(20_000, 20_000),
  });

let client: EngineClient;
beforeEach(() => {
  client = createEngineClient({ open: openEngine, setup: { dbFile: null } });
});
afterEach(async () => {
  await client.close();
});

function dispatcherFor(kiosk: KioskChannels = kioskOff()) {
  const app = createAppServices({
    engine: client,
    settings: openSettings(null),
    emit: () => undefined,
    demoRoot: null,
    pickFolder: async () => null,
    openExternalUrl: async () => undefined,
    version: '1.0.0',
    platform: 'linux',
    kiosk,
    availabilityIntervalMs: 0,
  });
  const trusted = { sender: 'app' };
  return { trusted, dispatch: createDispatcher(app.services, (event) => event.sender === 'app') };
}

describe('listPictureProblems', () => {
  it("lists the pictures an edition's stands and pages show that the app will not draw, as the Problems screen shows problems", async () => {
    const { collection } = await client.indexFolder(site());
    // Indexing never reads them: the index's own problems say nothing of them.
    expect((await client.listProblems({ collection: collection.id })).map((p) => p.code)).not.toContain(
      'picture-not-shown',
    );
    const { dispatch, trusted } = dispatcherFor();
    const answer = await dispatch(trusted, Channel.listPictureProblems, [collection.id]);
    expect(answer.ok).toBe(true);
    const problems = (answer as { value: unknown[] }).value;
    expect(problems).toEqual([
      {
        collection: collection.id,
        file: 'content/stands/alpha/_index.md',
        line: null,
        severity: 'warning',
        code: 'picture-not-shown',
        message: expect.stringMatching(
          /^The picture static\/stands\/alpha\/wide\.png: This picture is 30,000 × 3,000/,
        ),
        stand: 'alpha',
        standOpens: true,
        standTitle: 'Alpha Project',
        page: null,
      },
      {
        collection: collection.id,
        file: 'content/stands/alpha/intro.md',
        line: null,
        severity: 'warning',
        code: 'picture-not-shown',
        message: expect.stringMatching(
          /^The picture static\/stands\/alpha\/map\.png: This picture is 20,000 × 20,000/,
        ),
        stand: 'alpha',
        standOpens: true,
        standTitle: 'Alpha Project',
        page: { slug: 'intro', title: 'Introduction', opens: true },
      },
    ]);
  });

  it("finds pictures whose file names hold ' or ( ) (Screenshot (2).png, l'atelier.png), as the page shows them", async () => {
    const { collection } = await client.indexFolder(
      tempSite({
        'config.toml': 'title = "Pictures"\n',
        'content/stands/alpha.md': page(
          'title: Alpha Project\nshow_on_overview: true',
          '\n<img src="/stands/alpha/Screenshot (2).png" alt="">\n\n![The workshop](</stands/alpha/l\'atelier.png>)\n',
        ),
        'static/stands/alpha/Screenshot (2).png': pngHeader(20_000, 20_000),
        "static/stands/alpha/l'atelier.png": pngHeader(30_000, 3_000),
      }),
    );
    const problems = await client.listPictureProblems(collection.id);
    expect(problems.map((p) => p.message.split(':')[0])).toEqual([
      'The picture static/stands/alpha/Screenshot (2).png',
      "The picture static/stands/alpha/l'atelier.png",
    ]);
  });

  it('checks its argument and its sender as every channel does', async () => {
    const { dispatch, trusted } = dispatcherFor();
    const listPictureProblems = vi.spyOn(client, 'listPictureProblems');
    expect(await dispatch({ sender: 'page' }, Channel.listPictureProblems, ['demo'])).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    for (const args of [
      [],
      [42],
      [''],
      ['a\u0000b'],
      ['x'.repeat(201)],
      ['demo', 'extra'],
      [{ collection: 'demo' }],
    ]) {
      expect(await dispatch(trusted, Channel.listPictureProblems, args)).toMatchObject({
        ok: false,
        error: { code: 'invalid-arguments' },
      });
    }
    expect(listPictureProblems).not.toHaveBeenCalled();
    // An edition the index does not know has no pictures to look at.
    expect(await dispatch(trusted, Channel.listPictureProblems, ['nowhere'])).toEqual({
      ok: true,
      value: [],
    });
  });

  it('is refused at a locked kiosk, where nobody sees the Problems screen', async () => {
    const { collection } = await client.indexFolder(site());
    const { dispatch, trusted } = dispatcherFor({ ...kioskOff(), isLocked: () => true });
    const listPictureProblems = vi.spyOn(client, 'listPictureProblems');
    expect(await dispatch(trusted, Channel.listPictureProblems, [collection.id])).toMatchObject({
      ok: false,
      error: { code: 'failed', message: expect.stringMatching(/kiosk is locked/) },
    });
    expect(listPictureProblems).not.toHaveBeenCalled();
  });

  it("pauses between the pages of one stand and the pieces of a large SVG, so the engine's thread is never held for long", async () => {
    const engine = await openEngine({ dbFile: null });
    // How often other work ran on the thread while one look at an edition's pictures was made.
    const turnsDuring = async (collection: string) => {
      let turns = 0;
      let looking = true;
      const tick = () => {
        if (!looking) return;
        turns += 1;
        setImmediate(tick);
      };
      setImmediate(tick);
      const problems = await listPictureProblems(engine, collection);
      looking = false;
      return { turns, codes: problems.map((p) => p.code) };
    };
    try {
      // Pausing only between stands, one stand's many pages or one drawing of several megabytes were read
      // in one go, and the app's other requests (a visitor's next screen, a live update) waited.
      const pages: Record<string, string | Buffer> = {
        'config.toml': 'title = "Many pages"\n',
        'content/stands/big.md': page('title: Big\nshow_on_overview: true'),
        'content/stands/big/_index.md': page('title: Big'),
      };
      for (let i = 0; i < 30; i++) {
        pages[`content/stands/big/p${i}.md`] = page(`title: Page ${i}`, `\n![](/stands/big/p${i}.png)\n`);
        pages[`static/stands/big/p${i}.png`] = pngHeader(10_000, 10_000);
      }
      const many = await engine.indexFolder(tempSite(pages));
      const manyLook = await turnsDuring(many.collection.id);
      expect(manyLook.codes).toEqual(Array(30).fill('picture-not-shown'));
      expect(manyLook.turns).toBeGreaterThanOrEqual(30);

      const drawing = await engine.indexFolder(
        tempSite({
          'config.toml': 'title = "One drawing"\n',
          'content/stands/map.md': page('title: Map\nshow_on_overview: true', '\n![](/stands/map/map.svg)\n'),
          // 3.6 MB in 28 pieces of 128 KiB, one path: a picture the app draws.
          'static/stands/map/map.svg': `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="${'M0 0 L10 10 '.repeat(300_000)}"/></svg>`,
        }),
      );
      const drawingLook = await turnsDuring(drawing.collection.id);
      expect(drawingLook.codes).toEqual([]);
      expect(drawingLook.turns).toBeGreaterThanOrEqual(20);
    } finally {
      await engine.close();
    }
  });

  it('stops a look when a newer one is asked for (the screen left and opened again, the edition updated)', async () => {
    const engine = await openEngine({ dbFile: null });
    try {
      const { collection } = await engine.indexFolder(fortyRefused());
      const getAsset = vi.spyOn(engine, 'getAsset');
      const first = listPictureProblems(engine, collection.id);
      const firstSettled = first.then(
        () => 'finished',
        (error: Error) => error.message,
      );
      await new Promise((resolve) => setImmediate(resolve));
      // Nobody waits for the first any more: it does not read every picture again beside the second.
      const second = await listPictureProblems(engine, collection.id);
      expect(second.map((p) => p.code)).toEqual(Array(40).fill('picture-not-shown'));
      expect(await firstSettled).toMatch(/newer look/);
      expect(getAsset.mock.calls.length).toBeLessThan(60);
    } finally {
      await engine.close();
    }
  });

  it("is answered by the engine's side of the RPC (the worker thread in the app), which answers other requests meanwhile", async () => {
    const engine = await openEngine({ dbFile: null });
    try {
      const { collection } = await engine.indexFolder(fortyRefused());
      // A port standing in for the worker's: what the main thread sends, what the engine's side answers.
      const answers: RpcMessage[] = [];
      let listener: (message: unknown) => void = () => undefined;
      const port = {
        postMessage: (message: unknown) => answers.push(message as RpcMessage),
        on: (_event: 'message', l: (message: unknown) => void) => (listener = l),
      };
      serveEngine(port, () => engine, { dbFile: null });
      listener({ id: 1, method: 'listPictureProblems', args: [collection.id] });
      listener({ id: 2, method: 'listCollections', args: [] });
      await vi.waitFor(() => expect(answers.map((a) => 'id' in a && a.id)).toEqual([2, 1]));
      const pictures = answers[1] as { ok: true; value: { code: string }[] };
      expect(pictures.ok).toBe(true);
      expect(pictures.value.map((p) => p.code)).toEqual(Array(40).fill('picture-not-shown'));
    } finally {
      await engine.close();
    }
  });
});
