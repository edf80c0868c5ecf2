import type { CardInfo, CardKind, CardProblem, Difficulty } from '../../core/card/card.js';
import { deckOf } from '../../core/card/fields.js';
import type { KeptSchedule } from '../../core/log/review-log.js';
import { readFloat64s } from './cache-files.js';
import { FILE_KEY_LENGTH } from './file-key.js';

// The parse cache's codec: how card results become the cache's columns and back. The cache's file (where it lives,
// its header, when it is written) is parse-cache.ts's business; a new card field changes the card model and this.

/** What parsing a card file gave, without the answers: the infos of its cards and its `id:` line, or its problem. */
export type CachedResult = { cards: CardInfo[]; idLine: number; warnings?: CardProblem[] } | { problem: CardProblem };

/**
 * One column per field, entries (files) in path order, so that 100,000 cards parse as a few long lists of strings and
 * two blocks of numbers instead of 100,000 small arrays (parsing and collecting those took a quarter of `list`'s time).
 * An entry is a file's cards or its problem (a message and a line); the cards of all files follow each other in the
 * card columns, each with its own note, line, deck, difficulty and tags (a file may hold several notes).
 */
export interface CardColumns {
  paths: string[];
  /** Per entry: `+` for cards, `x` for a problem. */
  kinds: string;
  /** Per entry: a problem's message, '' for cards. */
  texts: string[];
  /** Base64 of 64-bit floats, NUMBERS_PER_ENTRY an entry: the file key, the `id:` line (or the problem's), the card count. */
  numbers: string;
  /** Per card: its id. */
  ids: string[];
  /** Per card: its note's id, '' when that is its own id. */
  notes: string[];
  /** Per card: its deck, '' when that is its file's folder. */
  decks: string[];
  /** Per card: `b`, `r` or `c` (its kind). */
  cardKinds: string;
  /** Per card: `e`, `m`, `h` or `-` (its difficulty, or none). */
  difficulties: string;
  /** Per card: its question, as plain text. */
  questions: string[];
  /** Per card: its identity text ('' for most). */
  identityTexts: string[];
  /** Every card's tags, one after the other (`cardNumbers` says how many each has). */
  tags: string[];
  /** Base64 of 64-bit floats, NUMBERS_PER_CARD a card: its line, its tag count (-1: the same tags as the card before). */
  cardNumbers: string;
  /** The few cards with a schedule another tool kept: [card index, due, interval, ease]. */
  schedules: EncodedSchedule[];
}

type EncodedSchedule = [number, string, number, number];

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
const CARD_COUNT = FILE_KEY_LENGTH + 1;
const NUMBERS_PER_CARD = 2;
const SAME_TAGS = -1;
const PROBLEM = 'x';
const CARDS = '+';
const DIFFICULTY_LETTER: Record<Difficulty, string> = { easy: 'e', medium: 'm', hard: 'h' };
const DIFFICULTY_OF: Record<string, Difficulty | null> = { e: 'easy', m: 'medium', h: 'hard', '-': null };
const CARD_KIND_LETTER: Record<CardKind, string> = { basic: 'b', reversed: 'r', cloze: 'c' };
const CARD_KIND_OF: Record<string, CardKind> = { b: 'basic', r: 'reversed', c: 'cloze' };

/** The columns of `entries`, which are in path order. */
export function encodeCards(entries: readonly CardEntry[]): CardColumns {
  const numbers = new Float64Array(entries.length * NUMBERS_PER_ENTRY);
  const cardCount = entries.reduce((total, { result }) => total + ('cards' in result ? result.cards.length : 0), 0);
  const cardNumbers = new Float64Array(cardCount * NUMBERS_PER_CARD);
  const columns = {
    paths: [] as string[],
    texts: [] as string[],
    ids: [] as string[],
    notes: [] as string[],
    decks: [] as string[],
    questions: [] as string[],
    identityTexts: [] as string[],
    tags: [] as string[],
  };
  const letters = { kinds: [] as string[], cardKinds: [] as string[], difficulties: [] as string[] };
  const schedules: EncodedSchedule[] = [];
  let card = 0;
  entries.forEach(({ path, result, keys, keyAt }, index) => {
    const offset = index * NUMBERS_PER_ENTRY;
    for (let part = 0; part < FILE_KEY_LENGTH; part += 1) numbers[offset + part] = keys[keyAt + part] as number;
    columns.paths.push(path);
    if ('problem' in result) {
      letters.kinds.push(PROBLEM);
      columns.texts.push(result.problem.message);
      numbers[offset + LINE] = result.problem.line;
      return;
    }
    letters.kinds.push(CARDS);
    columns.texts.push('');
    numbers[offset + LINE] = result.idLine;
    numbers[offset + CARD_COUNT] = result.cards.length;
    const folder = deckOf(path);
    let previousTags: readonly string[] | undefined;
    for (const info of result.cards) {
      columns.ids.push(info.id);
      columns.notes.push(info.note === info.id ? '' : info.note);
      columns.decks.push(info.deck === folder ? '' : info.deck);
      letters.cardKinds.push(CARD_KIND_LETTER[info.kind]);
      letters.difficulties.push(info.difficulty ? DIFFICULTY_LETTER[info.difficulty] : '-');
      columns.questions.push(info.questionText);
      columns.identityTexts.push(info.identityText);
      const kept = info.keptSchedule;
      if (kept) schedules.push([card, kept.due, kept.interval, kept.ease]);
      const at = card * NUMBERS_PER_CARD;
      cardNumbers[at] = info.line;
      // The cards of a note share their tags: written once.
      const sameTags = previousTags !== undefined && sameItems(previousTags, info.tags);
      cardNumbers[at + 1] = sameTags ? SAME_TAGS : info.tags.length;
      if (!sameTags) columns.tags.push(...info.tags);
      previousTags = info.tags;
      card += 1;
    }
  });
  return {
    ...columns,
    schedules,
    kinds: letters.kinds.join(''),
    cardKinds: letters.cardKinds.join(''),
    difficulties: letters.difficulties.join(''),
    numbers: Buffer.from(numbers.buffer).toString('base64'),
    cardNumbers: Buffer.from(cardNumbers.buffer).toString('base64'),
  };
}

/** Reads columns back (as JSON gave them); null when they do not fit together, so the cache is simply rebuilt. */
export function decodeCards(columns: CardColumns): DecodedCards | null {
  const { paths, kinds, texts, ids, notes, decks, cardKinds, difficulties, questions, identityTexts, tags } = columns;
  const count = Array.isArray(paths) ? paths.length : -1;
  const cards = Array.isArray(ids) ? ids.length : -1;
  if (typeof kinds !== 'string' || kinds.length !== count || !/^[+x]*$/.test(kinds)) return null;
  if (!isStringList(paths, count) || !isStringList(texts, count)) return null;
  for (const list of [ids, notes, decks, questions, identityTexts]) if (!isStringList(list, cards)) return null;
  if (typeof cardKinds !== 'string' || cardKinds.length !== cards || !/^[brc]*$/.test(cardKinds)) return null;
  if (typeof difficulties !== 'string' || difficulties.length !== cards || !/^[emh-]*$/.test(difficulties)) return null;
  if (!isStringList(tags, tags?.length)) return null;
  const scheduleAt = decodeSchedules(columns.schedules, cards);
  if (!scheduleAt) return null;
  const numbers = decodeNumbers(columns.numbers, count * NUMBERS_PER_ENTRY);
  const cardNumbers = decodeNumbers(columns.cardNumbers, cards * NUMBERS_PER_CARD);
  if (!numbers || !cardNumbers) return null;
  // Where each entry's cards start, and where each card's tags start (the last one's end at the end).
  const cardStarts = new Uint32Array(count + 1);
  for (let index = 0; index < count; index += 1) {
    const entryCards = kinds[index] === CARDS ? (numbers[index * NUMBERS_PER_ENTRY + CARD_COUNT] as number) : 0;
    if (!isCount(entryCards)) return null;
    cardStarts[index + 1] = (cardStarts[index] as number) + entryCards;
  }
  if (cardStarts[count] !== cards) return null;
  const tagStarts = new Uint32Array(cards + 1);
  for (let card = 0; card < cards; card += 1) {
    const cardTags = cardNumbers[card * NUMBERS_PER_CARD + 1] as number;
    if (cardTags !== SAME_TAGS && !isCount(cardTags)) return null;
    tagStarts[card + 1] = (tagStarts[card] as number) + Math.max(0, cardTags);
  }
  if (tagStarts[cards] !== tags.length) return null;
  return {
    paths,
    numbers,
    keyAt: (index) => index * NUMBERS_PER_ENTRY,
    entry(index) {
      const path = paths[index] as string;
      const line = numbers[index * NUMBERS_PER_ENTRY + LINE] as number;
      if (kinds[index] === PROBLEM) return { problem: { path, line, message: texts[index] as string } };
      const folder = deckOf(path);
      const infos: CardInfo[] = [];
      let cardTags: string[] = [];
      for (let card = cardStarts[index] as number; card < (cardStarts[index + 1] as number); card += 1) {
        const id = ids[card] as string;
        if (cardNumbers[card * NUMBERS_PER_CARD + 1] !== SAME_TAGS)
          cardTags = tags.slice(tagStarts[card], tagStarts[card + 1]);
        // One literal of one shape for every card: 100,000 of them are made per run.
        infos.push({
          id,
          note: (notes[card] as string) || id,
          kind: CARD_KIND_OF[cardKinds[card] as string] as CardKind,
          line: cardNumbers[card * NUMBERS_PER_CARD] as number,
          deck: (decks[card] as string) || folder,
          path,
          difficulty: DIFFICULTY_OF[difficulties[card] as string] ?? null,
          tags: cardTags,
          questionText: questions[card] as string,
          identityText: identityTexts[card] as string,
          keptSchedule: scheduleAt.get(card),
        });
      }
      return { cards: infos, idLine: line };
    },
  };
}

/** The kept schedules by card index, or null when a row is not one `encodeCards` writes. */
function decodeSchedules(rows: unknown, cards: number): Map<number, KeptSchedule> | null {
  if (!Array.isArray(rows)) return null;
  const byCard = new Map<number, KeptSchedule>();
  for (const row of rows as unknown[]) {
    if (!Array.isArray(row) || row.length !== 4) return null;
    const [card, due, interval, ease] = row as unknown[];
    if (typeof card !== 'number' || !isCount(card) || card >= cards || typeof due !== 'string') return null;
    if (typeof interval !== 'number' || typeof ease !== 'number') return null;
    byCard.set(card, { due, interval, ease });
  }
  return byCard;
}

/** `count` numbers from base64, or null when the text does not hold exactly that many. */
function decodeNumbers(base64: unknown, count: number): Float64Array | null {
  const bytes = Buffer.from(typeof base64 === 'string' ? base64 : '', 'base64');
  return bytes.length === count * 8 ? readFloat64s(bytes, 0, count) : null;
}

function sameItems(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((item, index) => item === b[index]));
}

function isCount(value: number): boolean {
  return Number.isInteger(value) && value >= 0;
}

function isStringList(list: unknown, length: number | undefined): list is string[] {
  if (!Array.isArray(list) || list.length !== length) return false;
  for (const item of list) if (typeof item !== 'string') return false;
  return true;
}
