#!/usr/bin/env node
// Reads the fuse wire of a packaged Standalone and fails unless every required fuse is set.
// The release workflow runs it on the real Electron binaries of each OS:
//   node scripts/packaging/verify-fuses.mjs release/linux-unpacked/standalone
//   node scripts/packaging/verify-fuses.mjs release/win-unpacked/Standalone.exe
//   node scripts/packaging/verify-fuses.mjs release/mac-arm64/Standalone.app
import { createRequire } from 'node:module';
import process from 'node:process';
import { REQUIRED_FUSES, fuseWireProblems } from './inspect.mjs';

const require = createRequire(import.meta.url);
const { getCurrentFuseWire } = require('@electron/fuses');

const targets = process.argv.slice(2);
if (targets.length === 0) {
  process.stderr.write('usage: verify-fuses.mjs <executable or .app>...\n');
  process.exit(2);
}
let failed = false;
for (const target of targets) {
  try {
    const problems = fuseWireProblems(await getCurrentFuseWire(target));
    if (problems.length) {
      failed = true;
      process.stdout.write(`FAIL ${target}\n${problems.map((problem) => `  ${problem}`).join('\n')}\n`);
    } else {
      process.stdout.write(
        `ok   ${target}: ${REQUIRED_FUSES.map(({ key, on }) => `${key}=${on}`).join(', ')}\n`,
      );
    }
  } catch (error) {
    failed = true;
    process.stdout.write(`FAIL ${target}: ${error instanceof Error ? error.message : error}\n`);
  }
}
process.exitCode = failed ? 1 : 0;
