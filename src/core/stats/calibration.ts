import type { CardHistory } from '../log/card-history.js';
import type { Rating } from '../log/review-log.js';
import { isLapse, type Scheduler } from '../schedule/scheduler.js';
import { getStudyDayNumber } from '../schedule/study-day.js';

/** What the schedule predicted for one past review, and what happened. */
export interface RecallPrediction {
  /** When the review was made, in ms since the epoch. */
  time: number;
  /** The recall FSRS predicted for the review, from the card's state just before it (0–1). */
  predicted: number;
  /** Rated 3 or more: FSRS counts Hard as recalled. */
  recalled: boolean;
}

/** Predicted against actual recall for the reviews whose prediction fell in one 10 % band. */
export interface CalibrationBucket {
  /** The band, e.g. `80-90%` (the last one, `90-100%`, includes 100 %). */
  bucket: string;
  /** Mean predicted recall, 0–1. */
  predicted: number;
  /** Share of those reviews that were recalled, 0–1. */
  actual: number;
  reviews: number;
}

/**
 * Records, before each of a card's reviews on a later study day than the one before it, the recall the schedule
 * predicted from the stability its history records. Same-day repeats are left out: right after a lapse the
 * prediction is about 100 % by construction and says nothing about memory, as in FSRS's own training.
 */
export function collectRecallPredictions(
  { times, ratings, stabilities }: CardHistory,
  scheduler: Scheduler,
  getDay: (at: number) => number = getStudyDayNumber,
): RecallPrediction[] {
  const predictions: RecallPrediction[] = [];
  let previousDay = 0;
  for (let index = 0; index < times.length; index += 1) {
    const time = times[index] as number;
    const day = getDay(time);
    const days = day - previousDay;
    previousDay = day;
    if (index > 0 && days > 0) {
      const predicted = scheduler.predictRecallAfter(days, stabilities[index - 1] as number);
      predictions.push({ time, predicted, recalled: !isLapse(ratings[index] as Rating) });
    }
  }
  return predictions;
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;

/** Groups predictions into 10 % bands of predicted recall, lowest first; bands without reviews are left out. */
export function computeCalibration(predictions: Iterable<RecallPrediction>): CalibrationBucket[] {
  const bands = Array.from({ length: 10 }, () => ({ predicted: 0, recalled: 0, reviews: 0 }));
  for (const { predicted, recalled } of predictions) {
    const band = bands[Math.min(9, Math.floor(predicted * 10))] as (typeof bands)[number];
    band.predicted += predicted;
    band.recalled += recalled ? 1 : 0;
    band.reviews += 1;
  }
  return bands.flatMap((band, index) =>
    band.reviews === 0
      ? []
      : [
          {
            bucket: `${index * 10}-${index * 10 + 10}%`,
            predicted: round3(band.predicted / band.reviews),
            actual: round3(band.recalled / band.reviews),
            reviews: band.reviews,
          },
        ],
  );
}
