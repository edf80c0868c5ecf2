import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardFile, cliEnv, runCli, testdir } from './helpers.js';

// How the command line reads what a newcomer types: --cards before the command, misspelt commands, words too many,
// options every command spells alike, and `config list` / `config path` (build first).

function deck(): string {
  return testdir({
    'a.md': cardFile('Alpha question', 'Alpha answer', 'id: alpha\ntags: [greek, first]'),
    'b.md': cardFile('Bravo question', 'Bravo answer', 'id: bravo\ntags: [nato]'),
    'c.md': cardFile('Charlie question', 'Charlie answer', 'id: charlie'),
  });
}

const listedIds = (stdout: string) => (JSON.parse(stdout) as { id: string }[]).map((card) => card.id);

/** A usage error: exit 2, nothing on stdout, exactly `message` as the one line on stderr, no store written. */
function expectUsageError(args: string[], message: string): void {
  const home = path.join(testdir(), 'store');
  const result = runCli(args, cliEnv(home));
  expect(result).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
  expect(existsSync(home)).toBe(false);
}

describe('--cards before the command name', () => {
  it('is taken by the command that follows', () => {
    const cards = deck();
    const result = runCli(['--cards', cards, 'list', '--json'], cliEnv(testdir()));
    expect(result.stderr).toBe('');
    expect(listedIds(result.stdout)).toEqual(['alpha', 'bravo', 'charlie']);
    const stats = runCli(['--cards', cards, 'stats', '--json'], cliEnv(testdir()));
    expect(JSON.parse(stats.stdout)).toMatchObject({ cards: 3, cardsRoot: cards });
  });

  it('alone still runs the quiz, on that folder', () => {
    // Every card rated an hour ago and no new card allowed: the quiz says when the next card of *this* folder is due.
    const home = testdir({
      'reviews.jsonl': ['alpha', 'bravo', 'charlie']
        .map(
          (card) =>
            `${JSON.stringify({ card, rating: 5, at: new Date(Date.now() - 3_600_000).toISOString(), seconds: 2 })}\n`,
        )
        .join(''),
    });
    const result = runCli(['--cards', deck(), '--new', '0'], cliEnv(home));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Nothing due now\. Next card due /);
  });

  it('gives way to a --cards after the command name', () => {
    const other = testdir({ 'only.md': cardFile('Only question', 'Only answer', 'id: only') });
    expect(
      listedIds(runCli(['--cards', deck(), 'list', '--json', '--cards', other], cliEnv(testdir())).stdout),
    ).toEqual(['only']);
  });

  it('is accepted before commands that read no cards, so an alias with it works for all', () => {
    const home = path.join(testdir(), 'store');
    expect(runCli(['--cards', deck(), 'config', 'path'], cliEnv(home))).toEqual({
      code: 0,
      stdout: `${home}\n`,
      stderr: '',
    });
  });

  it('after the name of a command that reads no cards is refused with the reason', () => {
    expectUsageError(
      ['optimize', '--cards', deck()],
      'error: flashdeck optimize reads no cards folder: leave out --cards',
    );
  });

  it('is the only option before a command: any other says to name the command first', () => {
    expectUsageError(
      ['-n', '5', 'list'],
      "error: 'list' is a command: name it first (flashdeck list …); only --cards goes before it",
    );
  });
});

describe('usage errors: one line that says what to do, exit 2', () => {
  it.each([
    [['stat'], "error: unknown command 'stat' (did you mean stats?)"],
    [['lsit'], "error: unknown command 'lsit' (did you mean list?)"],
    [['quizz'], "error: unknown command 'quizz' (did you mean quiz?)"],
    [['stat', '--json'], "error: unknown command 'stat' (did you mean stats?)"],
    [
      ['frobnicate'],
      "error: unknown command 'frobnicate': use one of quiz, list, stats, lint, config, optimize, import, export, progress, new, show, status, forget, suspend, unsuspend, unbury, completion, help",
    ],
    [['progress', 'exprot'], "error: unknown command 'progress exprot' (did you mean progress export?)"],
    [['stats', '--jsn'], "error: unknown option '--jsn' (did you mean --json?)"],
    [['--bogus'], "error: unknown option '--bogus': `flashdeck quiz --help` lists the options"],
    [['list', 'extra'], "error: flashdeck list takes options only, not 'extra' (see `flashdeck list --help`)"],
    [['quiz', 'extra'], "error: flashdeck quiz takes options only, not 'extra' (see `flashdeck quiz --help`)"],
    [['lint', 'notes'], "error: flashdeck lint takes options only, not 'notes' (see `flashdeck lint --help`)"],
    [
      ['progress', 'import', 'a.jsonl', 'b.jsonl'],
      "error: flashdeck progress import takes <file> only, not also 'b.jsonl' (see `flashdeck progress import --help`)",
    ],
    [
      ['progress', 'import'],
      'error: flashdeck progress import needs <file>: a file written by `progress export`, a reviews.jsonl or a hashcards.db (- for standard input)',
    ],
    [
      ['config', 'get', 'retention', 'extra'],
      "error: flashdeck config get takes [name] only, not also 'extra' (see `flashdeck config get --help`)",
    ],
  ])('%j', (args, message) => expectUsageError(args, message));
});

describe('options spelt alike everywhere', () => {
  it('-v prints the version', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(runCli(['-v'], cliEnv(testdir()))).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('-t takes comma-separated tags and repeats, for the filters', () => {
    const result = runCli(['list', '--json', '--cards', deck(), '-t', 'first, nato', '-t', 'none'], cliEnv(testdir()));
    expect(listedIds(result.stdout)).toEqual(['alpha', 'bravo']);
  });

  it('-t takes comma-separated tags and repeats, for new', () => {
    const cards = testdir();
    const result = runCli(
      ['new', '--cards', cards, '-q', 'Tagged?', '-a', 'Yes.', '-t', 'one,two', '--tag', 'three'],
      cliEnv(testdir()),
    );
    expect(result.code).toBe(0);
    const json = runCli(['list', '--json', '--cards', cards], cliEnv(testdir())).stdout;
    expect((JSON.parse(json) as { tags: string[] }[])[0]?.tags).toEqual(['one', 'two', 'three']);
  });
});

describe('config list and config path', () => {
  it('lists every setting in aligned columns, marking the values that are not the default', () => {
    const home = testdir();
    writeFileSync(
      path.join(home, 'config.json'),
      JSON.stringify({ formatVersion: 1, newCardsPerDay: 10, retention: 0.9 }),
    );
    const result = runCli(['config', 'list'], cliEnv(home));
    expect(result.code).toBe(0);
    expect(runCli(['config'], cliEnv(home)).stdout).toBe(result.stdout);
    const lines = result.stdout.trimEnd().split('\n');
    // Name, value and mark in columns of the same width on every line; the meaning starts where they end.
    const columns = lines
      .slice(0, 7)
      .map((line) => [
        line.slice(0, 17).trimEnd(),
        line.slice(17, 25).trimEnd(),
        line.slice(25, 26),
        /^ {2}\S/.test(line.slice(26)),
      ]);
    expect(columns).toEqual([
      ['new-per-day', '10', '*', true],
      ['reviews-per-day', '200', ' ', true],
      ['retention', '0.9', ' ', true],
      ['bury-siblings', 'true', ' ', true],
      ['images', 'auto', ' ', true],
      ['suspend-leeches', 'false', ' ', true],
      ['parameters', 'default', ' ', true],
    ]);
    expect(lines.slice(7)).toEqual([
      '* not the default; `flashdeck config unset <name>` puts it back',
      `(stored in ${path.join(home, 'config.json')})`,
    ]);
  });

  it('config path prints the store folder and creates nothing', () => {
    const home = path.join(testdir(), 'not-yet');
    expect(runCli(['config', 'path'], cliEnv(home))).toEqual({ code: 0, stdout: `${home}\n`, stderr: '' });
    expect(existsSync(home)).toBe(false);
    expect(readdirSync(path.dirname(home))).toEqual([]);
  });
});
