import { describe, expect, it } from 'vitest';
import {
  collectRecallPredictions,
  computeCalibration,
  type RecallPrediction,
} from '../../../src/core/stats/calibration.js';
import { replayHistory } from '../../../src/core/log/replay.js';
import { collectReviews } from '../../../src/core/log/collect-reviews.js';
import { type Rating, type ReviewEntry } from '../../../src/core/log/review-log.js';
import { createScheduler, type Scheduler } from '../../../src/core/schedule/scheduler.js';
import { LEARNER_PARAMETERS, simulateLearner } from '../synthetic-learner.js';

const review = (rating: Rating, at: string): ReviewEntry => ({ card: 'c', rating, at, seconds: 4 });
const prediction = (predicted: number, recalled: boolean): RecallPrediction => ({
  time: Date.parse('2026-03-01T10:00:00Z'),
  predicted,
  recalled,
});
const predict = (reviews: readonly ReviewEntry[], scheduler: Scheduler) =>
  collectRecallPredictions(replayHistory(reviews, scheduler).history, scheduler);

describe('recall predictions of past reviews', () => {
  it('records, before each review on a later study day, the recall predicted from the state before it', () => {
    const scheduler = createScheduler();
    const reviews = [
      review(4, '2026-03-01T10:00:00Z'),
      review(1, '2026-03-05T10:00:00Z'),
      review(3, '2026-03-05T10:04:00Z'),
      review(4, '2026-03-09T10:00:00Z'),
    ];
    const predictions = predict(reviews, scheduler);
    expect(predictions.map(({ time, recalled }) => [new Date(time).toISOString(), recalled])).toEqual([
      ['2026-03-05T10:00:00.000Z', false],
      ['2026-03-09T10:00:00.000Z', true],
    ]);
    const before = replayHistory(reviews.slice(0, 1), scheduler).state;
    expect(predictions[0]?.predicted).toBe(scheduler.predictRecall(before!, new Date('2026-03-05T10:00:00Z')));
    expect(predictions[0]?.predicted).toBeGreaterThan(0.5);
    expect(predictions[0]?.predicted).toBeLessThan(0.95);
  });

  it('predicts nothing for a card seen once', () => {
    expect(predict([review(5, '2026-03-01T10:00:00Z')], createScheduler())).toEqual([]);
  });
});

describe('calibration table', () => {
  it('groups predictions in 10 % bands with their mean prediction and recall rate, skipping empty bands', () => {
    const table = computeCalibration([
      prediction(0.95, true),
      prediction(0.92, false),
      prediction(0.15, false),
      prediction(1, true),
    ]);
    expect(table).toEqual([
      { bucket: '10-20%', predicted: 0.15, actual: 0, reviews: 1 },
      { bucket: '90-100%', predicted: 0.957, actual: 0.667, reviews: 3 },
    ]);
    expect(computeCalibration([])).toEqual([]);
  });

  it('matches what happened when the weights are the learner’s own, and shows the defaults overrating this learner', () => {
    const reviews = [
      ...collectReviews(
        simulateLearner({ cards: 150, days: 120, newPerDay: 10, seed: 3, start: new Date('2026-01-05T09:00:00Z') }),
      ).values(),
    ];
    const table = (parameters?: readonly number[]) => {
      const scheduler = createScheduler({ retention: 0.9, parameters });
      return computeCalibration(reviews.flatMap((history) => predict(history, scheduler))).filter(
        (band) => band.reviews >= 80,
      );
    };
    const own = table(LEARNER_PARAMETERS);
    expect(own.length).toBeGreaterThan(3);
    for (const band of own) expect(Math.abs(band.actual - band.predicted)).toBeLessThan(0.08);
    expect(table().some((band) => band.predicted - band.actual > 0.15)).toBe(true);
  });
});
