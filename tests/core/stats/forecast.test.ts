import { describe, expect, it } from 'vitest';
import { computeForecast, FORECAST_DAYS } from '../../../src/core/stats/forecast.js';
import { createScheduler, type CardState } from '../../../src/core/schedule/scheduler.js';

const now = new Date('2026-03-10T15:00:00Z');
const { applyRating } = createScheduler();
/** A seen card due at `due`. */
const dueAt = (due: string): CardState => {
  const state = applyRating(undefined, 4, new Date('2026-01-01T12:00:00Z'));
  return { ...state, fsrs: { ...state.fsrs, due: new Date(due) } };
};

describe('computeForecast', () => {
  it('has one entry per study day from today, dated', () => {
    const forecast = computeForecast([], now);
    expect(forecast).toHaveLength(FORECAST_DAYS);
    expect(forecast[0]).toEqual({ date: '2026-03-10', due: 0 });
    expect(forecast.at(-1)).toEqual({ date: '2026-04-08', due: 0 });
  });

  it('counts overdue cards on day 0, with those due before the study day ends', () => {
    const forecast = computeForecast(
      [
        dueAt('2026-02-01T10:00:00Z'),
        dueAt('2026-03-10T10:00:00Z'),
        dueAt('2026-03-10T20:00:00Z'),
        dueAt('2026-03-11T03:59:00Z'),
      ],
      now,
    );
    expect(forecast[0]?.due).toBe(4);
    expect(forecast.slice(1).every((day) => day.due === 0)).toBe(true);
  });

  it('counts each later card on its study day and leaves out those beyond the window', () => {
    const forecast = computeForecast(
      [
        dueAt('2026-03-11T04:00:00Z'),
        dueAt('2026-03-12T03:00:00Z'),
        dueAt('2026-03-13T12:00:00Z'),
        dueAt('2026-04-08T12:00:00Z'),
        dueAt('2026-04-09T12:00:00Z'),
      ],
      now,
    );
    expect(forecast.slice(0, 4).map((day) => day.due)).toEqual([0, 2, 0, 1]);
    expect(forecast.at(-1)?.due).toBe(1);
    expect(forecast.reduce((total, day) => total + day.due, 0)).toBe(4);
  });
});
