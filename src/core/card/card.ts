import type { ForeignFormat } from '../formats/foreign-note.js';
import type { KeptSchedule } from '../log/review-log.js';

/** How hard a card is, as its author marked it. */
export type Difficulty = 'easy' | 'medium' | 'hard';

/** Every difficulty, easiest first. */
export const DIFFICULTIES: readonly Difficulty[] = ['easy', 'medium', 'hard'];

/** The emoji that marks each difficulty on screen and in card files. */
export const DIFFICULTY_EMOJI: Record<Difficulty, string> = { easy: '👶', medium: '⭐️', hard: '🚀' };

/** What a card asks: the note's question (basic), its answer (reversed), or the note with deletions hidden (cloze). */
export type CardKind = 'basic' | 'reversed' | 'cloze';

/** Every card kind, in the order a note yields them. */
export const CARD_KINDS: readonly CardKind[] = ['basic', 'reversed', 'cloze'];

/** A valid card without its answer: all that listing, filtering, planning and stats read (and what the parse cache keeps). */
export interface CardInfo {
  /** Stable identity: the note's id for a basic card, `<note>#reverse` or `<note>#cN` for the others. */
  id: string;
  /** The id of the note the card comes from; cards of one note are siblings. */
  note: string;
  kind: CardKind;
  /** 1-based line of the file where the card's note starts. */
  line: number;
  /** Folder of the file relative to the cards root, `/` separators, `.` at the root. */
  deck: string;
  /** Path relative to the cards root, `/` separators. */
  path: string;
  difficulty: Difficulty | null;
  tags: string[];
  /** What the card asks as one line of plain text (for lists and JSON): the question's markdown without its syntax. */
  questionText: string;
  /**
   * What tells the card from its note's other cards when its id may change (a cloze card's hidden text, plain); ''
   * when its id alone does. Reviews record it, so an edit that renumbers the card finds its history again.
   */
  identityText: string;
  /** The schedule another tool keeps for the card in its file (Obsidian's `<!--SR:…-->`): where the card starts. */
  keptSchedule?: KeptSchedule;
}

/** A valid card, with its question and answer as markdown. */
export interface Card extends CardInfo {
  /** What the card asks, as markdown (may span several lines; a cloze card's hidden deletions are marked). */
  question: string;
  /** The answer as markdown (a cloze card's whole text with its deletions marked). */
  answer: string;
}

/** A unit of source text, as written: a card file in flashdeck's format is one note. It yields one or more cards. */
export interface Note {
  /** Frontmatter `id`, else the path without `.md`. */
  id: string;
  deck: string;
  path: string;
  /** 1-based line of the file where the note's question (or, for a cloze note without one, its text) starts. */
  line: number;
  difficulty: Difficulty | null;
  tags: string[];
  /** The question as markdown; '' for a cloze note without a heading. */
  question: string;
  /** The markdown below the question: the answer, or a cloze note's text. */
  answer: string;
  /** 1-based file line where the answer starts. */
  answerLine: number;
  /** `reverse: true`: the note also yields a card asking the answer. */
  reverse: boolean;
  /** Whose format the note's file is in: flashdeck's own, or another tool's, read in place. */
  format: NoteFormat;
}

/** flashdeck's own card files, or another tool's files read in place. */
export type NoteFormat = 'flashdeck' | ForeignFormat;

/** Why a card file is not a valid card, with the 1-based line the problem is on. */
export interface CardProblem {
  path: string;
  line: number;
  message: string;
}

/** The message for a card without an answer. */
export const EMPTY_ANSWER = 'empty answer: write the answer below the question';

/** The message for a card without a question. */
export const NO_QUESTION =
  'no question: start the card with a "# Question" heading or set "question:" in the frontmatter';

/** A problem found while parsing, at a 1-based file line; turned into a CardProblem by the parsers. */
export class CardError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** Reads a difficulty written as emoji or name (star with or without U+FE0F); null when unknown. */
export function parseDifficulty(value: string): Difficulty | null {
  switch (
    value
      .trim()
      .toLowerCase()
      .replace(/\uFE0F/g, '')
  ) {
    case '👶':
    case 'easy':
      return 'easy';
    case '⭐':
    case 'medium':
      return 'medium';
    case '🚀':
    case 'hard':
      return 'hard';
    default:
      return null;
  }
}

// No leading `\s*`: it would backtrack quadratically over a long run of spaces.
const TRAILING_DIFFICULTY = /(👶|⭐|🚀)\uFE0F?\s*$/u;

/**
 * The trailing-difficulty rule, for card files and imports alike: a question ending in 👶, ⭐️ (or ⭐) or 🚀 has that
 * difficulty, and is read without the emoji. Without one, the question is as written and the difficulty null.
 */
export function splitTrailingDifficulty(written: string): { question: string; difficulty: Difficulty | null } {
  const emoji = TRAILING_DIFFICULTY.exec(written);
  if (!emoji?.[1]) return { question: written, difficulty: null };
  return { question: written.slice(0, emoji.index).trimEnd(), difficulty: parseDifficulty(emoji[1]) };
}
