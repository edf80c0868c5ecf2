import { readFileSync } from 'node:fs';
import type { CardHistory } from '../../core/log/card-history.js';
import { readFloat64s, replaceFile } from './cache-files.js';
import { countHistoryNumbers, decodeHistories, encodeHistories } from './state-codec.js';

// The file: a stamp of STAMP_LENGTH ASCII characters saying what the histories were built from, then 64-bit floats
// (this machine's byte order: the file never leaves it) as state-codec.ts lays them out. Read as views of one array,
// so a log of 100,000 reviews costs no parsing at all.
const STAMP_LENGTH = 40;
const FLOAT_BYTES = 8;

/** Writes `histories` to `file` under `stamp` (40 ASCII characters), replacing it in one rename; false when it cannot. */
export function writeHistoryFile(file: string, stamp: string, histories: readonly CardHistory[]): boolean {
  const numbers = encodeHistories(histories);
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
  const expected = countHistoryNumbers(reviewCounts);
  if (bytes.length !== STAMP_LENGTH + expected * FLOAT_BYTES || bytes.toString('latin1', 0, STAMP_LENGTH) !== stamp)
    return null;
  return decodeHistories(readFloat64s(bytes, STAMP_LENGTH, expected), reviewCounts);
}
