import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardFile, cliEnv, runCli, testdir } from './helpers.js';

// Issue 3, case 9: every option value is checked, with one line and the exit code of SPEC.md. The cases
// `--limit 0`, `--limit abc`, `-d purple`, a missing or non-folder `--cards` and unknown options are covered in
// commands.test.ts and program.test.ts; these are the rest.

function deck(): string {
  return testdir({
    'a.md': cardFile('Alpha question', 'Alpha answer', 'id: alpha\ntags: [greek]'),
    'b.md': cardFile('Bravo question', 'Bravo answer', 'id: bravo'),
  });
}

describe('a bad option value is a usage error: exit 2, one line naming it, nothing recorded', () => {
  it.each([
    [['quiz', '-d', ''], "argument '' is invalid. name at least one level"],
    [['list', '--difficulty', ','], "argument ',' is invalid. name at least one level"],
    [['quiz', '-n', '1.5'], 'expected a whole number of at least 1, got "1.5"'],
    [['quiz', '--limit', '-3'], 'expected a whole number of at least 1, got "-3"'],
    [['quiz', '--limit', '99999999999999999999'], 'got "99999999999999999999"'],
    [['quiz', '--new', 'abc'], 'expected a whole number of at least 0, got "abc"'],
    [['quiz', '--new', '-1'], 'expected a whole number of at least 0, got "-1"'],
    [['quiz', '--limit'], "option '-n, --limit <n>' argument missing"],
    [['list', '--deck'], "option '--deck <name>' argument missing"],
    [['stats', '-t'], "option '-t, --tag <tags>' argument missing"],
    [['list', '-t', ','], "argument ',' is invalid. name at least one tag: -t tag, or -t tag,tag."],
    [['quiz', '--cards', ''], '--cards needs a folder name'],
    [['list', '--cards='], '--cards needs a folder name'],
    [['lint', '--cards', ''], '--cards needs a folder name'],
  ])('%j', (args, message) => {
    const home = testdir();
    // The valid --cards comes first, so a bad one later overrides it.
    const result = runCli([args[0] ?? '', '--cards', deck(), ...args.slice(1)], cliEnv(home));
    expect(result.code).toBe(2);
    const [line = '', ...rest] = result.stderr.trim().split('\n');
    expect(line).toContain(message);
    expect(rest.filter((more) => !more.includes('--help'))).toEqual([]);
    expect(result.stdout).toBe('');
    expect(existsSync(path.join(home, 'reviews.jsonl'))).toBe(false);
  });

  it.each([['quiz'], ['list'], ['lint'], ['new']])('%s with --cards naming a file says it is a file', (command) => {
    const file = path.join(deck(), 'a.md');
    const result = runCli(
      [command, '--cards', file, ...(command === 'new' ? ['-q', 'Q?', '-a', 'A.'] : [])],
      cliEnv(testdir()),
    );
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe(`error: ${file} is a file, not a folder: pass the folder that holds your cards.\n`);
  });
});

describe('values that are fine', () => {
  it('takes the last of two --cards', () => {
    const other = testdir({ 'only.md': cardFile('Only question', 'Only answer') });
    const result = runCli(['list', '--json', '--cards', deck(), '--cards', other], cliEnv(testdir()));
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { path: string }[]).map((entry) => entry.path)).toEqual(['only.md']);
  });

  it.each([
    [['quiz'], 'No cards match these filters.\n'],
    [['list'], 'No cards match these filters.\nDecks: . (2)\nTags: greek (1)\n'],
    [['list', '--json'], '[]\n'],
  ])('%j with filters that match nothing says so and exits 0', (args, output) => {
    const result = runCli([...args, '--cards', deck(), '-t', 'no-such-tag', '-d', 'hard'], cliEnv(testdir()));
    expect(result).toEqual({ code: 0, stdout: output, stderr: '' });
  });

  it('stats with filters that match nothing says so in one line and exits 0; --json gives zeros', () => {
    const cards = deck();
    const result = runCli(['stats', '--cards', cards, '--deck', 'nowhere'], cliEnv(testdir()));
    expect(result).toEqual({ code: 0, stdout: `No cards match these filters in ${cards}.\n`, stderr: '' });
    const json = JSON.parse(
      runCli(['stats', '--json', '--cards', cards, '--deck', 'nowhere'], cliEnv(testdir())).stdout,
    );
    expect(json).toMatchObject({ cards: 0, seen: 0, reviews: 0, due: 0, mastery: 0 });
  });
});
