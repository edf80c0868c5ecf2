import { describe, expect, it } from 'vitest';
import {
  formatLogLine,
  getEntryKind,
  isUndo,
  MAX_REVIEW_TEXT,
  NOT_AN_ENTRY,
  parseReviewLog,
  readLogLine,
} from '../../../src/core/log/review-log.js';
import { collectReviews } from '../../../src/core/log/collect-reviews.js';
import type { LogEntry, RenameEntry, ReviewEntry, UndoEntry } from '../../../src/core/log/review-log.js';

const review = (card: string, at: string, rating: ReviewEntry['rating'] = 4): ReviewEntry => ({
  card,
  rating,
  at,
  seconds: 3.5,
});
const undo = (card: string, at: string, undone: string): UndoEntry => ({ card, undo: undone, at });
const lines = (...items: unknown[]): string =>
  items.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join('\n');

describe('parseReviewLog', () => {
  it('reads reviews and undos in file order', () => {
    const a = review('bio/cell', '2026-01-02T10:00:00.000Z', 5);
    const b = undo('bio/cell', '2026-01-02T10:00:05.000Z', a.at);
    expect(parseReviewLog(`${lines(a, b)}\n`)).toEqual({ entries: [a, b], tornTail: null, badLines: [] });
  });

  it('reads an empty log', () => {
    expect(parseReviewLog('')).toEqual({ entries: [], tornTail: null, badLines: [] });
  });

  it('ignores blank lines, including a whitespace-only end and CRLF endings', () => {
    const a = review('a', '2026-01-02T10:00:00Z');
    const b = review('b', '2026-01-02T11:00:00+02:00');
    expect(parseReviewLog(`\n${JSON.stringify(a)}\r\n\n  \n${JSON.stringify(b)}\n  `)).toEqual({
      entries: [a, b],
      tornTail: null,
      badLines: [],
    });
  });

  it('takes a valid last line without a newline as an entry', () => {
    const a = review('a', '2026-01-02T10:00:00Z');
    expect(parseReviewLog(JSON.stringify(a))).toEqual({ entries: [a], tornTail: null, badLines: [] });
  });

  it('reports an unfinished last line as the torn tail, not as damage', () => {
    const a = review('a', '2026-01-02T10:00:00Z');
    expect(parseReviewLog(`${JSON.stringify(a)}\n{"card":"b","rat`)).toEqual({
      entries: [a],
      tornTail: '{"card":"b","rat',
      badLines: [],
    });
  });

  it('reports a last line of the wrong shape without a newline as the torn tail', () => {
    expect(parseReviewLog('{"card":"a"}').tornTail).toBe('{"card":"a"}');
  });

  it('lists bad lines in the middle, and a bad last line that ends with a newline, by 1-based number', () => {
    const a = review('a', '2026-01-02T10:00:00Z');
    const parsed = parseReviewLog(`${lines(a, 'not json', '', a, '[1,2]', a, 'null')}\n`);
    expect(parsed.badLines).toEqual([2, 5, 7]);
    expect(parsed.entries).toHaveLength(3);
    expect(parsed.tornTail).toBeNull();
  });

  it.each([
    ['rating 0', { card: 'a', rating: 0, at: '2026-01-02T10:00:00Z', seconds: 1 }],
    ['rating 6', { card: 'a', rating: 6, at: '2026-01-02T10:00:00Z', seconds: 1 }],
    ['rating 2.5', { card: 'a', rating: 2.5, at: '2026-01-02T10:00:00Z', seconds: 1 }],
    ['rating as text', { card: 'a', rating: '3', at: '2026-01-02T10:00:00Z', seconds: 1 }],
    ['missing card', { rating: 3, at: '2026-01-02T10:00:00Z', seconds: 1 }],
    ['empty card', { card: '', rating: 3, at: '2026-01-02T10:00:00Z', seconds: 1 }],
    ['card as number', { card: 7, rating: 3, at: '2026-01-02T10:00:00Z', seconds: 1 }],
    ['bad date', { card: 'a', rating: 3, at: 'yesterday', seconds: 1 }],
    ['impossible date', { card: 'a', rating: 3, at: '2026-13-45T10:00:00Z', seconds: 1 }],
    ['date without zone', { card: 'a', rating: 3, at: '2026-01-02T10:00:00', seconds: 1 }],
    ['missing seconds', { card: 'a', rating: 3, at: '2026-01-02T10:00:00Z' }],
    ['negative seconds', { card: 'a', rating: 3, at: '2026-01-02T10:00:00Z', seconds: -1 }],
    ['undo without a time', { card: 'a', undo: '', at: '2026-01-02T10:00:00Z' }],
    ['undo missing at', { card: 'a', undo: '2026-01-02T10:00:00Z' }],
    [
      'both rating and undo',
      { card: 'a', rating: 3, undo: '2026-01-02T10:00:00Z', at: '2026-01-02T10:00:00Z', seconds: 1 },
    ],
    ['bury without a time', { card: 'a', bury: 'tomorrow', at: '2026-01-02T10:00:00Z' }],
    ['unbury of false', { card: 'a', unbury: false, at: '2026-01-02T10:00:00Z' }],
    ['both bury and unbury', { card: 'a', bury: '2026-01-03T04:00:00Z', unbury: true, at: '2026-01-02T10:00:00Z' }],
    // What a later flashdeck may write (forget, suspend…) is damage to this one: store format versions guard it.
    ['an event this version does not know', { card: 'a', archive: true, at: '2026-01-02T10:00:00Z' }],
  ])('rejects %s', (_name, shape) => {
    expect(parseReviewLog(`${JSON.stringify(shape)}\n`)).toEqual({ entries: [], tornTail: null, badLines: [1] });
  });

  it('accepts unknown extra fields and leaves them out of the entry', () => {
    const text = `${lines(
      { card: 'a', rating: 3, at: '2026-01-02T10:00:00Z', seconds: 0, device: 'laptop' },
      { card: 'a', undo: '2026-01-02T10:00:00Z', at: '2026-01-02T10:01:00Z', reason: 'typo' },
    )}\n`;
    expect(parseReviewLog(text)).toEqual({
      entries: [
        { card: 'a', rating: 3, at: '2026-01-02T10:00:00Z', seconds: 0 },
        { card: 'a', undo: '2026-01-02T10:00:00Z', at: '2026-01-02T10:01:00Z' },
      ],
      tornTail: null,
      badLines: [],
    });
  });
});

describe('the store reading its own log', () => {
  it('takes what an import would refuse, so no rule made later turns a written log unreadable', () => {
    const odd: LogEntry[] = [
      { card: 'x'.repeat(100_000), rating: 3, at: '1970-01-01T00:00:00Z', seconds: 1e308 },
      { card: 'id\u001b[2J\u202e', rating: 2, at: '9999-12-31T23:59:59Z', seconds: 0 },
      { card: 'a', undo: '1999-01-01T00:00:00Z', at: `2026-01-01T00:00:00.${'0'.repeat(50)}Z` },
    ];
    expect(parseReviewLog(odd.map(formatLogLine).join(''))).toEqual({ entries: odd, tornTail: null, badLines: [] });
  });
});

describe('readLogLine', () => {
  it('gives the entry of a line, or what keeps it from being one', () => {
    const a = review('a', '2026-01-02T10:00:00Z');
    expect(readLogLine(JSON.stringify(a))).toEqual(a);
    expect(readLogLine('card,rating')).toBe(NOT_AN_ENTRY);
    expect(readLogLine('[1, 2]')).toBe(NOT_AN_ENTRY);
    expect(readLogLine('{"card":"a","rating":0,"at":"2026-01-02T10:00:00Z","seconds":1}')).toBe(
      '"rating" is 0: it must be a whole number from 1 to 5',
    );
  });
});

describe('isUndo', () => {
  it('tells undos from reviews', () => {
    expect(isUndo(undo('a', '2026-01-02T10:00:00Z', '2026-01-01T10:00:00Z'))).toBe(true);
    expect(isUndo(review('a', '2026-01-02T10:00:00Z'))).toBe(false);
  });
});

describe('collectReviews', () => {
  it('groups reviews by card, oldest first', () => {
    const late = review('a', '2026-01-03T10:00:00Z', 2);
    const early = review('a', '2026-01-01T10:00:00Z', 5);
    const other = review('b', '2026-01-02T10:00:00Z', 3);
    const reviews = collectReviews([late, other, early]);
    expect([...reviews.keys()]).toEqual(['a', 'b']);
    expect(reviews.get('a')).toEqual([early, late]);
    expect(reviews.get('b')).toEqual([other]);
  });

  it('orders by instant, not by text, when zone offsets differ', () => {
    const utc = review('a', '2026-01-01T09:30:00Z');
    const paris = review('a', '2026-01-01T10:00:00+01:00');
    expect(collectReviews([utc, paris]).get('a')).toEqual([paris, utc]);
  });

  it('keeps file order for reviews at the same time', () => {
    const first = review('a', '2026-01-01T10:00:00Z', 1);
    const second = review('a', '2026-01-01T10:00:00Z', 4);
    expect(collectReviews([first, second]).get('a')).toEqual([first, second]);
  });

  it('drops the review an undo takes back, and only that one', () => {
    const kept = review('a', '2026-01-01T10:00:00Z', 2);
    const undone = review('a', '2026-01-02T10:00:00Z', 5);
    const sameTimeOtherCard = review('b', '2026-01-02T10:00:00Z', 5);
    const reviews = collectReviews([kept, undone, sameTimeOtherCard, undo('a', '2026-01-02T10:00:09Z', undone.at)]);
    expect(reviews.get('a')).toEqual([kept]);
    expect(reviews.get('b')).toEqual([sameTimeOtherCard]);
  });

  it('takes back one review per undo when two share a time', () => {
    const first = review('a', '2026-01-01T10:00:00Z', 1);
    const second = review('a', '2026-01-01T10:00:00Z', 4);
    expect(collectReviews([first, second, undo('a', '2026-01-01T10:00:05Z', first.at)]).get('a')).toEqual([first]);
  });

  it('leaves out cards whose every review was undone, and ignores undos that match nothing', () => {
    const only = review('a', '2026-01-01T10:00:00Z');
    const entries: LogEntry[] = [
      only,
      undo('a', '2026-01-01T10:00:05Z', only.at),
      undo('c', '2026-01-01T10:00:06Z', only.at),
    ];
    expect(collectReviews(entries).size).toBe(0);
  });
});

describe('burials in the log', () => {
  const lines2 = [
    '{"card":"a","bury":"2026-01-03T04:00:00.000Z","at":"2026-01-02T10:00:00.000Z"}',
    '{"card":"a","unbury":"2026-01-02T10:00:00.000Z","at":"2026-01-02T10:05:00.000Z"}',
    '{"card":"a","unbury":true,"at":"2026-01-02T10:06:00.000Z"}',
  ];

  it('reads a bury and an unbury (of one burial, or of every burial: true), and writes them back byte for byte', () => {
    const { entries, badLines } = parseReviewLog(`${lines2.join('\n')}\n`);
    expect(badLines).toEqual([]);
    expect(entries).toEqual([
      { card: 'a', bury: '2026-01-03T04:00:00.000Z', at: '2026-01-02T10:00:00.000Z' },
      { card: 'a', unbury: '2026-01-02T10:00:00.000Z', at: '2026-01-02T10:05:00.000Z' },
      { card: 'a', unbury: true, at: '2026-01-02T10:06:00.000Z' },
    ]);
    expect(entries.map(getEntryKind)).toEqual(['bury', 'unbury', 'unbury']);
    expect(entries.map(formatLogLine).join('')).toBe(`${lines2.join('\n')}\n`);
  });

  it('leaves burials out of the reviews', () => {
    const a = review('a', '2026-01-02T09:00:00Z');
    const { entries } = parseReviewLog(`${lines(a, ...lines2)}\n`);
    expect(collectReviews(entries)).toEqual(new Map([['a', [a]]]));
    expect(entries.map(getEntryKind)).toEqual(['rating', 'bury', 'unbury', 'unbury']);
  });

  it('names both kinds of a line that claims two', () => {
    expect(
      readLogLine('{"card":"a","rating":3,"bury":"2026-01-03T04:00:00Z","at":"2026-01-02T10:00:00Z","seconds":1}'),
    ).toBe('both "rating" and "bury": a line does one thing (a review, an undo, a burial, a rename…)');
  });
});

describe('formatLogLine', () => {
  it('writes the keys of a review in the documented order, one line', () => {
    const line = formatLogLine({ seconds: 4.2, at: '2026-01-02T10:00:00.000Z', rating: 3, card: 'bio/cell' });
    expect(line).toBe('{"card":"bio/cell","rating":3,"at":"2026-01-02T10:00:00.000Z","seconds":4.2}\n');
  });

  it('writes the keys of an undo in the documented order', () => {
    expect(formatLogLine({ at: '2026-01-02T10:00:05Z', undo: '2026-01-02T10:00:00Z', card: 'x' })).toBe(
      '{"card":"x","undo":"2026-01-02T10:00:00Z","at":"2026-01-02T10:00:05Z"}\n',
    );
  });

  it('keeps a card id with a newline or quotes on one line, and reads it back', () => {
    const entries: LogEntry[] = [
      review('odd\nid "q" ✓', '2026-01-02T10:00:00Z', 1),
      undo('odd\nid "q" ✓', '2026-01-02T10:00:01Z', '2026-01-02T10:00:00Z'),
    ];
    const text = entries.map(formatLogLine).join('');
    expect(text.split('\n')).toHaveLength(3);
    expect(parseReviewLog(text)).toEqual({ entries, tornTail: null, badLines: [] });
  });
});

describe('renames and review texts in the log', () => {
  const rename: RenameEntry = { card: 'bio/cell#c2', renamed: 'bio/cell#c1', at: '2026-03-10T12:00:00.000Z' };

  it('reads a rename line, and writes it back with its keys in the order card, renamed, at', () => {
    const line = '{"card":"bio/cell#c2","renamed":"bio/cell#c1","at":"2026-03-10T12:00:00.000Z"}';
    expect(readLogLine(line)).toEqual(rename);
    expect(getEntryKind(rename)).toBe('renamed');
    expect(formatLogLine({ at: rename.at, renamed: rename.renamed, card: rename.card })).toBe(`${line}\n`);
    expect(parseReviewLog(`${line}\n`)).toEqual({ entries: [rename], tornTail: null, badLines: [] });
  });

  it.each([
    [
      { card: 'a', renamed: '', at: '2026-03-10T12:00:00Z' },
      '"renamed" is "": it must be the card id it had before, as text',
    ],
    [
      { card: 'a', renamed: 3, at: '2026-03-10T12:00:00Z' },
      '"renamed" is 3: it must be the card id it had before, as text',
    ],
    [
      { card: 'a', renamed: null, at: '2026-03-10T12:00:00Z' },
      '"renamed" is null: it must be the card id it had before, as text',
    ],
  ])('reports a bad "renamed" (%j) as a problem', (fields, message) => {
    expect(readLogLine(JSON.stringify(fields))).toBe(message);
    const parsed = parseReviewLog(`${JSON.stringify(fields)}\n`);
    expect(parsed.entries).toEqual([]);
    expect(parsed.badLines).toEqual([1]);
  });

  it('reports a line that both rates and renames', () => {
    expect(readLogLine('{"card":"a","rating":3,"seconds":1,"renamed":"b","at":"2026-03-10T12:00:00Z"}')).toMatch(
      /^both "rating" and "renamed"/,
    );
  });

  it('keeps the text of a review, writes it after seconds, and reads it back', () => {
    const entry: ReviewEntry = { card: 'n#c1', rating: 4, at: '2026-03-10T12:00:00.000Z', seconds: 2, text: 'ATP' };
    const line = formatLogLine(entry);
    expect(line).toBe('{"card":"n#c1","rating":4,"at":"2026-03-10T12:00:00.000Z","seconds":2,"text":"ATP"}\n');
    expect(readLogLine(line.trim())).toEqual(entry);
    // Without a text, no key.
    expect(formatLogLine(review('n', '2026-03-10T12:00:00.000Z'))).not.toContain('text');
  });

  it(`cuts a review's text to ${MAX_REVIEW_TEXT} characters, and leaves out one that is not text`, () => {
    const long = 'x'.repeat(MAX_REVIEW_TEXT + 50);
    const read = readLogLine(
      JSON.stringify({ card: 'n', rating: 3, at: '2026-03-10T12:00:00Z', seconds: 1, text: long }),
    );
    expect(read).toEqual({
      card: 'n',
      rating: 3,
      at: '2026-03-10T12:00:00Z',
      seconds: 1,
      text: 'x'.repeat(MAX_REVIEW_TEXT),
    });
    for (const text of [42, '', null, ['a']]) {
      expect(
        readLogLine(JSON.stringify({ card: 'n', rating: 3, at: '2026-03-10T12:00:00Z', seconds: 1, text })),
      ).toEqual({ card: 'n', rating: 3, at: '2026-03-10T12:00:00Z', seconds: 1 });
    }
  });

  it('moves the reviews of a renamed card to its new id in collectReviews, and leaves renames out of them', () => {
    const entries: LogEntry[] = [review('bio/cell#c1', '2026-03-01T10:00:00.000Z'), rename];
    expect([...collectReviews(entries)]).toEqual([
      ['bio/cell#c2', [review('bio/cell#c1', '2026-03-01T10:00:00.000Z')]],
    ]);
  });
});
