import { describe, expect, it } from 'vitest';
import { listCardReviews } from '../../../src/core/log/card-reviews.js';
import type { LogEntry, Rating, ReviewEntry } from '../../../src/core/log/review-log.js';
import { createScheduler } from '../../../src/core/schedule/scheduler.js';

const scheduler = createScheduler({ retention: 0.9 });
const DAY = 86_400_000;
const START = Date.parse('2026-01-05T09:00:00.000Z');
const iso = (time: number) => new Date(time).toISOString();
const review = (card: string, rating: Rating, time: number, seconds = 3): ReviewEntry => ({
  card,
  rating,
  at: iso(time),
  seconds,
});

describe('listCardReviews', () => {
  it('gives each counted review the days since the one before, the interval it had set and the one it set', () => {
    const log = [review('a', 4, START), review('b', 4, START), review('a', 4, START + 5 * DAY)];
    const reviews = listCardReviews(log, 'a', scheduler);
    expect(reviews.map((entry) => entry.status)).toEqual(['counted', 'counted']);
    expect(reviews[0]).toMatchObject({ rating: 4, intervalBefore: null, daysSince: null });
    const firstInterval = reviews[0]?.intervalAfter;
    expect(firstInterval).toBeGreaterThan(0);
    expect(reviews[1]).toMatchObject({ intervalBefore: firstInterval, daysSince: 5 });
    expect(reviews[1]?.intervalAfter).toBeGreaterThan(firstInterval ?? 0);
  });

  it('keeps undone reviews and those a forget set aside, marked, without intervals', () => {
    const log: LogEntry[] = [
      review('a', 3, START),
      review('a', 1, START + DAY),
      { card: 'a', undo: iso(START + DAY), at: iso(START + DAY + 1000) },
      { card: 'a', forget: true, at: iso(START + 2 * DAY) },
      review('a', 5, START + 3 * DAY),
    ];
    const reviews = listCardReviews(log, 'a', scheduler);
    expect(reviews.map((entry) => [entry.rating, entry.status])).toEqual([
      [3, 'forgotten'],
      [1, 'undone'],
      [5, 'counted'],
    ]);
    expect(reviews[2]).toMatchObject({ intervalBefore: null, daysSince: null });
  });

  it('follows a card renamed by an edit back to its reviews under the old id', () => {
    const log: LogEntry[] = [
      review('old', 4, START),
      { card: 'new', renamed: 'old', at: iso(START + DAY) },
      review('new', 4, START + 4 * DAY),
    ];
    expect(listCardReviews(log, 'new', scheduler).map((entry) => entry.at)).toEqual([iso(START), iso(START + 4 * DAY)]);
  });

  it('is empty for a card never rated', () => {
    expect(listCardReviews([review('a', 4, START)], 'b', scheduler)).toEqual([]);
  });
});
