import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardFile, cliEnv, runCli, runCliIn, testdir } from './helpers.js';

// End-to-end runs of the built CLI (`npm run build` first) without a terminal: output is piped,
// every run gets its own cards folder and its own store (FLASHDECK_HOME).

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ESC = '\u001b';

/** An ISO time `ms` before now. */
const ago = (ms: number): string => new Date(Date.now() - ms).toISOString();

/** One review line of reviews.jsonl, as SPEC.md defines it. */
const review = (card: string, rating: number, at: string, seconds = 4): string =>
  `${JSON.stringify({ card, rating, at, seconds })}\n`;

/** One undo line: takes back the review of `card` made at `undo`. */
const undo = (card: string, reviewAt: string, at: string): string =>
  `${JSON.stringify({ card, undo: reviewAt, at })}\n`;

/** A fresh store folder holding `reviews.jsonl` with `lines`; returns the folder and the log's path. */
function storeWithLog(...lines: string[]): { home: string; log: string } {
  const home = testdir({ 'reviews.jsonl': lines.join('') });
  return { home, log: path.join(home, 'reviews.jsonl') };
}

function parseJson(stdout: string): unknown {
  return JSON.parse(stdout) as unknown;
}

/** stdout/stderr split into lines, without the final newline. */
function linesOf(text: string): string[] {
  return text === '' ? [] : text.replace(/\n$/, '').split('\n');
}

/** SPEC: an error is a short plain message on stderr (commander may add one line pointing to --help), never a stack trace. */
function expectShortError(stderr: string): string {
  expect(stderr).not.toMatch(/^\s+at /m);
  const [message = '', hint, ...more] = linesOf(stderr);
  expect(more).toEqual([]);
  if (hint !== undefined) expect(hint).toContain('--help');
  expect(message.trim()).not.toBe('');
  expect(message.length).toBeLessThan(300);
  return message;
}

/**
 * A small deck covering the card features `list --json` reports:
 * root card, nested decks, frontmatter id, tags as list and as string,
 * difficulty as name, as emoji (with and without U+FE0F) and from the heading, inline markdown.
 */
const LIST_DECK: Record<string, string> = {
  'intro.md': cardFile(
    'What do **bold**, `code`, a [link](https://example.com) &amp; friends look like?',
    'Like this.',
    'tags: [basics, intro]\ndifficulty: easy',
  ),
  'ml/adam.md': cardFile(
    'What does Adam adapt? ⭐️',
    'A learning rate per parameter.',
    'id: adam-optimizer\ntags: adam, optimizers',
  ),
  'ml/momentum.md': cardFile(
    'What does momentum smooth?',
    'The update direction.',
    'difficulty: ⭐\ntags: [optimizers]',
  ),
  'ml/deep/backprop.md': cardFile('What is backpropagation? 🚀', 'The chain rule, applied layer by layer.'),
  // The frontmatter difficulty wins over the heading's emoji, which is still not part of the question.
  'ml/deep/dropout.md': cardFile('Why use dropout? 🚀', 'To regularize.', 'difficulty: 👶\ntags: [regularization]'),
  // A sibling folder whose name starts with "ml": `--deck ml` must not match it.
  'mlops/ci.md': cardFile('What is CI?', 'Continuous integration.', 'tags: [ops, Basics]'),
};

const UNSEEN = { reviews: 0, lastRating: null, due: null };

const LIST_JSON = [
  {
    id: 'intro',
    note: 'intro',
    kind: 'basic',
    deck: '.',
    path: 'intro.md',
    line: 5,
    difficulty: 'easy',
    tags: ['basics', 'intro'],
    question: 'What do bold, code, a link & friends look like?',
    ...UNSEEN,
  },
  {
    id: 'adam-optimizer',
    note: 'adam-optimizer',
    kind: 'basic',
    deck: 'ml',
    path: 'ml/adam.md',
    line: 5,
    difficulty: 'medium',
    tags: ['adam', 'optimizers'],
    question: 'What does Adam adapt?',
    ...UNSEEN,
  },
  {
    id: 'ml/deep/backprop',
    note: 'ml/deep/backprop',
    kind: 'basic',
    deck: 'ml/deep',
    path: 'ml/deep/backprop.md',
    line: 1,
    difficulty: 'hard',
    tags: [],
    question: 'What is backpropagation?',
    ...UNSEEN,
  },
  {
    id: 'ml/deep/dropout',
    note: 'ml/deep/dropout',
    kind: 'basic',
    deck: 'ml/deep',
    path: 'ml/deep/dropout.md',
    line: 5,
    difficulty: 'easy',
    tags: ['regularization'],
    question: 'Why use dropout?',
    ...UNSEEN,
  },
  {
    id: 'ml/momentum',
    note: 'ml/momentum',
    kind: 'basic',
    deck: 'ml',
    path: 'ml/momentum.md',
    line: 5,
    difficulty: 'medium',
    tags: ['optimizers'],
    question: 'What does momentum smooth?',
    ...UNSEEN,
  },
  {
    id: 'mlops/ci',
    note: 'mlops/ci',
    kind: 'basic',
    deck: 'mlops',
    path: 'mlops/ci.md',
    line: 4,
    difficulty: null,
    tags: ['ops', 'Basics'],
    question: 'What is CI?',
    ...UNSEEN,
  },
];

/** `list --json` with `args` on LIST_DECK and an empty store; returns the listed paths. */
function listPaths(...args: string[]): string[] {
  const dir = testdir(LIST_DECK);
  const result = runCli(['list', '--json', '--cards', dir, ...args], cliEnv(testdir()));
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return (parseJson(result.stdout) as { path: string }[]).map((entry) => entry.path);
}

describe('list --json', () => {
  it('prints every card in the SPEC shape, sorted by path', () => {
    const dir = testdir(LIST_DECK);
    const result = runCli(['list', '--json', '--cards', dir], cliEnv(testdir()));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(parseJson(result.stdout)).toEqual(LIST_JSON);
    // Exactly the SPEC fields, in every element.
    for (const entry of parseJson(result.stdout) as object[]) {
      expect(Object.keys(entry).sort()).toEqual(
        [
          'id',
          'note',
          'kind',
          'deck',
          'path',
          'line',
          'difficulty',
          'tags',
          'question',
          'reviews',
          'lastRating',
          'due',
        ].sort(),
      );
    }
  });

  it('prints [] and exits 0 when the filters match nothing', () => {
    const dir = testdir(LIST_DECK);
    for (const filters of [
      ['-t', 'no-such-tag'],
      ['--deck', 'nowhere'],
      ['-d', 'medium', '--deck', 'ml/deep'],
    ]) {
      const result = runCli(['list', '--json', '--cards', dir, ...filters], cliEnv(testdir()));
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      expect(parseJson(result.stdout)).toEqual([]);
    }
  });

  it('refuses a folder without cards (the wrong folder, most likely) instead of printing []', () => {
    const dir = testdir({ 'README.md': '# Not a card\n\nText.\n' });
    const result = runCli(['list', '--json', '--cards', dir], cliEnv(testdir()));
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(new RegExp(`^error: no cards in ${dir}: `));
  });

  describe('-d, --difficulty', () => {
    it('takes names', () => {
      expect(listPaths('-d', 'easy')).toEqual(['intro.md', 'ml/deep/dropout.md']);
      expect(listPaths('--difficulty', 'hard')).toEqual(['ml/deep/backprop.md']);
    });

    it('takes the star with and without U+FE0F', () => {
      expect(listPaths('-d', '⭐\uFE0F')).toEqual(['ml/adam.md', 'ml/momentum.md']);
      expect(listPaths('-d', '⭐')).toEqual(['ml/adam.md', 'ml/momentum.md']);
    });

    it('takes comma-separated lists of emoji or names', () => {
      const easyOrHard = ['intro.md', 'ml/deep/backprop.md', 'ml/deep/dropout.md'];
      expect(listPaths('-d', '👶,🚀')).toEqual(easyOrHard);
      expect(listPaths('--difficulty', 'easy,hard')).toEqual(easyOrHard);
      expect(listPaths('-d', 'medium,👶')).toEqual(['intro.md', 'ml/adam.md', 'ml/deep/dropout.md', 'ml/momentum.md']);
    });
  });

  describe('-t, --tag', () => {
    it('matches a card with that tag', () => {
      expect(listPaths('-t', 'optimizers')).toEqual(['ml/adam.md', 'ml/momentum.md']);
    });

    it('is repeatable, and a card matches any of the tags', () => {
      expect(listPaths('-t', 'ops', '--tag', 'regularization')).toEqual(['ml/deep/dropout.md', 'mlops/ci.md']);
    });
  });

  describe('--deck', () => {
    it('matches the folder and its subfolders, not a folder whose name merely starts the same', () => {
      expect(listPaths('--deck', 'ml')).toEqual([
        'ml/adam.md',
        'ml/deep/backprop.md',
        'ml/deep/dropout.md',
        'ml/momentum.md',
      ]);
      expect(listPaths('--deck', 'ml/deep')).toEqual(['ml/deep/backprop.md', 'ml/deep/dropout.md']);
      expect(listPaths('--deck', 'mlops')).toEqual(['mlops/ci.md']);
    });

    it('is repeatable', () => {
      expect(listPaths('--deck', 'mlops', '--deck', 'ml/deep')).toEqual([
        'ml/deep/backprop.md',
        'ml/deep/dropout.md',
        'mlops/ci.md',
      ]);
    });

    it('combines with the other filters (all must match)', () => {
      expect(listPaths('--deck', 'ml', '-d', 'easy')).toEqual(['ml/deep/dropout.md']);
      expect(listPaths('--deck', 'ml', '-t', 'optimizers', '-d', 'medium')).toEqual(['ml/adam.md', 'ml/momentum.md']);
    });
  });
});

describe('stats --json and progress from the review log', () => {
  // A log over LIST_DECK, written by hand; times relative to now so `due` is the same whenever it runs.
  function writeProgress() {
    const introGood = ago(10 * DAY);
    const introAgain = ago(9 * DAY);
    const lines = [
      review('intro', 4, introGood), // Good → a few days: due again by now
      review('intro', 1, introAgain),
      undo('intro', introAgain, ago(9 * DAY - 60_000)), // takes the rating 1 back
      review('ml/momentum', 3, ago(40 * DAY)),
      review('ml/momentum', 2, ago(30 * DAY)), // Again, a month ago: due
      review('adam-optimizer', 5, ago(HOUR)), // Easy, an hour ago: not due
      review('ml/deep/dropout', 5, ago(2 * HOUR)),
      // A card whose file is gone: not counted, but its history stays in the log.
      review('deleted-card', 5, ago(5 * DAY)),
      review('deleted-card', 4, ago(2 * DAY)),
    ];
    return storeWithLog(...lines);
  }

  it('prints the SPEC object with counts that skip undone reviews and deleted cards', () => {
    const dir = testdir(LIST_DECK);
    const { home } = writeProgress();
    const result = runCli(['stats', '--json', '--cards', dir], cliEnv(home));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const stats = parseJson(result.stdout) as Record<string, unknown>;
    // More fields may be added (SPEC); these must be exactly so.
    const specFields = ['cards', 'seen', 'reviews', 'due', 'mastery', 'byDifficulty', 'byDeck', 'store'];
    expect(Object.fromEntries(specFields.map((key) => [key, stats[key]]))).toEqual({
      cards: 6,
      seen: 4,
      reviews: 5, // intro 1 (one undone), momentum 2, adam 1, dropout 1
      due: 2, // intro and momentum
      mastery: 53, // round(100 × (4 + 2 + 5 + 5) / (5 × 6))
      byDifficulty: {
        easy: { cards: 2, seen: 2, mastery: 90 },
        medium: { cards: 2, seen: 2, mastery: 70 },
        hard: { cards: 1, seen: 0, mastery: 0 },
      },
      byDeck: {
        '.': { cards: 1, seen: 1, mastery: 80 },
        ml: { cards: 2, seen: 2, mastery: 70 },
        'ml/deep': { cards: 2, seen: 1, mastery: 50 },
        mlops: { cards: 1, seen: 0, mastery: 0 },
      },
      store: home,
    });
  });

  it('counts only the matching cards when filtered', () => {
    const dir = testdir(LIST_DECK);
    const { home } = writeProgress();
    const result = runCli(['stats', '--json', '--cards', dir, '--deck', 'ml'], cliEnv(home));
    expect(result.code).toBe(0);
    expect(parseJson(result.stdout)).toMatchObject({
      cards: 4,
      seen: 3,
      reviews: 4,
      due: 1,
      mastery: 60, // round(100 × (5 + 2 + 5) / 20)
      byDifficulty: {
        easy: { cards: 1, seen: 1, mastery: 100 },
        medium: { cards: 2, seen: 2, mastery: 70 },
        hard: { cards: 1, seen: 0, mastery: 0 },
      },
      byDeck: { ml: { cards: 2, seen: 2, mastery: 70 }, 'ml/deep': { cards: 2, seen: 1, mastery: 50 } },
    });
    expect(Object.keys((parseJson(result.stdout) as { byDeck: object }).byDeck)).toEqual(['ml', 'ml/deep']);
  });

  it('reports zeros, not an error, when no card matches', () => {
    const { home } = writeProgress();
    const result = runCli(['stats', '--json', '--cards', testdir(LIST_DECK), '-t', 'no-such-tag'], cliEnv(home));
    expect(result.code).toBe(0);
    expect(parseJson(result.stdout)).toMatchObject({
      cards: 0,
      seen: 0,
      reviews: 0,
      due: 0,
      mastery: 0,
      byDifficulty: {
        easy: { cards: 0, seen: 0, mastery: 0 },
        medium: { cards: 0, seen: 0, mastery: 0 },
        hard: { cards: 0, seen: 0, mastery: 0 },
      },
      byDeck: {},
      store: home,
    });
  });

  it('shows each card’s progress in list --json', () => {
    const { home } = writeProgress();
    const result = runCli(['list', '--json', '--cards', testdir(LIST_DECK)], cliEnv(home));
    expect(result.code).toBe(0);
    const entries = parseJson(result.stdout) as {
      id: string;
      reviews: number;
      lastRating: number | null;
      due: string | null;
    }[];
    const byId = new Map(entries.map((entry) => [entry.id, entry]));
    expect(entries.map((entry) => entry.id)).not.toContain('deleted-card');
    expect(byId.get('intro')).toMatchObject({ reviews: 1, lastRating: 4 });
    expect(byId.get('ml/momentum')).toMatchObject({ reviews: 2, lastRating: 2 });
    expect(byId.get('adam-optimizer')).toMatchObject({ reviews: 1, lastRating: 5 });
    expect(byId.get('ml/deep/dropout')).toMatchObject({ reviews: 1, lastRating: 5 });
    expect(byId.get('ml/deep/backprop')).toMatchObject(UNSEEN);
    expect(byId.get('mlops/ci')).toMatchObject(UNSEEN);
    const isoUtc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
    for (const id of ['intro', 'ml/momentum', 'adam-optimizer', 'ml/deep/dropout']) {
      expect(byId.get(id)?.due).toMatch(isoUtc);
    }
    // Due cards are due in the past; the card rated Easy an hour ago comes back in the future.
    expect(Date.parse(byId.get('intro')?.due ?? '')).toBeLessThan(Date.now());
    expect(Date.parse(byId.get('ml/momentum')?.due ?? '')).toBeLessThan(Date.now());
    expect(Date.parse(byId.get('adam-optimizer')?.due ?? '')).toBeGreaterThan(Date.now());
  });

  it('leaves the review log byte for byte as it was, reviews of deleted cards included', () => {
    const dir = testdir(LIST_DECK);
    const { home, log } = writeProgress();
    const before = readFileSync(log);
    for (const args of [['stats', '--json'], ['stats'], ['list', '--json'], ['list']]) {
      expect(runCli([...args, '--cards', dir], cliEnv(home)).code).toBe(0);
      expect(readFileSync(log).equals(before)).toBe(true);
    }
    expect(readFileSync(log, 'utf8')).toContain('"deleted-card"');
  });
});

describe('human list and stats', () => {
  // Card text with escape sequences (colour, OSC 8 link) and a C1 control: none may reach the output.
  const HOSTILE_DECK: Record<string, string> = {
    ...LIST_DECK,
    'tricky.md': cardFile(
      `Red ${ESC}[31mtext${ESC}[0m and ${ESC}]8;;https://example.com${ESC}\\link${ESC}]8;;${ESC}\\ \u009b31m?`,
      `Answer ${ESC}[2J here.`,
    ),
  };

  /** The environment of a pipe: no NO_COLOR, a terminal type that would allow colour. */
  function pipedEnv(home: string): NodeJS.ProcessEnv {
    const env = cliEnv(home, { TERM: 'xterm-256color', COLORTERM: 'truecolor' });
    delete env.NO_COLOR;
    return env;
  }

  it.each([['list'], ['stats']])('%s runs and exits 0', (command) => {
    const result = runCli([command, '--cards', testdir(LIST_DECK)], cliEnv(testdir()));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).not.toBe('');
  });

  it('list shows every matching question', () => {
    const result = runCli(['list', '--cards', testdir(LIST_DECK)], cliEnv(testdir()));
    for (const question of [
      'What do bold, code, a link & friends look like?',
      'What does Adam adapt?',
      'What is CI?',
    ]) {
      expect(result.stdout).toContain(question);
    }
  });

  it.each([
    ['list', 'NO_COLOR=1'],
    ['stats', 'NO_COLOR=1'],
    ['list', 'piped'],
    ['stats', 'piped'],
  ])('%s with %s prints no escape character at all', (command, mode) => {
    const { home } = storeWithLog(review('intro', 4, ago(10 * DAY)), review('tricky', 2, ago(3 * DAY)));
    const env = mode === 'piped' ? pipedEnv(home) : cliEnv(home);
    const result = runCli([command, '--cards', testdir(HOSTILE_DECK)], env);
    expect(result.code).toBe(0);
    // No warning: the tricky card is valid, so its text does reach the output.
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toContain(ESC);
    expect(result.stdout).not.toContain('\u009b');
  });

  it('stats names the cards root and the store it uses', () => {
    const dir = testdir(LIST_DECK);
    const home = testdir();
    const result = runCli(['stats', '--cards', dir], cliEnv(home));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(dir);
    expect(result.stdout).toContain(home);
  });
});

describe('invalid cards', () => {
  const INVALID_FILES = [
    'bad-yaml.md',
    'code-frontmatter.md',
    'empty-answer.md',
    'latin1.md',
    'no-heading.md',
    'purple.md',
    'same-id-2.md',
  ];

  /** 7 invalid cards and 2 valid ones; the `---js` card would create `marker` if its code ever ran. */
  function invalidDeck(marker: string): string {
    const fs = `(typeof require === 'function' ? require('fs') : process.getBuiltinModule('fs'))`;
    const dir = testdir({
      'bad-yaml.md': '---\ntags: [a, b\n---\n# Broken YAML?\n\nYes.\n',
      'code-frontmatter.md': `---js\n{ tags: (${fs}.writeFileSync(${JSON.stringify(marker)}, 'ran'), []) }\n---\n# Code?\n\nNever run.\n`,
      'no-heading.md': 'Just a paragraph, no heading.\n',
      'empty-answer.md': '# A question with no answer\n\n',
      'purple.md': cardFile('Purple?', 'Not a level.', 'difficulty: purple'),
      // Two cards with one id: the first by path is kept, the second is invalid.
      'same-id-1.md': cardFile('Kept card', 'First by path.', 'id: shared'),
      'same-id-2.md': cardFile('Duplicate card', 'Second by path.', 'id: shared'),
      'valid.md': cardFile('Valid card', 'Fine.'),
    });
    // Latin-1 "é": not UTF-8.
    writeFileSync(
      path.join(dir, 'latin1.md'),
      Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from('?\n\nCoffee.\n')]),
    );
    return dir;
  }

  function setup() {
    const marker = path.join(testdir(), 'code-ran');
    return { marker, dir: invalidDeck(marker), home: testdir() };
  }

  it('list --json lists the valid cards and warns about five, then counts the rest', () => {
    const { dir, home, marker } = setup();
    const result = runCli(['list', '--json', '--cards', dir], cliEnv(home));
    expect(result.code).toBe(0);
    expect((parseJson(result.stdout) as { path: string; id: string }[]).map(({ path: p, id }) => [p, id])).toEqual([
      ['same-id-1.md', 'shared'],
      ['valid.md', 'valid'],
    ]);
    const warnings = linesOf(result.stderr);
    expect(warnings).toHaveLength(6);
    const named = warnings.slice(0, 5).map((line) => INVALID_FILES.find((file) => line.includes(`${file}:`)));
    expect(new Set(named).size).toBe(5);
    expect(named).not.toContain(undefined);
    expect(warnings[5]).toMatch(/\b2\b/);
    expect(warnings[5]).toContain('flashdeck lint');
    expect(existsSync(marker)).toBe(false);
  });

  it('stats counts only the valid cards, with the same warnings', () => {
    const { dir, home, marker } = setup();
    const result = runCli(['stats', '--json', '--cards', dir], cliEnv(home));
    expect(result.code).toBe(0);
    expect(parseJson(result.stdout)).toMatchObject({ cards: 2, seen: 0 });
    expect(linesOf(result.stderr)).toHaveLength(6);
    expect(existsSync(marker)).toBe(false);
  });

  it('lint reports every problem as path:line: message and exits 1', () => {
    const { dir, home, marker } = setup();
    const result = runCli(['lint', '--cards', dir], cliEnv(home));
    expect(result.code).toBe(1);
    const problems = linesOf(result.stdout);
    expect(problems).toHaveLength(7);
    for (const line of problems) expect(line).toMatch(/^[^:]+\.md:\d+: .+/);
    expect(problems.map((line) => line.slice(0, line.indexOf(':'))).sort()).toEqual(INVALID_FILES);
    expect(problems.find((line) => line.startsWith('purple.md:'))).toMatch(/purple/);
    expect(problems.find((line) => line.startsWith('same-id-2.md:'))).toMatch(/shared/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(marker)).toBe(false);
  });

  it('quiz skips them without running frontmatter code', () => {
    const { dir, home, marker } = setup();
    const result = runCli(['quiz', '--cards', dir], cliEnv(home));
    // No terminal here, so the quiz stops with a usage error after loading the cards.
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(marker)).toBe(false);
  });

  it('lint exits 0 on a valid folder and prints no problem', () => {
    const result = runCli(['lint', '--cards', testdir(LIST_DECK)], cliEnv(testdir()));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
  });
});

describe('exit codes and error messages', () => {
  const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

  describe('usage errors exit 2 with one short message', () => {
    it.each([['quiz'], ['list'], ['stats'], ['lint']])('%s with a missing --cards folder', (command) => {
      const missing = path.join(testdir(), 'no-such-folder');
      const result = runCli([command, '--cards', missing], cliEnv(testdir()));
      expect(result.code).toBe(2);
      expect(expectShortError(result.stderr)).toContain(missing);
      expect(result.stdout).toBe('');
    });

    it.each([['list'], ['stats'], ['lint']])('%s with --cards naming a file', (command) => {
      const dir = testdir(LIST_DECK);
      const result = runCli([command, '--cards', path.join(dir, 'intro.md')], cliEnv(testdir()));
      expect(result.code).toBe(2);
      expect(expectShortError(result.stderr)).toContain('intro.md');
    });

    it.each([
      [['list', '--difficulty', 'purple']],
      [['stats', '-d', 'easy,purple']],
      [['quiz', '-d', 'purple']],
      [['quiz', '--limit', '0']],
      [['quiz', '--limit', 'abc']],
      [['-n', 'abc']],
      [['list', '--frobnicate']],
      [['stats', '--frobnicate']],
    ])('%j', (args) => {
      const result = runCli([...args, '--cards', testdir(LIST_DECK)], cliEnv(testdir()));
      expect(result.code).toBe(2);
      expectShortError(result.stderr);
      expect(result.stdout).toBe('');
    });

    it('names the bad value', () => {
      const result = runCli(['list', '--difficulty', 'purple', '--cards', testdir(LIST_DECK)], cliEnv(testdir()));
      expect(expectShortError(result.stderr)).toContain('purple');
    });

    it('an unknown command (flashdeck stat)', () => {
      const home = testdir();
      const result = runCli(['stat', '--cards', testdir(LIST_DECK)], cliEnv(home));
      expect(result.code).toBe(2);
      expect(expectShortError(result.stderr)).toContain('stat');
      expect(existsSync(path.join(home, 'reviews.jsonl'))).toBe(false);
    });
  });

  describe('--help and --version', () => {
    it.each([['quiz'], ['list'], ['stats'], ['lint']])('%s --help exits 0 with examples', (command) => {
      const result = runCli([command, '--help'], cliEnv(testdir()));
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Examples');
      expect(result.stdout).toContain(`flashdeck ${command === 'quiz' ? '' : command}`.trim());
    });

    it('flashdeck --help (the default command) exits 0 with examples', () => {
      const result = runCli(['--help'], cliEnv(testdir()));
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Examples');
    });

    it.each([['--version'], ['-V']])('%s prints the package version and exits 0', (flag) => {
      const result = runCli([flag], cliEnv(testdir()));
      expect(result.code).toBe(0);
      expect(result.stdout.trim()).toBe(version);
    });
  });

  describe('a damaged store', () => {
    it.each([[['list', '--json']], [['stats', '--json']], [['quiz']]])(
      '%j: a truncated config.json exits 1, names the file and leaves it as it was',
      (args) => {
        const home = testdir({ 'config.json': '{"formatVersion":' });
        const config = path.join(home, 'config.json');
        const result = runCli([...args, '--cards', testdir(LIST_DECK)], cliEnv(home));
        expect(result.code).toBe(1);
        expect(expectShortError(result.stderr)).toContain('config.json');
        expect(readFileSync(config, 'utf8')).toBe('{"formatVersion":');
      },
    );

    it.each([[['list', '--json']], [['stats', '--json']]])(
      '%j: a non-JSON line inside the review log exits 1, file unchanged',
      (args) => {
        const { home, log } = storeWithLog(
          review('intro', 4, ago(3 * DAY)),
          'this is not JSON\n',
          review('intro', 5, ago(DAY)),
        );
        const before = readFileSync(log);
        const result = runCli([...args, '--cards', testdir(LIST_DECK)], cliEnv(home));
        expect(result.code).toBe(1);
        expect(expectShortError(result.stderr)).toContain('reviews.jsonl');
        expect(readFileSync(log).equals(before)).toBe(true);
      },
    );

    it('a torn last line (a crash mid-append) is a warning: exit 0, earlier reviews still counted', () => {
      const complete = review('intro', 4, ago(3 * DAY)) + review('ml/momentum', 5, ago(2 * DAY));
      const { home, log } = storeWithLog(complete, '{"card":"adam-optimizer","rat');
      const result = runCli(['stats', '--json', '--cards', testdir(LIST_DECK)], cliEnv(home));
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(/warning/i);
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(parseJson(result.stdout)).toMatchObject({ seen: 2, reviews: 2 });
      // The complete reviews are still there, in order.
      expect(readFileSync(log, 'utf8').startsWith(complete)).toBe(true);
    });
  });
});

describe('quiz without a terminal', () => {
  it('exits 2 at once with one line saying it needs an interactive terminal, recording nothing', () => {
    const dir = testdir(LIST_DECK);
    const home = testdir();
    const result = runCli(['--cards', dir], cliEnv(home), '');
    expect(result.code).toBe(2);
    expect(expectShortError(result.stderr)).toMatch(/interactive terminal/);
    expect(existsSync(path.join(home, 'reviews.jsonl'))).toBe(false);
  });

  it('keeps an existing review log unchanged', () => {
    const { home, log } = storeWithLog(review('intro', 4, ago(10 * DAY)));
    const before = readFileSync(log);
    const result = runCli(['quiz', '--cards', testdir(LIST_DECK)], cliEnv(home), '1\n');
    expect(result.code).toBe(2);
    expect(readFileSync(log).equals(before)).toBe(true);
  });

  it('with nothing due, prints one line saying when the next card is due and exits 0', () => {
    // Every card rated Easy an hour ago: nothing is due, and --new 0 adds no new card.
    const ids = LIST_JSON.map((entry) => entry.id);
    const { home, log } = storeWithLog(...ids.map((id) => review(id, 5, ago(HOUR))));
    const before = readFileSync(log);
    const result = runCli(['--cards', testdir(LIST_DECK), '--new', '0'], cliEnv(home));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(linesOf(result.stdout)).toHaveLength(1);
    expect(result.stdout).toContain('Next card due');
    expect(readFileSync(log).equals(before)).toBe(true);
  });
});

describe('where the cards come from', () => {
  it('uses FLASHDECK_CARDS when --cards is absent', () => {
    const dir = testdir(LIST_DECK);
    const result = runCli(['list', '--json'], { ...cliEnv(testdir()), FLASHDECK_CARDS: dir });
    expect(result.code).toBe(0);
    expect(parseJson(result.stdout)).toEqual(LIST_JSON);
  });

  it('prefers --cards over FLASHDECK_CARDS', () => {
    const other = testdir({ 'only.md': cardFile('Only card', 'Here.') });
    const result = runCli(['list', '--json', '--cards', other], {
      ...cliEnv(testdir()),
      FLASHDECK_CARDS: testdir(LIST_DECK),
    });
    expect(result.code).toBe(0);
    expect((parseJson(result.stdout) as { path: string }[]).map((entry) => entry.path)).toEqual(['only.md']);
  });

  it('stats names the root taken from FLASHDECK_CARDS', () => {
    const dir = testdir(LIST_DECK);
    const result = runCli(['stats'], { ...cliEnv(testdir()), FLASHDECK_CARDS: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(dir);
  });

  it('with neither, lists the 11 bundled cards, from any working folder', () => {
    const bundled = readdirSync('cards/optimization-in-neural-networks')
      .filter((name) => name.endsWith('.md'))
      .sort()
      .map((name) => `optimization-in-neural-networks/${name}`);
    expect(bundled).toHaveLength(11);
    const result = runCliIn(testdir(), ['list', '--json'], cliEnv(testdir()));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const entries = parseJson(result.stdout) as { path: string; deck: string }[];
    expect(entries.map((entry) => entry.path)).toEqual(bundled);
    for (const entry of entries) expect(entry.deck).toBe('optimization-in-neural-networks');
  });
});
