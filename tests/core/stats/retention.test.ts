import { describe, expect, it } from 'vitest';
import { replayHistory } from '../../../src/core/log/replay.js';
import {
  computeRetention as computeRetentionOfHistories,
  MATURE_INTERVAL_DAYS,
} from '../../../src/core/stats/retention.js';
import type { Rating, ReviewEntry } from '../../../src/core/log/review-log.js';
import { createScheduler, type CardState } from '../../../src/core/schedule/scheduler.js';

const scheduler = createScheduler();
const DAY = 86_400_000;
const now = new Date('2026-03-10T15:00:00Z');
const review = (at: Date | string, rating: Rating, card = 'c'): ReviewEntry => ({
  card,
  rating,
  at: new Date(at).toISOString(),
  seconds: 5,
});
/** Retention of cards given by their reviews, each card's history as the log's replay records it. */
const computeRetention = (cards: readonly (readonly ReviewEntry[])[], at: Date) =>
  computeRetentionOfHistories(
    cards.map((reviews) => replayHistory(reviews, scheduler).history),
    at,
  );
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

describe('computeRetention', () => {
  it('has no rate for a bucket without reviews', () => {
    const empty = { reviews: 0, recalled: 0, rate: null };
    expect(computeRetention([], now)).toEqual({ last7: empty, last30: empty, all: empty, young: empty, mature: empty });
  });

  it('counts 3, 4 and 5 as recalled, 1 and 2 as not', () => {
    const reviews = ([1, 2, 3, 4, 5] as Rating[]).map((rating, index) => review(daysAgo(1), rating, `card${index}`));
    expect(
      computeRetention(
        reviews.map((entry) => [entry]),
        now,
      ).all,
    ).toEqual({ reviews: 5, recalled: 3, rate: 0.6 });
  });

  it('windows count study days, today included: 6 days ago is in the last 7, 7 days ago is not', () => {
    const cards = [
      [review('2026-03-10T05:00:00Z', 4, 'a')], // today
      [review('2026-03-04T04:00:00Z', 1, 'b')], // 6 study days ago
      [review('2026-03-04T03:59:00Z', 4, 'c')], // 7 study days ago (the 3rd's study day)
      [review('2026-02-09T12:00:00Z', 4, 'd')], // 29 days ago
      [review('2026-02-08T12:00:00Z', 4, 'e')], // 30 days ago
    ];
    const retention = computeRetention(cards, now);
    expect(retention.last7).toEqual({ reviews: 2, recalled: 1, rate: 0.5 });
    expect(retention.last30).toEqual({ reviews: 4, recalled: 3, rate: 0.75 });
    expect(retention.all).toEqual({ reviews: 5, recalled: 4, rate: 0.8 });
  });

  it('sorts each review by the interval the card had before it, leaving out first reviews', () => {
    // Rate one card Easy at each due date until its interval reaches 21 days, then lapse it once.
    const reviews: ReviewEntry[] = [];
    let state: CardState | undefined;
    let at = new Date('2025-06-01T12:00:00Z');
    let young = 0;
    while (!state || state.fsrs.scheduled_days < MATURE_INTERVAL_DAYS) {
      if (state) young += 1;
      reviews.push(review(at, 5));
      state = scheduler.applyRating(state, 5, at);
      at = state.fsrs.due;
    }
    reviews.push(review(at, 1)); // after an interval of 21 days or more: a mature lapse
    state = scheduler.applyRating(state, 1, at);
    expect(state.fsrs.scheduled_days).toBeLessThan(MATURE_INTERVAL_DAYS);
    reviews.push(review(state.fsrs.due, 4)); // after the lapse the interval is short again: young
    const retention = computeRetention([reviews], now);
    expect(retention.young).toEqual({ reviews: young + 1, recalled: young + 1, rate: 1 });
    expect(retention.mature).toEqual({ reviews: 1, recalled: 0, rate: 0 });
    expect(retention.all.reviews).toBe(reviews.length);
    expect(retention.young.reviews + retention.mature.reviews).toBe(reviews.length - 1);
  });
});
