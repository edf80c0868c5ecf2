import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSqlJs } from '../../src/io/sqlite/sqlite.js';
import { loadCards } from '../../src/io/cards/card-files.js';
import { zipSync } from 'fflate';
import {
  DUMMY_GUID,
  makeAnkiPackage,
  zstdFrame,
  type FixturePackage,
  type FixtureNote,
} from '../support/anki-package.js';
import { cliEnv, runCli, testdir } from './helpers.js';

// `flashdeck import <package>` as users run it (build first), on packages made the way Anki makes them.

const FIXTURES = path.resolve('tests/fixtures/anki-package');

const NOTES: FixtureNote[] = [
  {
    guid: 'bA1|x+2',
    type: 'basic',
    fields: ['What is <b>ATP</b>?', 'The cell&#x27;s energy currency.'],
    tags: ['bio::cells', 'exam'],
    deck: 'Biology::Cells',
  },
  { guid: 'rV9#q', type: 'reversed', fields: ['chat', 'cat'], deck: 'French' },
  {
    guid: 'cZ3',
    type: 'cloze',
    fields: ['{{c1::Paris}} is the capital of {{c2::France}}.', 'Since 508.'],
    deck: 'Geography',
  },
  { guid: 'vK7', type: 'vocabulary', fields: ['Hund', 'dog', 'Der Hund bellt.'], deck: 'German' },
  {
    guid: 'mT1',
    type: 'basic',
    fields: ['Euler: \\(e^{i\\pi} + 1 = 0\\) and $a_1 * b_2$', 'yes'],
    deck: 'Biology::Cells',
  },
];

const DAY = 86_400_000;
const START = Date.UTC(2025, 0, 6, 9);

/** Notes with a history: answers of every kind, a Forget, a suspended card, rows that are no answers. */
const STUDIED: FixtureNote[] = [
  {
    ...NOTES[0],
    cards: [
      {
        ord: 0,
        reviews: [
          { at: START, ease: 1, type: 0 },
          { at: START + 600_000, ease: 3, type: 0 },
          { at: START + DAY, ease: 2, type: 1 },
          { at: START + 2 * DAY, ease: 4, type: 1, time: 1500 },
          // A filtered deck without rescheduling, a set due date, a reschedule: no answers.
          { at: START + 3 * DAY, ease: 3, type: 3, factor: 0 },
          { at: START + 4 * DAY, ease: 0, type: 4, factor: 2500 },
          { at: START + 5 * DAY, ease: 0, type: 5 },
        ],
      },
    ],
  } as FixtureNote,
  {
    ...NOTES[1],
    cards: [
      { ord: 0, reviews: [{ at: START + 10, ease: 3, type: 0 }] },
      // Forgotten (a manual row without ease factor), learnt again, then suspended.
      {
        ord: 1,
        queue: -1,
        modified: (START + 9 * DAY) / 1000,
        reviews: [
          { at: START + 20, ease: 3, type: 0 },
          { at: START + DAY + 20, ease: 3, type: 1 },
          { at: START + 6 * DAY, ease: 0, type: 4, factor: 0 },
          { at: START + 7 * DAY, ease: 1, type: 0 },
        ],
      },
    ],
  } as FixtureNote,
  { ...NOTES[2], cards: [{ ord: 0 }, { ord: 1, reviews: [{ at: START + 30, ease: 4, type: 0 }] }] } as FixtureNote,
];

function readLog(home: string): Record<string, unknown>[] {
  const file = path.join(home, 'reviews.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

async function writePackage(dir: string, spec: FixturePackage, name = 'deck.apkg'): Promise<string> {
  const file = path.join(dir, name);
  writeFileSync(file, await makeAnkiPackage(spec));
  return file;
}

/** An SQLite database that is no Anki collection. */
async function makeOtherDatabase(): Promise<Uint8Array> {
  const { Database } = await loadSqlJs();
  const db = new Database();
  db.run('CREATE TABLE notes (x)');
  return db.export();
}

async function readDeck(root: string) {
  const { cards, problems } = await loadCards(root);
  expect(problems).toEqual([]);
  return cards;
}

describe('flashdeck import <Anki package>', () => {
  it('turns a legacy package into note files: decks as folders, guids as ids, tags, reverse and cloze notes', async () => {
    const dir = testdir();
    const file = await writePackage(dir, { version: 'legacy1', notes: NOTES });
    const out = path.join(dir, 'out');
    const { code, stdout, stderr } = runCli(['import', file, '--out', out], cliEnv(testdir()));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(
      `Imported 7 notes (9 cards: 6 basic, 1 reversed, 2 cloze), 0 media files and 0 reviews from ${file} (Anki package) into ${out}.\n`,
    );
    expect(readFileSync(path.join(out, 'Biology/Cells/what-is-atp.md'), 'utf8')).toBe(
      "---\nid: bA1|x+2\ntags: [bio::cells, exam]\n---\n\n# What is **ATP**?\n\nThe cell's energy currency.\n",
    );
    expect(readFileSync(path.join(out, 'French/chat.md'), 'utf8')).toBe(
      '---\nid: rV9#q\nreverse: true\n---\n\n# chat\n\ncat\n',
    );
    expect(readFileSync(path.join(out, 'Geography/paris-is-the-capital-of-france-since-508.md'), 'utf8')).toBe(
      '---\nid: cZ3\n---\n\n{{c1::Paris}} is the capital of {{c2::France}}.\n\nSince 508.\n',
    );
    expect(readFileSync(path.join(out, 'Biology/Cells/euler-e-i-pi-1-0-and-a-1-b-2.md'), 'utf8')).toContain(
      '# Euler: \\(e^{i\\pi} + 1 = 0\\) and $a_1 * b_2$\n',
    );
    const cards = await readDeck(out);
    expect(cards.map((card) => card.id).sort()).toEqual(
      ['bA1|x+2', 'rV9#q', 'rV9#q#reverse', 'cZ3#c1', 'cZ3#c2', 'vK7', 'vK7#card2', 'vK7#card3', 'mT1'].sort(),
    );
    const word = cards.find((card) => card.id === 'vK7');
    expect(word?.answer).toBe('**Meaning**\n\ndog\n\n**Example**\n\nDer Hund bellt.');
    expect(cards.find((card) => card.id === 'vK7#card2')?.question).toBe('dog');
    expect(cards.find((card) => card.id === 'vK7#card3')?.question).toBe('Der Hund bellt.');
  });

  it('appends the review history to the log on the right cards, once, and --no-history leaves it out', async () => {
    const dir = testdir();
    const file = await writePackage(dir, { version: 'legacy2', notes: STUDIED, schedulerVersion: 2 });
    const home = testdir();
    const out = path.join(dir, 'out');
    const first = runCli(['import', file, '--out', out], cliEnv(home));
    expect(first.stderr).toBe(
      'warning: skipped 1 review-log row in filtered decks that do not reschedule\n' +
        'warning: skipped 2 review-log rows reschedules, not answers\n',
    );
    expect(first.stdout).toContain(
      'Imported 3 notes (5 cards: 2 basic, 1 reversed, 2 cloze), 0 media files and 9 reviews',
    );
    const at = (time: number) => new Date(time).toISOString();
    expect(readLog(home)).toEqual([
      { card: 'bA1|x+2', rating: 1, at: at(START), seconds: 8 },
      { card: 'rV9#q', rating: 4, at: at(START + 10), seconds: 8 },
      { card: 'rV9#q#reverse', rating: 4, at: at(START + 20), seconds: 8 },
      { card: 'cZ3#c2', rating: 5, at: at(START + 30), seconds: 8, text: 'France' },
      { card: 'bA1|x+2', rating: 4, at: at(START + 600_000), seconds: 8 },
      { card: 'bA1|x+2', rating: 3, at: at(START + DAY), seconds: 8 },
      { card: 'rV9#q#reverse', rating: 4, at: at(START + DAY + 20), seconds: 8 },
      { card: 'bA1|x+2', rating: 5, at: at(START + 2 * DAY), seconds: 1.5 },
      { card: 'rV9#q#reverse', forget: true, at: at(START + 6 * DAY) },
      { card: 'rV9#q#reverse', rating: 1, at: at(START + 7 * DAY), seconds: 8 },
      { card: 'rV9#q#reverse', suspend: true, at: at(START + 9 * DAY) },
    ]);
    const stats = runCli(['stats', '--json', '--cards', out], cliEnv(home));
    expect(stats.stderr).toBe('');
    // The two reviews before the Forget no longer count.
    expect(JSON.parse(stats.stdout)).toMatchObject({ cards: 5, reviews: 7 });

    const again = runCli(['import', file, '--out', out], cliEnv(home));
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 media files and 0 reviews');
    expect(again.stdout).toContain('9 reviews were already in the log.');
    expect(readLog(home)).toHaveLength(11);

    const bare = testdir();
    const cardsOnly = runCli(['import', file, '--out', path.join(dir, 'bare'), '--no-history'], cliEnv(bare));
    expect(cardsOnly.stderr).toBe('');
    expect(cardsOnly.stdout).toContain(
      'Imported 3 notes (5 cards: 2 basic, 1 reversed, 2 cloze), 0 media files and 0 reviews',
    );
    expect(readLog(bare)).toEqual([]);
  });

  it.each(['latest', 'legacy1'] as const)(
    'copies the media of a %s package into media/ and links them from the notes',
    async (version) => {
      const dir = testdir();
      const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 255]);
      const notes: FixtureNote[] = [
        {
          guid: 'img1',
          type: 'basic',
          fields: ['<img src="cell diagram.png">', 'A cell [sound:say it.mp3]'],
          deck: 'A::B',
        },
        { guid: 'img2', type: 'basic', fields: ['Top <img src="missing.jpg">', 'here'] },
      ];
      const media = { 'cell diagram.png': png, 'say it.mp3': 'ID3 audio', 'unused.txt': 'kept too' };
      const file = await writePackage(dir, { version, notes, media });
      const out = path.join(dir, 'out');
      const { stdout, stderr } = runCli(['import', file, '--out', out], cliEnv(testdir()));
      expect(stderr).toBe('');
      expect(stdout).toContain('Imported 2 notes (2 cards: 2 basic), 3 media files and 0 reviews');
      expect(readFileSync(path.join(out, 'media/cell diagram.png'))).toEqual(Buffer.from(png));
      expect(readFileSync(path.join(out, 'media/say it.mp3'), 'utf8')).toBe('ID3 audio');
      expect(readFileSync(path.join(out, 'media/unused.txt'), 'utf8')).toBe('kept too');
      const [note] = (await readDeck(out)).filter((card) => card.id === 'img1');
      expect(note?.question).toBe('![](../../media/cell%20diagram.png)');
      expect(note?.answer).toBe('A cell [sound: say it.mp3](../../media/say%20it.mp3)');
      // A file the package lacks stays as the field names it; a note without a deck goes to Anki's Default deck.
      expect(readFileSync(path.join(out, 'Default/top.md'), 'utf8')).toContain('# Top ![](missing.jpg)\n');
    },
  );

  it('reads the current format (zstd, schema 18, protobuf) and never the dummy collection beside it', async () => {
    const dir = testdir();
    const file = await writePackage(dir, { version: 'latest', notes: STUDIED }, 'collection.colpkg');
    const home = testdir();
    const out = path.join(dir, 'out');
    const { stdout } = runCli(['import', file, '--out', out], cliEnv(home));
    expect(stdout).toContain('Imported 3 notes (5 cards: 2 basic, 1 reversed, 2 cloze), 0 media files and 9 reviews');
    const cards = await readDeck(out);
    expect(cards.map((card) => card.id).sort()).toEqual(['bA1|x+2', 'cZ3#c1', 'cZ3#c2', 'rV9#q', 'rV9#q#reverse']);
    expect(cards.map((card) => card.deck).sort()).toEqual([
      'Biology/Cells',
      'French',
      'French',
      'Geography',
      'Geography',
    ]);
    expect(JSON.stringify(cards)).not.toContain(DUMMY_GUID);
    expect(readLog(home).filter((entry) => 'forget' in entry || 'suspend' in entry)).toHaveLength(2);
  });

  it('says in one line what is wrong with a package it cannot read, and writes nothing', async () => {
    const dir = testdir();
    const good = await makeAnkiPackage({ version: 'latest', notes: STUDIED });
    const collection = await makeAnkiPackage({ version: 'legacy1', notes: STUDIED });
    const cases: [name: string, bytes: Uint8Array, message: RegExp][] = [
      [
        'text.apkg',
        Buffer.from('front,back\n'),
        /is named like an Anki package but is not one \(not a zip file\): export the deck/,
      ],
      [
        'cut.apkg',
        good.subarray(0, good.length - 40),
        /is an Anki package, but its zip is damaged: export it from Anki again/,
      ],
      [
        'empty.apkg',
        zipSync({ 'notes.txt': Buffer.from('hi') }),
        /is a zip file without an Anki collection in it \(no collection\.anki2\)/,
      ],
      [
        'bad-zstd.apkg',
        zipSync({
          meta: Uint8Array.from([8, 3]),
          'collection.anki21b': Uint8Array.from([0x28, 0xb5, 0x2f, 0xfd, 1, 2, 3]),
        }),
        /its collection\.anki21b cannot be decompressed/,
      ],
      [
        'not-sqlite.apkg',
        zipSync({
          meta: Uint8Array.from([8, 3]),
          'collection.anki21b': zstdFrame(Buffer.from('not a database at all, '.repeat(40))),
        }),
        /its collection is not a readable database/,
      ],
      [
        'newer.apkg',
        zipSync({ meta: Uint8Array.from([8, 9]) }),
        /made by a newer Anki than flashdeck reads \(package version 9\)/,
      ],
      [
        'other.apkg',
        zipSync({ 'collection.anki2': await makeOtherDatabase() }),
        /holds no readable Anki collection \(no such table: col\)/,
      ],
    ];
    for (const [name, bytes, message] of cases) {
      const file = path.join(dir, name);
      writeFileSync(file, bytes);
      const home = testdir();
      const out = path.join(dir, `out-${name}`);
      const result = runCli(['import', file, '--out', out], cliEnv(home));
      expect(result.stderr, name).toMatch(message);
      expect(result.stderr.trim().split('\n'), name).toHaveLength(1);
      expect(result.stderr, name).not.toContain('UTF-8');
      expect(result.code, name).toBe(1);
      expect(existsSync(out), name).toBe(false);
      expect(readdirSync(home), name).toEqual([]);
    }
    // A collection file taken out of its package reads as one.
    const bare = path.join(dir, 'collection.anki2');
    const { unzipSync } = await import('fflate');
    writeFileSync(bare, unzipSync(collection)['collection.anki2'] as Uint8Array);
    const result = runCli(['import', bare, '--out', path.join(dir, 'bare')], cliEnv(testdir()));
    expect(result.stdout).toContain(
      'Imported 3 notes (5 cards: 2 basic, 1 reversed, 2 cloze), 0 media files and 9 reviews',
    );
  });

  it("imports Anki's own test packages: a sound on the front with an empty back, add-on files as media", () => {
    const out = path.join(testdir(), 'out');
    const env = cliEnv(testdir());
    const media = runCli(['import', path.join(FIXTURES, 'media.apkg'), '--out', out], env);
    expect(media.stderr).toBe('');
    expect(media.stdout).toContain('Imported 1 note (1 card: 1 basic), 1 media file and 0 reviews');
    expect(readFileSync(path.join(out, 'Default/sound-foo-wav.md'), 'utf8')).toBe(
      '---\nid: L;*}1M{l6|\n---\n\n# [sound: foo.wav](../media/foo.wav)\n\n*(empty in Anki)*\n',
    );
    expect(readFileSync(path.join(out, 'media/foo.wav'), 'utf8')).toBe('abc\n');
    const templates = runCli(['import', path.join(FIXTURES, 'diffmodeltemplates-1.apkg'), '--out', out], env);
    expect(templates.stdout).toContain('Imported 1 note (1 card: 1 basic), 2 media files and 0 reviews');
    expect(readFileSync(path.join(out, 'testdeck/question.md'), 'utf8')).toBe(
      '---\nid: CjMTh;(#|6\n---\n\n# question?\n\nanswer!\n',
    );
  });
});
