import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createPinGate, hashPin, parsePinHash, verifyPin } from '../../../main/kiosk/pin';

// Cheap cost for tests that hash often; the format and checks are the same as the default's.
const FAST = { N: 1024, r: 8, p: 1 };

describe('hashPin and verifyPin', () => {
  it('hashes with the default cost and a fresh salt, and verifies only the right PIN', async () => {
    const a = await hashPin('4821');
    const b = await hashPin('4821');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('4821');
    expect(await verifyPin('4821', a)).toBe(true);
    expect(await verifyPin('4821', b)).toBe(true);
    expect(await verifyPin('4822', a)).toBe(false);
    expect(await verifyPin('48210', a)).toBe(false);
    expect(await verifyPin('', a)).toBe(false);
  });

  it('is deterministic for a given salt', async () => {
    const salt = Buffer.from([...Array(16).keys()]);
    expect(await hashPin('2468', { salt })).toBe(
      'scrypt$16384$8$1$AAECAwQFBgcICQoLDA0ODw==$zqTxOQ9+JdPlblLqzTpgLMM2UTmilg/97SVoXbGeuf8=',
    );
  });

  it('refuses PINs that are not 4 to 12 digits', async () => {
    for (const pin of ['123', '1234567890123', '12a4', ' 1234', '１２３４']) {
      await expect(hashPin(pin)).rejects.toThrow('A PIN must be 4 to 12 digits.');
    }
  });

  it('says no, without throwing, for malformed hash lines', async () => {
    const good = await hashPin('1234', { cost: FAST });
    const [, , , , salt, hash] = good.split('$');
    const bad = [
      '',
      'plain',
      '1234',
      'scrypt$1024$8$1$' + salt,
      `bcrypt$1024$8$1$${salt}$${hash}`,
      `scrypt$1000$8$1$${salt}$${hash}`, // not a power of two
      `scrypt$512$8$1$${salt}$${hash}`, // too cheap
      `scrypt$262144$8$1$${salt}$${hash}`, // too much memory
      `scrypt$1024$8$1$AAAA$${hash}`, // salt too short
      `scrypt$1024$8$1$${salt}$AAAA`, // hash too short
      `${good}\n`,
    ];
    for (const line of bad) {
      expect(parsePinHash(line), line).toBeNull();
      expect(await verifyPin('1234', line)).toBe(false);
    }
    expect(parsePinHash(good)).toMatchObject({ N: 1024, r: 8, p: 1 });
  });
});

describe('createPinGate', () => {
  const clock = () => {
    let t = 1_000_000;
    return { now: () => t, advance: (ms: number) => (t += ms) };
  };

  it('locks out after five wrong PINs, refuses even the right one meanwhile, then doubles the wait', async () => {
    const time = clock();
    const gate = createPinGate({ hash: await hashPin('2580', { cost: FAST }), now: time.now });
    for (let i = 1; i <= 4; i++) {
      expect(await gate.attempt('0000')).toEqual({
        ok: false,
        reason: 'wrong',
        attemptsBeforeLockout: 5 - i,
        retryAfterMs: 0,
      });
    }
    expect(await gate.attempt('0000')).toEqual({
      ok: false,
      reason: 'wrong',
      attemptsBeforeLockout: 0,
      retryAfterMs: 30_000,
    });
    expect(await gate.attempt('2580')).toEqual({ ok: false, reason: 'locked-out', retryAfterMs: 30_000 });
    time.advance(29_999);
    expect(gate.retryAfterMs()).toBe(1);
    expect((await gate.attempt('2580')).ok).toBe(false);
    time.advance(1);
    expect(await gate.attempt('1111')).toEqual({
      ok: false,
      reason: 'wrong',
      attemptsBeforeLockout: 0,
      retryAfterMs: 60_000,
    });
    time.advance(60_000);
    expect(await gate.attempt('2580')).toEqual({ ok: true });
    // A success forgives past failures.
    expect(await gate.attempt('0000')).toMatchObject({ reason: 'wrong', attemptsBeforeLockout: 4 });
  });

  it('caps the lock-out', async () => {
    const time = clock();
    const gate = createPinGate({
      hash: await hashPin('2580', { cost: FAST }),
      now: time.now,
      maxLockoutMs: 100_000,
    });
    for (let i = 0; i < 12; i++) {
      await gate.attempt('0000');
      time.advance(gate.retryAfterMs());
    }
    await gate.attempt('0000');
    expect(gate.retryAfterMs()).toBe(100_000);
  });

  it('handles a burst one attempt at a time, so the burst cannot outrun the back-off', async () => {
    const gate = createPinGate({ hash: await hashPin('2580', { cost: FAST }), now: () => 0 });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => gate.attempt(i === 19 ? '2580' : '9999')),
    );
    expect(results.filter((r) => !r.ok && r.reason === 'wrong')).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.reason === 'locked-out')).toHaveLength(15);
    expect(results[19]).toEqual({ ok: false, reason: 'locked-out', retryAfterMs: 30_000 });
  });

  it('never unlocks a kiosk without a PIN', async () => {
    const gate = createPinGate({ hash: null });
    expect(await gate.attempt('0000')).toEqual({ ok: false, reason: 'no-pin', retryAfterMs: 0 });
    expect(await gate.attempt('')).toEqual({ ok: false, reason: 'no-pin', retryAfterMs: 0 });
  });

  it('counts input that is not a PIN as a wrong attempt without hashing it', async () => {
    const gate = createPinGate({ hash: await hashPin('2580', { cost: FAST }), now: () => 0 });
    expect(await gate.attempt('x'.repeat(10_000))).toMatchObject({
      ok: false,
      reason: 'wrong',
      attemptsBeforeLockout: 4,
    });
    expect(await gate.attempt(42 as unknown as string)).toMatchObject({
      ok: false,
      reason: 'wrong',
      attemptsBeforeLockout: 3,
    });
  });
});

describe('scripts/kiosk-pin.mjs', () => {
  const run = promisify(execFile);
  const script = resolve(__dirname, '../../../scripts/kiosk-pin.mjs');

  const runWithInput = (input: string) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      const child = execFile(process.execPath, [script], (error, stdout, stderr) =>
        done({ code: error ? (error.code as number) : 0, stdout, stderr }),
      );
      child.stdin!.end(input);
    });

  it('prints a "pinHash" line that main/kiosk/pin.ts verifies, in the format hashPin writes', async () => {
    const { code, stdout } = await runWithInput('7391\n');
    expect(code).toBe(0);
    const match = /^"pinHash": "(scrypt\$[^"]+)"\n$/.exec(stdout);
    expect(match).not.toBeNull();
    expect(await verifyPin('7391', match![1]!)).toBe(true);
    expect(await verifyPin('7390', match![1]!)).toBe(false);
    // The app's "Make a kiosk file…" (hashPin) and the script make the same kind of line: same cost, salt
    // and hash sizes; and, given the script's salt, the very same line.
    const fromScript = parsePinHash(match![1]!)!;
    const fromApp = await hashPin('7391', { salt: fromScript.salt });
    expect(fromApp).toBe(match![1]);
    expect(parsePinHash(await hashPin('7391'))).toMatchObject({
      N: fromScript.N,
      r: fromScript.r,
      p: fromScript.p,
      salt: expect.objectContaining({ length: fromScript.salt.length }),
      hash: expect.objectContaining({ length: fromScript.hash.length }),
    });
  });

  it('refuses a PIN that is not 4 to 12 digits and prints nothing', async () => {
    const { code, stdout, stderr } = await runWithInput('12ab\n');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('A PIN must be 4 to 12 digits');
  });

  // util-linux's script(1) gives the script a terminal, as an organiser typing at the prompt has.
  const hasScript = process.platform === 'linux' && existsSync('/usr/bin/script');
  it.skipIf(!hasScript)(
    'stops with status 1 and ends the prompt line when Ctrl-C or Ctrl-D is pressed at the prompt',
    async () => {
      for (const key of ['\x03', '\x04']) {
        const { code, output } = await new Promise<{ code: number | null; output: string }>((done) => {
          const child = spawn('/usr/bin/script', ['-qfec', `"${process.execPath}" "${script}"`, '/dev/null']);
          let output = '';
          let pressed = false;
          child.stdout.on('data', (chunk: Buffer) => {
            output += chunk.toString();
            if (!pressed && output.includes('Organiser PIN')) {
              pressed = true;
              child.stdin.write(key);
            }
          });
          const timer = setTimeout(() => child.kill(), 8000);
          child.on('close', (status) => {
            clearTimeout(timer);
            done({ code: status, output });
          });
        });
        expect(code).toBe(1);
        expect(output).toMatch(
          /Organiser PIN \(4 to 12 digits\): [^\n]*\r?\nNo PIN was typed; nothing was printed\./,
        );
        expect(output).not.toContain('pinHash');
      }
    },
    20_000,
  );

  it('explains itself with --help', async () => {
    const { stdout } = await run(process.execPath, [script, '--help']);
    expect(stdout).toContain('*.standalone-kiosk file');
  });
});
