#!/usr/bin/env node
// Starts a packaged Standalone (fuses flipped, app.asar, demo as an extra resource) and checks through the
// Chrome DevTools protocol that its window shows the demo stands. Playwright's `_electron` cannot drive a
// packaged build: it needs Node's --inspect, which our fuses turn off; Chromium's own remote debugging
// still works. The release workflow runs this on each OS's real build; it exercises what only a package
// has: loading from the asar, the engine worker inside it, and resources/demo.
//
//   node scripts/packaging/packaged-smoke.mjs EXECUTABLE [--expect TEXT]... [--url-prefix PREFIX] [-- APP ARGS]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';

const TIMEOUT_MS = 90_000;

function parseArgs(argv) {
  const options = { executable: null, expect: [], urlPrefix: 'standalone-app://', appArgs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--expect') options.expect.push(argv[++i]);
    else if (arg === '--url-prefix') options.urlPrefix = argv[++i];
    else if (arg === '--') {
      options.appArgs = argv.slice(i + 1);
      break;
    } else if (!options.executable) options.executable = arg;
    else throw new Error(`unexpected argument ${arg}`);
  }
  if (!options.executable)
    throw new Error('usage: packaged-smoke.mjs EXECUTABLE [--expect TEXT]... [-- APP ARGS]');
  if (options.expect.length === 0) options.expect = ['Standalone Demo 2026', 'Lumen Board'];
  return options;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForDebugger(port, child) {
  const deadline = Date.now() + TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the app exited with ${child.exitCode} before its window opened`);
    try {
      const response = await globalThis.fetch(`http://127.0.0.1:${port}/json/version`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`no remote debugging endpoint on port ${port} after ${TIMEOUT_MS / 1000} s`);
}

async function findAppPage(browser, urlPrefix) {
  const deadline = Date.now() + TIMEOUT_MS;
  while (Date.now() < deadline) {
    const page = browser
      .contexts()
      .flatMap((context) => context.pages())
      .find((candidate) => candidate.url().startsWith(urlPrefix));
    if (page) return page;
    await sleep(250);
  }
  throw new Error(`no window showing ${urlPrefix}…`);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const work = mkdtempSync(join(tmpdir(), 'standalone-packaged-smoke-'));
  const port = await freePort();
  // Chromium refuses its sandbox as root (containers); everywhere else the app runs exactly as shipped.
  const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const child = spawn(
    options.executable,
    [...rootArgs, `--remote-debugging-port=${port}`, ...options.appArgs],
    {
      env: { ...process.env, STANDALONE_USER_DATA: join(work, 'user-data') },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  let browser;
  try {
    await waitForDebugger(port, child);
    browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    const page = await findAppPage(browser, options.urlPrefix);
    for (const text of options.expect) {
      await page.getByText(text).first().waitFor({ timeout: TIMEOUT_MS });
      process.stdout.write(`ok   the window shows "${text}"\n`);
    }
    const probe = await page.evaluate(() => ({
      node: typeof globalThis.process !== 'undefined' || typeof globalThis.require !== 'undefined',
      origin: globalThis.location.origin,
    }));
    if (probe.node) throw new Error('the page can reach Node');
    process.stdout.write(`ok   no Node in the page (${probe.origin})\n`);
    process.stdout.write('packaged smoke test: the packaged app works\n');
  } finally {
    await browser?.close().catch(() => {});
    child.kill();
    await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
    rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 500 });
  }
}

main().catch((error) => {
  process.stderr.write(`packaged smoke test: ${error instanceof Error ? error.message : error}\n`);
  process.exitCode = 1;
});
