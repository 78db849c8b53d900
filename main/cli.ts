// Entry of `standalone` (bin/standalone.js loads the built out/main/cli.js). Plain Node: never electron.
import { runCli } from './cli/run';

// A reader that stops early (`standalone check . | head`) closes the pipe: what is left to print has
// nowhere to go, but the run goes on, so `index` still writes its store and the exit status is told.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: process.stderr.isTTY === true,
}).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(
      `standalone: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
