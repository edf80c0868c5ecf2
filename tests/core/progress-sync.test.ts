import { describe, expect, it } from 'vitest';
import { countReviews, findNewEntries, listEffectiveReviews, parseProgress } from '../../src/core/progress-sync.js';
import type { LogEntry, ReviewEntry } from '../../src/core/review-log.js';

const review = (card: string, at: string, rating: ReviewEntry['rating'] = 4): ReviewEntry => ({ card, rating, at, seconds: 3 });

describe('listEffectiveReviews', () => {
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
    expect(parseProgress(text)).toEqual({
      entries: [review('a', '2026-01-01T00:00:00Z'), { card: 'a', undo: '2026-01-01T00:00:00Z', at: '2026-01-01T00:01:00Z' }],
      badLines: [],
    });
  });

  it('lists every line that is not a review, including a bad last line, and keeps no entry', () => {
    const good = JSON.stringify(review('a', '2026-01-01T00:00:00Z'));
    expect(parseProgress(`${good}\n{"card":"a","rating":9,"at":"2026-01-01T00:00:00Z","seconds":1}\n${good}\nnot json`)).toEqual({ entries: [], badLines: [2, 4] });
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
    expect(findNewEntries(mine, theirs)).toEqual([review('a', '2026-01-02T10:00:00.000Z'), review('c', '2026-01-01T10:00:00.000Z')]);
  });

  it('adds an undo the store lacks, but not one it has', () => {
    const undo = { card: 'a', undo: '2026-01-01T10:00:00.000Z', at: '2026-01-01T10:00:09.000Z' };
    expect(findNewEntries(mine, [undo])).toEqual([undo]);
    expect(findNewEntries([...mine, undo], [undo])).toEqual([]);
    expect(countReviews([...mine, undo])).toBe(2);
  });
});
