import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardFile, cliEnv, readReviewLog, runCli, runCliWithFaults, testdir } from './helpers.js';

// The store's write paths (the review log, settings and their lock, the caches) under injected faults: a full disk,
// no permission, a folder in the way, a name too long, and the process killed at each step. The store must always load
// afterwards, with nothing confirmed lost and nothing half-written left behind.

const ERRORS = ['ENOSPC', 'EACCES', 'EISDIR', 'ENAMETOOLONG'];
const review = (card: string, rating: number, at: string) => `${JSON.stringify({ card, rating, at, seconds: 3 })}\n`;
const LOG = review('alpha', 4, '2026-11-01T09:00:00.000Z') + review('bravo', 2, '2026-11-02T09:00:00.000Z');
const CONFIG = '{\n\t"formatVersion": 4,\n\t"newCardsPerDay": 12\n}';
const INCOMING = [review('alpha', 5, '2026-11-20T09:00:00.000Z'), review('bravo', 3, '2026-11-21T09:00:00.000Z')].join(
  '',
);

function store(): string {
  return testdir({ 'config.json': CONFIG, 'reviews.jsonl': LOG });
}

function deck(): string {
  return testdir({ 'a.md': cardFile('Alpha?', 'A.', 'id: alpha'), 'b.md': cardFile('Bravo?', 'B.', 'id: bravo') });
}

/** The store's files but the caches, with their bytes. */
function snapshot(home: string): Record<string, string> {
  const names = readdirSync(home)
    .filter((name) => name !== 'cache')
    .sort();
  return Object.fromEntries(names.map((name) => [name, readFileSync(path.join(home, name), 'latin1')]));
}

/** Asserts a failed run said so in one line, with no stack trace. */
function expectOneLineError(result: { code: number | null; stderr: string }, pattern: RegExp): void {
  expect(result.code).toBe(1);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(pattern);
}

// Each step is a whole process killed and the store checked after it: a loop of many processes.
const KILL_LOOP_TIMEOUT = 120_000;

describe('the review log under faults', () => {
  it.each(ERRORS)('%s opening the log: progress import exits 1 in one line and the log is unchanged', (code) => {
    const home = store();
    const file = path.join(testdir({ 'in.jsonl': INCOMING }), 'in.jsonl');
    const before = snapshot(home);
    const result = runCliWithFaults(['progress', 'import', file], cliEnv(home), {
      fail: { path: 'reviews.jsonl', op: 'open', code },
    });
    expectOneLineError(result, new RegExp(`cannot append to .*reviews\\.jsonl \\(${code}\\)`));
    expect(snapshot(home)).toEqual(before);
  });

  it('a full disk that takes half the write: the half line is taken out again, the log still ends whole', () => {
    const home = store();
    const file = path.join(testdir({ 'in.jsonl': INCOMING }), 'in.jsonl');
    const before = snapshot(home);
    const result = runCliWithFaults(['progress', 'import', file], cliEnv(home), {
      fail: { path: 'reviews.jsonl', op: 'write', code: 'ENOSPC', partial: true },
    });
    expectOneLineError(
      result,
      /only part of a review reached .*reviews\.jsonl, and was taken out again; the disk may be full/,
    );
    expect(snapshot(home)).toEqual(before);
    // The next import, with room on the disk, goes through.
    expect(runCli(['progress', 'import', file], cliEnv(home)).code).toBe(0);
    expect(readReviewLog(home)).toHaveLength(4);
  });

  it(
    'killed at any step of an import, the log loads and holds all of the import or none of it',
    () => {
      const file = path.join(testdir({ 'in.jsonl': INCOMING }), 'in.jsonl');
      const { steps } = runCliWithFaults(['progress', 'import', file], cliEnv(store()), {});
      expect(steps.length).toBeGreaterThan(2);
      for (let step = 1; step <= steps.length; step++) {
        const home = store();
        const result = runCliWithFaults(['progress', 'import', file], cliEnv(home), { killAt: step });
        expect(result.killed, `step ${step}`).toBe(true);
        const after = runCli(['list', '--json', '--cards', deck()], cliEnv(home));
        expect(after.code, `step ${step}: ${after.stderr}`).toBe(0);
        expect([2, 4]).toContain(readReviewLog(home).length);
      }
    },
    KILL_LOOP_TIMEOUT,
  );

  it('refuses a log that is a link instead of writing through it', () => {
    const home = testdir({ 'config.json': CONFIG });
    const outside = path.join(testdir({ 'elsewhere.jsonl': LOG }), 'elsewhere.jsonl');
    symlinkSync(outside, path.join(home, 'reviews.jsonl'));
    const file = path.join(testdir({ 'in.jsonl': INCOMING }), 'in.jsonl');
    const result = runCli(['progress', 'import', file], cliEnv(home));
    expectOneLineError(result, /reviews\.jsonl \(ELOOP\)\. It is a symbolic link/);
    expect(readFileSync(outside, 'utf8')).toBe(LOG);
  });
});

describe('settings under faults', () => {
  // Each step of `config set` a fault can hit: taking the lock, writing the new file, renaming it into place.
  const SETTINGS_STEPS = [
    { path: 'config.json.lock', op: 'open' },
    { path: 'config.json.tmp', op: 'open' },
    { path: 'config.json.tmp', op: 'write' },
    { path: 'config.json', op: 'rename' },
  ];
  // The fault stays (`times`): conf's writer retries a failed step a few times before it gives up.
  const cases = SETTINGS_STEPS.flatMap((step) => ERRORS.map((code) => ({ ...step, code, times: 1_000_000 })));

  it.each(cases)('$code at $op of $path: one line, settings unchanged, no lock or temporary file left', (fault) => {
    const home = store();
    const before = snapshot(home);
    const result = runCliWithFaults(['config', 'set', 'retention', '0.85'], cliEnv(home), { fail: fault });
    const file = fault.path === 'config.json.lock' ? 'config\\.json\\.lock' : 'config\\.json';
    expectOneLineError(result, new RegExp(`cannot (lock|write) .*${file} \\(${fault.code}\\)`));
    expect(snapshot(home)).toEqual(before);
  });

  it(
    'killed at any step of `config set`, the store loads and the next `config set` is not held up by the lock',
    () => {
      const { steps } = runCliWithFaults(['config', 'set', 'retention', '0.85'], cliEnv(store()), {});
      expect(steps.length).toBeGreaterThan(3);
      for (let step = 1; step <= steps.length; step++) {
        const home = store();
        expect(
          runCliWithFaults(['config', 'set', 'retention', '0.85'], cliEnv(home), { killAt: step }).killed,
          `step ${step}`,
        ).toBe(true);
        const retention = runCli(['config', 'get', 'retention'], cliEnv(home));
        expect(retention.code, `step ${step}: ${retention.stderr}`).toBe(0);
        expect(['0.9', '0.85']).toContain(retention.stdout.trim());
        expect(runCli(['config', 'set', 'new-per-day', '7'], cliEnv(home)).code).toBe(0);
        expect(runCli(['config', 'get', 'new-per-day'], cliEnv(home)).stdout.trim()).toBe('7');
        expect(readdirSync(home).filter((name) => name.includes('.lock') || name.includes('.tmp'))).toEqual([]);
      }
    },
    KILL_LOOP_TIMEOUT,
  );

  it('a folder named config.json.lock is named in the message', () => {
    const home = store();
    mkdirSync(path.join(home, 'config.json.lock'));
    const result = runCli(['config', 'set', 'retention', '0.85'], cliEnv(home));
    expectOneLineError(result, /cannot lock .*config\.json\.lock \(EISDIR\)\. A folder is in the way of that file/);
  });
});

describe('caches under faults', () => {
  it.each(ERRORS)('%s writing any cache file: the command still works, from the cards and the log', (code) => {
    const home = store();
    const cards = deck();
    const expected = runCli(
      ['list', '--json', '--cards', cards],
      cliEnv(testdir({ 'config.json': CONFIG, 'reviews.jsonl': LOG })),
    );
    const result = runCliWithFaults(['list', '--json', '--cards', cards], cliEnv(home), {
      fail: { path: `${path.sep}cache`, code, times: 100 },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(expected.stdout);
    expect(snapshot(home)).toEqual({ 'config.json': CONFIG, 'reviews.jsonl': LOG });
  });

  it('a cache folder that is a link is not written through', () => {
    const home = store();
    const outside = testdir();
    symlinkSync(outside, path.join(home, 'cache'));
    expect(runCli(['list', '--json', '--cards', deck()], cliEnv(home)).code).toBe(0);
    expect(readdirSync(outside)).toEqual([]);
  });
});

describe('a torn line that cannot be set aside', () => {
  it('leaves no empty side file, says the disk is full, and loads once there is room', () => {
    const home = testdir({ 'config.json': CONFIG, 'reviews.jsonl': `${LOG}{"card":"alpha","rat` });
    const result = runCliWithFaults(['list', '--cards', deck()], cliEnv(home), {
      fail: { path: 'reviews.jsonl.torn-', code: 'ENOSPC' },
    });
    expectOneLineError(result, /cannot write .*reviews\.jsonl\.torn-.* \(ENOSPC\)\. The disk is full/);
    expect(readdirSync(home).filter((name) => name.includes('.torn-'))).toEqual([]);
    const retried = runCli(['list', '--cards', deck()], cliEnv(home));
    expect(retried.code).toBe(0);
    expect(readdirSync(home).filter((name) => name.includes('.torn-'))).toHaveLength(1);
  });
});

describe('a store folder that cannot be made', () => {
  // Linux refuses any new folder in /proc with ENOENT although /proc exists: Node's recursive mkdir retried for ever.
  it.skipIf(!existsSync('/proc/self'))(
    'FLASHDECK_HOME under /proc: exit 1 at once, one line naming the folder and FLASHDECK_HOME',
    () => {
      for (const home of ['/proc/flashdeck-store', '/proc/flashdeck-store/inner']) {
        for (const args of [
          ['list', '--cards', deck()],
          ['config', 'set', 'new-per-day', '3'],
        ]) {
          const result = runCli(args, cliEnv(home));
          expect(result.code).toBe(1);
          expect(result.stderr).toBe(
            `error: cannot create the folder ${home} (ENOENT). Nothing can be created there: set FLASHDECK_HOME to a folder you can write to.\n`,
          );
        }
      }
    },
  );
});
