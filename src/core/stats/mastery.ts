import { DIFFICULTIES, type CardInfo, type Difficulty } from '../card/card.js';
import type { Rating } from '../log/review-log.js';
import type { CardState } from '../schedule/scheduler.js';
import { createDueCheck } from '../schedule/session.js';
import { getStudyDayEnd } from '../schedule/study-day.js';

/** Counts for one group of cards (a difficulty or a deck). */
export interface GroupStats {
  cards: number;
  seen: number;
  mastery: number;
}

/** Progress over a set of cards: the `stats --json` object without `store`. */
export interface Stats {
  cards: number;
  seen: number;
  reviews: number;
  due: number;
  mastery: number;
  byDifficulty: Record<Difficulty, GroupStats>;
  byDeck: Record<string, GroupStats>;
  /** Cards never rated. */
  new: number;
  /** Due before the end of the study day seven days from now. */
  dueWeek: number;
  /** How many cards have each rating as their latest. */
  latestRatings: Record<Rating, number>;
  /** The earliest due time among seen cards, ISO 8601; null when nothing is seen. */
  nextDue: string | null;
}

/** Brainscape's mastery: 100 × Σ latest rating / (5 × cards), unseen cards counting 0. */
export function computeMastery(cards: readonly CardInfo[], states: ReadonlyMap<string, CardState>): number {
  if (cards.length === 0) return 0;
  const sum = cards.reduce((total, card) => total + (states.get(card.id)?.lastRating ?? 0), 0);
  return Math.round((100 * sum) / (5 * cards.length));
}

function computeGroup(cards: readonly CardInfo[], states: ReadonlyMap<string, CardState>): GroupStats {
  return {
    cards: cards.length,
    seen: cards.filter((card) => states.has(card.id)).length,
    mastery: computeMastery(cards, states),
  };
}

function groupBy<K extends string>(cards: readonly CardInfo[], key: (card: CardInfo) => K | null): Map<K, CardInfo[]> {
  const groups = new Map<K, CardInfo[]>();
  for (const card of cards) {
    const name = key(card);
    if (name === null) continue;
    const group = groups.get(name);
    if (group) group.push(card);
    else groups.set(name, [card]);
  }
  return groups;
}

/** Progress figures for `cards`, given their replayed states, at `now`. */
export function computeStats(cards: readonly CardInfo[], states: ReadonlyMap<string, CardState>, now: Date): Stats {
  const seenStates = cards.flatMap((card) => states.get(card.id) ?? []);
  const weekEnd = getStudyDayEnd(now);
  weekEnd.setDate(weekEnd.getDate() + 6);
  const byDifficultyCards = groupBy(cards, (card) => card.difficulty);
  const byDeckCards = groupBy(cards, (card) => card.deck);
  const nextDue = seenStates.reduce<Date | null>((min, s) => (min && min <= s.fsrs.due ? min : s.fsrs.due), null);
  return {
    cards: cards.length,
    seen: seenStates.length,
    reviews: seenStates.reduce((total, state) => total + state.reviews, 0),
    due: seenStates.filter(createDueCheck(now)).length,
    mastery: computeMastery(cards, states),
    byDifficulty: Object.fromEntries(
      DIFFICULTIES.map((level) => [level, computeGroup(byDifficultyCards.get(level) ?? [], states)]),
    ) as Record<Difficulty, GroupStats>,
    byDeck: Object.fromEntries(
      [...byDeckCards.keys()].sort().map((deck) => [deck, computeGroup(byDeckCards.get(deck) ?? [], states)]),
    ),
    new: cards.length - seenStates.length,
    dueWeek: seenStates.filter((state) => state.fsrs.due < weekEnd).length,
    latestRatings: countRatings(seenStates.map((state) => state.lastRating)),
    nextDue: nextDue?.toISOString() ?? null,
  };
}

/** How many times each rating occurs. */
export function countRatings(ratings: Iterable<Rating>): Record<Rating, number> {
  const counts: Record<Rating, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const rating of ratings) counts[rating] += 1;
  return counts;
}
