import type { ReviewEntry } from './review-log.js';
import { isLapse, type CardState, type Scheduler } from './schedule.js';
import { countStudyDaysBetween } from './study-day.js';

/** Reviews in one bucket and how many of them were recalled (rated 3 or more). */
export interface RetentionBucket {
  reviews: number;
  recalled: number;
  /** recalled / reviews; null when the bucket has no review. */
  rate: number | null;
}

/** Retention over time windows (in study days, today included) and by the card's interval before the review. */
export interface Retention {
  last7: RetentionBucket;
  last30: RetentionBucket;
  all: RetentionBucket;
  /** Reviews of cards scheduled less than 21 days after their previous review (a card's first review is in neither). */
  young: RetentionBucket;
  /** Reviews of cards scheduled 21 days or more after their previous review. */
  mature: RetentionBucket;
}

/** Anki's line between young and mature cards: an interval of 21 days. */
export const MATURE_INTERVAL_DAYS = 21;

type Tally = { reviews: number; recalled: number };

function toBucket({ reviews, recalled }: Tally): RetentionBucket {
  return { reviews, recalled, rate: reviews > 0 ? recalled / reviews : null };
}

/** The share of reviews rated 3 or more, by window and by card maturity; each card's reviews are replayed for its interval. */
export function computeRetention(
  reviewsByCard: Iterable<readonly ReviewEntry[]>,
  scheduler: Scheduler,
  now: Date,
): Retention {
  const tallies = { last7: tally(), last30: tally(), all: tally(), young: tally(), mature: tally() };
  for (const reviews of reviewsByCard) {
    let state: CardState | undefined;
    for (const review of reviews) {
      const at = new Date(review.at);
      const buckets: Tally[] = [tallies.all];
      const daysAgo = countStudyDaysBetween(at, now);
      if (daysAgo >= 0 && daysAgo < 7) buckets.push(tallies.last7);
      if (daysAgo >= 0 && daysAgo < 30) buckets.push(tallies.last30);
      // The interval the schedule had set when this review came: what the card had to survive.
      if (state) buckets.push(state.fsrs.scheduled_days < MATURE_INTERVAL_DAYS ? tallies.young : tallies.mature);
      for (const bucket of buckets) {
        bucket.reviews += 1;
        if (!isLapse(review.rating)) bucket.recalled += 1;
      }
      state = scheduler.applyRating(state, review.rating, at);
    }
  }
  return {
    last7: toBucket(tallies.last7),
    last30: toBucket(tallies.last30),
    all: toBucket(tallies.all),
    young: toBucket(tallies.young),
    mature: toBucket(tallies.mature),
  };
}

function tally(): Tally {
  return { reviews: 0, recalled: 0 };
}
