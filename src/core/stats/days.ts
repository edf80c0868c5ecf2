import type { CardHistory } from '../log/card-history.js';
import { createStudyDayCounter, formatStudyDayNumber, getStudyDayNumber } from '../schedule/study-day.js';

/** Reviews made on one study day, for the heatmap. */
export interface DayReviews {
  /** The study day's local date, `YYYY-MM-DD`. */
  date: string;
  reviews: number;
}

/** Daily streaks in study days with at least one review. */
export interface Streaks {
  /** Consecutive study days up to today, or up to yesterday while today has no review yet. */
  current: number;
  longest: number;
}

/** Study days the heatmap covers: 26 weeks, today included. */
export const HEATMAP_DAYS = 26 * 7;

/** The histories of the given cards that have any (order does not matter to the figures). */
export function pickHistories(cardIds: Iterable<string>, histories: ReadonlyMap<string, CardHistory>): CardHistory[] {
  const picked: CardHistory[] = [];
  for (const id of cardIds) {
    const history = histories.get(id);
    if (history) picked.push(history);
  }
  return picked;
}

/** Reviews per study day (by day number, days from 04:00 local): what streaks and the heatmap both read. */
export function countByStudyDay(histories: Iterable<CardHistory>): Map<number, number> {
  const counts = new Map<number, number>();
  const getDay = createStudyDayCounter();
  for (const { times } of histories) {
    for (const time of times) {
      const day = getDay(time);
      counts.set(day, (counts.get(day) ?? 0) + 1);
    }
  }
  return counts;
}

/** Current and longest run of consecutive study days (04:00 to 04:00 local) with at least one review, from the day counts. */
export function computeStreaks(reviewsPerDay: ReadonlyMap<number, number>, now: Date): Streaks {
  let longest = 0;
  for (const day of reviewsPerDay.keys()) {
    // Count each run once, from its first day.
    if (reviewsPerDay.has(day - 1)) continue;
    let length = 1;
    while (reviewsPerDay.has(day + length)) length += 1;
    longest = Math.max(longest, length);
  }
  const today = getStudyDayNumber(now.getTime());
  // Today still counts as part of the streak until it is over, studied or not.
  let day = reviewsPerDay.has(today) ? today : today - 1;
  let current = 0;
  while (reviewsPerDay.has(day)) {
    current += 1;
    day -= 1;
  }
  return { current, longest };
}

/** Reviews per study day for the `days` study days ending today, oldest first, from the day counts. */
export function computeHeatmap(
  reviewsPerDay: ReadonlyMap<number, number>,
  now: Date,
  days = HEATMAP_DAYS,
): DayReviews[] {
  const today = getStudyDayNumber(now.getTime());
  return Array.from({ length: days }, (_, index) => {
    const day = today + index - days + 1;
    return { date: formatStudyDayNumber(day), reviews: reviewsPerDay.get(day) ?? 0 };
  });
}

/** Time spent answering, in whole seconds. */
export function sumStudySeconds(histories: Iterable<CardHistory>): number {
  let total = 0;
  for (const { seconds } of histories) for (const value of seconds) total += value;
  return Math.round(total);
}
