import { describe, expect, it } from 'vitest';
import { MAX_CARD_ID_LENGTH } from '../../../src/core/card/id.js';
import {
  countReviews,
  findNewEntries,
  listEffectiveReviews,
  listExportedEntries,
  MAX_REVIEW_SECONDS,
  parseProgress,
} from '../../../src/core/log/merge.js';
import { NOT_AN_ENTRY, type LogEntry, type ReviewEntry } from '../../../src/core/log/review-log.js';

const review = (card: string, at: string, rating: ReviewEntry['rating'] = 4): ReviewEntry => ({
  card,
  rating,
  at,
  seconds: 3,
});
// The clock of the importing machine, passed in as the command passes deps.now().
const NOW = new Date('2026-03-01T12:00:00.000Z');
const line = (fields: object): string => JSON.stringify(fields);
/** What parseProgress says about a file of one line. */
const problemOf = (fields: object) => parseProgress(`${line(fields)}\n`, NOW);

describe('listEffectiveReviews', () => {
  it('writes answer times over a day as a day, which import takes, and leaves the log entries as they are', () => {
    const long: ReviewEntry = { card: 'a', rating: 3, at: '2026-01-01T00:00:00Z', seconds: 200_000 };
    expect(listEffectiveReviews([long])).toEqual([{ ...long, seconds: MAX_REVIEW_SECONDS }]);
    expect(long.seconds).toBe(200_000);
  });

  it('leaves out undone reviews and orders the rest by time, then card', () => {
    const entries: LogEntry[] = [
      review('b', '2026-01-02T10:00:00.000Z'),
      review('a', '2026-01-03T10:00:00.000Z', 1),
      { card: 'a', undo: '2026-01-03T10:00:00.000Z', at: '2026-01-03T10:00:05.000Z' },
      review('a', '2026-01-02T10:00:00.000Z'),
      review('c', '2026-01-01T12:00:00.000+02:00'),
    ];
    expect(listEffectiveReviews(entries)).toEqual([
      review('c', '2026-01-01T12:00:00.000+02:00'),
      review('a', '2026-01-02T10:00:00.000Z'),
      review('b', '2026-01-02T10:00:00.000Z'),
    ]);
  });
});

describe('parseProgress', () => {
  it('reads reviews and undos, ignoring blank lines and Windows line ends', () => {
    const text = `${JSON.stringify(review('a', '2026-01-01T00:00:00Z'))}\r\n\r\n{"card":"a","undo":"2026-01-01T00:00:00Z","at":"2026-01-01T00:01:00Z"}`;
    expect(parseProgress(text, NOW)).toEqual({
      kind: 'entries',
      entries: [
        review('a', '2026-01-01T00:00:00Z'),
        { card: 'a', undo: '2026-01-01T00:00:00Z', at: '2026-01-01T00:01:00Z' },
      ],
    });
  });

  it('reads an empty file as no entries', () => {
    expect(parseProgress('', NOW)).toEqual({ kind: 'entries', entries: [] });
  });

  it('lists every line that cannot be imported with what is wrong, including a bad last line, and keeps no entry', () => {
    const good = JSON.stringify(review('a', '2026-01-01T00:00:00Z'));
    expect(
      parseProgress(`${good}\n{"card":"a","rating":9,"at":"2026-01-01T00:00:00Z","seconds":1}\n${good}\nnot json`, NOW),
    ).toEqual({
      kind: 'bad lines',
      badLines: [
        { line: 2, problem: '"rating" is 9: it must be a whole number from 1 to 5' },
        { line: 4, problem: NOT_AN_ENTRY },
      ],
    });
  });

  describe('says what is wrong with the shape of a line', () => {
    const at = '2026-01-01T00:00:00Z';
    it.each([
      ['no card', { rating: 3, at, seconds: 1 }, 'no "card": it must be a card id, as text'],
      ['a card that is a number', { card: 7, rating: 3, at, seconds: 1 }, '"card" is 7: it must be a card id, as text'],
      [
        'a time without a zone',
        { card: 'a', rating: 3, at: '2026-01-01T00:00:00', seconds: 1 },
        '"at" is "2026-01-01T00:00:00": it must be an ISO 8601 time with a zone, like 2026-01-02T10:00:00Z',
      ],
      ['no seconds', { card: 'a', rating: 3, at }, 'no "seconds": it must be a number of seconds, 0 or more'],
      [
        'negative seconds',
        { card: 'a', rating: 3, at, seconds: -1 },
        '"seconds" is -1: it must be a number of seconds, 0 or more',
      ],
      [
        'an undo of no time',
        { card: 'a', undo: 'then', at },
        '"undo" is "then": it must be an ISO 8601 time with a zone, like 2026-01-02T10:00:00Z',
      ],
      [
        'both a rating and an undo',
        { card: 'a', rating: 3, undo: at, at, seconds: 1 },
        'both "rating" and "undo": a line does one thing (a review, an undo, a burial, a rename…)',
      ],
    ])('%s', (_name, fields, problem) => {
      expect(problemOf(fields)).toEqual({ kind: 'bad lines', badLines: [{ line: 1, problem }] });
    });

    it('shows a value short, on one line, without terminal controls', () => {
      const parsed = problemOf({ card: 'a', rating: `\u009b31m\u202e${'x'.repeat(1000)}`, at, seconds: 1 });
      expect(parsed).toEqual({
        kind: 'bad lines',
        badLines: [{ line: 1, problem: `"rating" is "${'x'.repeat(33)}…: it must be a whole number from 1 to 5` }],
      });
    });

    it('shows seconds that overflow JSON numbers as Infinity, not null', () => {
      expect(parseProgress('{"card":"a","rating":3,"at":"2026-01-01T00:00:00Z","seconds":1e999}', NOW)).toEqual({
        kind: 'bad lines',
        badLines: [{ line: 1, problem: '"seconds" is Infinity: it must be a number of seconds, 0 or more' }],
      });
    });
  });

  describe('refuses what would enter the log for good but no machine could have written', () => {
    const at = '2026-01-01T00:00:00Z';
    const refused = (fields: object, problem: string) =>
      expect(problemOf(fields)).toEqual({ kind: 'bad lines', badLines: [{ line: 1, problem }] });
    const accepted = (fields: object) => expect(problemOf(fields).kind).toBe('entries');

    it('a card id longer than card ids may be', () => {
      accepted({ card: 'x'.repeat(MAX_CARD_ID_LENGTH), rating: 3, at, seconds: 1 });
      refused(
        { card: 'x'.repeat(MAX_CARD_ID_LENGTH + 1), rating: 3, at, seconds: 1 },
        `card id is ${MAX_CARD_ID_LENGTH + 1} characters long (at most ${MAX_CARD_ID_LENGTH})`,
      );
      refused(
        { card: 'x'.repeat(52_428_800), rating: 3, at, seconds: 1 },
        `card id is 52428800 characters long (at most ${MAX_CARD_ID_LENGTH})`,
      );
    });

    it.each([
      ['an escape', 'bio/\u001b[2Jcell'],
      ['a carriage return', 'a\rb'],
      ['a C1 CSI', 'a\u009b31m'],
      ['a bidi override', 'a\u202eb'],
      ['DEL', 'a\u007f'],
    ])('a card id holding %s', (_name, card) => {
      refused({ card, rating: 3, at, seconds: 1 }, 'card id holds a control character');
    });

    it('but not a card id with a newline, a tab, quotes or emoji, as card files and imports may give', () => {
      accepted({ card: 'odd\nid\t"q" ✓ 🚀', rating: 3, at, seconds: 1 });
    });

    it('a time before 2000, as an instant: an offset that puts it in 1999 counts', () => {
      accepted({ card: 'a', rating: 3, at: '2000-01-01T00:00:00Z', seconds: 1 });
      refused(
        { card: 'a', rating: 3, at: '1999-12-31T23:59:59.999Z', seconds: 1 },
        '"at" is 1999-12-31T23:59:59.999Z: before 2000-01-01',
      );
      refused(
        { card: 'a', rating: 3, at: '2000-01-01T00:30:00+01:00', seconds: 1 },
        '"at" is 2000-01-01T00:30:00+01:00: before 2000-01-01',
      );
      refused(
        { card: 'a', rating: 3, at: '1970-01-01T00:00:00Z', seconds: 1 },
        '"at" is 1970-01-01T00:00:00Z: before 2000-01-01',
      );
    });

    it('a time more than a day after now', () => {
      accepted({ card: 'a', rating: 3, at: '2026-03-02T12:00:00.000Z', seconds: 1 });
      refused(
        { card: 'a', rating: 3, at: '2026-03-02T12:00:00.001Z', seconds: 1 },
        '"at" is 2026-03-02T12:00:00.001Z: more than a day in the future',
      );
      refused(
        { card: 'a', rating: 3, at: '9999-12-31T23:59:59Z', seconds: 1 },
        '"at" is 9999-12-31T23:59:59Z: more than a day in the future',
      );
    });

    it('a time padded with more digits than nanoseconds', () => {
      accepted({ card: 'a', rating: 3, at: '2026-01-01T00:00:00.123456789+00:00', seconds: 1 });
      refused(
        { card: 'a', rating: 3, at: `2026-01-01T00:00:00.${'0'.repeat(10_000)}Z`, seconds: 1 },
        '"at" is a time of 10021 characters (at most 35)',
      );
    });

    it('seconds over a day', () => {
      accepted({ card: 'a', rating: 3, at, seconds: 0 });
      accepted({ card: 'a', rating: 3, at, seconds: MAX_REVIEW_SECONDS });
      refused(
        { card: 'a', rating: 3, at, seconds: MAX_REVIEW_SECONDS + 0.5 },
        '"seconds" is 86400.5: at most 86400 (a day)',
      );
      refused({ card: 'a', rating: 3, at, seconds: 1e308 }, '"seconds" is 1e+308: at most 86400 (a day)');
    });

    it('an undo likewise: its card id, its time and the time it takes back', () => {
      const undone = '2026-01-01T00:00:00Z';
      accepted({ card: 'a', undo: undone, at });
      refused({ card: 'a\u0007', undo: undone, at }, 'card id holds a control character');
      refused(
        { card: 'a', undo: undone, at: '9999-01-01T00:00:00Z' },
        '"at" is 9999-01-01T00:00:00Z: more than a day in the future',
      );
      refused({ card: 'a', undo: '1999-01-01T00:00:00Z', at }, '"undo" is 1999-01-01T00:00:00Z: before 2000-01-01');
      refused(
        { card: 'a', undo: '2026-03-05T00:00:00Z', at },
        '"undo" is 2026-03-05T00:00:00Z: more than a day in the future',
      );
    });

    it('names the first problem of a line, in a fixed order: id, time, then seconds', () => {
      refused(
        { card: 'a\u0007', rating: 3, at: '1970-01-01T00:00:00Z', seconds: 1e308 },
        'card id holds a control character',
      );
      refused(
        { card: 'a', rating: 3, at: '1970-01-01T00:00:00Z', seconds: 1e308 },
        '"at" is 1970-01-01T00:00:00Z: before 2000-01-01',
      );
    });
  });

  describe('tells a file of another kind from a damaged progress file', () => {
    it.each([
      ['a CSV file', 'question,answer\nWhat is ATP?,Energy\n'],
      ['a markdown file', '# Question\n\nSome answer.\n\n- item\n'],
      ['pretty-printed JSON', '[\n  {\n    "card": "a"\n  }\n]\n'],
      ['one line of text', 'hello'],
    ])('%s', (_name, text) => {
      expect(parseProgress(text, NOW)).toEqual({ kind: 'not progress' });
    });

    it('a JSON object among the first three lines makes it a progress file with bad lines', () => {
      const good = line(review('a', '2026-01-01T00:00:00Z'));
      expect(parseProgress(`garbage\n\nmore garbage\n${good}\n`, NOW)).toEqual({
        kind: 'bad lines',
        badLines: [
          { line: 1, problem: NOT_AN_ENTRY },
          { line: 3, problem: NOT_AN_ENTRY },
        ],
      });
      expect(parseProgress(`garbage\n{"card":"a"}\n`, NOW)).toMatchObject({ kind: 'bad lines' });
    });
  });
});

describe('findNewEntries', () => {
  const mine = [review('a', '2026-01-01T10:00:00.000Z'), review('b', '2026-01-01T11:00:00.000Z')];

  it('keeps only reviews of another card or time, once each; the same instant in another zone is the same review', () => {
    const theirs = [
      review('a', '2026-01-01T11:00:00.000+01:00', 2),
      review('a', '2026-01-02T10:00:00.000Z'),
      review('a', '2026-01-02T10:00:00.000Z'),
      review('c', '2026-01-01T10:00:00.000Z'),
    ];
    expect(findNewEntries(mine, theirs)).toEqual([
      review('a', '2026-01-02T10:00:00.000Z'),
      review('c', '2026-01-01T10:00:00.000Z'),
    ]);
  });

  it('adds an undo the store lacks, but not one it has', () => {
    const undo = { card: 'a', undo: '2026-01-01T10:00:00.000Z', at: '2026-01-01T10:00:09.000Z' };
    expect(findNewEntries(mine, [undo])).toEqual([undo]);
    expect(findNewEntries([...mine, undo], [undo])).toEqual([]);
    expect(countReviews([...mine, undo])).toBe(2);
  });

  it('adds a burial or an unburial the store lacks, once, but not one it has (same card and instants)', () => {
    const bury = { card: 'a', bury: '2026-01-02T04:00:00.000Z', at: '2026-01-01T10:00:00.000Z' };
    const sameInOtherZone = { card: 'a', bury: '2026-01-02T05:00:00.000+01:00', at: '2026-01-01T11:00:00.000+01:00' };
    const unbury = { card: 'a', unbury: bury.at, at: '2026-01-01T10:01:00.000Z' };
    const unburyAll = { card: 'a', unbury: true as const, at: '2026-01-01T10:01:00.000Z' };
    const later = { ...bury, bury: '2026-01-03T04:00:00.000Z' };
    expect(findNewEntries(mine, [bury, sameInOtherZone, unbury, unburyAll, later])).toEqual([
      bury,
      unbury,
      unburyAll,
      later,
    ]);
    expect(findNewEntries([...mine, bury, unbury], [sameInOtherZone, unbury])).toEqual([]);
    expect(countReviews([...mine, bury, unbury])).toBe(2);
  });
});

describe('findNewEntries with renames', () => {
  const rename = { card: 'n#c2', renamed: 'n#c1', at: '2026-03-10T12:00:00.000Z' };

  it('adds a rename the store lacks, once, and not one it has (same card, old id and instant)', () => {
    const sameInOtherZone = { ...rename, at: '2026-03-10T13:00:00.000+01:00' };
    expect(findNewEntries([], [rename, sameInOtherZone])).toEqual([rename]);
    expect(findNewEntries([rename], [sameInOtherZone])).toEqual([]);
  });

  it('tells renames apart by card, old id and instant', () => {
    const otherCard = { ...rename, card: 'n#c3' };
    const otherOld = { ...rename, renamed: 'n#c9' };
    const otherTime = { ...rename, at: '2026-03-10T12:00:01.000Z' };
    expect(findNewEntries([rename], [otherCard, otherOld, otherTime, rename])).toEqual([
      otherCard,
      otherOld,
      otherTime,
    ]);
  });

  it('never takes a rename for a review or burial of the same card at the same time', () => {
    const sameCardReview = review('n#c2', rename.at);
    expect(findNewEntries([sameCardReview], [rename])).toEqual([rename]);
    expect(findNewEntries([rename], [sameCardReview])).toEqual([sameCardReview]);
  });
});

describe('listExportedEntries', () => {
  it('writes the reviews not undone, then the burials still in force at the time of export', () => {
    const entries: LogEntry[] = [
      review('a', '2026-02-28T10:00:00.000Z'),
      { card: 'a', bury: '2026-03-02T04:00:00.000Z', at: '2026-03-01T10:00:00.000Z' },
      { card: 'b', bury: '2026-03-02T04:00:00.000Z', at: '2026-03-01T10:00:00.000Z' },
      { card: 'b', unbury: '2026-03-01T10:00:00.000Z', at: '2026-03-01T10:01:00.000Z' },
      { card: 'c', bury: '2026-03-01T04:00:00.000Z', at: '2026-02-28T10:00:00.000Z' },
    ];
    expect(listExportedEntries(entries, NOW)).toEqual([
      review('a', '2026-02-28T10:00:00.000Z'),
      { card: 'a', bury: '2026-03-02T04:00:00.000Z', at: '2026-03-01T10:00:00.000Z' },
    ]);
  });
});

describe('parseProgress and burials', () => {
  it('takes bury and unbury lines, and refuses one whose times no machine could have written', () => {
    const bury = { card: 'a', bury: '2026-03-02T04:00:00.000Z', at: '2026-03-01T10:00:00.000Z' };
    expect(parseProgress(`${line(bury)}\n${line({ card: 'a', unbury: true, at: bury.at })}\n`, NOW)).toEqual({
      kind: 'entries',
      entries: [bury, { card: 'a', unbury: true, at: bury.at }],
    });
    expect(problemOf({ ...bury, bury: '1999-03-02T04:00:00.000Z' })).toEqual({
      kind: 'bad lines',
      badLines: [{ line: 1, problem: '"bury" is 1999-03-02T04:00:00.000Z: before 2000-01-01' }],
    });
    expect(problemOf({ card: 'a', unbury: '2026-03-09T10:00:00.000Z', at: bury.at })).toEqual({
      kind: 'bad lines',
      badLines: [{ line: 1, problem: '"unbury" is 2026-03-09T10:00:00.000Z: more than a day in the future' }],
    });
  });
});
