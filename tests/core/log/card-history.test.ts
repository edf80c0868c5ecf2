import { describe, expect, it } from 'vitest';
import { collectRecallPredictions, type RecallPrediction } from '../../../src/core/stats/calibration.js';
import { createCardHistory, recordReview } from '../../../src/core/log/card-history.js';
import { replayHistory } from '../../../src/core/log/replay.js';
import { computeRetention, MATURE_INTERVAL_DAYS } from '../../../src/core/stats/retention.js';
import { collectReviews } from '../../../src/core/log/collect-reviews.js';
import { type ReviewEntry } from '../../../src/core/log/review-log.js';
import { createScheduler, isLapse, type CardState } from '../../../src/core/schedule/scheduler.js';
import { countStudyDaysBetween } from '../../../src/core/schedule/study-day.js';
import { generateReviewHistory } from '../../fixtures/review-history.js';

const now = new Date('2026-03-10T15:00:00Z');
const scheduler = createScheduler({ retention: 0.88 });
const cardIds = Array.from({ length: 40 }, (_, index) => `deck/card-${index}`);
const reviewsByCard = collectReviews(
  generateReviewHistory(cardIds, now, { seed: 11, days: 200, newPerDay: 3, memory: 0.8 }),
);
const cards = [...reviewsByCard.values()];

/** The figures as a replay with the card's whole state in hand gives them: the reference a history must match. */
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
      predictions.push({
        time: at.getTime(),
        predicted: scheduler.predictRecall(state, at),
        recalled: !isLapse(review.rating),
      });
    }
    state = scheduler.applyRating(state, review.rating, at);
  }
  return { predictions, young, mature, state };
}

describe('card histories', () => {
  it('give exactly the retention and recall predictions of a replay with the whole state, on a generated history', () => {
    const replayed = cards.map((reviews) => replayHistory(reviews, scheduler));
    const expected = cards.map(replayFigures);
    expect(replayed.flatMap(({ history }) => collectRecallPredictions(history, scheduler))).toEqual(
      expected.flatMap((figures) => figures.predictions),
    );
    const retention = computeRetention(
      replayed.map(({ history }) => history),
      now,
    );
    expect(retention.young.reviews).toBe(expected.reduce((sum, figures) => sum + figures.young, 0));
    expect(retention.mature.reviews).toBe(expected.reduce((sum, figures) => sum + figures.mature, 0));
    expect(retention.mature.reviews).toBeGreaterThan(0);
    replayed.forEach(({ state }, index) => expect(state).toEqual(expected[index]!.state));
  });

  it('record each review with its time, rating and seconds, and the schedule before it', () => {
    const reviews = cards.find((ofCard) => ofCard.length > 3)!;
    const { history } = replayHistory(reviews, scheduler);
    expect(history.times).toEqual(reviews.map((review) => Date.parse(review.at)));
    expect(history.ratings).toEqual(reviews.map((review) => review.rating));
    expect(history.seconds).toEqual(reviews.map((review) => review.seconds));
    const before = reviews
      .slice(1)
      .map(
        (_, index) =>
          reviews
            .slice(0, index + 1)
            .reduce<CardState | undefined>(
              (state, r) => scheduler.applyRating(state, r.rating, new Date(r.at)),
              undefined,
            )!.fsrs,
      );
    expect(history.intervals).toEqual(before.map((card) => card.scheduled_days));
    expect(history.stabilities).toEqual(before.map((card) => card.stability));
  });

  it('grow review by review to what a replay of them all gives', () => {
    const reviews = cards.find((ofCard) => ofCard.length > 3)!;
    const history = createCardHistory();
    let state: CardState | undefined;
    for (const review of reviews) {
      recordReview(history, review, Date.parse(review.at), state);
      state = scheduler.applyRating(state, review.rating, new Date(review.at));
    }
    expect(history).toEqual(replayHistory(reviews, scheduler).history);
    expect(replayHistory([], scheduler)).toEqual({ state: undefined, history: createCardHistory() });
  });
});
