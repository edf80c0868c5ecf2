import type { CardInfo } from './card.js';
import type { CardState, Scheduler } from './schedule.js';

/** How many cards `stats` lists as the weakest. */
export const WEAKEST_COUNT = 10;

/**
 * The `count` seen cards the learner is least likely to recall at `now` (FSRS retrievability), weakest first;
 * ties go to the lower latest rating, then to the order of `cards`. Unseen cards are never chosen.
 */
export function selectWeakest<T extends CardInfo>(
  cards: readonly T[],
  states: ReadonlyMap<string, CardState>,
  scheduler: Scheduler,
  now: Date,
  count: number,
): T[] {
  const ranked = cards.flatMap((card) => {
    const state = states.get(card.id);
    return state ? [{ card, recall: scheduler.getRetrievability(state, now), rating: state.lastRating }] : [];
  });
  // Array.prototype.sort is stable, so equal cards keep the order of `cards`.
  ranked.sort((a, b) => a.recall - b.recall || a.rating - b.rating);
  return ranked.slice(0, Math.max(0, count)).map((entry) => entry.card);
}
