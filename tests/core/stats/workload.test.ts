import { describe, expect, it } from 'vitest';
import { replayHistory } from '../../../src/core/log/replay.js';
import { createScheduler } from '../../../src/core/schedule/scheduler.js';
import { estimateReviewsPerDay, getWorkloadRetentions } from '../../../src/core/stats/workload.js';

const at = (day: number) => new Date(Date.UTC(2026, 2, 1 + day, 10));

describe('retentions compared', () => {
  it.each([
    [0.9, [0.85, 0.9, 0.95]],
    [0.8, [0.75, 0.8, 0.85]],
    [0.97, [0.92, 0.97, 0.99]],
    [0.99, [0.94, 0.99]],
    [0.7, [0.7, 0.75]],
  ])('%s → %j', (retention, expected) => {
    expect(getWorkloadRetentions(retention)).toEqual(expected);
  });
});

describe('daily review load', () => {
  const scheduler = createScheduler({ retention: 0.9 });
  const states = [
    replayHistory([{ card: 'a', rating: 4, at: at(0).toISOString(), seconds: 3 }], scheduler).state!,
    replayHistory(
      [
        { card: 'b', rating: 4, at: at(0).toISOString(), seconds: 3 },
        { card: 'b', rating: 5, at: at(3).toISOString(), seconds: 3 },
      ],
      scheduler,
    ).state!,
  ];

  it('adds 1 / interval per card: at 90 % retention FSRS’s interval is the stability, rounded', () => {
    const expected = states.reduce((sum, state) => sum + 1 / Math.round(state.fsrs.stability), 0);
    expect(states.map((state) => scheduler.getIntervalDays(state))).toEqual(
      states.map((state) => Math.round(state.fsrs.stability)),
    );
    expect(estimateReviewsPerDay(states, scheduler)).toBe(Math.round(expected * 10) / 10);
  });

  it('grows with the retention asked for', () => {
    const load = (retention: number) => estimateReviewsPerDay(states, createScheduler({ retention }));
    expect(load(0.85)).toBeLessThan(load(0.9));
    expect(load(0.9)).toBeLessThan(load(0.95));
    expect(estimateReviewsPerDay([], scheduler)).toBe(0);
  });
});
