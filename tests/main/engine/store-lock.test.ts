// One writer per store: a second engine on a store file is refused while the first is open, allowed once
// it is closed; a lock left by a crashed process is taken over (at once when its holder is known to be
// gone from this computer); a lock taken over is never written past.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../main/engine/api';
import { openEngine, StoreInUseError } from '../../../main/engine/index';
import { lockStore, STORE_LOCK_STALE_MS } from '../../../main/engine/store-lock';
import { engineFor, FIXTURES, tempDir } from './helpers';

function siteCopy(): string {
  const root = path.join(tempDir(), 'harbour-2024');
  cpSync(path.join(FIXTURES, 'site'), root, { recursive: true });
  return root;
}

/** Waits for the engine's scheduled store write (not part of the Engine interface). */
const flush = (engine: Engine) => (engine as Engine & { flush(): Promise<void> }).flush();

describe('the store lock', () => {
  it('refuses a second engine on the same store while the first is open, and allows it after close', async () => {
    const dbFile = path.join(tempDir(), 'store.json');
    const first = await openEngine({ dbFile });
    await first.indexFolder(siteCopy());
    await flush(first);
    const before = readFileSync(dbFile, 'utf8');
    expect(existsSync(`${dbFile}.lock`)).toBe(true);

    const refused = openEngine({ dbFile });
    await expect(refused).rejects.toBeInstanceOf(StoreInUseError);
    await expect(refused).rejects.toThrow(`The store ${dbFile} is in use by Standalone`);
    // The refused engine neither wrote nor took the lock away.
    expect(readFileSync(dbFile, 'utf8')).toBe(before);
    expect(existsSync(`${dbFile}.lock`)).toBe(true);

    await first.close();
    expect(readdirSync(path.dirname(dbFile))).toEqual(['store.json']);
    const second = await openEngine({ dbFile });
    expect(second.listCollections()).toHaveLength(1);
    await second.close();
  });

  it('locks nothing in memory (standalone check): two at once each index the same folder', async () => {
    const one = await engineFor();
    const two = await engineFor();
    const root = siteCopy();
    await one.indexFolder(root);
    await two.indexFolder(root);
    expect(one.listCollections().map((c) => c.root)).toEqual([root]);
    expect(two.listCollections().map((c) => c.root)).toEqual([root]);
  });

  it('takes over a lock left by a process that crashed', async () => {
    const dbFile = path.join(tempDir(), 'store.json');
    mkdirSync(`${dbFile}.lock`);
    // Held from another computer (a store on a shared drive): only its age can tell its holder is gone.
    writeFileSync(`${dbFile}.lock-owner`, JSON.stringify({ pid: 1, host: 'another-computer', boot: 0 }));
    await expect(openEngine({ dbFile })).rejects.toBeInstanceOf(StoreInUseError);
    const almost = new Date(Date.now() - STORE_LOCK_STALE_MS + 60_000);
    utimesSync(`${dbFile}.lock`, almost, almost);
    await expect(openEngine({ dbFile })).rejects.toBeInstanceOf(StoreInUseError);
    // Nobody touched it for longer than the threshold: its holder is gone.
    const old = new Date(Date.now() - STORE_LOCK_STALE_MS - 1000);
    utimesSync(`${dbFile}.lock`, old, old);
    const engine = await engineFor({ dbFile });
    await engine.indexFolder(siteCopy());
    await engine.close();
    expect(existsSync(dbFile)).toBe(true);
    expect(existsSync(`${dbFile}.lock`)).toBe(false);
  });

  it('takes over a lock left without its owner by a run stopped while taking it, once it is a few seconds old', async () => {
    const dbFile = path.join(tempDir(), 'store.json');
    // What Ctrl-C leaves in the moment between the lock's folder and its owner file.
    mkdirSync(`${dbFile}.lock`);
    await expect(openEngine({ dbFile })).rejects.toBeInstanceOf(StoreInUseError);
    const earlier = new Date(Date.now() - 20_000);
    utimesSync(`${dbFile}.lock`, earlier, earlier);
    const engine = await openEngine({ dbFile });
    await engine.close();
    expect(readdirSync(path.dirname(dbFile))).toEqual([]);
  });

  /** A lock as a process that stopped abruptly leaves it: the folder, fresh, and who held it. */
  function leftLock(dbFile: string, pid: number, boot = Date.now() - os.uptime() * 1000): void {
    mkdirSync(`${dbFile}.lock`);
    writeFileSync(`${dbFile}.lock-owner`, JSON.stringify({ pid, host: os.hostname(), boot }));
  }

  it('takes over at once a fresh lock whose holder on this computer is gone', async () => {
    const dbFile = path.join(tempDir(), 'store.json');
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => gone.on('exit', resolve));
    leftLock(dbFile, gone.pid!);
    const engine = await openEngine({ dbFile });
    await engine.indexFolder(siteCopy());
    await engine.close();
    expect(readdirSync(path.dirname(dbFile))).toEqual(['store.json']);
  });

  it('takes over a lock held before this computer last started, whatever process has its number now', async () => {
    const dbFile = path.join(tempDir(), 'store.json');
    leftLock(dbFile, process.pid, Date.now() - os.uptime() * 1000 - 3_600_000);
    const engine = await openEngine({ dbFile });
    await engine.close();
    expect(existsSync(`${dbFile}.lock`)).toBe(false);
  });

  it('leaves a fresh lock alone while its holder is running', async () => {
    const dbFile = path.join(tempDir(), 'store.json');
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      leftLock(dbFile, holder.pid!);
      await expect(openEngine({ dbFile })).rejects.toBeInstanceOf(StoreInUseError);
      expect(existsSync(`${dbFile}.lock`)).toBe(true);
    } finally {
      holder.kill();
      await new Promise((resolve) => holder.on('exit', resolve));
    }
    // Gone now: its lock is taken over without waiting for it to go stale.
    const engine = await openEngine({ dbFile });
    await engine.close();
  });

  it('still moves a damaged store aside, beside its lock', async () => {
    const dbFile = path.join(tempDir(), 'store.json');
    const first = await openEngine({ dbFile });
    await first.indexFolder(siteCopy());
    await first.close();
    writeFileSync(dbFile, readFileSync(dbFile, 'utf8').slice(0, 200));
    const second = await openEngine({ dbFile });
    expect(second.notices[0]).toContain('moved to');
    expect(second.listCollections()).toHaveLength(1);
    await second.close();
    const names = readdirSync(path.dirname(dbFile)).sort();
    expect(names.filter((name) => name.includes('.corrupt-'))).toHaveLength(1);
    expect(names).not.toContain('store.json.lock');
    expect(names).not.toContain('.store.json.tmp');
  });

  it('never writes over a store another process took over, and says so', async () => {
    const dbFile = path.join(tempDir(), 'store.json');
    const lost: string[] = [];
    const engine = await openEngine({ dbFile, onStoreLost: (message) => lost.push(message) });
    await engine.indexFolder(siteCopy());
    await flush(engine);
    const before = readFileSync(dbFile, 'utf8');
    // Another process found the lock stale (this one was busy) and made its own.
    rmdirSync(`${dbFile}.lock`);
    mkdirSync(`${dbFile}.lock`);
    await engine.renameCollection(engine.listCollections()[0]!.id, 'Renamed');
    await expect(engine.close()).rejects.toThrow('no longer holds the store');
    expect(readFileSync(dbFile, 'utf8')).toBe(before);
    expect(lost).toHaveLength(1);
    // The new holder's lock stays where it is.
    expect(existsSync(`${dbFile}.lock`)).toBe(true);
  });

  it('tells when the library finds its lock gone, without throwing from its timer', async () => {
    const dbFile = path.join(tempDir(), 'store.json');
    let told: (message: string) => void = () => undefined;
    const lost = new Promise<string>((resolve) => (told = resolve));
    const lock = await lockStore(dbFile, { onLost: told, staleMs: 2000, updateMs: 1000 });
    rmdirSync(`${dbFile}.lock`);
    expect(await lost).toContain('no longer holds the store');
    expect(() => lock.check()).toThrow('no longer holds the store');
    await lock.release();
  });
});
