import type { CardHistory } from '../log/card-history.js';
import type { Rating } from '../log/review-log.js';
import { isLapse } from '../schedule/scheduler.js';
import { getStudyDayEnd, getStudyDayStart } from '../schedule/study-day.js';

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

/** The share of reviews rated 3 or more, by window and by card maturity (the interval each history records). */
export function computeRetention(histories: Iterable<CardHistory>, now: Date): Retention {
  const tallies = { last7: tally(), last30: tally(), all: tally(), young: tally(), mature: tally() };
  // Window edges computed once: local-time arithmetic per review is what a large log makes slow.
  const todayEnd = getStudyDayEnd(now).getTime();
  const last7Start = getWindowStart(now, 7);
  const last30Start = getWindowStart(now, 30);
  const count = (bucket: Tally, recalled: boolean) => {
    bucket.reviews += 1;
    if (recalled) bucket.recalled += 1;
  };
  for (const { times, ratings, intervals } of histories) {
    for (let index = 0; index < times.length; index += 1) {
      const at = times[index] as number;
      const recalled = !isLapse(ratings[index] as Rating);
      count(tallies.all, recalled);
      if (at < todayEnd && at >= last7Start) count(tallies.last7, recalled);
      if (at < todayEnd && at >= last30Start) count(tallies.last30, recalled);
      // The interval the schedule had set when this review came: what the card had to survive (a first review has none).
      if (index > 0)
        count((intervals[index - 1] as number) < MATURE_INTERVAL_DAYS ? tallies.young : tallies.mature, recalled);
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

/** The start of the study day `days - 1` before today's: the first moment of a window of `days` study days. */
function getWindowStart(now: Date, days: number): number {
  const start = getStudyDayStart(now);
  // setDate keeps 04:00 across DST changes.
  start.setDate(start.getDate() - (days - 1));
  return start.getTime();
}

function tally(): Tally {
  return { reviews: 0, recalled: 0 };
}
