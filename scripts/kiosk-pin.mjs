#!/usr/bin/env node
// Prints the `"pinHash": "…"` line for a kiosk file. Needs only Node (no build, no Electron), so organisers
// can copy this one file anywhere. The format must stay the one main/kiosk/pin.ts reads; a test checks it.
//
//   node scripts/kiosk-pin.mjs            asks for the PIN twice without showing it
//   echo 4821 | node scripts/kiosk-pin.mjs   reads the PIN from standard input
import { randomBytes, scrypt } from 'node:crypto';
import process from 'node:process';
import { createInterface } from 'node:readline';

const PIN_PATTERN = /^[0-9]{4,12}$/;
const COST = { N: 16384, r: 8, p: 1 };

function hash(pin) {
  const salt = randomBytes(16);
  return new Promise((resolve, reject) => {
    scrypt(pin.normalize('NFKC'), salt, 32, { ...COST, maxmem: 256 * COST.N * COST.r }, (error, key) =>
      error
        ? reject(error)
        : resolve(
            `scrypt$${COST.N}$${COST.r}$${COST.p}$${salt.toString('base64')}$${key.toString('base64')}`,
          ),
    );
  });
}

// Reads one line from a terminal without echoing it; null when Ctrl-C or Ctrl-D ends the prompt instead.
function askHidden(question) {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    let answered = false;
    rl._writeToOutput = (text) => {
      if (text.startsWith(question)) process.stderr.write(question);
    };
    // Without this, Ctrl-C only paused the prompt, and the script ended mid-line with Node's status 13.
    rl.on('SIGINT', () => rl.close());
    rl.on('close', () => {
      if (answered) return;
      process.stderr.write('\n');
      resolve(null);
    });
    rl.question(question, (answer) => {
      answered = true;
      rl.close();
      process.stderr.write('\n');
      resolve(answer.trim());
    });
  });
}

async function readPiped() {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text.split(/\r?\n/)[0].trim();
}

async function main() {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(
      'Usage: node scripts/kiosk-pin.mjs\n' +
        'Asks for an organiser PIN (4 to 12 digits) and prints the "pinHash" line for a *.standalone-kiosk file.\n' +
        'The PIN itself is never stored; keep it somewhere safe.\n',
    );
    return 0;
  }
  let pin;
  if (process.stdin.isTTY) {
    pin = await askHidden('Organiser PIN (4 to 12 digits): ');
    const again = pin === null ? null : await askHidden('The same PIN again: ');
    if (pin === null || again === null) {
      process.stderr.write('No PIN was typed; nothing was printed.\n');
      return 1;
    }
    if (pin !== again) {
      process.stderr.write('The two PINs differ; nothing was printed.\n');
      return 1;
    }
  } else {
    pin = await readPiped();
  }
  if (!PIN_PATTERN.test(pin)) {
    process.stderr.write('A PIN must be 4 to 12 digits (0-9); nothing was printed.\n');
    return 1;
  }
  process.stdout.write(`"pinHash": "${await hash(pin)}"\n`);
  if (process.stdout.isTTY) process.stderr.write('Paste this line into your kiosk file.\n');
  return 0;
}

process.exitCode = await main();
