import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardFile, cliEnv, runCli, startPty, testdir } from './helpers.js';

// Issue 3, cases 6–8, through the built CLI: a damaged store is never overwritten, a store of the current format
// reads back exactly, and a deleted card keeps its history.

const FIXTURE_STORE = path.resolve('tests/fixtures/store-v1');
const FIXTURE_DECK = path.resolve('tests/fixtures/deck-v1');
const review = (card: string, rating: number, at: string) => `${JSON.stringify({ card, rating, at, seconds: 3 })}\n`;
const GOOD_LOG = review('alpha', 4, '2025-03-01T09:00:00.000Z') + review('bravo', 5, '2025-03-02T09:00:00.000Z');
const GOOD_CONFIG = '{\n\t"formatVersion": 4,\n\t"newCardsPerDay": 12\n}';

function deck(): string {
  return testdir({
    'a.md': cardFile('Alpha question', 'Alpha answer', 'id: alpha'),
    'b.md': cardFile('Bravo question', 'Bravo answer', 'id: bravo'),
  });
}

/** Every file of the store but the cache folder, which is rebuilt at will, with its bytes. */
function snapshotStore(home: string): Record<string, string> {
  const names = readdirSync(home)
    .filter((name) => name !== 'cache')
    .sort();
  return Object.fromEntries(names.map((name) => [name, readFileSync(path.join(home, name), 'latin1')]));
}

describe('case 6: a damaged store', () => {
  // `config set` rewrites config.json: it must refuse one it cannot read, and may fix a bad value or leave the log be.
  it.each([
    [
      'a truncated config.json',
      '{"formatVersion": 1, "newCardsPer',
      GOOD_LOG,
      /config\.json is not valid JSON\. Move it aside or fix it/,
      true,
    ],
    [
      'a config.json that is not an object',
      '[1, 2]',
      GOOD_LOG,
      /config\.json does not hold a JSON object\. Move it aside or fix it/,
      true,
    ],
    [
      'a store from a newer flashdeck',
      '{"formatVersion": 5}',
      GOOD_LOG,
      /was written by a newer flashdeck \(format 5\)\. Upgrade flashdeck/,
      true,
    ],
    [
      'a setting of the wrong shape',
      '{"formatVersion": 4, "newCardsPerDay": "lots"}',
      GOOD_LOG,
      /newCardsPerDay in .*config\.json must be .*flashdeck config set new-per-day/,
      false,
    ],
    [
      'a line that is not JSON inside the log',
      GOOD_CONFIG,
      `${GOOD_LOG}this is not JSON\n${GOOD_LOG}`,
      /reviews\.jsonl is damaged at line 3 \(not a review\)\. Fix or remove that line/,
      false,
    ],
    [
      'a log line of the wrong shape',
      GOOD_CONFIG,
      `${GOOD_LOG}{"card":"alpha","rating":9,"at":"2025-03-03T09:00:00.000Z","seconds":1}\n`,
      /reviews\.jsonl is damaged at line 3/,
      false,
    ],
  ])(
    '%s: every command exits 1 naming the file and what to do, and changes no byte',
    (_name, config, log, message, configSetRefuses) => {
      const home = testdir({ 'config.json': config, 'reviews.jsonl': log });
      const before = snapshotStore(home);
      const cards = deck();
      const commands = [['list', '--json'], ['stats'], ['quiz']].map((args) => [...args, '--cards', cards]);
      if (configSetRefuses) commands.push(['config', 'set', 'new-per-day', '3']);
      for (const args of commands) {
        const result = runCli(args, cliEnv(home));
        expect(result.code, args.join(' ')).toBe(1);
        expect(result.stderr).toMatch(message);
        expect(result.stderr).toContain(home);
        expect(result.stderr).not.toMatch(/^\s+at /m);
        expect(result.stdout).toBe('');
        expect(snapshotStore(home)).toEqual(before);
      }
    },
  );

  it('a torn last line is set aside with a warning naming both files; the rest loads and the log stays appendable', async () => {
    const fragment = '{"card":"alpha","rating":3,"at":"2025-03-0';
    const home = testdir({ 'config.json': GOOD_CONFIG, 'reviews.jsonl': GOOD_LOG + fragment });
    const cards = deck();
    const result = runCli(['stats', '--json', '--cards', cards], cliEnv(home));
    expect(result.code).toBe(0);
    const sideFiles = readdirSync(home).filter((name) => name.startsWith('reviews.jsonl.torn-'));
    expect(sideFiles).toHaveLength(1);
    const sideFile = path.join(home, sideFiles[0] ?? '');
    expect(result.stderr).toBe(
      `warning: set aside an incomplete last line of ${path.join(home, 'reviews.jsonl')} (saved in ${sideFile})\n`,
    );
    expect(readFileSync(sideFile, 'utf8')).toBe(fragment);
    expect(readFileSync(path.join(home, 'reviews.jsonl'), 'utf8')).toBe(GOOD_LOG);
    expect(JSON.parse(result.stdout)).toMatchObject({ cards: 2, seen: 2, reviews: 2 });

    // The next session appends after the last complete line.
    const t = startPty(['--cards', cards, '--all', '-n', '1'], cliEnv(home));
    await t.waitFor('Space shows the answer');
    t.pty.write(' ');
    await t.waitFor('How well did you know this?');
    t.pty.write('4');
    expect(await t.exited).toBe(0);
    expect(runCli(['stats', '--json', '--cards', cards], cliEnv(home))).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(path.join(home, 'reviews.jsonl'), 'utf8').split('\n')).toHaveLength(4);
  });
});

describe('case 7: the store format', () => {
  function copyFixture(): string {
    const home = path.join(testdir(), 'store');
    cpSync(FIXTURE_STORE, home, { recursive: true });
    return home;
  }

  const LIST = [
    {
      id: 'adam',
      note: 'adam',
      kind: 'basic',
      deck: '.',
      path: 'adam.md',
      line: 6,
      difficulty: 'hard',
      tags: [],
      question: 'What does Adam adapt?',
      reviews: 1,
      lastRating: 5,
      due: '2025-03-18T10:00:00.000Z',
    },
    {
      id: 'gradient',
      note: 'gradient',
      kind: 'basic',
      deck: 'basics',
      path: 'basics/gradient.md',
      line: 7,
      difficulty: 'easy',
      tags: ['calculus'],
      question: 'What does the gradient point to?',
      reviews: 2,
      lastRating: 5,
      due: '2025-04-19T09:00:00.000Z',
    },
    {
      id: 'basics/momentum',
      note: 'basics/momentum',
      kind: 'basic',
      deck: 'basics',
      path: 'basics/momentum.md',
      line: 5,
      difficulty: 'medium',
      tags: [],
      question: 'What does momentum smooth?',
      reviews: 2,
      lastRating: 3,
      due: '2025-03-03T09:05:00.000Z',
    },
    {
      id: 'unseen',
      note: 'unseen',
      kind: 'basic',
      deck: '.',
      path: 'unseen.md',
      line: 1,
      difficulty: null,
      tags: [],
      question: 'A card never rated',
      reviews: 0,
      lastRating: null,
      due: null,
    },
  ];
  const STATS = {
    cards: 4,
    seen: 3,
    reviews: 5, // the undone rating and the removed card's are not counted
    due: 3,
    mastery: 65, // round(100 × (5 + 5 + 3) / 20)
    byDifficulty: {
      easy: { cards: 1, seen: 1, mastery: 100 },
      medium: { cards: 1, seen: 1, mastery: 60 },
      hard: { cards: 1, seen: 1, mastery: 100 },
    },
    byDeck: { '.': { cards: 2, seen: 1, mastery: 50 }, basics: { cards: 2, seen: 2, mastery: 80 } },
    new: 1,
    latestRatings: { 1: 0, 2: 0, 3: 1, 4: 0, 5: 2 },
    nextDue: '2025-03-03T09:05:00.000Z',
  };

  /** Reads the store through the CLI; the due times depend on its retention of 0.85, so they prove it was read. */
  function expectFixtureFigures(home: string): void {
    const list = runCli(['list', '--json', '--cards', FIXTURE_DECK], cliEnv(home));
    expect(list).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(list.stdout)).toEqual(LIST);
    const stats = runCli(['stats', '--json', '--cards', FIXTURE_DECK], cliEnv(home));
    expect(stats).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(stats.stdout)).toMatchObject({ ...STATS, store: home });
    expect(runCli(['config', 'get', 'retention'], cliEnv(home)).stdout).toBe('0.85\n');
    expect(runCli(['config', 'get', 'new-per-day'], cliEnv(home)).stdout).toBe('15\n');
  }

  it('reads a store of format 1 with exact figures: the version raised to 3, nothing else changed', () => {
    const home = copyFixture();
    expectFixtureFigures(home);
    const fixture = JSON.parse(readFileSync(path.join(FIXTURE_STORE, 'config.json'), 'utf8')) as object;
    expect(fixture).toMatchObject({ formatVersion: 1 });
    expect(JSON.parse(readFileSync(path.join(home, 'config.json'), 'utf8'))).toEqual({ ...fixture, formatVersion: 4 });
    expect(
      readFileSync(path.join(home, 'reviews.jsonl')).equals(readFileSync(path.join(FIXTURE_STORE, 'reviews.jsonl'))),
    ).toBe(true);
  });

  it('reads a store of format 2 (the first release) with exact figures: the version raised to 4, the log unchanged', () => {
    const home = copyFixture();
    const fixture = JSON.parse(readFileSync(path.join(FIXTURE_STORE, 'config.json'), 'utf8'));
    writeFileSync(path.join(home, 'config.json'), JSON.stringify({ ...fixture, formatVersion: 2 }));
    expectFixtureFigures(home);
    expect(JSON.parse(readFileSync(path.join(home, 'config.json'), 'utf8'))).toEqual({ ...fixture, formatVersion: 4 });
    expect(
      readFileSync(path.join(home, 'reviews.jsonl')).equals(readFileSync(path.join(FIXTURE_STORE, 'reviews.jsonl'))),
    ).toBe(true);
  });

  it('reads a store of format 4 with exact figures, changing neither file', () => {
    const home = copyFixture();
    const config = readFileSync(path.join(FIXTURE_STORE, 'config.json'), 'utf8').replace(
      '"formatVersion": 1',
      '"formatVersion": 4',
    );
    writeFileSync(path.join(home, 'config.json'), config);
    expectFixtureFigures(home);
    expect(readFileSync(path.join(home, 'config.json'), 'utf8')).toBe(config);
    expect(
      readFileSync(path.join(home, 'reviews.jsonl')).equals(readFileSync(path.join(FIXTURE_STORE, 'reviews.jsonl'))),
    ).toBe(true);
  });

  it('reads a store of format 3 (renames in the log) with exact figures: the version raised to 4, the log unchanged', () => {
    const home = copyFixture();
    const fixture = JSON.parse(readFileSync(path.join(FIXTURE_STORE, 'config.json'), 'utf8'));
    writeFileSync(path.join(home, 'config.json'), JSON.stringify({ ...fixture, formatVersion: 3 }));
    expectFixtureFigures(home);
    expect(JSON.parse(readFileSync(path.join(home, 'config.json'), 'utf8'))).toEqual({ ...fixture, formatVersion: 4 });
  });

  it('migrates a store from before the version field: same figures, the version added, nothing else changed', () => {
    const home = copyFixture();
    const { formatVersion, ...older } = JSON.parse(
      readFileSync(path.join(FIXTURE_STORE, 'config.json'), 'utf8'),
    ) as Record<string, unknown>;
    expect(formatVersion).toBe(1);
    writeFileSync(path.join(home, 'config.json'), JSON.stringify(older));
    expectFixtureFigures(home);
    expect(JSON.parse(readFileSync(path.join(home, 'config.json'), 'utf8'))).toEqual({ ...older, formatVersion: 4 });
    expect(
      readFileSync(path.join(home, 'reviews.jsonl')).equals(readFileSync(path.join(FIXTURE_STORE, 'reviews.jsonl'))),
    ).toBe(true);
  });
});

describe('case 8: a deleted card', () => {
  it('keeps its history, is left out of stats and list, and comes back with its file', async () => {
    const cards = deck();
    const home = testdir();
    const t = startPty(['--cards', cards], cliEnv(home));
    for (const [i, rating] of ['4', '5'].entries()) {
      await t.waitFor('Space shows the answer', i + 1);
      t.pty.write(' ');
      await t.waitFor('How well did you know this?', i + 1);
      t.pty.write(rating);
    }
    expect(await t.exited).toBe(0);
    const listed = () =>
      JSON.parse(runCli(['list', '--json', '--cards', cards], cliEnv(home)).stdout) as { id: string }[];
    const before = listed();
    const log = readFileSync(path.join(home, 'reviews.jsonl'), 'utf8');

    const saved = readFileSync(path.join(cards, 'b.md'), 'utf8');
    rmSync(path.join(cards, 'b.md'));
    expect(JSON.parse(runCli(['stats', '--json', '--cards', cards], cliEnv(home)).stdout)).toMatchObject({
      cards: 1,
      seen: 1,
      reviews: 1,
      mastery: 80,
    });
    expect(listed().map((entry) => entry.id)).toEqual(['alpha']);
    // A session on what is left, crammed so that it rates alpha again.
    const again = startPty(['--cards', cards, '--all'], cliEnv(home));
    await again.waitFor('Space shows the answer');
    again.pty.write(' ');
    await again.waitFor('How well did you know this?');
    again.pty.write('3');
    expect(await again.exited).toBe(0);
    expect(readFileSync(path.join(home, 'reviews.jsonl'), 'utf8').startsWith(log)).toBe(true);

    writeFileSync(path.join(cards, 'b.md'), saved);
    expect(listed()[1]).toEqual(before[1]);
    expect(JSON.parse(runCli(['stats', '--json', '--cards', cards], cliEnv(home)).stdout)).toMatchObject({
      cards: 2,
      seen: 2,
      reviews: 3,
    });
  });
});
