import { collectReviews } from './collect-reviews.js';
import { replayHistory } from './replay.js';
import { isReview, isUndo, type LogEntry, type Rating, type ReviewEntry } from './review-log.js';
import type { Scheduler } from '../schedule/scheduler.js';

const DAY = 86_400_000;

/** Why a review of the log no longer counts: taken back with `u`, or set aside by a forget. */
export type ReviewStatus = 'counted' | 'undone' | 'forgotten';

/** One review of a card as `show` tells it. */
export interface CardReview {
  at: string;
  rating: Rating;
  seconds: number;
  status: ReviewStatus;
  /** Days the schedule had set before this review (null for the first counted one, and for reviews that no longer count). */
  intervalBefore: number | null;
  /** Days since the card's previous counted review (null likewise). */
  daysSince: number | null;
  /** Days until the review after it, as this review set them (null for reviews that no longer count). */
  intervalAfter: number | null;
}

/** Every review of `card` the log holds, oldest first: the counted ones with their intervals, and those undone or forgotten. */
export function listCardReviews(entries: readonly LogEntry[], card: string, scheduler: Scheduler): CardReview[] {
  const counted = collectReviews(entries).get(card) ?? [];
  const { state, history } = replayHistory(counted, scheduler);
  const intervalsAfter = [...history.intervals, ...(state ? [state.fsrs.scheduled_days] : [])];
  const countedAt = new Map(counted.map((review, index) => [review, index]));
  const undone = new Set(entries.flatMap((entry) => (isUndo(entry) && entry.card === card ? [entry.undo] : [])));
  // A renamed card's older reviews carry its old ids: they are the counted ones, whatever id they name.
  const own = entries.filter((entry): entry is ReviewEntry => isReview(entry) && entry.card === card);
  const all = [...new Set([...own, ...counted])].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return all.map((review): CardReview => {
    const index = countedAt.get(review);
    const base = { at: review.at, rating: review.rating, seconds: review.seconds };
    if (index === undefined) {
      const status = undone.has(review.at) ? 'undone' : 'forgotten';
      return { ...base, status, intervalBefore: null, daysSince: null, intervalAfter: null };
    }
    const previous = counted[index - 1];
    return {
      ...base,
      status: 'counted',
      intervalBefore: index === 0 ? null : (history.intervals[index - 1] ?? null),
      daysSince: previous ? roundDays((Date.parse(review.at) - Date.parse(previous.at)) / DAY) : null,
      intervalAfter: intervalsAfter[index] ?? null,
    };
  });
}

function roundDays(days: number): number {
  return Math.round(days * 10) / 10;
}
