import type { Card, CardInfo } from '../card/card.js';
import type { BuryEntry, Rating, ReviewEntry, SuspendEntry } from '../log/review-log.js';
import { isLapse, type CardState } from './scheduler.js';
import { getStudyDayEnd, getStudyDayStart } from './study-day.js';

const DAY = 86_400_000;

/** What goes into a session besides the cards and their states. */
export interface SessionPlanOptions {
  now: Date;
  /** Distinct cards at most. */
  limit?: number;
  /** New cards at most in this session. */
  newLimit: number;
  /** Due cards at most in this session. */
  reviewLimit: number;
  /** Cards hidden until a later time (buried); `all` shows them anyway. */
  buried?: ReadonlyMap<string, Date>;
  /** Cram: every card, regardless of schedule and limits on new cards. */
  all: boolean;
  /** One card of a note a study day: once one is rated, its siblings wait for the next study day. */
  burySiblings: boolean;
  /** Review ahead: cards due within this many study days after today count as due, beyond the daily limit. */
  aheadDays?: number;
  shuffle: boolean;
  random: () => number;
}

/**
 * Whether a card is due at `now`: its due time falls before the end of the current study day, on that day or an
 * earlier one (or before the end of the study day `aheadDays` later, to review ahead). The study day's end is worked
 * out once for the many cards checked at one moment.
 */
export function createDueCheck(now: Date, aheadDays = 0): (state: CardState | undefined) => boolean {
  // Days ahead end with a study day too: `--ahead 1` is tomorrow's cards as well, all of them.
  const end = getStudyDayEnd(new Date(now.getTime() + aheadDays * DAY)).getTime();
  return (state) => state !== undefined && state.fsrs.due.getTime() < end;
}

/** How many cards were rated for the first time in the current study day, and how many older cards were reviewed. */
export function countStudiedToday(states: Iterable<CardState>, now: Date): { newCards: number; reviews: number } {
  const dayStart = getStudyDayStart(now);
  const counts = { newCards: 0, reviews: 0 };
  for (const state of states) {
    if (state.firstReviewAt >= dayStart) counts.newCards += 1;
    else if (state.lastReviewAt >= dayStart) counts.reviews += 1;
  }
  return counts;
}

/** Fisher–Yates over a copy, with the caller's random source. */
export function shuffleCards<T>(items: readonly T[], random: () => number): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

/**
 * The cards of a session, in order: due cards most overdue first, then new cards (or every card with `all`). Siblings
 * (cards of one note) are never back to back; with `burySiblings`, a note gives one card a study day.
 */
export function planSession<T extends CardInfo>(
  cards: readonly T[],
  states: ReadonlyMap<string, CardState>,
  options: SessionPlanOptions,
): T[] {
  let chosen: T[];
  if (options.all) {
    chosen = [...cards];
  } else {
    const isBuried = (card: T) => (options.buried?.get(card.id) ?? options.now) > options.now;
    const waiting = options.burySiblings ? findWaitingSiblings(cards, states, options.now) : undefined;
    const available = cards.filter((card) => !isBuried(card) && !waiting?.has(card.id));
    const isDueNow = createDueCheck(options.now, options.aheadDays);
    const onePerNote = options.burySiblings ? keepFirstOfEachNote<T>() : (card: T) => card !== undefined;
    const due = available
      .filter((card) => isDueNow(states.get(card.id)))
      .sort((a, b) => dueTime(states, a) - dueTime(states, b))
      .filter(onePerNote)
      .slice(0, options.aheadDays ? undefined : Math.max(0, options.reviewLimit));
    const fresh = available
      .filter((card) => !states.has(card.id))
      .filter(onePerNote)
      .slice(0, Math.max(0, options.newLimit));
    chosen = [...due, ...fresh];
  }
  if (options.limit !== undefined) chosen = chosen.slice(0, options.limit);
  return spreadSiblings(options.shuffle ? shuffleCards(chosen, options.random) : chosen);
}

/** The ids of cards whose sibling was rated in the current study day (and that were not rated in it themselves). */
export function findWaitingSiblings(
  cards: readonly CardInfo[],
  states: ReadonlyMap<string, CardState>,
  now: Date,
): Set<string> {
  const dayStart = getStudyDayStart(now);
  const ratedToday = (card: CardInfo) => {
    const state = states.get(card.id);
    return state !== undefined && state.lastReviewAt >= dayStart;
  };
  const notesRated = new Set(cards.filter(ratedToday).map((card) => card.note));
  const waiting = new Set<string>();
  if (notesRated.size === 0) return waiting;
  for (const card of cards) if (notesRated.has(card.note) && !ratedToday(card)) waiting.add(card.id);
  return waiting;
}

/** A filter that lets through the first card of each note it sees. */
function keepFirstOfEachNote<T extends CardInfo>(): (card: T) => boolean {
  const seen = new Set<string>();
  return (card) => {
    if (seen.has(card.note)) return false;
    seen.add(card.note);
    return true;
  };
}

/**
 * The cards in their order, except that siblings (cards of one note) are never side by side: the next card is the
 * first one in order not of the last card's note, unless one note holds so many of the cards left that it must come
 * now to stay spread. Only cards of a note that holds more than half of them end up side by side.
 */
export function spreadSiblings<T extends CardInfo>(cards: readonly T[]): T[] {
  const counts = new Map<string, number>();
  let largest = 0;
  for (const card of cards) {
    const count = (counts.get(card.note) ?? 0) + 1;
    counts.set(card.note, count);
    largest = Math.max(largest, count);
  }
  if (largest <= 1) return [...cards];
  const spread: T[] = [];
  // Cards passed over, in order: they come before the cards not reached yet.
  const held: T[] = [];
  let next = 0;
  const take = (fits: (card: T) => boolean): T | undefined => {
    const index = held.findIndex(fits);
    if (index !== -1) return held.splice(index, 1)[0];
    for (let card = cards[next]; card !== undefined; card = cards[next]) {
      next += 1;
      if (fits(card)) return card;
      held.push(card);
    }
    return undefined;
  };
  while (spread.length < cards.length) {
    const last = spread.at(-1)?.note;
    const left = cards.length - spread.length;
    // A note's count only falls: it can crowd the rest only once few cards are left.
    const crowded = left <= 2 * largest ? findCrowdedNote(counts, left) : undefined;
    const card =
      (crowded !== undefined && crowded !== last ? take((candidate) => candidate.note === crowded) : undefined) ??
      take((candidate) => candidate.note !== last) ??
      (take(() => true) as T);
    spread.push(card);
    counts.set(card.note, (counts.get(card.note) ?? 1) - 1);
  }
  return spread;
}

/** The note with so many of the `left` cards that it must come next to stay spread, if any. */
function findCrowdedNote(counts: ReadonlyMap<string, number>, left: number): string | undefined {
  for (const [note, count] of counts) if (count > Math.ceil((left - 1) / 2)) return note;
  return undefined;
}

function dueTime(states: ReadonlyMap<string, CardState>, card: CardInfo): number {
  return states.get(card.id)?.fsrs.due.getTime() ?? 0;
}

/** How many other cards come between a lapsed card and its next showing. */
export const RELEARN_GAP = 3;

/** The cards still to show, next first; a card may appear again after a lapse. */
export type SessionQueue = readonly Card[];

/** The queue after rating its first card: a lapse (1 or 2) brings it back after a few others or at the end. */
export function advanceQueue(queue: SessionQueue, rating: Rating): SessionQueue {
  const [current, ...rest] = queue;
  if (current === undefined || !isLapse(rating)) return rest;
  let at = Math.min(RELEARN_GAP, rest.length);
  // Never beside a sibling while there is room further on.
  const besideSibling = () => rest[at - 1]?.note === current.note || rest[at]?.note === current.note;
  while (at < rest.length && besideSibling()) at += 1;
  return [...rest.slice(0, at), current, ...rest.slice(at)];
}

/** What one key did in a session, with what undoing it restores: a rating, a skip, a burial or a suspension. */
export type SessionStep =
  | { kind: 'rating'; card: Card; review: ReviewEntry; stateBefore: CardState | undefined; queueBefore: SessionQueue }
  | { kind: 'bury'; card: Card; bury: BuryEntry; queueBefore: SessionQueue }
  | { kind: 'suspend'; card: Card; suspend: SuspendEntry; queueBefore: SessionQueue }
  | { kind: 'skip'; card: Card; queueBefore: SessionQueue };

/** Where a session stands: the cards still to show, next first, and the steps taken, latest last. */
export interface SessionProgress {
  queue: SessionQueue;
  history: readonly SessionStep[];
}

/**
 * A step on the queue's first card, as the learner takes it: a rating (with its review and the state before), a skip,
 * or a burial (with its bury line, which an undo names).
 */
export type NewStep =
  | { kind: 'rating'; review: ReviewEntry; stateBefore: CardState | undefined }
  | { kind: 'bury'; bury: BuryEntry }
  | { kind: 'suspend'; suspend: SuspendEntry }
  | { kind: 'skip' };

/**
 * The session after a step on its first card: a rating moves the card on (a lapse brings it back, see `advanceQueue`),
 * a skip, a burial or a suspension takes it out of the queue.
 */
export function takeStep(progress: SessionProgress, step: NewStep): SessionProgress {
  const [card] = progress.queue;
  if (card === undefined) return progress;
  const queueBefore = progress.queue;
  if (step.kind === 'rating') {
    return {
      queue: advanceQueue(queueBefore, step.review.rating),
      history: [...progress.history, { ...step, card, queueBefore }],
    };
  }
  return { queue: queueBefore.slice(1), history: [...progress.history, { ...step, card, queueBefore }] };
}

/**
 * Takes the last step back, as ts-fsrs' rollback does for a card: the queue is as it was before it (its card in front
 * again). Returns the step undone, for the caller to undo in the log and the card states; null when there is none.
 */
export function undoStep(progress: SessionProgress): { progress: SessionProgress; undone: SessionStep } | null {
  const undone = progress.history.at(-1);
  if (!undone) return null;
  return { progress: { queue: undone.queueBefore, history: progress.history.slice(0, -1) }, undone };
}

/** The ratings given in a session and not taken back, in order. */
export function listRatings(history: readonly SessionStep[]): Extract<SessionStep, { kind: 'rating' }>[] {
  return history.filter((step) => step.kind === 'rating');
}
