import type { Rating, ReviewEntry } from './review-log.js';
import type { CardState } from '../schedule/scheduler.js';

/** Numbers read by index or in order: plain arrays as a history grows, views of the cache file's numbers when read from it. */
export type NumberList<T extends number = number> = ArrayLike<T> & Iterable<T>;

/**
 * One card's reviews (not undone, oldest first) as statistics read them: parallel lists of plain numbers, with what
 * the schedule knew before each review after the first, so retention and calibration never replay FSRS.
 */
export interface CardHistory {
  /** When each review was made, in ms since the epoch. */
  times: NumberList;
  ratings: NumberList<Rating>;
  /** Time taken to answer, in seconds. */
  seconds: NumberList;
  /** Index i: the interval the schedule had set (`scheduled_days`) before review i + 1, in days. */
  intervals: NumberList;
  /** Index i: the memory stability before review i + 1, in days. */
  stabilities: NumberList;
}

/** A history reviews can be added to. */
export interface GrowingCardHistory extends CardHistory {
  times: number[];
  ratings: Rating[];
  seconds: number[];
  intervals: number[];
  stabilities: number[];
}

/** A history without reviews. */
export function createCardHistory(): GrowingCardHistory {
  return { times: [], ratings: [], seconds: [], intervals: [], stabilities: [] };
}

/** The same history, as lists reviews can be added to. */
export function toGrowingHistory(history: CardHistory): GrowingCardHistory {
  const { times, ratings, seconds, intervals, stabilities } = history;
  return {
    times: [...times],
    ratings: [...ratings],
    seconds: [...seconds],
    intervals: [...intervals],
    stabilities: [...stabilities],
  };
}

/** Adds `review`, made at `time` (its `at` in ms), to `history`, given the card's state just before it. */
export function recordReview(
  history: GrowingCardHistory,
  review: ReviewEntry,
  time: number,
  before: CardState | undefined,
): void {
  // A card that started from another tool's schedule has a state before its first review here, but no interval of
  // flashdeck's: the lists stay one shorter than the reviews.
  if (before && history.times.length > 0) {
    history.intervals.push(before.fsrs.scheduled_days);
    history.stabilities.push(before.fsrs.stability);
  }
  history.times.push(time);
  history.ratings.push(review.rating);
  history.seconds.push(review.seconds);
}
