import type { CardInfo } from '../card/card.js';
import { isLapse, type CardState, type Scheduler } from '../schedule/scheduler.js';

/** How many cards `stats` lists as the weakest. */
export const WEAKEST_COUNT = 10;

/** Recall below which a seen card counts as weak: the default desired retention, where FSRS makes a card due. */
export const WEAK_RECALL = 0.9;

/**
 * Whether any of `cards` is weak at `now`: forgotten at some review (rated 1 or 2), or less than WEAK_RECALL likely
 * recalled. Until one is, a list of the weakest cards would only list strong ones.
 */
export function hasWeakCard(
  cards: readonly CardInfo[],
  states: ReadonlyMap<string, CardState>,
  scheduler: Scheduler,
  now: Date,
): boolean {
  return cards.some((card) => {
    const state = states.get(card.id);
    // FSRS counts a lapse when a card it had scheduled is rated Again; a first review rated 1 or 2 is the last rating.
    return (
      state !== undefined &&
      (state.fsrs.lapses > 0 || isLapse(state.lastRating) || scheduler.getRetrievability(state, now) < WEAK_RECALL)
    );
  });
}

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
