import type { ReviewEntry } from './review-log.js';
import { getStudyDate, shiftDate } from './study-day.js';

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

/** Every review of the given cards, in one list (order does not matter to the figures). */
export function pickReviews(
  cardIds: Iterable<string>,
  reviewsByCard: ReadonlyMap<string, readonly ReviewEntry[]>,
): ReviewEntry[] {
  return [...cardIds].flatMap((id) => reviewsByCard.get(id) ?? []);
}

/** Reviews per study date (`YYYY-MM-DD`, days from 04:00 local): what streaks and the heatmap both read. */
export function countByStudyDate(reviews: readonly ReviewEntry[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const review of reviews) {
    const date = getStudyDate(new Date(review.at));
    counts.set(date, (counts.get(date) ?? 0) + 1);
  }
  return counts;
}

/** Current and longest run of consecutive study days (04:00 to 04:00 local) with at least one review. */
export function computeStreaks(
  reviews: readonly ReviewEntry[],
  now: Date,
  counts: ReadonlyMap<string, number> = countByStudyDate(reviews),
): Streaks {
  const studied = new Set(counts.keys());
  let longest = 0;
  for (const date of studied) {
    // Count each run once, from its first day.
    if (studied.has(shiftDate(date, -1))) continue;
    let length = 1;
    while (studied.has(shiftDate(date, length))) length += 1;
    longest = Math.max(longest, length);
  }
  const today = getStudyDate(now);
  // Today still counts as part of the streak until it is over, studied or not.
  let day = studied.has(today) ? today : shiftDate(today, -1);
  let current = 0;
  while (studied.has(day)) {
    current += 1;
    day = shiftDate(day, -1);
  }
  return { current, longest };
}

/** Reviews per study day for the `days` study days ending today, oldest first. */
export function computeHeatmap(
  reviews: readonly ReviewEntry[],
  now: Date,
  days = HEATMAP_DAYS,
  counts: ReadonlyMap<string, number> = countByStudyDate(reviews),
): DayReviews[] {
  const today = getStudyDate(now);
  return Array.from({ length: days }, (_, index) => {
    const date = shiftDate(today, index - days + 1);
    return { date, reviews: counts.get(date) ?? 0 };
  });
}

/** Time spent answering, in whole seconds. */
export function sumStudySeconds(reviews: readonly ReviewEntry[]): number {
  return Math.round(reviews.reduce((total, review) => total + review.seconds, 0));
}
