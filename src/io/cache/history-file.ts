import { readFileSync } from 'node:fs';
import type { CardHistory, NumberList } from '../../core/log/card-history.js';
import type { Rating } from '../../core/log/review-log.js';
import { readFloat64s, replaceFile } from './cache-files.js';

// The file: a stamp of STAMP_LENGTH ASCII characters saying what the histories were built from, then 64-bit floats
// (this machine's byte order: the file never leaves it), each card's times, ratings, seconds, intervals and
// stabilities in turn. Read as views of one array, so a log of 100,000 reviews costs no parsing at all.
const STAMP_LENGTH = 40;
const FLOAT_BYTES = 8;
const RATINGS = new Set([1, 2, 3, 4, 5]);

/** How many numbers a history of `reviews` reviews takes in the file. */
const countNumbers = (reviews: number) => 5 * reviews - 2;

/** Writes `histories` to `file` under `stamp` (40 ASCII characters), replacing it in one rename; false when it cannot. */
export function writeHistoryFile(file: string, stamp: string, histories: readonly CardHistory[]): boolean {
  const numbers = new Float64Array(histories.reduce((total, history) => total + countNumbers(history.times.length), 0));
  let offset = 0;
  for (const { times, ratings, seconds, intervals, stabilities } of histories) {
    for (const list of [times, ratings, seconds, intervals, stabilities]) {
      numbers.set(list, offset);
      offset += list.length;
    }
  }
  return replaceFile(
    file,
    Buffer.concat([
      Buffer.from(stamp.padEnd(STAMP_LENGTH).slice(0, STAMP_LENGTH), 'latin1'),
      Buffer.from(numbers.buffer),
    ]),
  );
}

/**
 * The histories in `file` of cards with `reviewCounts` reviews each, in that order; null when the file is missing,
 * carries another stamp, or does not hold exactly those histories.
 */
export function readHistoryFile(file: string, stamp: string, reviewCounts: readonly number[]): CardHistory[] | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return null;
  }
  if (!reviewCounts.every((reviews) => Number.isInteger(reviews) && reviews >= 1)) return null;
  const expected = reviewCounts.reduce((total, reviews) => total + countNumbers(reviews), 0);
  if (bytes.length !== STAMP_LENGTH + expected * FLOAT_BYTES || bytes.toString('latin1', 0, STAMP_LENGTH) !== stamp)
    return null;
  const numbers = readFloat64s(bytes, STAMP_LENGTH, expected);
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
