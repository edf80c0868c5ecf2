import { describe, expect, it } from 'vitest';
import { Rating as Grade } from 'ts-fsrs';
import type { ReviewEntry } from '../../../src/core/log/review-log.js';
import { replayLog, replayHistory } from '../../../src/core/log/replay.js';
import { createScheduler, isLapse, toGrade } from '../../../src/core/schedule/scheduler.js';

const scheduler = createScheduler();
const { applyRating, getRetrievability, previewDue } = scheduler;
const replayReviews = (reviews: readonly ReviewEntry[]) => replayHistory(reviews, scheduler).state;

const DAY = 86_400_000;
const t0 = new Date('2026-03-02T10:00:00Z');
const at = (days: number) => new Date(t0.getTime() + days * DAY);
const review = (rating: 1 | 2 | 3 | 4 | 5, days: number, card = 'c'): ReviewEntry => ({
  card,
  rating,
  at: at(days).toISOString(),
  seconds: 3,
});

describe('rating → FSRS grade', () => {
  it('maps 1–2 to Again, 3 Hard, 4 Good, 5 Easy', () => {
    expect([1, 2, 3, 4, 5].map((r) => toGrade(r as 1))).toEqual([
      Grade.Again,
      Grade.Again,
      Grade.Hard,
      Grade.Good,
      Grade.Easy,
    ]);
  });

  it('treats only 1 and 2 as lapses', () => {
    expect([1, 2, 3, 4, 5].map((r) => isLapse(r as 1))).toEqual([true, true, false, false, false]);
  });
});

describe('scheduling in whole days', () => {
  it('gives a new card 1/1/2/3/8 days for ratings 1–5 (no short-term steps)', () => {
    const due = previewDue(undefined, t0);
    const days = [1, 2, 3, 4, 5].map((r) => (due[r as 1].getTime() - t0.getTime()) / DAY);
    expect(days).toEqual([1, 1, 2, 3, 8]);
  });

  it('lengthens the interval after successive good ratings and shortens it after a lapse', () => {
    let state = applyRating(undefined, 4, t0);
    const first = state.fsrs.scheduled_days;
    state = applyRating(state, 4, state.fsrs.due);
    expect(state.fsrs.scheduled_days).toBeGreaterThan(first);
    const before = state.fsrs.scheduled_days;
    state = applyRating(state, 1, state.fsrs.due);
    expect(state.fsrs.scheduled_days).toBeLessThan(before);
    expect(state.fsrs.lapses).toBe(1);
  });

  it('records counts, the latest rating and the first and last review times', () => {
    const state = replayReviews([review(2, 0), review(4, 0.01), review(5, 3)]);
    expect(state).toMatchObject({ reviews: 3, lastRating: 5, firstReviewAt: at(0), lastReviewAt: at(3) });
  });

  it('has no state for a card without reviews', () => {
    expect(replayReviews([])).toBeUndefined();
  });

  it('replays to exactly the state built rating by rating', () => {
    const reviews = [review(3, 0), review(1, 2), review(4, 2.01), review(5, 6)];
    let live;
    for (const r of reviews) live = applyRating(live, r.rating, new Date(r.at));
    expect(replayReviews(reviews)).toEqual(live);
  });

  it('replays every card from its own reviews', () => {
    const { states } = replayLog([review(5, 0, 'a'), review(1, 0, 'b')], scheduler);
    expect([...states.keys()]).toEqual(['a', 'b']);
    expect(states.get('a')?.lastRating).toBe(5);
  });

  it('does not change the state passed in', () => {
    const state = applyRating(undefined, 4, t0);
    const copy = structuredClone(state);
    applyRating(state, 1, at(3));
    expect(state).toEqual(copy);
  });

  it('reports retrievability that falls with time', () => {
    const state = applyRating(undefined, 4, t0);
    expect(getRetrievability(state, at(1))).toBeGreaterThan(getRetrievability(state, at(30)));
  });
});

describe('settings', () => {
  it('schedules longer intervals at a lower desired retention', () => {
    const relaxed = createScheduler({ retention: 0.8 }).applyRating(undefined, 4, t0);
    const strict = createScheduler({ retention: 0.95 }).applyRating(undefined, 4, t0);
    expect(relaxed.fsrs.scheduled_days).toBeGreaterThan(strict.fsrs.scheduled_days);
  });
});
