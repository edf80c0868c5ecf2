import type { CardInfo } from './card.js';
import { computeForecast, type DayDue } from './forecast.js';
import {
  computeHeatmap, computeStreaks, countByStudyDate, HEATMAP_DAYS, pickReviews, sumStudySeconds, type DayReviews, type Streaks,
} from './history.js';
import { computeRetention, type Retention } from './retention.js';
import type { ReviewObserver } from './review-observations.js';
import type { Rating, ReviewEntry } from './review-log.js';
import type { CardState, Scheduler } from './schedule.js';
import { computeStats, type Stats } from './stats.js';
import { toPlainText } from './text.js';
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

/** The whole report for `cards`, from their replayed states and their reviews (not undone), at `now`; `observe` as in `computeRetention`. */
export function computeStatsReport(
  cards: readonly CardInfo[],
  states: ReadonlyMap<string, CardState>,
  reviewsByCard: ReadonlyMap<string, readonly ReviewEntry[]>,
  scheduler: Scheduler,
  now: Date,
  observe?: ReviewObserver,
): StatsReport {
  const ids = cards.map((card) => card.id);
  const reviews = pickReviews(ids, reviewsByCard);
  // Streaks and the heatmap read the same day counts; working out each review's study date is the costly part.
  const reviewsPerDay = countByStudyDate(reviews);
  const forecast = computeForecast(ids.flatMap((id) => states.get(id) ?? []), now);
  return {
    ...computeStats(cards, states, now),
    dueToday: forecast[0]?.due ?? 0,
    streak: computeStreaks(reviews, now, reviewsPerDay),
    studySeconds: sumStudySeconds(reviews),
    heatmap: computeHeatmap(reviews, now, HEATMAP_DAYS, reviewsPerDay),
    forecast,
    retention: computeRetention(ids.map((id) => reviewsByCard.get(id) ?? []), scheduler, now, observe),
    weakest: selectWeakest(cards, states, scheduler, now, WEAKEST_COUNT).map((card) => {
      const state = states.get(card.id) as CardState;
      return {
        id: card.id,
        deck: card.deck,
        question: toPlainText(card.question),
        recall: scheduler.getRetrievability(state, now),
        lastRating: state.lastRating,
      };
    }),
  };
}
