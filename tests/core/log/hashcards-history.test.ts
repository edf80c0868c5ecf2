import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../src/core/card/parse.js';
import {
  mapHashcardsCards,
  readLocalTime,
  toReviewEntries,
  type HashcardsFile,
  type HashcardsReview,
} from '../../../src/core/log/hashcards-history.js';
import { makeCard } from '../../support/make-card.js';

const fixture = (name: string) => readFileSync(`tests/fixtures/collections/hashcards/${name}`, 'utf8');

/** A file read the way the cards folder is: its notes and cards from flashdeck's own parser. */
async function readFile(text: string, path: string): Promise<HashcardsFile> {
  const parsed = await parseFile(text, path);
  if ('problem' in parsed) throw new Error(parsed.problem.message);
  return { text, notes: parsed.notes, cards: parsed.cards };
}

/** The card id each hash names, as an object for a readable comparison. */
async function idsByHash(...files: [string, string][]): Promise<Record<string, string>> {
  const read = await Promise.all(files.map(([text, path]) => readFile(text, path)));
  return Object.fromEntries([...mapHashcardsCards(read)].map(([hash, card]) => [hash.slice(0, 8), card.id]));
}

// The hashes are hashcards' own, as tests/core/formats/hashcards-hash.test.ts checks them.
describe('mapHashcardsCards', () => {
  it("finds each card of hashcards' example deck: basic by its block, cloze by the deletion it hides", async () => {
    const table = 'Math#tables-are-also-supported-a-b-a-lor-b-f-f-f-f-t-t-t-f-t-t-t';
    expect(await idsByHash([fixture('eudoxia0-hashcards-Math.md'), 'Math.md'])).toEqual({
      '9b40f82e': 'Math#what-does-euler-evaluate-to',
      cf726e4e: 'Math#state-the-first-demorgan-law',
      '20110b30': 'Math#what-is-the-inverse-of-a-2x2-matrix',
      bed2fce8: 'Math#what-does-theta-render',
      '49de85e1': 'Math#the-tex-command-alpha-renders-as-alpha#c1',
      bed1da17: `${table}#c1`,
      // The three [T] cells hide the same text: each is its own card, in order.
      b83c5e88: `${table}#c2`,
      '4f732056': `${table}#c3`,
      '4d210968': `${table}#c4`,
    });
  });

  it('gives a card written twice, which hashcards keeps once, to the first', async () => {
    expect(await idsByHash([fixture('zchrysaylor-hashcards-decks-behavior.md'), 'inbox/behavior.md'])).toEqual({
      '0ec02163': 'inbox/behavior#abulia',
    });
    const same = 'Q: abulia\nA: lack of will\n';
    expect(Object.values(await idsByHash([same, 'a.md'], [same, 'b.md']))).toEqual(['a#abulia']);
  });

  it('leaves out a deletion that flashdeck reads as markdown (a link), which hashcards hides', async () => {
    const ids = await idsByHash(['C: See [the docs](https://example.org): the capital is [Paris].\n', 'geo.md']);
    expect(Object.values(ids)).toEqual(['geo#see-the-docs-the-capital-is-paris#c1']);
  });
});

describe('toReviewEntries', () => {
  const cards = new Map([
    ['h1', makeCard({ id: 'one' })],
    ['h2', makeCard({ id: 'two#c1', kind: 'cloze', identityText: 'Paris' })],
  ]);
  const review = (id: number, cardHash: string, grade: string, reviewedAt = '2025-10-05T14:30:15.123') =>
    ({ id, cardHash, grade, reviewedAt }) satisfies HashcardsReview;
  const now = new Date('2026-01-01T00:00:00Z');

  it('rates forgot 1, hard 3, good 4, easy 5, oldest first, and skips reviews of cards no longer there', () => {
    const reviews = [
      review(1, 'h1', 'good', '2025-10-06T08:00:00.000'),
      review(2, 'h2', 'forgot'),
      review(3, 'gone', 'easy'),
      review(4, 'h1', 'hard', '2025-10-04T08:00:00.000'),
      review(5, 'h2', 'easy', '2025-10-07T08:00:00.000'),
    ];
    expect(toReviewEntries(reviews, cards, now)).toEqual({
      kind: 'reviews',
      entries: [
        { card: 'one', rating: 3, at: '2025-10-04T08:00:00.000Z', seconds: 0 },
        { card: 'two#c1', rating: 1, at: '2025-10-05T14:30:15.123Z', seconds: 0, text: 'Paris' },
        { card: 'one', rating: 4, at: '2025-10-06T08:00:00.000Z', seconds: 0 },
        { card: 'two#c1', rating: 5, at: '2025-10-07T08:00:00.000Z', seconds: 0, text: 'Paris' },
      ],
      cards: 2,
      skipped: 1,
    });
  });

  it('refuses a grade, a time or a date hashcards never writes, naming the review', () => {
    expect(toReviewEntries([review(7, 'h1', 'again')], cards, now)).toEqual({
      kind: 'bad review',
      problem: 'review 7 has the grade "again" (not forgot, hard, good, easy)',
    });
    expect(toReviewEntries([review(7, 'h1', 'constructor')], cards, now)).toMatchObject({ kind: 'bad review' });
    expect(toReviewEntries([review(8, 'gone', 'good', '2025-10-05 14:30')], cards, now)).toEqual({
      kind: 'bad review',
      problem: 'review 8 has the time "2025-10-05 14:30"',
    });
    const old = toReviewEntries([review(9, 'h1', 'good', '1999-12-31T23:00:00.000')], cards, now);
    expect(old).toEqual({ kind: 'bad review', problem: expect.stringMatching(/^review 9: "at" is .*before 2000/) });
  });
});

describe('readLocalTime', () => {
  // The tests run with TZ=UTC (vitest.config.ts); the CLI tests try another zone.
  it('reads hashcards’ local times, to the millisecond', () => {
    expect(readLocalTime('2025-10-05T14:30:15.123')).toBe('2025-10-05T14:30:15.123Z');
  });

  it.each(['2025-10-05T14:30:15', '2025-13-05T14:30:15.123', '2025-10-05T24:00:00.000', '2025-10-05T14:30:15.123Z'])(
    'takes %s for no time',
    (text) => {
      expect(readLocalTime(text)).toBeNull();
    },
  );
});
