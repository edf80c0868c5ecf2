import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardFile, cliEnv, runCli, testdir } from './helpers.js';

// `flashdeck progress export|import` between stores, as two machines would use them (build first).

const DAY = 24 * 3_600_000;
const daysAgo = (days: number, hour = 0): string => new Date(Date.now() - days * DAY + hour * 3_600_000).toISOString();
const review = (card: string, rating: number, at: string) => JSON.stringify({ card, rating, at, seconds: 4.5 });
const undo = (card: string, undone: string, at: string) => JSON.stringify({ card, undo: undone, at });

const DECK = {
  'a.md': cardFile('Alpha?', 'A.', 'id: alpha'),
  'b.md': cardFile('Bravo?', 'B.', 'id: bravo'),
  'c.md': cardFile('Charlie?', 'C.', 'id: charlie'),
};

/** A store folder whose log holds `lines`. */
function storeWith(...lines: string[]): string {
  return testdir(lines.length > 0 ? { 'reviews.jsonl': `${lines.join('\n')}\n` } : {});
}

function listJson(cards: string, home: string): unknown {
  const { code, stdout } = runCli(['list', '--json', '--cards', cards], cliEnv(home));
  expect(code).toBe(0);
  return JSON.parse(stdout);
}

function statsJson(cards: string, home: string): Record<string, unknown> {
  const { store: _store, ...stats } = JSON.parse(
    runCli(['stats', '--json', '--cards', cards], cliEnv(home)).stdout,
  ) as Record<string, unknown>;
  return stats;
}

function progressExport(home: string): string {
  const file = path.join(testdir(), 'progress.jsonl');
  const { code, stdout } = runCli(['progress', 'export', '--out', file], cliEnv(home));
  expect(code).toBe(0);
  expect(stdout).toMatch(/^Exported \d+ reviews? to /);
  return file;
}

function progressImport(home: string, file: string) {
  return runCli(['progress', 'import', file], cliEnv(home));
}

// Machine A and machine B each studied; alpha on both, at different times.
const LAPTOP_TIMES = [daysAgo(9), daysAgo(8), daysAgo(5), daysAgo(4)] as const;
const LAPTOP = [
  review('alpha', 4, LAPTOP_TIMES[0]),
  review('bravo', 2, LAPTOP_TIMES[1]),
  review('alpha', 5, LAPTOP_TIMES[2]),
  review('bravo', 3, LAPTOP_TIMES[3]),
];
const DESKTOP = [review('alpha', 1, daysAgo(7)), review('charlie', 4, daysAgo(6)), review('alpha', 3, daysAgo(3))];

describe('flashdeck progress export', () => {
  it('prints every review not undone, oldest first, as JSON Lines', () => {
    const [older, undone, newer] = [daysAgo(3), daysAgo(2), daysAgo(1)];
    const home = storeWith(
      review('bravo', 4, newer),
      review('alpha', 2, older),
      review('alpha', 5, undone),
      undo('alpha', undone, daysAgo(2, 1)),
    );
    const { code, stdout } = runCli(['progress', 'export'], cliEnv(home));
    expect(code).toBe(0);
    expect(stdout).toBe(`${review('alpha', 2, older)}\n${review('bravo', 4, newer)}\n`);
  });

  it('prints nothing for an empty store, and refuses to replace a file without --force', () => {
    const home = storeWith();
    expect(runCli(['progress', 'export'], cliEnv(home))).toMatchObject({ code: 0, stdout: '' });
    const dir = testdir({ 'p.jsonl': 'keep' });
    const refused = runCli(['progress', 'export', '--out', path.join(dir, 'p.jsonl')], cliEnv(home));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already exists: pass --force');
    expect(readFileSync(path.join(dir, 'p.jsonl'), 'utf8')).toBe('keep');
  });
});

describe('flashdeck progress import', () => {
  it('export then import into an empty store gives the same stats and list', () => {
    const cards = testdir(DECK);
    const undone = daysAgo(2);
    const source = storeWith(...LAPTOP, review('charlie', 1, undone), undo('charlie', undone, daysAgo(2, 1)));
    const target = testdir();
    const file = progressExport(source);
    const { code, stdout } = progressImport(target, file);
    expect(code).toBe(0);
    expect(stdout).toBe(`Imported 4 new reviews from ${file}.\n`);
    expect(statsJson(cards, target)).toEqual(statsJson(cards, source));
    expect(listJson(cards, target)).toEqual(listJson(cards, source));
  });

  it('carries the burials still in force, each once, so the other machine hides those cards too', () => {
    const bury = (card: string, until: string, at: string) => JSON.stringify({ card, bury: until, at });
    const [now, tomorrow, yesterday] = [daysAgo(0), daysAgo(-1), daysAgo(1)];
    const source = storeWith(
      ...LAPTOP,
      bury('alpha', tomorrow, now),
      bury('bravo', tomorrow, now),
      JSON.stringify({ card: 'bravo', unbury: now, at: now }),
      bury('charlie', yesterday, daysAgo(2)),
    );
    const file = progressExport(source);
    const exported = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(exported.slice(4)).toEqual([bury('alpha', tomorrow, now)]);
    const target = testdir();
    expect(progressImport(target, file).code).toBe(0);
    expect(progressImport(target, file).code).toBe(0);
    const log = readFileSync(path.join(target, 'reviews.jsonl'), 'utf8').trimEnd().split('\n');
    expect(log.filter((line) => line.includes('"bury"'))).toEqual([bury('alpha', tomorrow, now)]);
    expect(log).toHaveLength(5);
  });

  it('importing the same file twice changes nothing the second time', () => {
    const home = storeWith(...DESKTOP);
    const file = progressExport(storeWith(...LAPTOP, DESKTOP[0] ?? ''));
    expect(progressImport(home, file).stdout).toBe(`Imported 4 new reviews from ${file} (1 already here).\n`);
    const log = readFileSync(path.join(home, 'reviews.jsonl'), 'utf8');
    const again = progressImport(home, file);
    expect(again.stdout).toBe(`Imported 0 new reviews from ${file} (5 already here).\n`);
    expect(readFileSync(path.join(home, 'reviews.jsonl'), 'utf8')).toBe(log);
  });

  it('merging two logs in either order gives the same store; machines that swap logs agree', () => {
    const cards = testdir(DECK);
    const laptopFile = progressExport(storeWith(...LAPTOP));
    const desktopFile = progressExport(storeWith(...DESKTOP));
    const one = testdir();
    progressImport(one, laptopFile);
    progressImport(one, desktopFile);
    const other = testdir();
    progressImport(other, desktopFile);
    progressImport(other, laptopFile);
    expect(listJson(cards, one)).toEqual(listJson(cards, other));
    expect(statsJson(cards, one)).toEqual(statsJson(cards, other));

    const laptop = storeWith(...LAPTOP);
    const desktop = storeWith(...DESKTOP);
    expect(progressImport(laptop, desktopFile).stdout).toContain('Imported 3 new reviews');
    expect(progressImport(desktop, laptopFile).stdout).toContain('Imported 4 new reviews');
    const merged = listJson(cards, laptop);
    expect(listJson(cards, desktop)).toEqual(merged);
    expect(merged).toEqual(listJson(cards, one));
    expect((merged as { id: string; reviews: number }[]).map((card) => [card.id, card.reviews])).toEqual([
      ['alpha', 4],
      ['bravo', 2],
      ['charlie', 1],
    ]);
  });

  it('imports nothing when a line is not a review, saying what is wrong with each bad line', () => {
    const dir = testdir();
    const file = path.join(dir, 'bad.jsonl');
    writeFileSync(
      file,
      `${LAPTOP[0]}\n{"card":"alpha","rating":7,"at":"2026-01-01T00:00:00Z","seconds":1}\n${LAPTOP[1]}\nnot json\n`,
    );
    const home = testdir();
    const { code, stderr } = progressImport(home, file);
    expect(code).toBe(1);
    expect(stderr.split('\n')).toEqual([
      `${file}:2: "rating" is 7: it must be a whole number from 1 to 5`,
      `${file}:4: not a review like {"card": "<id>", "rating": 1-5, "at": "<ISO 8601 time>", "seconds": <number>}`,
      `error: nothing was imported: fix the lines of ${file} listed above and import it again.`,
      '',
    ]);
    expect(existsSync(path.join(home, 'reviews.jsonl'))).toBe(false);
  });

  it('refuses what would stay in the log for good: a huge or control-laden id, a time out of range, endless seconds', () => {
    const file = path.join(testdir(), 'hostile.jsonl');
    const farFuture = new Date(Date.now() + 3 * DAY).toISOString();
    writeFileSync(
      file,
      [
        LAPTOP[0],
        review('x'.repeat(1_048_576), 4, daysAgo(2)),
        JSON.stringify({ card: 'alpha', rating: 4, at: '9999-06-01T00:00:00Z', seconds: 4.5 }),
        JSON.stringify({ card: 'alpha', rating: 4, at: daysAgo(2), seconds: 1e308 }),
        review('bio/\u001b]0;pwned\u0007cell', 4, daysAgo(2)),
        review('alpha', 4, '1970-01-01T00:00:00.000Z'),
        review('alpha', 4, farFuture),
        undo('alpha', LAPTOP_TIMES[0], '1999-12-31T23:00:00.000Z'),
        LAPTOP[1],
      ].join('\n'),
    );
    const home = storeWith(...DESKTOP);
    const log = readFileSync(path.join(home, 'reviews.jsonl'));
    const { code, stdout, stderr } = progressImport(home, file);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toEqual([
      `${file}:2: card id is 1048576 characters long (at most 4096)`,
      `${file}:3: "at" is 9999-06-01T00:00:00Z: more than a day in the future`,
      `${file}:4: "seconds" is 1e+308: at most 86400 (a day)`,
      `${file}:5: card id holds a control character`,
      `${file}:6: "at" is 1970-01-01T00:00:00.000Z: before 2000-01-01`,
      `${file}:7: "at" is ${farFuture}: more than a day in the future`,
      `${file}:8: "at" is 1999-12-31T23:00:00.000Z: before 2000-01-01`,
      `error: nothing was imported: fix the lines of ${file} listed above and import it again.`,
      '',
    ]);
    // Byte for byte: nothing appended, not even a newline.
    expect(readFileSync(path.join(home, 'reviews.jsonl'))).toEqual(log);
  });

  it('lists the first ten bad lines and counts the rest', () => {
    const file = path.join(testdir(), 'old.jsonl');
    const old = Array.from({ length: 13 }, (_, index) =>
      review('alpha', 4, new Date(Date.UTC(1990, 0, index + 1)).toISOString()),
    );
    writeFileSync(file, `${[LAPTOP[0], ...old].join('\n')}\n`);
    const home = storeWith(...DESKTOP);
    const log = readFileSync(path.join(home, 'reviews.jsonl'));
    const { code, stderr } = progressImport(home, file);
    expect(code).toBe(1);
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(12);
    expect(lines[0]).toBe(`${file}:2: "at" is 1990-01-01T00:00:00.000Z: before 2000-01-01`);
    expect(lines[9]).toBe(`${file}:11: "at" is 1990-01-10T00:00:00.000Z: before 2000-01-01`);
    expect(lines.slice(10)).toEqual([
      '… and 3 more bad lines',
      `error: nothing was imported: fix the lines of ${file} listed above and import it again.`,
    ]);
    expect(readFileSync(path.join(home, 'reviews.jsonl'))).toEqual(log);
  });

  it.each([
    ['x.csv', 'question,answer,tags\n"What is ATP?","Energy",bio\n"What is DNA?","Genes",bio\n'],
    ['notes.md', '# What is ATP?\n\nThe energy currency of the cell.\n\n- made in mitochondria\n- {not json}\n'],
  ])('says in one line that %s is not a progress file, and imports nothing', (name, text) => {
    const file = path.join(testdir(), name);
    writeFileSync(file, text);
    const home = storeWith(...DESKTOP);
    const log = readFileSync(path.join(home, 'reviews.jsonl'));
    const { code, stdout, stderr } = progressImport(home, file);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `error: ${file} is not a progress file (flashdeck progress export writes one): nothing was imported.\n`,
    );
    expect(readFileSync(path.join(home, 'reviews.jsonl'))).toEqual(log);
  });

  it('a store whose own log has long-ago and odd values still reads it, exports it and takes a valid import', () => {
    const cards = testdir(DECK);
    const odd = [
      JSON.stringify({ card: 'alpha', rating: 3, at: '1999-06-01T00:00:00.000Z', seconds: 1e308 }),
      JSON.stringify({ card: 'bravo', rating: 4, at: daysAgo(6), seconds: 200_000 }),
    ];
    const home = storeWith(...odd);
    expect(listJson(cards, home)).toHaveLength(3);
    const exported = runCli(['progress', 'export'], cliEnv(home));
    expect(exported.code).toBe(0);
    // An answer time over a day leaves as a day, so the other machine takes it.
    expect(exported.stdout.split('\n')[1]).toBe(
      JSON.stringify({ card: 'bravo', rating: 4, at: JSON.parse(odd[1] ?? '').at, seconds: 86_400 }),
    );
    const file = progressExport(storeWith(...DESKTOP));
    expect(progressImport(home, file)).toMatchObject({ code: 0, stdout: `Imported 3 new reviews from ${file}.\n` });
    expect(readFileSync(path.join(home, 'reviews.jsonl'), 'utf8').startsWith(`${odd.join('\n')}\n`)).toBe(true);
  });

  it('accepts a raw reviews.jsonl with undos, and reads standard input', () => {
    const cards = testdir(DECK);
    const undone = daysAgo(2);
    const source = storeWith(
      review('alpha', 4, daysAgo(3)),
      review('alpha', 1, undone),
      undo('alpha', undone, daysAgo(2, 1)),
    );
    const target = testdir();
    const { code, stdout } = runCli(
      ['progress', 'import', '-'],
      cliEnv(target),
      readFileSync(path.join(source, 'reviews.jsonl'), 'utf8'),
    );
    expect(code).toBe(0);
    expect(stdout).toBe('Imported 2 new reviews from standard input.\n');
    expect(listJson(cards, target)).toEqual(listJson(cards, source));
  });
});
