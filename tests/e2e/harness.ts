// The Chromium harness: the built renderer and the real preload in Debian's Chromium, talking to the real
// main-process handlers (registerIpc over the app's services) over a real index of fixture folders.
//
//   page ──window.api (real preload, `electron` → electron-shim)──▶ exposeBinding('__standaloneInvoke')
//        ──▶ registerIpc's handlers on a stand-in ipcMain ──▶ createAppServices ──▶ engine client ──▶ engine
//
// The renderer is served from 127.0.0.1 under the app's own CSP; `stand-asset://` requests are answered by
// the app's real asset handler; every request the page attempts is recorded, and anything that is neither
// the local server nor the asset scheme is aborted (and shows up in `offMachine()`).
import { mkdtempSync, readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type BrowserContext, type Page, type Route } from 'playwright-core';
import { EVENT_CHANNEL, type AppEvent } from '../../preload/contract';
import { ASSET_SCHEME } from '../../main/engine/types';
import { createAssetHandler } from '../../main/app/asset-protocol';
import { appCsp } from '../../main/app/csp';
import { createEngineClient, type EngineClient } from '../../main/app/engine-client';
import { createSenderCheck, registerIpc, type IpcEventLike, type Services } from '../../main/app/ipc';
import { createAppServices } from '../../main/app/services';
import { openSettings } from '../../main/app/settings';
import { createKioskService } from '../../main/kiosk/kiosk-service';
import type { KioskStartup } from '../../main/kiosk/startup';
import type { FolderManager } from '../../main/app/folders';
import {
  ENGINE_WORKER_OUT,
  ensureEngineWorkerBuilt,
  ensurePreloadBuilt,
  ensureRendererBuilt,
  PRELOAD_OUT,
  RENDERER_OUT,
} from './build';
import { openEngine } from '../../main/engine/index';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
  /** What the harness did with it: served locally, or aborted because it would leave the machine. */
  outcome: 'local' | 'asset' | 'blocked';
}

export interface ConsoleEntry {
  type: string;
  text: string;
  location?: string;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** One request the page made, as main saw it (the bench splits a round trip with these). */
export interface IpcCall {
  channel: string;
  /** `performance.now()` in Node when the handler was called. */
  at: number;
  /** The handler: sender check, argument schema, service, engine client and engine. */
  handlerMs: number;
  /** Turning the answer into the JSON text the binding carries (the harness's own cost). */
  serializeMs: number;
  /** Characters of that text. */
  bytes: number;
}

export interface HarnessOptions {
  /** Folders indexed (added through the services, as the app would) before the page opens. */
  folders?: string[];
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /** What the "Add a folder…" picker answers. */
  pickFolder?: () => Promise<string | null>;
  /** What the kiosk file's save dialog answers; without it, kiosk files cannot be saved. */
  pickKioskFile?: (defaultName: string) => Promise<string | null>;
  /** Share one browser between harnesses (the snapshot script's several shots). */
  browser?: Browser;
  deviceScaleFactor?: number;
  /** Kiosk mode, as a kiosk file would start it (main/kiosk/startup.ts); off when absent. */
  kiosk?: KioskStartup;
  /**
   * Where the engine runs: in this process (the default, as main's tests run it), or in a worker thread
   * as the app runs it, so its work and its heap's garbage collection never hold up this thread, which
   * carries the page's requests (the bench, with an index of 10,000 stands).
   */
  engine?: 'in-process' | 'worker';
}

export interface Harness {
  page: Page;
  context: BrowserContext;
  browser: Browser;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  services: Services;
  folders: FolderManager;
  engine: EngineClient;
  requests: RecordedRequest[];
  console: ConsoleEntry[];
  pageErrors: string[];
  /** Every `alert`/`confirm`/`prompt` the page opened (each is dismissed). */
  dialogs: string[];
  /** URLs main was asked to open in the system browser. */
  externalOpened: string[];
  /** How many times the kiosk service quit the app (`app.quit` in the app), for Quit Standalone. */
  appQuits(): number;
  /** Every event pushed to the page. */
  events: AppEvent[];
  /** Every request the page made through the bridge, in the order main answered them. */
  ipcCalls: IpcCall[];
  /** Pushes an event to the page as main would (`webContents.send`). */
  emit(event: AppEvent): void;
  /** Opens a route (`/c/x/stands/y`) and waits until the screen has settled. */
  open(route: string): Promise<void>;
  /** Waits until no loading indicator is left on the screen. */
  settle(): Promise<void>;
  /** Requests that tried to go anywhere but the local server and the asset scheme. */
  offMachine(): RecordedRequest[];
  consoleErrors(): ConsoleEntry[];
  /** Runs axe-core (WCAG 2.x A/AA and best practices) on the page as it is. */
  axe(): Promise<AxeViolation[]>;
  close(): Promise<void>;
}

const require = createRequire(import.meta.url);

function contentType(file: string): string {
  return (
    {
      '.html': 'text/html; charset=utf-8',
      '.js': 'text/javascript; charset=utf-8',
      '.css': 'text/css; charset=utf-8',
      '.svg': 'image/svg+xml',
      '.png': 'image/png',
      '.woff2': 'font/woff2',
      '.json': 'application/json',
    }[extname(file)] ?? 'application/octet-stream'
  );
}

function serveRenderer(): Promise<{ server: Server; origin: string }> {
  const csp = appCsp();
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = normalize(join(RENDERER_OUT, path === '/' ? 'index.html' : path));
    if (!file.startsWith(RENDERER_OUT + sep)) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = readFileSync(file);
      response.writeHead(200, {
        'Content-Type': contentType(file),
        'Content-Security-Policy': csp,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, origin: `http://127.0.0.1:${port}` });
    });
  });
}

/** Launches Debian's Chromium the way every harness does. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** Starts everything: builds if stale, indexes `folders`, opens a page (on no route yet). */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  await ensureRendererBuilt();
  await ensurePreloadBuilt();
  const work = mkdtempSync(join(tmpdir(), 'standalone-e2e-'));
  const { server, origin } = await serveRenderer();

  let page: Page | null = null;
  const events: AppEvent[] = [];
  const emit = (event: AppEvent) => {
    events.push(event);
    if (page && !page.isClosed()) {
      void page
        .evaluate(
          ([channel, data]) =>
            (window as unknown as { __standaloneEmit(c: string, d: unknown): void }).__standaloneEmit(
              channel as string,
              data,
            ),
          [EVENT_CHANNEL, event] as const,
        )
        .catch(() => undefined);
    }
  };

  const setup = { dbFile: join(work, 'store.json') };
  if (options.engine === 'worker') await ensureEngineWorkerBuilt();
  const engine = createEngineClient(
    options.engine === 'worker' ? { workerPath: ENGINE_WORKER_OUT, setup } : { open: openEngine, setup },
  );
  const externalOpened: string[] = [];
  let appQuits = 0;
  const kiosk = options.kiosk
    ? createKioskService({
        startup: options.kiosk,
        listCollections: () => engine.listCollections(),
        quit: () => void (appQuits += 1),
      })
    : undefined;
  kiosk?.onChange((state) => emit({ type: 'kiosk', state }));
  const { services, folders } = createAppServices({
    engine,
    kiosk,
    settings: openSettings(null),
    emit,
    demoRoot: null,
    pickFolder: options.pickFolder ?? (async () => null),
    pickKioskFile: options.pickKioskFile,
    openExternalUrl: async (url) => void externalOpened.push(url),
    version: '0.0.0-e2e',
    platform: process.platform,
    availabilityIntervalMs: 0,
  });
  // Folders given at start-up join as main adds them (command line, kiosk file): not through the guarded
  // channel, which a locked kiosk refuses.
  for (const folder of options.folders ?? []) await folders.addFolder(folder);

  // The stand-in ipcMain: registerIpc fills it; the page's binding calls into it.
  const handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>>();
  const sender = { harness: 'page' };
  registerIpc(
    { handle: (channel, listener) => void handlers.set(channel, listener) },
    services,
    createSenderCheck(() => sender, origin),
  );

  const browser = options.browser ?? (await launchChromium());
  const ipcCalls: IpcCall[] = [];
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    serviceWorkers: 'block',
    acceptDownloads: false,
  });
  await context.exposeBinding('__standaloneInvoke', async (source, channel: unknown, args: unknown) => {
    const handler = typeof channel === 'string' ? handlers.get(channel) : undefined;
    if (!handler) throw new Error(`No handler registered for '${String(channel)}'`);
    const frame = source.frame;
    const event: IpcEventLike = {
      sender,
      senderFrame: { url: frame.url(), parent: frame.parentFrame() ?? undefined },
    };
    const at = performance.now();
    const result = await handler(event, ...(Array.isArray(args) ? args : []));
    const handled = performance.now();
    // As text: Playwright's own serialization of a binding's result is slow for the megabytes a
    // 10,000-stand overview carries, and JSON keeps exactly what IPC's structured clone would of plain data.
    const text = JSON.stringify(result ?? null);
    ipcCalls.push({
      channel: channel as string,
      at,
      handlerMs: handled - at,
      serializeMs: performance.now() - handled,
      bytes: text.length,
    });
    return text;
  });
  await context.addInitScript({ path: PRELOAD_OUT });

  const requests: RecordedRequest[] = [];
  const assetHandler = createAssetHandler(engine);
  await context.route('**/*', async (route: Route) => {
    const request = route.request();
    const url = request.url();
    const record = (outcome: RecordedRequest['outcome']) =>
      requests.push({ url, method: request.method(), resourceType: request.resourceType(), outcome });
    if (url.startsWith(`${origin}/`)) {
      record('local');
      await route.continue();
    } else if (url.startsWith(`${ASSET_SCHEME}:`)) {
      record('asset');
      const response = await assetHandler(
        new Request(url, { method: request.method(), headers: request.headers() }),
      );
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => (headers[name] = value));
      await route.fulfill({
        status: response.status,
        headers,
        body: Buffer.from(await response.arrayBuffer()),
      });
    } else {
      record('blocked');
      await route.abort('blockedbyclient');
    }
  });

  page = await context.newPage();
  const consoleEntries: ConsoleEntry[] = [];
  const pageErrors: string[] = [];
  const dialogs: string[] = [];
  // Requests the route never sees (refused by CSP before they are made) still count as attempts.
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith(`${origin}/`) || url.startsWith(`${ASSET_SCHEME}:`) || url.startsWith('data:')) return;
    if (!requests.some((r) => r.url === url && r.outcome === 'blocked')) {
      requests.push({
        url,
        method: request.method(),
        resourceType: request.resourceType(),
        outcome: 'blocked',
      });
    }
  });
  page.on('console', (message) => {
    const location = message.location();
    consoleEntries.push({
      type: message.type(),
      text: message.text(),
      location: location.url ? `${location.url}:${location.lineNumber}` : undefined,
    });
  });
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  const thePage = page;

  const settle = async () => {
    try {
      await thePage.waitForFunction(
        () =>
          document.querySelector('#sa-main h1') !== null && document.querySelector('.sa-loading') === null,
        undefined,
        { timeout: 15_000 },
      );
    } catch (error) {
      // Say what the page shows and said, not just that it timed out.
      const body = await thePage.evaluate(() => document.body.innerText.slice(0, 500)).catch(() => '?');
      const said = [
        ...pageErrors,
        ...consoleEntries.filter((e) => e.type === 'error').map((e) => e.text),
      ].slice(-5);
      throw new Error(
        `${(error as Error).message}\nPage text: ${body}\nPage errors and console: ${said.join('\n') || 'none'}`,
        { cause: error },
      );
    }
  };

  return {
    page: thePage,
    context,
    browser,
    origin,
    services,
    folders,
    engine,
    requests,
    console: consoleEntries,
    pageErrors,
    dialogs,
    externalOpened,
    appQuits: () => appQuits,
    events,
    ipcCalls,
    emit,
    async open(route) {
      // A fresh document every time: going from one hash to another would keep the previous page alive.
      if (thePage.url().startsWith(origin)) await thePage.goto('about:blank');
      await thePage.goto(`${origin}/index.html#${route}`);
      await settle();
    },
    settle,
    offMachine: () => requests.filter((r) => r.outcome === 'blocked'),
    consoleErrors: () => consoleEntries.filter((entry) => entry.type === 'error'),
    async axe() {
      const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
      // Evaluated through the DevTools protocol, which the page's CSP does not govern.
      await thePage.evaluate(source);
      return thePage.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run(
                context: Document,
                options: unknown,
              ): Promise<{
                violations: {
                  id: string;
                  impact: string | null;
                  help: string;
                  nodes: { target: unknown[] }[];
                }[];
              }>;
            };
          }
        ).axe;
        const result = await axe.run(document, {
          runOnly: {
            type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
          },
          resultTypes: ['violations'],
        });
        return result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => n.target.join(' ')),
        }));
      });
    },
    async close() {
      await context.close().catch(() => undefined);
      if (!options.browser) await browser.close().catch(() => undefined);
      await folders.stop().catch(() => undefined);
      await engine.close().catch(() => undefined);
      await new Promise((resolve) => server.close(resolve));
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** Writes what a snapshot holds: screenshot.png, dom.html, requests.json, console.json. */
export async function writeSnapshot(
  harness: Harness,
  outDir: string,
  options: { fullPage?: boolean } = {},
): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  // Images on screen finish loading and are painted first (a routed asset can still be in flight when
  // the screen has settled); lazy ones off screen never start, hence the time limit.
  await harness.page
    .waitForFunction(
      () =>
        Array.from(document.images).every((img) => {
          const box = img.getBoundingClientRect();
          const onScreen = box.bottom > 0 && box.top < window.innerHeight && box.width > 0;
          return !onScreen || (img.complete && img.naturalWidth > 0);
        }),
      undefined,
      { timeout: 5000, polling: 100 },
    )
    .catch(() => undefined);
  await harness.page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  await harness.page.screenshot({
    path: join(outDir, 'screenshot.png'),
    fullPage: options.fullPage ?? false,
  });
  writeFileSync(join(outDir, 'dom.html'), await harness.page.content());
  writeFileSync(join(outDir, 'requests.json'), `${JSON.stringify(harness.requests, null, 2)}\n`);
  writeFileSync(
    join(outDir, 'console.json'),
    `${JSON.stringify({ console: harness.console, pageErrors: harness.pageErrors, dialogs: harness.dialogs }, null, 2)}\n`,
  );
}
