import type { CardInfo } from '../card/card.js';
import { computeForecast, type DayDue } from './forecast.js';
import type { CardHistory } from '../log/card-history.js';
import {
  computeHeatmap,
  computeStreaks,
  countByStudyDay,
  pickHistories,
  sumStudySeconds,
  type DayReviews,
  type Streaks,
} from './days.js';
import { computeRetention, type Retention } from './retention.js';
import type { Rating } from '../log/review-log.js';
import type { CardState, Scheduler } from '../schedule/scheduler.js';
import { computeStats, type Stats } from './mastery.js';
import { selectWeakest, WEAKEST_COUNT } from './weakest.js';

/** One of the weakest cards, with what the screen shows of it. */
export interface WeakCard {
  id: string;
  deck: string;
  /** Plain text, as in `list --json`. */
  question: string;
  /** FSRS retrievability now, 0–1. */
  recall: number;
  lastRating: Rating;
}

/** Everything `flashdeck stats` shows: the SPEC figures plus the data behind each chart. */
export interface StatsReport extends Stats {
  /** Due before the current study day ends (overdue included): the forecast's first day. */
  dueToday: number;
  streak: Streaks;
  /** Time spent answering the matching cards, in whole seconds. */
  studySeconds: number;
  heatmap: DayReviews[];
  forecast: DayDue[];
  retention: Retention;
  weakest: WeakCard[];
}

/** The whole report for `cards`, from their replayed states and histories, at `now`. */
export function computeStatsReport(
  cards: readonly CardInfo[],
  states: ReadonlyMap<string, CardState>,
  histories: ReadonlyMap<string, CardHistory>,
  scheduler: Scheduler,
  now: Date,
): StatsReport {
  const ids = cards.map((card) => card.id);
  const picked = pickHistories(ids, histories);
  // Streaks and the heatmap read the same day counts; working out each review's study day is the costly part.
  const reviewsPerDay = countByStudyDay(picked);
  const forecast = computeForecast(
    ids.flatMap((id) => states.get(id) ?? []),
    now,
  );
  return {
    ...computeStats(cards, states, now),
    dueToday: forecast[0]?.due ?? 0,
    streak: computeStreaks(reviewsPerDay, now),
    studySeconds: sumStudySeconds(picked),
    heatmap: computeHeatmap(reviewsPerDay, now),
    forecast,
    retention: computeRetention(picked, now),
    weakest: selectWeakest(cards, states, scheduler, now, WEAKEST_COUNT).map((card) => {
      const state = states.get(card.id) as CardState;
      return {
        id: card.id,
        deck: card.deck,
        question: card.questionText,
        recall: scheduler.getRetrievability(state, now),
        lastRating: state.lastRating,
      };
    }),
  };
}
