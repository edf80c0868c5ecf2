import { describe, expect, it } from 'vitest';
import type { Card } from '../../../src/core/card/card.js';
import { replayHistory, replayLog } from '../../../src/core/log/replay.js';
import { computeFsrsStats } from '../../../src/core/stats/memory.js';
import { collectReviews } from '../../../src/core/log/collect-reviews.js';
import { type Rating, type ReviewEntry } from '../../../src/core/log/review-log.js';
import { createScheduler } from '../../../src/core/schedule/scheduler.js';

const card = (id: string) =>
  ({ id, deck: '.', path: `${id}.md`, difficulty: null, tags: [], question: id, answer: 'A' }) as unknown as Card;
const review = (id: string, rating: Rating, at: string): ReviewEntry => ({ card: id, rating, at, seconds: 3 });

describe('FSRS figures for stats', () => {
  const log = [
    review('a', 4, '2026-03-01T10:00:00Z'),
    review('a', 2, '2026-03-04T10:00:00Z'),
    review('a', 3, '2026-03-04T10:03:00Z'),
    review('b', 5, '2026-03-02T10:00:00Z'),
    review('gone', 4, '2026-03-02T10:00:00Z'),
  ];
  const reviews = collectReviews(log);
  const settings = { retention: 0.9 };
  const states = replayLog(log, createScheduler(settings)).states;
  const histories = new Map(
    [...reviews].map(([id, ofCard]) => [id, replayHistory(ofCard, createScheduler(settings)).history]),
  );
  const now = new Date('2026-03-10T12:00:00Z');

  it('sums the retrievability of the matching seen cards as estimated knowledge', () => {
    const scheduler = createScheduler(settings);
    const expected = ['a', 'b'].reduce((sum, id) => sum + scheduler.getRetrievability(states.get(id)!, now), 0);
    const stats = computeFsrsStats([card('a'), card('b'), card('new')], states, histories, settings, now);
    expect(stats.knowledge).toBe(Math.round(expected * 10) / 10);
    expect(stats.knowledge).toBeGreaterThan(0.5);
    expect(stats.knowledge).toBeLessThan(2);
  });

  it('compares the load at the current retention and 5 points either side, and calibrates only matching cards', () => {
    const stats = computeFsrsStats([card('a')], states, histories, settings, now);
    expect(stats.workload.map((point) => point.retention)).toEqual([0.85, 0.9, 0.95]);
    expect(stats.calibration).toEqual([expect.objectContaining({ reviews: 1, actual: 0 })]);
  });

  it('has nothing to say about unseen cards', () => {
    expect(computeFsrsStats([card('new')], states, histories, settings, now)).toEqual({
      knowledge: 0,
      workload: [0.85, 0.9, 0.95].map((retention) => ({ retention, reviewsPerDay: 0 })),
      calibration: [],
    });
  });
});
