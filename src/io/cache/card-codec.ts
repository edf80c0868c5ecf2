import type { CardInfo, CardProblem, Difficulty } from '../../core/card/card.js';
import { deckOf } from '../../core/card/fields.js';
import { readFloat64s } from './cache-files.js';
import { FILE_KEY_LENGTH } from './file-key.js';

// The parse cache's codec: how card results become the cache's columns and back. The cache's file (where it lives,
// its header, when it is written) is parse-cache.ts's business; a new card field changes the card model and this.

/** What parsing a card file gave, without the answer: the card's info and its `id:` line, or its problem. */
export type CachedResult = { card: CardInfo; idLine: number; warnings?: CardProblem[] } | { problem: CardProblem };

/**
 * One column per field, entries in path order, so that 100,000 cards parse as a few long lists of strings and one
 * block of numbers instead of 100,000 small arrays (parsing and collecting those took a quarter of `list`'s time).
 * An entry is a card (its id, difficulty, tags and question) or a problem (its message and line).
 */
export interface CardColumns {
  paths: string[];
  /** Per entry: `e`, `m`, `h` or `-` (a card's difficulty, or none), `x` for a problem. */
  kinds: string;
  /** A card's id, or a problem's message. */
  texts: string[];
  /** Every card's tags, one after the other (`numbers` says how many each has). */
  tags: string[];
  /** A card's question; empty for a problem. */
  questions: string[];
  /** Base64 of 64-bit floats, NUMBERS_PER_ENTRY an entry: the file key, the `id:` line (or the problem's), the tag count. */
  numbers: string;
}

/** A result to encode, with the key of the file it came from: `keys[keyAt…]`, FILE_KEY_LENGTH numbers. */
export interface CardEntry {
  path: string;
  result: CachedResult;
  keys: ArrayLike<number>;
  keyAt: number;
}

/** Decoded columns: the paths, the numbers (an entry's file key at `keyAt(index)`), and each entry on demand. */
export interface DecodedCards {
  paths: readonly string[];
  numbers: Float64Array;
  keyAt(index: number): number;
  /** The entry at `index`, built only when asked for (most runs ask for each once). */
  entry(index: number): CachedResult;
}

const NUMBERS_PER_ENTRY = FILE_KEY_LENGTH + 2;
const LINE = FILE_KEY_LENGTH;
const TAG_COUNT = FILE_KEY_LENGTH + 1;
const KIND_OF: Record<Difficulty, string> = { easy: 'e', medium: 'm', hard: 'h' };
const DIFFICULTY_OF: Record<string, Difficulty | null> = { e: 'easy', m: 'medium', h: 'hard', '-': null };
const PROBLEM = 'x';

/** The columns of `entries`, which are in path order. */
export function encodeCards(entries: readonly CardEntry[]): CardColumns {
  const numbers = new Float64Array(entries.length * NUMBERS_PER_ENTRY);
  const paths: string[] = [];
  const kinds: string[] = [];
  const texts: string[] = [];
  const tags: string[] = [];
  const questions: string[] = [];
  entries.forEach(({ path, result, keys, keyAt }, index) => {
    const offset = index * NUMBERS_PER_ENTRY;
    for (let part = 0; part < FILE_KEY_LENGTH; part += 1) numbers[offset + part] = keys[keyAt + part] as number;
    paths.push(path);
    if ('problem' in result) {
      kinds.push(PROBLEM);
      texts.push(result.problem.message);
      questions.push('');
      numbers[offset + LINE] = result.problem.line;
    } else {
      const { card } = result;
      kinds.push(card.difficulty ? KIND_OF[card.difficulty] : '-');
      texts.push(card.id);
      questions.push(card.question);
      tags.push(...card.tags);
      numbers[offset + LINE] = result.idLine;
      numbers[offset + TAG_COUNT] = card.tags.length;
    }
  });
  const encodedNumbers = Buffer.from(numbers.buffer).toString('base64');
  return { paths, kinds: kinds.join(''), texts, tags, questions, numbers: encodedNumbers };
}

/** Reads columns back (as JSON gave them); null when they do not fit together, so the cache is simply rebuilt. */
export function decodeCards(columns: CardColumns): DecodedCards | null {
  const { paths, kinds, texts, tags, questions } = columns;
  const count = Array.isArray(paths) ? paths.length : -1;
  const bytes = Buffer.from(typeof columns.numbers === 'string' ? columns.numbers : '', 'base64');
  if (typeof kinds !== 'string' || kinds.length !== count || !isStringList(texts, count)) return null;
  if (!isStringList(questions, count) || !isStringList(paths, count)) return null;
  if (!Array.isArray(tags) || !isStringList(tags, tags.length)) return null;
  if (bytes.length !== count * NUMBERS_PER_ENTRY * 8) return null;
  const numbers = readFloat64s(bytes, 0, count * NUMBERS_PER_ENTRY);
  // Where each entry's tags start in `tags`, and at the end where the last one's end.
  const tagStarts = new Uint32Array(count + 1);
  let tagCount = 0;
  for (let index = 0; index < count; index += 1) {
    const entryTags = numbers[index * NUMBERS_PER_ENTRY + TAG_COUNT] as number;
    const kind = kinds[index] as string;
    if (!Number.isInteger(entryTags) || entryTags < 0 || !(kind in DIFFICULTY_OF || kind === PROBLEM)) return null;
    tagCount += entryTags;
    tagStarts[index + 1] = tagCount;
  }
  if (tagCount !== tags.length) return null;
  return {
    paths,
    numbers,
    keyAt: (index) => index * NUMBERS_PER_ENTRY,
    entry(index) {
      const path = paths[index] as string;
      const kind = kinds[index] as string;
      const line = numbers[index * NUMBERS_PER_ENTRY + LINE] as number;
      if (kind === PROBLEM) return { problem: { path, line, message: texts[index] as string } };
      const card: CardInfo = {
        id: texts[index] as string,
        deck: deckOf(path),
        path,
        difficulty: DIFFICULTY_OF[kind] ?? null,
        tags: tags.slice(tagStarts[index], tagStarts[index + 1]),
        question: questions[index] as string,
      };
      return { card, idLine: line };
    },
  };
}

function isStringList(list: unknown, length: number): list is string[] {
  if (!Array.isArray(list) || list.length !== length) return false;
  for (const item of list) if (typeof item !== 'string') return false;
  return true;
}
