import { describe, expect, it } from 'vitest';
import { collectRecallPredictions, type RecallPrediction } from '../../src/core/stats/calibration.js';
import { replayHistory, replayLog } from '../../src/core/log/replay.js';
import { DEFAULT_PARAMETERS, roundParameters } from '../../src/core/schedule/parameters.js';
import { toTrainingSet } from '../../src/core/optimize/training.js';
import { collectReviews } from '../../src/core/log/collect-reviews.js';
import { type ReviewEntry } from '../../src/core/log/review-log.js';
import { createScheduler } from '../../src/core/schedule/scheduler.js';
import { evaluateParameters } from '../../src/core/optimize/evaluation.js';
import { prepareOptimizer } from '../../src/io/fsrs-optimizer.js';
import { simulateLearner } from '../core/synthetic-learner.js';

const log = simulateLearner({ cards: 200, days: 150, newPerDay: 10, seed: 7, start: new Date('2026-01-05T09:00:00Z') });

// What the schedule predicted for the reviews made at or after `from`, replaying every card's whole history.
function predictFrom(reviews: readonly ReviewEntry[], parameters: readonly number[], from: string): RecallPrediction[] {
  const scheduler = createScheduler({ retention: 0.9, parameters });
  return [...collectReviews([...reviews]).values()]
    .flatMap((reviewsOfCard) => collectRecallPredictions(replayHistory(reviewsOfCard, scheduler).history, scheduler))
    .filter((prediction) => prediction.time >= Date.parse(from));
}

function measureLogLoss(predictions: readonly RecallPrediction[]): number {
  const clamp = (p: number) => Math.min(1 - 1e-6, Math.max(1e-6, p));
  const total = predictions.reduce(
    (sum, { predicted, recalled }) => sum - Math.log(recalled ? clamp(predicted) : 1 - clamp(predicted)),
    0,
  );
  return total / predictions.length;
}

describe('fitting FSRS to a synthetic learner', () => {
  it('predicts held-out reviews better than the default weights (fit on the first 80 %, score the rest)', async () => {
    const split = (log[Math.floor(log.length * 0.8)] as ReviewEntry).at;
    const { items } = toTrainingSet(collectReviews(log.filter((review) => Date.parse(review.at) < Date.parse(split))));
    const fitted = roundParameters(await (await prepareOptimizer(items)).fitParameters());
    const heldOut = predictFrom(log, fitted, split);
    expect(heldOut.length).toBeGreaterThan(300);
    expect(measureLogLoss(heldOut)).toBeLessThan(measureLogLoss(predictFrom(log, DEFAULT_PARAMETERS, split)));
  });

  it('fits the same weights every time, which score better than the defaults on the history they came from', async () => {
    const { items } = toTrainingSet(collectReviews(log));
    const optimizer = await prepareOptimizer(items);
    const fitted = await optimizer.fitParameters();
    expect(fitted).toHaveLength(21);
    expect(await (await prepareOptimizer(items)).fitParameters()).toEqual(fitted);
    const [withFitted, withDefaults] = [
      evaluateParameters(items, fitted),
      evaluateParameters(items, DEFAULT_PARAMETERS),
    ];
    expect(withFitted.logLoss).toBeLessThan(withDefaults.logLoss);
    expect(withFitted.rmse).toBeLessThan(withDefaults.rmse);
  });

  it('replays every card to the same state again and again with the fitted weights', async () => {
    const reviews = collectReviews(log);
    const fitted = roundParameters(await (await prepareOptimizer(toTrainingSet(reviews).items)).fitParameters());
    const scheduler = createScheduler({ retention: 0.9, parameters: fitted });
    const states = replayLog(log, scheduler).states;
    expect(replayLog(log, createScheduler({ retention: 0.9, parameters: fitted })).states).toEqual(states);
    expect(states).not.toEqual(replayLog(log, createScheduler({ retention: 0.9 })).states);
  });
});
