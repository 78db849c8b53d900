#!/usr/bin/env node
// `npx standalone …` from the project root: runs the built command line (see main/cli/run.ts).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import process from 'node:process';
import { URL, fileURLToPath, pathToFileURL } from 'node:url';

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('standalone: the command line is not built yet: run npm run build first\n');
  process.exit(2);
}
// The engine needs a larger young generation than Node's default (ENGINE_SEMI_SPACE_MB in
// main/engine/limits.ts); Node takes it only as a flag at start, so the command starts itself once more.
const YOUNG = '--max-semi-space-size=64';
if (!process.execArgv.includes(YOUNG)) {
  const args = [...process.execArgv, YOUNG, fileURLToPath(import.meta.url), ...process.argv.slice(2)];
  const { status, signal, error } = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (error) {
    process.stderr.write(`standalone: could not start Node: ${error.message}\n`);
    process.exit(2);
  }
  if (signal) process.kill(process.pid, signal);
  process.exit(status ?? 2);
}
await import(pathToFileURL(cli).href);
