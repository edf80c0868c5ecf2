import type { CardInfo, CardKind, CardProblem, Difficulty } from '../../core/card/card.js';
import { deckOf } from '../../core/card/fields.js';
import { readFloat64s } from './cache-files.js';
import { FILE_KEY_LENGTH } from './file-key.js';

// The parse cache's codec: how card results become the cache's columns and back. The cache's file (where it lives,
// its header, when it is written) is parse-cache.ts's business; a new card field changes the card model and this.

/** What parsing a card file gave, without the answers: the infos of its cards and its `id:` line, or its problem. */
export type CachedResult = { cards: CardInfo[]; idLine: number; warnings?: CardProblem[] } | { problem: CardProblem };

/**
 * One column per field, entries (files) in path order, so that 100,000 cards parse as a few long lists of strings and
 * one block of numbers instead of 100,000 small arrays (parsing and collecting those took a quarter of `list`'s time).
 * An entry is a note (its id, difficulty, tags and cards) or a problem (its message and line); the cards of all notes
 * follow each other in the card columns.
 */
export interface CardColumns {
  paths: string[];
  /** Per entry: `e`, `m`, `h` or `-` (a note's difficulty, or none), `x` for a problem. */
  kinds: string;
  /** A note's id, or a problem's message. */
  texts: string[];
  /** Every note's tags, one after the other (`numbers` says how many each has). */
  tags: string[];
  /** Base64 of 64-bit floats, NUMBERS_PER_ENTRY an entry: the file key, the `id:` line (or the problem's), the tag count, the card count and the note's line. */
  numbers: string;
  /** Per card: `b`, `r` or `c` (its kind). */
  cardKinds: string;
  /** Per card: what its id adds to its note's (`''` for a basic card). */
  suffixes: string[];
  /** Per card: its question, as plain text. */
  questions: string[];
  /** Per card: its identity text ('' for most). */
  identityTexts: string[];
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

const NUMBERS_PER_ENTRY = FILE_KEY_LENGTH + 4;
const LINE = FILE_KEY_LENGTH;
const TAG_COUNT = FILE_KEY_LENGTH + 1;
const CARD_COUNT = FILE_KEY_LENGTH + 2;
const NOTE_LINE = FILE_KEY_LENGTH + 3;
const KIND_OF: Record<Difficulty, string> = { easy: 'e', medium: 'm', hard: 'h' };
const DIFFICULTY_OF: Record<string, Difficulty | null> = { e: 'easy', m: 'medium', h: 'hard', '-': null };
const PROBLEM = 'x';
const CARD_KIND_OF: Record<CardKind, string> = { basic: 'b', reversed: 'r', cloze: 'c' };
const CARD_KIND_BY_LETTER: Record<string, CardKind> = { b: 'basic', r: 'reversed', c: 'cloze' };

/** The columns of `entries`, which are in path order. */
export function encodeCards(entries: readonly CardEntry[]): CardColumns {
  const numbers = new Float64Array(entries.length * NUMBERS_PER_ENTRY);
  const columns = { paths: [] as string[], texts: [] as string[], tags: [] as string[] };
  const kinds: string[] = [];
  const cardColumns = {
    kinds: [] as string[],
    suffixes: [] as string[],
    questions: [] as string[],
    identityTexts: [] as string[],
  };
  entries.forEach(({ path, result, keys, keyAt }, index) => {
    const offset = index * NUMBERS_PER_ENTRY;
    for (let part = 0; part < FILE_KEY_LENGTH; part += 1) numbers[offset + part] = keys[keyAt + part] as number;
    columns.paths.push(path);
    if ('problem' in result) {
      kinds.push(PROBLEM);
      columns.texts.push(result.problem.message);
      numbers[offset + LINE] = result.problem.line;
      return;
    }
    const [first] = result.cards;
    if (!first) throw new Error('a note without cards cannot be cached');
    kinds.push(first.difficulty ? KIND_OF[first.difficulty] : '-');
    columns.texts.push(first.note);
    columns.tags.push(...first.tags);
    numbers[offset + LINE] = result.idLine;
    numbers[offset + TAG_COUNT] = first.tags.length;
    numbers[offset + CARD_COUNT] = result.cards.length;
    numbers[offset + NOTE_LINE] = first.line;
    for (const card of result.cards) {
      cardColumns.kinds.push(CARD_KIND_OF[card.kind]);
      cardColumns.suffixes.push(card.id.slice(card.note.length));
      cardColumns.questions.push(card.questionText);
      cardColumns.identityTexts.push(card.identityText);
    }
  });
  return {
    ...columns,
    kinds: kinds.join(''),
    numbers: Buffer.from(numbers.buffer).toString('base64'),
    cardKinds: cardColumns.kinds.join(''),
    suffixes: cardColumns.suffixes,
    questions: cardColumns.questions,
    identityTexts: cardColumns.identityTexts,
  };
}

/** Reads columns back (as JSON gave them); null when they do not fit together, so the cache is simply rebuilt. */
export function decodeCards(columns: CardColumns): DecodedCards | null {
  const { paths, kinds, texts, tags, cardKinds, suffixes, questions, identityTexts } = columns;
  const count = Array.isArray(paths) ? paths.length : -1;
  const bytes = Buffer.from(typeof columns.numbers === 'string' ? columns.numbers : '', 'base64');
  if (typeof kinds !== 'string' || kinds.length !== count || !isStringList(texts, count)) return null;
  if (!isStringList(paths, count) || !isStringList(tags, tags?.length)) return null;
  if (typeof cardKinds !== 'string' || !isStringList(suffixes, cardKinds.length)) return null;
  if (!isStringList(questions, cardKinds.length) || !isStringList(identityTexts, cardKinds.length)) return null;
  if (bytes.length !== count * NUMBERS_PER_ENTRY * 8) return null;
  const numbers = readFloat64s(bytes, 0, count * NUMBERS_PER_ENTRY);
  // Where each entry's tags and cards start in their columns, and at the end where the last one's end.
  const tagStarts = new Uint32Array(count + 1);
  const cardStarts = new Uint32Array(count + 1);
  for (let index = 0; index < count; index += 1) {
    const entryTags = numbers[index * NUMBERS_PER_ENTRY + TAG_COUNT] as number;
    const entryCards = numbers[index * NUMBERS_PER_ENTRY + CARD_COUNT] as number;
    const kind = kinds[index] as string;
    if (!isCount(entryTags) || !isCount(entryCards) || !(kind in DIFFICULTY_OF || kind === PROBLEM)) return null;
    tagStarts[index + 1] = (tagStarts[index] as number) + entryTags;
    cardStarts[index + 1] = (cardStarts[index] as number) + entryCards;
  }
  if (tagStarts[count] !== tags.length || cardStarts[count] !== cardKinds.length) return null;
  if (!/^[brc]*$/.test(cardKinds)) return null;
  return {
    paths,
    numbers,
    keyAt: (index) => index * NUMBERS_PER_ENTRY,
    entry(index) {
      const path = paths[index] as string;
      const kind = kinds[index] as string;
      const at = index * NUMBERS_PER_ENTRY;
      const line = numbers[at + LINE] as number;
      if (kind === PROBLEM) return { problem: { path, line, message: texts[index] as string } };
      const note = texts[index] as string;
      const deck = deckOf(path);
      const noteLine = numbers[at + NOTE_LINE] as number;
      const difficulty = DIFFICULTY_OF[kind] ?? null;
      const noteTags = tags.slice(tagStarts[index], tagStarts[index + 1]);
      const cards: CardInfo[] = [];
      for (let card = cardStarts[index] as number; card < (cardStarts[index + 1] as number); card += 1) {
        const suffix = suffixes[card] as string;
        // One literal of one shape for every card: 100,000 of them are made per run.
        cards.push({
          id: suffix ? note + suffix : note,
          note,
          kind: CARD_KIND_BY_LETTER[cardKinds[card] as string] as CardKind,
          line: noteLine,
          deck,
          path,
          difficulty,
          tags: noteTags,
          questionText: questions[card] as string,
          identityText: identityTexts[card] as string,
        });
      }
      return { cards, idLine: line };
    },
  };
}

function isCount(value: number): boolean {
  return Number.isInteger(value) && value >= 0;
}

function isStringList(list: unknown, length: number | undefined): list is string[] {
  if (!Array.isArray(list) || list.length !== length) return false;
  for (const item of list) if (typeof item !== 'string') return false;
  return true;
}
