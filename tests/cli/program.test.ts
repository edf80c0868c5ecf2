import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Commands } from '../../src/cli/program.js';
import { run } from '../../src/cli/main.js';
import { BUNDLED_CARDS } from '../../src/cli/options.js';
import { FlashError, UsageError } from '../../src/core/errors.js';

// Two existing folders: the cards folder is checked when the command line is read.
const FOLDER_C = path.resolve('tests/fixtures/cards');
const FOLDER_D = path.resolve('tests/fixtures/deck-v1');

/** Runs the CLI with commands that record what they were called with. */
async function runWith(args: string[], env: NodeJS.ProcessEnv = {}, result: () => Promise<number> = async () => 0) {
  const calls: { command: string; options: unknown }[] = [];
  const record = (command: string) => async (options: unknown) => {
    calls.push({ command, options });
    return result();
  };
  const commands: Commands = {
    quiz: record('quiz'),
    list: record('list'),
    stats: record('stats'),
    lint: record('lint'),
    config: record('config'),
    optimize: record('optimize'),
    importCards: record('importCards'),
    exportCards: record('exportCards'),
    exportProgress: record('exportProgress'),
    importProgress: record('importProgress'),
    newCard: record('newCard'),
    show: record('show'),
    status: record('status'),
    completion: record('completion'),
    help: record('help'),
    forget: record('forget'),
    suspend: record('suspend'),
    unbury: record('unbury'),
    completionValues: async () => [],
  };
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, commands, env, { print: (t) => out.push(t), warn: (t) => err.push(t) });
  return { code, calls, out: out.join('\n'), err: err.join('\n') };
}

describe('command wiring', () => {
  it('runs quiz by default on the bundled deck', async () => {
    const { code, calls } = await runWith([]);
    expect(code).toBe(0);
    expect(calls).toEqual([
      {
        command: 'quiz',
        options: {
          cardsRoot: BUNDLED_CARDS,
          difficulties: undefined,
          tags: undefined,
          decks: undefined,
          limit: undefined,
          newLimit: undefined,
          shuffle: false,
          all: false,
          type: false,
          weakest: undefined,
          ahead: undefined,
        },
      },
    ]);
  });

  it('parses every quiz option', async () => {
    const { calls } = await runWith([
      'quiz',
      '--cards',
      'cards',
      '-d',
      '👶,⭐',
      '-t',
      'a',
      '--tag',
      'b, c',
      '--deck',
      'x',
      '-n5',
      '--new',
      '0',
      '--shuffle',
      '--all',
      '--type',
      '--weakest',
      '3',
    ]);
    expect(calls[0]?.options).toEqual({
      cardsRoot: path.resolve('cards'),
      difficulties: ['easy', 'medium'],
      tags: ['a', 'b', 'c'],
      decks: ['x'],
      limit: 5,
      newLimit: 0,
      shuffle: true,
      all: true,
      type: true,
      weakest: 3,
    });
  });

  it('takes --weakest without a number as the ten weakest', async () => {
    expect((await runWith(['--weakest'])).calls[0]?.options).toMatchObject({ weakest: 10 });
  });

  it('takes the cards folder from FLASHDECK_CARDS unless --cards is given', async () => {
    expect((await runWith(['list'], { FLASHDECK_CARDS: FOLDER_C })).calls[0]?.options).toMatchObject({
      cardsRoot: FOLDER_C,
      json: false,
    });
    expect(
      (await runWith(['stats', '--cards', FOLDER_D, '--json'], { FLASHDECK_CARDS: FOLDER_C })).calls[0]?.options,
    ).toMatchObject({ cardsRoot: FOLDER_D, json: true });
    expect((await runWith(['lint'], { FLASHDECK_CARDS: FOLDER_C })).calls[0]?.options).toEqual({ cardsRoot: FOLDER_C });
  });

  it('takes --cards before the command name too; one after it wins', async () => {
    expect((await runWith(['--cards', FOLDER_C, 'list'])).calls[0]?.options).toMatchObject({ cardsRoot: FOLDER_C });
    expect((await runWith(['--cards', FOLDER_C])).calls[0]).toMatchObject({
      command: 'quiz',
      options: { cardsRoot: FOLDER_C },
    });
    expect((await runWith(['--cards', FOLDER_C, 'stats', '--cards', FOLDER_D])).calls[0]?.options).toMatchObject({
      cardsRoot: FOLDER_D,
    });
  });

  it('passes --json and --dry-run to optimize', async () => {
    expect((await runWith(['optimize'])).calls).toEqual([
      { command: 'optimize', options: { json: false, dryRun: false } },
    ]);
    expect((await runWith(['optimize', '--dry-run', '--json'])).calls[0]?.options).toEqual({
      json: true,
      dryRun: true,
    });
  });

  it('returns the command’s exit code', async () => {
    expect((await runWith(['lint'], {}, async () => 1)).code).toBe(1);
  });
});

describe('usage errors exit 2 with one message and no stack', () => {
  it.each([
    [['--limit', '0'], '--limit'],
    [['-n', 'abc'], 'abc'],
    [['-d', 'purple'], 'purple'],
    [['--bogus'], '--bogus'],
    [['stat'], 'stat'],
    [['list', 'extra'], "flashdeck list takes options only, not 'extra'"],
    [['--new', '-1'], '--new'],
  ])('%j', async (args, mention) => {
    const { code, calls, err } = await runWith(args);
    expect(code).toBe(2);
    expect(calls).toEqual([]);
    expect(err).toContain(mention);
    expect(err).not.toMatch(/\n\s+at /);
  });
});

describe('help and version', () => {
  it('prints the version and exits 0', async () => {
    const { code, out } = await runWith(['--version']);
    expect(code).toBe(0);
    expect(out).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.each(['quiz', 'list', 'stats', 'lint', 'optimize'])('%s --help shows examples and exits 0', async (command) => {
    const { code, out } = await runWith([command, '--help']);
    expect(code).toBe(0);
    expect(out).toContain('Examples:');
  });
});

describe('errors from commands', () => {
  it('prints a FlashError as one line with its exit code', async () => {
    const { code, err } = await runWith(['list'], {}, async () => {
      throw new UsageError('cards folder not found: /x');
    });
    expect(code).toBe(2);
    expect(err).toBe('error: cards folder not found: /x');
  });

  it('hides the stack of an unexpected error unless DEBUG is set', async () => {
    const boom = async () => {
      throw new Error('boom');
    };
    const plain = await runWith(['list'], {}, boom);
    expect(plain.code).toBe(1);
    expect(plain.err).toBe('error: boom (set DEBUG=1 to see where it happened)');
    const debug = await runWith(['list'], { DEBUG: '1' }, boom);
    expect(debug.err).toMatch(/\n\s+at /);
  });

  it('keeps a store error’s exit code 1', async () => {
    const { code } = await runWith(['stats'], {}, async () => {
      throw new FlashError('damaged');
    });
    expect(code).toBe(1);
  });
});

describe('import, export, progress and new wiring', () => {
  it('passes the import options; the format is left to guessing unless given', async () => {
    expect((await runWith(['import', 'deck.txt', '--out', 'cards'])).calls).toEqual([
      {
        command: 'importCards',
        options: { file: 'deck.txt', out: 'cards', format: undefined, force: false, dryRun: false, history: true },
      },
    ]);
    expect((await runWith(['import', '-', '-o', 'c', '-f', 'anki', '--force', '--dry-run'])).calls[0]?.options).toEqual(
      {
        file: '-',
        out: 'c',
        format: 'anki',
        force: true,
        dryRun: true,
        history: true,
      },
    );
    const layout = await runWith([
      'import',
      'v.txt',
      '-o',
      'c',
      '--separator',
      'Semicolon',
      '--columns',
      'word, meaning,-',
    ]);
    expect(layout.calls[0]?.options).toMatchObject({ separator: ';', columns: ['word', 'meaning', '-'] });
    expect((await runWith(['import', 'v.txt', '-o', 'c', '--separator', '|'])).calls[0]?.options).toMatchObject({
      separator: '|',
    });
    expect((await runWith(['import', 'deck.apkg', '-o', 'c', '--no-history'])).calls[0]?.options).toMatchObject({
      file: 'deck.apkg',
      history: false,
    });
  });

  it('passes the export format, output and the shared filters', async () => {
    expect(
      (
        await runWith([
          'export',
          '--cards',
          FOLDER_C,
          '-f',
          'tsv',
          '-o',
          'x.tsv',
          '-d',
          'hard',
          '-t',
          'a',
          '--deck',
          'ml',
          '--force',
        ])
      ).calls[0]?.options,
    ).toEqual({
      cardsRoot: FOLDER_C,
      difficulties: ['hard'],
      tags: ['a'],
      decks: ['ml'],
      format: 'tsv',
      out: 'x.tsv',
      force: true,
    });
  });

  it('dispatches progress export and import', async () => {
    expect((await runWith(['progress', 'export'])).calls).toEqual([
      { command: 'exportProgress', options: { out: undefined, force: false } },
    ]);
    expect((await runWith(['progress', 'import', 'p.jsonl'])).calls).toEqual([
      { command: 'importProgress', options: { file: 'p.jsonl' } },
    ]);
    expect((await runWith(['progress', 'import', 'hashcards.db', '--cards', 'deck'])).calls).toEqual([
      { command: 'importProgress', options: { file: 'hashcards.db', cards: 'deck' } },
    ]);
  });

  it('gives new the cards folder only when --cards or FLASHDECK_CARDS names one', async () => {
    expect((await runWith(['new'])).calls[0]?.options).toEqual({
      cardsRoot: undefined,
      deck: undefined,
      question: undefined,
      answer: undefined,
      difficulty: undefined,
      tags: undefined,
      reverse: false,
    });
    expect(
      (
        await runWith(
          ['new', '--deck', 'bio', '-q', 'Q?', '-a', 'A.', '-d', 'easy', '-t', 'x, y', '--tag', 'z', '--reverse'],
          {
            FLASHDECK_CARDS: FOLDER_C,
          },
        )
      ).calls[0]?.options,
    ).toEqual({
      cardsRoot: FOLDER_C,
      deck: 'bio',
      question: 'Q?',
      answer: 'A.',
      difficulty: 'easy',
      tags: ['x', 'y', 'z'],
      reverse: true,
    });
  });

  it.each([
    [['import', 'x.txt'], '--out'],
    [['import', 'x.txt', '-o', 'c', '-f', 'xml'], 'xml'],
    [['import', 'x.txt', '-o', 'c', '--separator', 'dash'], '--separator "dash" is not a separator'],
    [['export', '-f', 'pdf'], 'pdf'],
    [['progress'], 'flashdeck progress export'],
    [['progress', 'import'], 'file'],
  ])('%j is a usage error', async (args, mention) => {
    const { code, calls, err } = await runWith(args);
    expect(code).toBe(2);
    expect(calls).toEqual([]);
    expect(err).toContain(mention);
  });

  it.each([['import'], ['export'], ['progress'], ['progress', 'export'], ['progress', 'import'], ['new']])(
    '%s --help shows examples and exits 0',
    async (...command) => {
      const { code, out } = await runWith([...command, '--help']);
      expect(code).toBe(0);
      expect(out).toContain('Examples:');
    },
  );
});
