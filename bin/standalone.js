#!/usr/bin/env node
// `npx standalone …` from the project root: runs the built command line (see main/cli/run.ts).
import { existsSync } from 'node:fs';
import process from 'node:process';
import { URL, fileURLToPath, pathToFileURL } from 'node:url';

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('standalone: the command line is not built yet: run npm run build first\n');
  process.exit(2);
}
await import(pathToFileURL(cli).href);
