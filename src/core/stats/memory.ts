import { collectRecallPredictions, computeCalibration, type CalibrationBucket } from './calibration.js';
import type { CardInfo } from '../card/card.js';
import type { CardHistory } from '../log/card-history.js';
import { pickHistories } from './days.js';
import { createScheduler, type CardState, type ScheduleSettings } from '../schedule/scheduler.js';
import { createStudyDayCounter } from '../schedule/study-day.js';
import { estimateReviewsPerDay, getWorkloadRetentions, type WorkloadEstimate } from './workload.js';

/** What FSRS says about the learner's memory of a set of cards: the fields `stats --json` adds for it. */
export interface FsrsStats {
  /** Estimated knowledge: the sum of the seen cards' retrievability now, i.e. how many of them you would recall. */
  knowledge: number;
  /** Expected reviews per day at the current retention and 5 points either side. */
  workload: WorkloadEstimate[];
  /** Predicted against actual recall of past reviews, in 10 % bands. */
  calibration: CalibrationBucket[];
}

/** FSRS figures for `cards`, given their replayed states and histories, at `now`. */
export function computeFsrsStats(
  cards: readonly CardInfo[],
  states: ReadonlyMap<string, CardState>,
  histories: ReadonlyMap<string, CardHistory>,
  settings: ScheduleSettings,
  now: Date,
): FsrsStats {
  const scheduler = createScheduler(settings);
  const getDay = createStudyDayCounter();
  const seen = cards.flatMap((card) => states.get(card.id) ?? []);
  const knowledge = seen.reduce((sum, state) => sum + scheduler.getRetrievability(state, now), 0);
  return {
    knowledge: Math.round(knowledge * 10) / 10,
    workload: getWorkloadRetentions(settings.retention).map((retention) => ({
      retention,
      reviewsPerDay: estimateReviewsPerDay(seen, createScheduler({ ...settings, retention })),
    })),
    calibration: computeCalibration(
      pickHistories(
        cards.map((card) => card.id),
        histories,
      ).flatMap((history) => collectRecallPredictions(history, scheduler, getDay)),
    ),
  };
}
