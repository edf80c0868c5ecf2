import type { ReviewEntry } from './review-log.js';
import type { CardState, Scheduler } from './schedule.js';

/**
 * What the schedule knew of a card just before each of its reviews after the first (index i is review i + 1, oldest
 * first): all that retention and calibration need, so they can be tallied without replaying FSRS.
 */
export interface CardObservations {
  /** The interval the schedule had set (`scheduled_days`), in days. */
  intervals: number[];
  /** The memory stability, in days. */
  stabilities: number[];
}

/** A card's observations for a list of its reviews, oldest first. */
export type ReviewObserver = (reviews: readonly ReviewEntry[]) => CardObservations;

/** Records what `state` says before the card's next review. */
export function recordObservation(observations: CardObservations, state: CardState): void {
  observations.intervals.push(state.fsrs.scheduled_days);
  observations.stabilities.push(state.fsrs.stability);
}

/** Replays a card's reviews (oldest first): its final state, as `scheduler.replayReviews` gives it, and its observations. */
export function replayObserved(reviews: readonly ReviewEntry[], scheduler: Scheduler): { state: CardState | undefined; observations: CardObservations } {
  const observations: CardObservations = { intervals: [], stabilities: [] };
  let state: CardState | undefined;
  for (const review of reviews) {
    if (state) recordObservation(observations, state);
    state = scheduler.applyRating(state, review.rating, new Date(review.at));
  }
  return { state, observations };
}

/** Observes each list of reviews by replaying it. */
export function createReplayObserver(scheduler: Scheduler): ReviewObserver {
  return (reviews) => replayObserved(reviews, scheduler).observations;
}

/**
 * Observes from `cached` (built with `states` in the same pass) when they describe exactly the given reviews, and
 * replays otherwise: the reviews may be read after the states, when another session has rated since.
 */
export function createCachedObserver(
  cached: ReadonlyMap<string, CardObservations>,
  states: ReadonlyMap<string, CardState>,
  scheduler: Scheduler,
): ReviewObserver {
  return (reviews) => {
    const last = reviews.at(-1);
    if (!last) return { intervals: [], stabilities: [] };
    const observations = cached.get(last.card);
    const state = states.get(last.card);
    const matches = state && state.reviews === reviews.length && state.lastReviewAt.getTime() === Date.parse(last.at);
    return matches && observations?.intervals.length === reviews.length - 1 ? observations : replayObserved(reviews, scheduler).observations;
  };
}
