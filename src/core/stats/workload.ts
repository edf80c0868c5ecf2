import type { CardState, Scheduler } from '../schedule/scheduler.js';
import { RETENTION_RANGE } from '../schedule/settings.js';

/** The review load expected at one desired retention. */
export interface WorkloadEstimate {
  retention: number;
  reviewsPerDay: number;
}

/** How far either side of the current retention `stats` looks: 5 points. */
const RETENTION_STEP = 0.05;

/** The retentions to compare: the current one and 5 points either side, within the allowed range, lowest first. */
export function getWorkloadRetentions(retention: number): number[] {
  const candidates = [retention - RETENTION_STEP, retention, retention + RETENTION_STEP].map(
    (value) =>
      // Two decimals: 0.9 + 0.05 is 0.9500000000000001 in floating point.
      Math.round(Math.min(RETENTION_RANGE.max, Math.max(RETENTION_RANGE.min, value)) * 100) / 100,
  );
  return [...new Set(candidates)];
}

/**
 * Reviews per day the seen cards would ask for in a steady state: each card comes back about once per interval
 * FSRS gives its current stability at the scheduler's retention, so it adds 1 / interval reviews a day.
 * New cards, lapses and growing stability are left out: a snapshot for comparing retentions, not a forecast.
 */
export function estimateReviewsPerDay(states: Iterable<CardState>, scheduler: Scheduler): number {
  let perDay = 0;
  for (const state of states) perDay += 1 / scheduler.getIntervalDays(state);
  return Math.round(perDay * 10) / 10;
}
