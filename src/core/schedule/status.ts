import type { CardInfo } from '../card/card.js';
import { countStudiedToday, createDueCheck, planSession } from './session.js';
import type { CardState } from './scheduler.js';
import type { Settings } from './settings.js';

/** What `status` tells: the cards a session would hold now, and when the next card comes due after them. */
export interface StudyStatus {
  /** Due cards a session would show now (within the daily limit, burials and waiting siblings left out). */
  due: number;
  /** New cards a session would add now: what is left of the daily limit, at most the cards never rated. */
  new: number;
  /** The earliest due time after the current study day's; null when no card is scheduled after it. */
  nextDue: Date | null;
}

/** The status of `cards` at `now`, counted as the quiz plans its session. */
export function computeStatus(
  cards: readonly CardInfo[],
  states: ReadonlyMap<string, CardState>,
  options: { now: Date; settings: Settings; buried: ReadonlyMap<string, Date> },
): StudyStatus {
  const { now, settings, buried } = options;
  const today = countStudiedToday(states.values(), now);
  const planned = planSession(cards, states, {
    now,
    newLimit: settings.newCardsPerDay - today.newCards,
    reviewLimit: settings.reviewsPerDay - today.reviews,
    buried,
    all: false,
    burySiblings: settings.burySiblings,
    shuffle: false,
    // Never drawn: nothing is shuffled.
    random: () => 0,
  });
  const due = planned.filter((card) => states.has(card.id)).length;
  const isDueNow = createDueCheck(now);
  let next: number | null = null;
  for (const card of cards) {
    const state = states.get(card.id);
    if (!state || isDueNow(state)) continue;
    const time = state.fsrs.due.getTime();
    if (next === null || time < next) next = time;
  }
  return { due, new: planned.length - due, nextDue: next === null ? null : new Date(next) };
}
