import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardFile, cliEnv, runCli, runCliWithFaults, testdir } from './helpers.js';

// `import`, `export` and `new` under injected faults (a full disk, no permission, a folder in the way, a name too long)
// and killed at each step: a card file is written whole or not at all, a failure is said in one line, and nothing
// half-written or temporary is left where a command would read it.

const ERRORS = ['ENOSPC', 'EACCES', 'EISDIR', 'ENAMETOOLONG'];
const CSV =
  'question,answer\nWhat is SGD?,Stochastic gradient descent\nWhat is momentum?,A running average of gradients\nWhat is Adam?,Adaptive moments\n';

function csvFile(): string {
  return path.join(testdir({ 'cards.csv': CSV }), 'cards.csv');
}

/** Names in `dir` (and below) that are not complete card files: leftovers of an interrupted write. */
function leftovers(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => !name.endsWith('.md'));
}

const lint = (cards: string) => runCli(['lint', '--cards', cards], cliEnv(testdir()));

// Each step is a whole process killed and the store checked after it: a loop of many processes.
const KILL_LOOP_TIMEOUT = 120_000;

describe('import under faults', () => {
  it(
    'killed at any step, every card file written is whole, and importing again completes the deck',
    () => {
      const csv = csvFile();
      const { steps } = runCliWithFaults(['import', csv, '--out', testdir()], cliEnv(testdir()), {});
      expect(steps.length).toBeGreaterThan(6);
      for (let step = 1; step <= steps.length; step++) {
        const out = testdir();
        expect(
          runCliWithFaults(['import', csv, '--out', out], cliEnv(testdir()), { killAt: step }).killed,
          `step ${step}`,
        ).toBe(true);
        if (existsSync(out) && readdirSync(out).some((name) => name.endsWith('.md')))
          expect(lint(out).code, `step ${step}`).toBe(0);
        expect(runCli(['import', csv, '--out', out], cliEnv(testdir())).code).toBe(0);
        expect(readdirSync(out).filter((name) => name.endsWith('.md'))).toHaveLength(3);
      }
    },
    KILL_LOOP_TIMEOUT,
  );

  it.each(ERRORS)(
    '%s writing one card: that row is reported and skipped, the others are written, nothing is left over',
    (code) => {
      const out = testdir();
      const result = runCliWithFaults(['import', csvFile(), '--out', out], cliEnv(testdir()), {
        fail: { path: 'momentum', op: 'link', code },
      });
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(new RegExp(`cards\\.csv:3: cannot write .*what-is-momentum\\.md \\(`));
      expect(result.stderr).toContain('skipped 1 row with problems');
      expect(readdirSync(out).sort()).toEqual(['what-is-adam.md', 'what-is-sgd.md']);
      expect(lint(out).code).toBe(0);
    },
  );

  it.each(ERRORS)('%s on every card: exit 1, each row reported, nothing left over', (code) => {
    const out = testdir();
    const result = runCliWithFaults(['import', csvFile(), '--out', out], cliEnv(testdir()), {
      fail: { path: '.tmp', op: 'open', code, times: 1000 },
    });
    expect(result.code).toBe(1);
    expect(result.stderr.match(/cannot write/g)).toHaveLength(3);
    expect(leftovers(out)).toEqual([]);
  });
});

describe('export and new under faults', () => {
  const deck = () =>
    testdir({ 'a.md': cardFile('Alpha?', 'A.', 'id: alpha'), 'b.md': cardFile('Bravo?', 'B.', 'id: bravo') });

  it.each(ERRORS)('%s writing the export: one line, exit 1, no partial file', (code) => {
    const folder = testdir();
    const out = path.join(folder, 'deck.csv');
    const result = runCliWithFaults(['export', '--cards', deck(), '--out', out], cliEnv(testdir()), {
      fail: { path: folder, op: 'open', code },
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^error: cannot write .*deck\.csv \(/);
    expect(readdirSync(folder)).toEqual([]);
  });

  it(
    'killed at any step of an export with --force, the old file stays whole or the new one is complete',
    () => {
      const folder = testdir({ 'deck.csv': 'old export\n' });
      const out = path.join(folder, 'deck.csv');
      const cards = deck();
      const complete = runCli(['export', '--cards', cards, '--format', 'csv'], cliEnv(testdir())).stdout;
      const { steps } = runCliWithFaults(['export', '--cards', cards, '--out', out, '--force'], cliEnv(testdir()), {});
      for (let step = 1; step <= steps.length; step++) {
        runCliWithFaults(['export', '--cards', cards, '--out', out, '--force'], cliEnv(testdir()), { killAt: step });
        expect(['old export\n', complete]).toContain(readFileSync(out, 'utf8'));
        runCli(['export', '--cards', cards, '--out', out, '--force'], cliEnv(testdir()));
        expect(readFileSync(out, 'utf8')).toBe(complete);
      }
    },
    KILL_LOOP_TIMEOUT,
  );

  it.each(ERRORS)('%s writing a new card: one line, exit 1, no file', (code) => {
    const cards = deck();
    const before = readdirSync(cards).sort();
    const result = runCliWithFaults(
      ['new', '--cards', cards, '--question', 'Charlie?', '--answer', 'C.'],
      cliEnv(testdir()),
      {
        fail: { path: cards, op: 'open', code },
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^error: cannot write .*charlie.* \(/);
    expect(readdirSync(cards).sort()).toEqual(before);
  });
});
