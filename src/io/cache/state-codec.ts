import type { CardHistory, NumberList } from '../../core/log/card-history.js';
import type { Burial } from '../../core/log/replay.js';
import type { Rating } from '../../core/log/review-log.js';
import type { CardState } from '../../core/schedule/scheduler.js';

// How the state cache writes what a replay of the log gives, and reads it back: cards' states and burials as JSON
// rows, their histories as one array of numbers. A field added to a card's state is added here and nowhere else in
// the cache; tests prove decode(encode(x)) equals x.

// [id, reviews, lastRating, firstReviewAt, lastReviewAt, then ts-fsrs's card fields in FSRS_FIELDS order]; times in ms.
export type EncodedState = [string, number, Rating, number, number, ...(number | null)[]];
// [id, until in ms, the bury line's at]
export type EncodedBurial = [string, number, string];

// ts-fsrs's card, field by field: a card with any other field (a newer ts-fsrs) is not cached rather than cut short.
const FSRS_FIELDS = [
  'due',
  'stability',
  'difficulty',
  'elapsed_days',
  'scheduled_days',
  'learning_steps',
  'reps',
  'lapses',
  'state',
  'last_review',
] as const;
const FSRS_DATES = new Set<string>(['due', 'last_review']);
const RATINGS = new Set([1, 2, 3, 4, 5]);

/** A card's state as one row; null when it has a field this codec does not know (it is then not cached). */
export function encodeState(id: string, state: CardState): EncodedState | null {
  const fields = state.fsrs as unknown as Record<string, unknown>;
  if (Object.keys(fields).some((name) => !(FSRS_FIELDS as readonly string[]).includes(name))) return null;
  const card = FSRS_FIELDS.map((name) => {
    const value = fields[name];
    return value instanceof Date ? value.getTime() : typeof value === 'number' ? value : null;
  });
  return [id, state.reviews, state.lastRating, state.firstReviewAt.getTime(), state.lastReviewAt.getTime(), ...card];
}

/** Whether a row read from the cache file is one `encodeState` writes. */
export function isEncodedState(row: unknown): row is EncodedState {
  return (
    Array.isArray(row) &&
    row.length === 5 + FSRS_FIELDS.length &&
    typeof row[0] === 'string' &&
    row.slice(1, 6).every(Number.isFinite) &&
    RATINGS.has(row[2] as number)
  );
}

/** The states of `rows`, by card id. */
export function decodeStates(rows: readonly EncodedState[]): Map<string, CardState> {
  const states = new Map<string, CardState>();
  for (const [id, reviews, lastRating, firstReviewAt, lastReviewAt, ...card] of rows) {
    const fsrs: Record<string, unknown> = {};
    FSRS_FIELDS.forEach((name, index) => {
      const value = card[index];
      if (value !== null && value !== undefined) fsrs[name] = FSRS_DATES.has(name) ? new Date(value) : value;
    });
    states.set(id, {
      fsrs: fsrs as unknown as CardState['fsrs'],
      reviews,
      lastRating,
      firstReviewAt: new Date(firstReviewAt),
      lastReviewAt: new Date(lastReviewAt),
    });
  }
  return states;
}

/** Every burial in force as rows, card by card. */
export function encodeBurials(burials: ReadonlyMap<string, readonly Burial[]>): EncodedBurial[] {
  return [...burials].flatMap(([id, list]) => list.map(({ until, at }): EncodedBurial => [id, until.getTime(), at]));
}

/** Whether a row read from the cache file is one `encodeBurials` writes. */
export function isEncodedBurial(row: unknown): row is EncodedBurial {
  return (
    Array.isArray(row) &&
    row.length === 3 &&
    typeof row[0] === 'string' &&
    Number.isFinite(row[1]) &&
    typeof row[2] === 'string'
  );
}

/** The burials of `rows`, by card id, in their order. */
export function decodeBurials(rows: readonly EncodedBurial[]): Map<string, Burial[]> {
  const burials = new Map<string, Burial[]>();
  for (const [id, until, at] of rows) burials.set(id, [...(burials.get(id) ?? []), { until: new Date(until), at }]);
  return burials;
}

/** How many numbers a history of `reviews` reviews takes. */
const countNumbers = (reviews: number) => 5 * reviews - 2;

/** How many numbers histories of `reviewCounts` reviews take; NaN when a count is not a whole number of 1 or more. */
export function countHistoryNumbers(reviewCounts: readonly number[]): number {
  if (!reviewCounts.every((reviews) => Number.isInteger(reviews) && reviews >= 1)) return Number.NaN;
  return reviewCounts.reduce((total, reviews) => total + countNumbers(reviews), 0);
}

/** Histories as one array: each card's times, ratings, seconds, intervals and stabilities in turn. */
export function encodeHistories(histories: readonly CardHistory[]): Float64Array {
  const numbers = new Float64Array(histories.reduce((total, history) => total + countNumbers(history.times.length), 0));
  let offset = 0;
  for (const { times, ratings, seconds, intervals, stabilities } of histories) {
    for (const list of [times, ratings, seconds, intervals, stabilities]) {
      numbers.set(list, offset);
      offset += list.length;
    }
  }
  return numbers;
}

/**
 * The histories of cards with `reviewCounts` reviews each, in that order, as views of `numbers` (no copy: a log of
 * 100,000 reviews costs no parsing at all); null when `numbers` does not hold exactly such histories.
 */
export function decodeHistories(numbers: Float64Array, reviewCounts: readonly number[]): CardHistory[] | null {
  if (numbers.length !== countHistoryNumbers(reviewCounts)) return null;
  // Plain loops: a callback per number would cost more than reading the file.
  for (let index = 0; index < numbers.length; index += 1) if (!Number.isFinite(numbers[index])) return null;
  const histories: CardHistory[] = [];
  let offset = 0;
  const take = (length: number) => numbers.subarray(offset, (offset += length));
  for (const reviews of reviewCounts) {
    const times = take(reviews);
    const ratings = take(reviews);
    for (let index = 0; index < reviews; index += 1) if (!RATINGS.has(ratings[index] as number)) return null;
    histories.push({
      times,
      ratings: ratings as NumberList as NumberList<Rating>,
      seconds: take(reviews),
      intervals: take(reviews - 1),
      stabilities: take(reviews - 1),
    });
  }
  return histories;
}
