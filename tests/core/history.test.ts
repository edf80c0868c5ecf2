import { describe, expect, it } from 'vitest';
import { computeHeatmap, computeStreaks, HEATMAP_DAYS, pickReviews, sumStudySeconds } from '../../src/core/history.js';
import type { ReviewEntry } from '../../src/core/review-log.js';

// TZ is UTC in these tests (vitest.config.ts), so a study day runs from 04:00Z to 04:00Z.
const now = new Date('2026-03-10T15:00:00Z');
const review = (at: string, seconds = 5, card = 'c'): ReviewEntry => ({ card, rating: 4, at, seconds });
/** One review at 12:00 on each of these days of March 2026. */
const onDays = (...days: number[]) => days.map((day) => review(`2026-03-${String(day).padStart(2, '0')}T12:00:00Z`));

describe('computeStreaks', () => {
  it('is 0 and 0 without reviews', () => {
    expect(computeStreaks([], now)).toEqual({ current: 0, longest: 0 });
  });

  it('counts today once it is studied', () => {
    expect(computeStreaks(onDays(8, 9, 10), now)).toEqual({ current: 3, longest: 3 });
  });

  it('still counts a streak ending yesterday while today is not yet studied', () => {
    expect(computeStreaks(onDays(7, 8, 9), now)).toEqual({ current: 3, longest: 3 });
  });

  it('is broken by a day without reviews', () => {
    expect(computeStreaks(onDays(1, 2, 3, 4, 6, 8), now)).toEqual({ current: 0, longest: 4 });
    expect(computeStreaks(onDays(1, 2, 5, 6, 7, 8, 9, 10), now)).toEqual({ current: 6, longest: 6 });
  });

  it('counts several reviews on one day as one day', () => {
    expect(computeStreaks([...onDays(9, 9, 9), review('2026-03-09T20:00:00Z')], now)).toEqual({ current: 1, longest: 1 });
  });

  it('puts a review before 04:00 on the study day before', () => {
    // 03:59 on the 10th belongs to the 9th: with the 8th, two days, and today (the 10th) is not studied yet.
    expect(computeStreaks([...onDays(8), review('2026-03-10T03:59:00Z')], now)).toEqual({ current: 2, longest: 2 });
    // 04:00 on the 10th is today.
    expect(computeStreaks([...onDays(8), review('2026-03-10T04:00:00Z')], now)).toEqual({ current: 1, longest: 1 });
  });

  it('counts a streak across a month end', () => {
    expect(computeStreaks([review('2026-02-27T12:00:00Z'), review('2026-02-28T12:00:00Z'), ...onDays(1, 2)], now).longest).toBe(4);
  });

  it('at 02:00 "today" is still the study day before', () => {
    expect(computeStreaks(onDays(8, 9), new Date('2026-03-10T02:00:00Z'))).toEqual({ current: 2, longest: 2 });
  });
});

describe('computeHeatmap', () => {
  it('has one entry per study day of the last 26 weeks, oldest first, ending today', () => {
    const days = computeHeatmap([], now);
    expect(days).toHaveLength(HEATMAP_DAYS);
    expect(days[0]?.date).toBe('2025-09-10');
    expect(days.at(-1)?.date).toBe('2026-03-10');
    expect(new Set(days.map((day) => day.date)).size).toBe(HEATMAP_DAYS);
  });

  it('counts reviews per study day and leaves out those before the window', () => {
    const reviews = [
      review('2026-03-10T05:00:00Z'),
      review('2026-03-10T03:00:00Z'), // the 9th's study day
      review('2026-03-09T23:00:00Z'),
      review('2025-09-10T04:00:00Z'), // first day of the window
      review('2025-09-10T03:59:00Z'), // the day before: outside
    ];
    const days = computeHeatmap(reviews, now);
    expect(days.at(-1)).toEqual({ date: '2026-03-10', reviews: 1 });
    expect(days.at(-2)).toEqual({ date: '2026-03-09', reviews: 2 });
    expect(days[0]).toEqual({ date: '2025-09-10', reviews: 1 });
    expect(days.reduce((total, day) => total + day.reviews, 0)).toBe(4);
  });
});

describe('study time and reviews of the chosen cards', () => {
  it('sums seconds into whole seconds', () => {
    expect(sumStudySeconds([review('2026-03-10T05:00:00Z', 2.4), review('2026-03-10T06:00:00Z', 3.3)])).toBe(6);
    expect(sumStudySeconds([])).toBe(0);
  });

  it('takes the reviews of the given card ids only', () => {
    const byCard = new Map([['a', [review('2026-03-01T12:00:00Z', 1, 'a')]], ['gone', [review('2026-03-01T12:00:00Z', 1, 'gone')]]]);
    expect(pickReviews(['a', 'new'], byCard).map((entry) => entry.card)).toEqual(['a']);
  });
});
