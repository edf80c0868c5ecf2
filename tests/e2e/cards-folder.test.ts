import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardFile, cliEnv, runCli, testdir } from './helpers.js';

// A cards folder that is not one, or holds no card: the message says what is wrong and what to do (build first).

const INVALID = {
  'no-heading.md': 'Just text.\n',
  'empty-answer.md': '# Question?\n\n',
  'purple.md': cardFile('Purple?', 'No.', 'difficulty: purple'),
};

/** A usage error: exit 2, nothing on stdout, `lastLine` as stderr's last line, no settings or reviews written. */
function expectRefused(args: string[], env: NodeJS.ProcessEnv, lastLine: string): string[] {
  const result = runCli(args, env);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines.at(-1)).toBe(lastLine);
  for (const file of ['config.json', 'reviews.jsonl'])
    expect(existsSync(path.join(env.FLASHDECK_HOME ?? '', file))).toBe(false);
  return lines;
}

const freshStore = () => path.join(testdir(), 'store');

describe('FLASHDECK_CARDS that names no folder', () => {
  it.each([['list'], ['stats'], ['quiz'], ['lint'], ['export'], ['new', '-q', 'Q?', '-a', 'A.']])(
    '%s names the variable',
    (...args) => {
      const missing = path.join(testdir(), 'gone');
      const env = { ...cliEnv(freshStore()), FLASHDECK_CARDS: missing };
      expectRefused(
        args,
        env,
        `error: FLASHDECK_CARDS is set to ${missing}, which does not exist: set it to the folder that holds your cards, or pass --cards <dir>.`,
      );
    },
  );

  it('says when it names a file', () => {
    const file = path.join(testdir({ 'a.md': cardFile('Q', 'A') }), 'a.md');
    const env = { ...cliEnv(freshStore()), FLASHDECK_CARDS: file };
    expectRefused(
      ['list'],
      env,
      `error: FLASHDECK_CARDS is set to ${file}, which is a file, not a folder: set it to the folder that holds your cards, or pass --cards <dir>.`,
    );
  });
});

describe('a folder without cards', () => {
  it.each([
    [['list']],
    [['list', '--json']],
    [['stats']],
    [['stats', '--json']],
    [['quiz']],
    [['list', '-t', 'some-tag']],
  ])('%j says there is none, not that none matches', (args) => {
    const dir = testdir({ 'README.md': '# About these notes\n\nNone of this is a card.\n', 'notes.txt': 'text' });
    expectRefused(
      [...args, '--cards', dir],
      cliEnv(freshStore()),
      `error: no cards in ${dir}: a card is a .md file with a "# question" heading and the answer below it (see \`flashdeck new\`).`,
    );
  });

  it.each([[['list']], [['stats', '--json']], [['quiz']]])(
    '%j whose every file is invalid says how many and how to see why',
    (args) => {
      const dir = testdir(INVALID);
      const lines = expectRefused(
        [...args, '--cards', dir],
        cliEnv(freshStore()),
        `error: 3 files, none of them a card: run \`flashdeck lint --cards ${dir}\` to see why.`,
      );
      expect(lines.slice(0, -1).every((line) => line.startsWith('warning: '))).toBe(true);
    },
  );
});

describe('the lint command in warnings', () => {
  it('carries the cards folder, quoted for the shell, so it can be pasted', () => {
    const dir = path.join(testdir(), "Ada's cards");
    mkdirSync(dir);
    for (let n = 1; n <= 7; n++) writeFileSync(path.join(dir, `bad-${n}.md`), 'No heading.\n');
    writeFileSync(path.join(dir, 'good.md'), cardFile('Good?', 'Yes.'));
    const result = runCli(['list', '--json', '--cards', dir], cliEnv(freshStore()));
    expect(result.code).toBe(0);
    expect(result.stderr.trimEnd().split('\n').at(-1)).toBe(
      `warning: 2 more card problems; run \`flashdeck lint --cards '${dir.replace("'", "'\\''")}'\` to see them all`,
    );
  });
});
