import { describe, expect, it } from 'vitest';
import { replayHistory } from '../../../src/core/log/replay.js';
import {
  computeHeatmap,
  computeStreaks,
  countByStudyDay,
  HEATMAP_DAYS,
  pickHistories,
  sumStudySeconds,
} from '../../../src/core/stats/days.js';
import type { ReviewEntry } from '../../../src/core/log/review-log.js';
import { createScheduler } from '../../../src/core/schedule/scheduler.js';

// TZ is UTC in these tests (vitest.config.ts), so a study day runs from 04:00Z to 04:00Z.
const now = new Date('2026-03-10T15:00:00Z');
const review = (at: string, seconds = 5, card = 'c'): ReviewEntry => ({ card, rating: 4, at, seconds });
/** One review at 12:00 on each of these days of March 2026. */
const onDays = (...days: number[]) => days.map((day) => review(`2026-03-${String(day).padStart(2, '0')}T12:00:00Z`));
const scheduler = createScheduler();
/** The history of one card reviewed at these times (sorted, as the log's replay gives them). */
const historyOf = (reviews: readonly ReviewEntry[]) =>
  replayHistory(
    [...reviews].sort((a, b) => a.at.localeCompare(b.at)),
    scheduler,
  ).history;
const streaks = (reviews: readonly ReviewEntry[], at = now) =>
  computeStreaks(countByStudyDay([historyOf(reviews)]), at);
const heatmap = (reviews: readonly ReviewEntry[]) => computeHeatmap(countByStudyDay([historyOf(reviews)]), now);

describe('computeStreaks', () => {
  it('is 0 and 0 without reviews', () => {
    expect(streaks([])).toEqual({ current: 0, longest: 0 });
  });

  it('counts today once it is studied', () => {
    expect(streaks(onDays(8, 9, 10))).toEqual({ current: 3, longest: 3 });
  });

  it('still counts a streak ending yesterday while today is not yet studied', () => {
    expect(streaks(onDays(7, 8, 9))).toEqual({ current: 3, longest: 3 });
  });

  it('is broken by a day without reviews', () => {
    expect(streaks(onDays(1, 2, 3, 4, 6, 8))).toEqual({ current: 0, longest: 4 });
    expect(streaks(onDays(1, 2, 5, 6, 7, 8, 9, 10))).toEqual({ current: 6, longest: 6 });
  });

  it('counts several reviews on one day as one day', () => {
    expect(streaks([...onDays(9, 9, 9), review('2026-03-09T20:00:00Z')])).toEqual({ current: 1, longest: 1 });
  });

  it('puts a review before 04:00 on the study day before', () => {
    // 03:59 on the 10th belongs to the 9th: with the 8th, two days, and today (the 10th) is not studied yet.
    expect(streaks([...onDays(8), review('2026-03-10T03:59:00Z')])).toEqual({ current: 2, longest: 2 });
    // 04:00 on the 10th is today.
    expect(streaks([...onDays(8), review('2026-03-10T04:00:00Z')])).toEqual({ current: 1, longest: 1 });
  });

  it('counts a streak across a month end', () => {
    expect(streaks([review('2026-02-27T12:00:00Z'), review('2026-02-28T12:00:00Z'), ...onDays(1, 2)]).longest).toBe(4);
  });

  it('at 02:00 "today" is still the study day before', () => {
    expect(streaks(onDays(8, 9), new Date('2026-03-10T02:00:00Z'))).toEqual({ current: 2, longest: 2 });
  });
});

describe('computeHeatmap', () => {
  it('has one entry per study day of the last 26 weeks, oldest first, ending today', () => {
    const days = heatmap([]);
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
    const days = heatmap(reviews);
    expect(days.at(-1)).toEqual({ date: '2026-03-10', reviews: 1 });
    expect(days.at(-2)).toEqual({ date: '2026-03-09', reviews: 2 });
    expect(days[0]).toEqual({ date: '2025-09-10', reviews: 1 });
    expect(days.reduce((total, day) => total + day.reviews, 0)).toBe(4);
  });
});

describe('study time and reviews of the chosen cards', () => {
  it('sums seconds into whole seconds', () => {
    expect(
      sumStudySeconds([
        historyOf([review('2026-03-10T05:00:00Z', 2.4)]),
        historyOf([review('2026-03-10T06:00:00Z', 3.3)]),
      ]),
    ).toBe(6);
    expect(sumStudySeconds([])).toBe(0);
  });

  it('takes the histories of the given card ids only', () => {
    const a = historyOf([review('2026-03-01T12:00:00Z', 1, 'a')]);
    const byCard = new Map([
      ['a', a],
      ['gone', historyOf([review('2026-03-01T12:00:00Z', 1, 'gone')])],
    ]);
    expect(pickHistories(['a', 'new'], byCard)).toEqual([a]);
    expect(pickHistories(['a', 'new'], byCard)[0]).toBe(a);
  });
});
