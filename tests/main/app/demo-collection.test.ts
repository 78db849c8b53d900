// The app's services over the real engine and the embedded demo collection: what a first launch shows.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../preload/contract';
import { createAssetHandler } from '../../../main/app/asset-protocol';
import { createEngineClient, type EngineClient } from '../../../main/app/engine-client';
import { createAppServices, type AppServices } from '../../../main/app/services';
import { openSettings } from '../../../main/app/settings';
import { openEngine } from '../../../main/engine/index';

const DEMO = resolve(__dirname, '../../../resources/demo');
let tmp: string;
let client: EngineClient;
let app: AppServices;
const events: AppEvent[] = [];
const waiters: { test: (e: AppEvent) => boolean; resolve: (e: AppEvent) => void }[] = [];

function nextEvent(test: (e: AppEvent) => boolean): Promise<AppEvent> {
  return new Promise((resolve) => waiters.push({ test, resolve }));
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'standalone-demo-'));
  client = createEngineClient({ open: openEngine, setup: { dbFile: join(tmp, 'store.json') } });
  app = createAppServices({
    engine: client,
    settings: openSettings(join(tmp, 'settings.json')),
    emit: (event) => {
      events.push(event);
      for (const waiter of [...waiters]) {
        if (waiter.test(event)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(event);
        }
      }
    },
    demoRoot: DEMO,
    pickFolder: async () => null,
    openExternalUrl: async () => undefined,
    version: '0.0.0',
    platform: 'linux',
    availabilityIntervalMs: 0,
  });
  await app.folders.start();
}, 60_000);

afterAll(async () => {
  await app.folders.stop();
  await client.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('first launch on the demo collection', () => {
  it('shows the demo edition and says it is the demo', async () => {
    const [demo, ...others] = await app.services.listCollections();
    expect(others).toEqual([]);
    expect(demo).toMatchObject({ name: 'Standalone Demo 2026', year: 2026, available: true });
    expect((await app.services.getAppInfo()).demo).toBe(true);
  });

  it('lists the four published stands with their logos and themes', async () => {
    const [demo] = await app.services.listCollections();
    const stands = await app.services.listStands(demo!.id);
    expect(stands.map((s) => s.slug).sort()).toEqual(['lumen-board', 'pixelforge', 'quillpad', 'tidewatch']);
    expect(stands.every((s) => s.logo !== null)).toBe(true);
    const themes = await app.services.listThemes(demo!.id);
    expect(themes.map((t) => t.slug).sort()).toEqual([
      'accessibility',
      'community-tools',
      'creative-software',
      'open-hardware',
    ]);
  });

  it('has sub-pages, a chat room and the problems every feature needs to show', async () => {
    const [demo] = await app.services.listCollections();
    const quillpad = await app.services.getStand(demo!.id, 'quillpad');
    expect(quillpad!.pages.map((p) => p.slug)).toEqual(
      expect.arrayContaining(['video-tour', 'get-involved']),
    );
    expect(quillpad!.links.some((l) => l.kind === 'chat')).toBe(true);
    const codes = new Set((await app.services.listProblems({ collection: demo!.id })).map((p) => p.code));
    for (const code of ['remote-frame', 'remote-media', 'theme-without-page', 'title-missing'])
      expect(codes).toContain(code);
  });

  it('reports the one broken stand file as an error, and nothing else (Hugo builds the rest)', async () => {
    const [demo] = await app.services.listCollections();
    const errors = await app.services.listProblems({ collection: demo!.id, severity: 'error' });
    expect(errors.map((p) => `${p.file} ${p.code}`)).toEqual([
      'content/stands/signal-garden.md front-matter-invalid',
    ]);
  });

  it('serves the demo logos through the asset protocol', async () => {
    const [demo] = await app.services.listCollections();
    const stand = await app.services.getStand(demo!.id, 'quillpad');
    const handler = createAssetHandler(client);
    const response = await handler(new Request(`stand-asset://${demo!.id}/${stand!.logo!}`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect((await handler(new Request(`stand-asset://${demo!.id}/config.toml`))).status).toBe(404);
  });
});

describe('adding a folder and live updates', () => {
  it('indexes an added folder and pushes a change within moments of a file being saved', async () => {
    const folder = join(tmp, 'stands-2027');
    cpSync(DEMO, folder, { recursive: true });
    const collection = await app.services.addFolder(folder);
    expect((await app.services.listCollections()).map((c) => c.id)).toContain(collection.id);
    expect((await app.services.getAppInfo()).demo).toBe(false);

    let seen = false;
    const changed = nextEvent((e) => e.type === 'changed' && e.change.collection === collection.id).then(
      () => {
        seen = true;
      },
    );
    // The watcher may still be starting up: save again until the change comes through, as an editor would.
    for (let attempt = 0; !seen && attempt < 50; attempt++) {
      writeFileSync(
        join(folder, 'content/stands/tidewatch.md'),
        `---\ntitle: Tidewatch Live\nthemes: [Community Tools]\nshow_on_overview: true\nsummary: save ${attempt}\n---\n`,
      );
      await Promise.race([changed, new Promise((resolve) => setTimeout(resolve, 500))]);
    }
    await changed;
    const stand = await app.services.getStand(collection.id, 'tidewatch');
    expect((await app.services.listStands(collection.id)).find((s) => s.slug === 'tidewatch')!.title).toBe(
      'Tidewatch Live',
    );
    expect(stand).not.toBeNull();
  }, 30_000);
});
