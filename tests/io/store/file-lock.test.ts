import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ABANDONED_AFTER_MS, withFileLock } from '../../../src/io/store/file-lock.js';
import { openStore, STORE_FORMAT_VERSION } from '../../../src/io/store/store.js';

// Child processes cannot load TypeScript on Node 20, so they use the store as built from src/ into dist/test/
// (`npm test` builds first).
const BUILT = (file: string) => pathToFileURL(path.resolve('dist/test', file)).href;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flashdeck-lock-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function runNode(script: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`exited ${code}: ${output}`))));
  });
}

/** The process id of a process that has ended. */
function deadPid(): number {
  const { pid } = spawnSync(process.execPath, ['-e', '']);
  if (pid === undefined) throw new Error('no child process');
  return pid;
}

describe('withFileLock', () => {
  it('makes another process wait until the holder is done', async () => {
    const lock = path.join(dir, 'x.lock');
    const journal = path.join(dir, 'journal');
    const holder = runNode(
      `const { withFileLock } = await import(process.argv[1]);
       const fs = await import('node:fs');
       withFileLock(process.argv[2], () => {
         fs.appendFileSync(process.argv[3], 'child in\\n');
         Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
         fs.appendFileSync(process.argv[3], 'child out\\n');
       });`,
      [BUILT('file-lock.js'), lock, journal],
    );
    while (!fs.existsSync(journal)) await new Promise((resolve) => setTimeout(resolve, 5));
    withFileLock(lock, () => fs.appendFileSync(journal, 'parent\n'));
    await holder;
    expect(fs.readFileSync(journal, 'utf8')).toBe('child in\nchild out\nparent\n');
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('breaks a lock left by a process that is gone', () => {
    const lock = path.join(dir, 'x.lock');
    fs.writeFileSync(lock, String(deadPid()));
    expect(withFileLock(lock, () => 'ran')).toBe('ran');
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('breaks an old lock whose process id is in use again, and an old empty one', () => {
    const lock = path.join(dir, 'x.lock');
    const old = new Date(Date.now() - 60_000);
    for (const owner of [String(process.pid), '']) {
      fs.writeFileSync(lock, owner);
      fs.utimesSync(lock, old, old);
      expect(withFileLock(lock, () => 'ran')).toBe('ran');
    }
  });

  it('takes over a lock naming a live process once it is older than the bound, not before', () => {
    const lock = path.join(dir, 'x.lock');
    // A lock of normal age whose process is alive: this test's own process id, so it is alive for sure.
    fs.writeFileSync(lock, String(process.pid));
    const aged = new Date(Date.now() - ABANDONED_AFTER_MS + 300);
    fs.utimesSync(lock, aged, aged);
    const started = Date.now();
    expect(withFileLock(lock, () => 'ran')).toBe('ran');
    // It waited for the lock to pass the bound (about 300 ms) instead of taking it at once or waiting forever.
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('takes over a lock dated in the future (a clock set back), which would otherwise never grow old', () => {
    const lock = path.join(dir, 'x.lock');
    fs.writeFileSync(lock, String(process.pid));
    const future = new Date(Date.now() + 3_600_000);
    fs.utimesSync(lock, future, future);
    expect(withFileLock(lock, () => 'ran')).toBe('ran');
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('never removes a lock that another process has taken over meanwhile', () => {
    const lock = path.join(dir, 'x.lock');
    expect(
      withFileLock(lock, () => {
        // Another process takes the lock over from this one (it held it too long).
        fs.writeFileSync(lock, '99999 other');
        return 'ran';
      }),
    ).toBe('ran');
    expect(fs.readFileSync(lock, 'utf8')).toBe('99999 other');
  });

  it('releases the lock when the work throws', () => {
    const lock = path.join(dir, 'x.lock');
    expect(() =>
      withFileLock(lock, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(fs.existsSync(lock)).toBe(false);
  });
});

describe('config.json written by several processes at once', () => {
  // Each child opens the same store (fresh: every one of them may create config.json) and writes its own setting.
  const KEYS = ['newCardsPerDay', 'reviewsPerDay', 'retention', 'parameters'];
  const WRITE = `
    const [storeUrl, home, key, times, startAt] = process.argv.slice(1);
    const { openStore } = await import(storeUrl);
    const store = openStore(home);
    if (startAt) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.max(0, Number(startAt) - Date.now()));
    for (let i = 1; i <= Number(times); i++) {
      if (key === 'parameters') store.setParameters(Array(21).fill(i));
      else store.setSetting({ key }, key === 'retention' ? 0.5 + i / 100 : i);
    }
  `;
  const storedKeys = (home: string) =>
    Object.keys(JSON.parse(fs.readFileSync(path.join(home, 'config.json'), 'utf8')) as object)
      .filter((key) => key !== 'formatVersion')
      .sort();

  it('keeps every change: no process undoes another’s', async () => {
    const home = path.join(dir, 'store');
    await Promise.all(KEYS.map((key) => runNode(WRITE, [BUILT('store.js'), home, key, '25'])));
    expect(storedKeys(home)).toEqual([...KEYS].sort());
    expect(JSON.parse(fs.readFileSync(path.join(home, 'config.json'), 'utf8'))).toMatchObject({
      formatVersion: STORE_FORMAT_VERSION,
      newCardsPerDay: 25,
    });
    expect(fs.readdirSync(home).sort()).toEqual(['config.json']);
  }, 20_000);

  // Several processes find one abandoned lock at once: only one may break it, or two would write at the same time and
  // one change would be lost. Every trial starts from a lock left by a process that is gone, and the processes start
  // their write at one agreed instant.
  it('loses no change when several processes find an abandoned lock at once', async () => {
    for (let trial = 0; trial < 10; trial++) {
      const home = path.join(dir, `store-${trial}`);
      fs.mkdirSync(home);
      fs.writeFileSync(path.join(home, 'config.json'), `{"formatVersion": ${STORE_FORMAT_VERSION}}`);
      fs.writeFileSync(path.join(home, 'config.json.lock'), String(deadPid()));
      const startAt = String(Date.now() + 400);
      await Promise.all(KEYS.map((key) => runNode(WRITE, [BUILT('store.js'), home, key, '1', startAt])));
      expect(storedKeys(home), `trial ${trial}`).toEqual([...KEYS].sort());
      expect(fs.readdirSync(home).sort()).toEqual(['config.json']);
    }
  }, 60_000);

  it('is not blocked by a lock left by a killed session', () => {
    const home = path.join(dir, 'store');
    fs.mkdirSync(home);
    fs.writeFileSync(path.join(home, 'config.json.lock'), String(deadPid()));
    const store = openStore(home);
    store.setParameters(Array(21).fill(1));
    expect(storedKeys(home)).toEqual(['parameters']);
    expect(fs.existsSync(path.join(home, 'config.json.lock'))).toBe(false);
  });
});
