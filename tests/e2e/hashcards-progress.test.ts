import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { makeHashcardsDb, type HashcardsDbReview } from '../support/hashcards-db.js';
import { cliEnv, runCli, runCliIn, testdir } from './helpers.js';

// `flashdeck progress import hashcards.db`: hashcards' review history into the store, through the built CLI.

const MATH = readFileSync('tests/fixtures/collections/hashcards/eudoxia0-hashcards-Math.md', 'utf8');
// hashcards' own hashes of three of its example deck's cards (tests/core/formats/hashcards-hash.test.ts).
const EULER = '9b40f82e5ef7470e0ded383b0e96712e3c02f705a9c909630b43c9beb5cf45cc';
const ALPHA = '49de85e192bfdfde002c5803af441c56b38e9be915b2aefba1c9230539e787c3';
const SECOND_T = '4f73205698b9fb1b67ec9a811979021ea659bb62943949c638a5721bbabf611d';
const TABLE = 'Math#tables-are-also-supported-a-b-a-lor-b-f-f-f-f-t-t-t-f-t-t-t';

const REVIEWS: HashcardsDbReview[] = [
  { cardHash: EULER, reviewedAt: '2026-11-20T09:00:00.000', grade: 'good' },
  { cardHash: ALPHA, reviewedAt: '2026-11-22T10:00:00.000', grade: 'forgot' },
  { cardHash: SECOND_T, reviewedAt: '2026-11-22T10:01:30.250', grade: 'easy' },
  // A card since deleted from the files.
  { cardHash: 'ab'.repeat(32), reviewedAt: '2026-11-22T10:02:00.000', grade: 'hard' },
  { cardHash: EULER, reviewedAt: '2026-11-23T09:00:00.000', grade: 'hard' },
];

// The same reviews as flashdeck's own progress file would hold them (the tests run with TZ=UTC).
const SAME_AS_PROGRESS = [
  { card: 'Math#what-does-euler-evaluate-to', rating: 4, at: '2026-11-20T09:00:00.000Z', seconds: 0 },
  { card: 'Math#the-tex-command-alpha-renders-as-alpha#c1', rating: 1, at: '2026-11-22T10:00:00.000Z', seconds: 0 },
  { card: `${TABLE}#c3`, rating: 5, at: '2026-11-22T10:01:30.250Z', seconds: 0 },
  { card: 'Math#what-does-euler-evaluate-to', rating: 3, at: '2026-11-23T09:00:00.000Z', seconds: 0 },
];

/** A hashcards cards folder as hashcards leaves it: the deck, and hashcards.db beside it. */
async function hashcardsFolder(reviews = REVIEWS): Promise<string> {
  const folder = testdir({ 'Math.md': MATH });
  writeFileSync(path.join(folder, 'hashcards.db'), await makeHashcardsDb(reviews));
  return folder;
}

function listJson(cards: string, home: string): { id: string; reviews: number; due: string | null }[] {
  const { code, stdout } = runCli(['list', '--json', '--cards', cards], cliEnv(home));
  expect(code).toBe(0);
  return JSON.parse(stdout) as { id: string; reviews: number; due: string | null }[];
}

function statsJson(cards: string, home: string): Record<string, unknown> {
  const { code, stdout } = runCli(['stats', '--json', '--cards', cards], cliEnv(home));
  expect(code).toBe(0);
  const { store: _store, ...stats } = JSON.parse(stdout) as Record<string, unknown>;
  return stats;
}

/** Bytes of an SQLite database made by `sql`, not hashcards'. */
async function sqliteWith(sql: string): Promise<Uint8Array> {
  const database = new (await initSqlJs()).Database();
  database.exec(sql);
  return database.export();
}

describe('flashdeck progress import hashcards.db', () => {
  it('puts each review on its card, with the schedule the same ratings give in flashdeck', async () => {
    const folder = await hashcardsFolder();
    const home = testdir();
    const imported = runCli(['progress', 'import', path.join(folder, 'hashcards.db')], cliEnv(home));
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(imported.stdout).toBe(
      `Imported 4 new reviews of 3 cards from ${path.join(folder, 'hashcards.db')}; ` +
        `skipped 1 review of cards no longer in ${folder}.\n`,
    );

    // The same ratings imported as a flashdeck progress file give the same list and stats.
    const progress = path.join(testdir(), 'progress.jsonl');
    writeFileSync(progress, SAME_AS_PROGRESS.map((entry) => JSON.stringify(entry)).join('\n'));
    const expected = testdir();
    expect(runCli(['progress', 'import', progress], cliEnv(expected)).code).toBe(0);
    const list = listJson(folder, home);
    expect(list).toEqual(listJson(folder, expected));
    expect(statsJson(folder, home)).toEqual(statsJson(folder, expected));

    const reviewed = list.filter((card) => card.reviews > 0).map(({ id, reviews }) => [id, reviews]);
    expect(reviewed).toEqual([
      ['Math#what-does-euler-evaluate-to', 2],
      ['Math#the-tex-command-alpha-renders-as-alpha#c1', 1],
      [`${TABLE}#c3`, 1],
    ]);
    expect(list.filter((card) => card.due !== null)).toHaveLength(3);
  });

  it('adds nothing when imported again', async () => {
    const folder = await hashcardsFolder();
    const home = testdir();
    const env = cliEnv(home);
    expect(runCliIn(folder, ['progress', 'import', 'hashcards.db'], env).code).toBe(0);
    const log = readFileSync(path.join(home, 'reviews.jsonl'), 'utf8');
    const again = runCliIn(folder, ['progress', 'import', 'hashcards.db'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(
      `Imported 0 new reviews of 3 cards from hashcards.db (4 already here); skipped 1 review of cards no longer in ${folder}.\n`,
    );
    expect(readFileSync(path.join(home, 'reviews.jsonl'), 'utf8')).toBe(log);
  });

  it("reads hashcards' times as local times of the machine's zone", async () => {
    const folder = await hashcardsFolder([{ cardHash: EULER, reviewedAt: '2026-11-20T09:00:00.000', grade: 'good' }]);
    const home = testdir();
    const env = cliEnv(home, { TZ: 'America/New_York' });
    expect(runCli(['progress', 'import', path.join(folder, 'hashcards.db')], env).code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(home, 'reviews.jsonl'), 'utf8'))).toMatchObject({
      card: 'Math#what-does-euler-evaluate-to',
      rating: 4,
      at: '2026-11-20T14:00:00.000Z',
    });
  });

  it('finds the cards in the folder --cards names, and the database anywhere (standard input too)', async () => {
    const db = path.join(testdir(), 'copy.db');
    writeFileSync(db, await makeHashcardsDb(REVIEWS));
    const cards = testdir({ 'Math.md': MATH });
    const home = testdir();
    const elsewhere = runCli(['progress', 'import', db], cliEnv(home));
    expect(elsewhere).toMatchObject({ code: 2, stdout: '' });
    expect(elsewhere.stderr).toMatch(/^error: no hashcards cards in .*: name the folder .* with --cards <dir>\.\n$/);
    expect(existsSync(path.join(home, 'reviews.jsonl'))).toBe(false);
    const imported = runCli(['progress', 'import', db, '--cards', cards], cliEnv(home));
    expect(imported.stdout).toMatch(/^Imported 4 new reviews of 3 cards from /);
    const piped = runCli(['progress', 'import', '-'], cliEnv(testdir()), 'SQLite format 3\u0000');
    expect(piped).toMatchObject({ code: 2, stdout: '' });
    expect(piped.stderr).toMatch(/needs its cards folder: add --cards <dir>\.\n$/);
  });
});

describe('flashdeck progress import of an SQLite file that is not a whole hashcards.db', () => {
  const before = JSON.stringify({ card: 'x', rating: 4, at: '2026-11-01T00:00:00.000Z', seconds: 2 });

  /** Imports `bytes` into a store holding one review; checks it failed with one line and left the store as it was. */
  function importRefused(bytes: Uint8Array): string {
    const folder = testdir({ 'Math.md': MATH });
    const file = path.join(folder, 'hashcards.db');
    writeFileSync(file, bytes);
    const home = testdir({ 'reviews.jsonl': `${before}\n` });
    const result = runCli(['progress', 'import', file], cliEnv(home));
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(readFileSync(path.join(home, 'reviews.jsonl'), 'utf8')).toBe(`${before}\n`);
    expect(existsSync(path.join(home, 'cache'))).toBe(false);
    return result.stderr;
  }

  it('says a damaged database is damaged', () => {
    const garbage = Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4_080, 0x5a)]);
    expect(importRefused(garbage)).toMatch(/hashcards\.db is a damaged SQLite database \(.+\): nothing was imported\./);
  });

  it("says another program's database is not hashcards'", async () => {
    const other = await sqliteWith('create table notes (id integer primary key, body text);');
    expect(importRefused(other)).toMatch(/is an SQLite database, but not hashcards' .*: nothing was imported\./);
  });

  it("says repeater's database keeps no reviews", async () => {
    const repeater = await sqliteWith('create table cards (card_hash text primary key, added_at text not null);');
    expect(importRefused(repeater)).toMatch(/no reviews \(repeater's cards\.db\): there is no history to import\./);
  });

  it('refuses a review with a grade hashcards never writes', async () => {
    const db = await makeHashcardsDb([{ cardHash: EULER, reviewedAt: '2026-11-20T09:00:00.000', grade: 'again' }]);
    expect(importRefused(db)).toMatch(/review 1 has the grade "again" \(not forgot, hard, good, easy\)/);
  });
});
