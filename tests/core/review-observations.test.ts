import { describe, expect, it } from 'vitest';
import { collectRecallPredictions, type RecallPrediction } from '../../src/core/calibration.js';
import { computeRetention, MATURE_INTERVAL_DAYS } from '../../src/core/retention.js';
import { collectReviews, type ReviewEntry } from '../../src/core/review-log.js';
import { createCachedObserver, replayObserved, type CardObservations } from '../../src/core/review-observations.js';
import { createScheduler, isLapse, type CardState } from '../../src/core/schedule.js';
import { countStudyDaysBetween } from '../../src/core/study-day.js';
import { generateReviewHistory } from '../fixtures/review-history.js';

const now = new Date('2026-03-10T15:00:00Z');
const scheduler = createScheduler({ retention: 0.88 });
const cardIds = Array.from({ length: 40 }, (_, index) => `deck/card-${index}`);
const reviewsByCard = collectReviews(generateReviewHistory(cardIds, now, { seed: 11, days: 200, newPerDay: 3, memory: 0.8 }));
const histories = [...reviewsByCard.values()];

/** The figures as a replay with the card's whole state in hand gives them: the reference the observations must match. */
function replayFigures(reviews: readonly ReviewEntry[]) {
  const predictions: RecallPrediction[] = [];
  let young = 0;
  let mature = 0;
  let state: CardState | undefined;
  for (const review of reviews) {
    const at = new Date(review.at);
    if (state && state.fsrs.scheduled_days < MATURE_INTERVAL_DAYS) young += 1;
    else if (state) mature += 1;
    if (state && countStudyDaysBetween(state.lastReviewAt, at) > 0) {
      predictions.push({ at: review.at, predicted: scheduler.predictRecall(state, at), recalled: !isLapse(review.rating) });
    }
    state = scheduler.applyRating(state, review.rating, at);
  }
  return { predictions, young, mature, state };
}

/** Observations and states as the state cache keeps them after one replay. */
function cacheOf(histories: readonly (readonly ReviewEntry[])[]) {
  const states = new Map<string, CardState>();
  const observations = new Map<string, CardObservations>();
  for (const reviews of histories) {
    const replayed = replayObserved(reviews, scheduler);
    states.set(reviews[0]!.card, replayed.state!);
    observations.set(reviews[0]!.card, replayed.observations);
  }
  return { states, observations };
}

describe('review observations', () => {
  it('give exactly the retention and recall predictions of a replay with the whole state, on a generated history', () => {
    const { states, observations } = cacheOf(histories);
    const observe = createCachedObserver(observations, states, scheduler);
    const expected = histories.map(replayFigures);
    expect(histories.flatMap((reviews) => collectRecallPredictions(reviews, scheduler, observe(reviews)))).toEqual(expected.flatMap((figures) => figures.predictions));
    const retention = computeRetention(histories, scheduler, now, observe);
    expect(retention.young.reviews).toBe(expected.reduce((sum, figures) => sum + figures.young, 0));
    expect(retention.mature.reviews).toBe(expected.reduce((sum, figures) => sum + figures.mature, 0));
    expect(retention.mature.reviews).toBeGreaterThan(0);
    expect(retention).toEqual(computeRetention(histories, scheduler, now));
    for (const reviews of histories) expect(states.get(reviews[0]!.card)).toEqual(expected[histories.indexOf(reviews)]!.state);
  });

  it('are taken from the cache only for the reviews it was built from', () => {
    const history = histories.find((reviews) => reviews.length > 3)!;
    const { states, observations } = cacheOf([history.slice(0, -1)]);
    const observe = createCachedObserver(observations, states, scheduler);
    const cached = observations.get(history[0]!.card);
    expect(observe(history.slice(0, -1))).toBe(cached);
    // A review logged by another session after the states were read: replayed, not mismatched.
    expect(observe(history)).toEqual(replayObserved(history, scheduler).observations);
    expect(observe(history).intervals).toHaveLength(history.length - 1);
    expect(observe([])).toEqual({ intervals: [], stabilities: [] });
  });
});
