import { parseDifficulty, splitTrailingDifficulty, type Difficulty } from '../card/card.js';
import { findClozeDeletions, mayHoldClozeDeletions } from '../card/cloze.js';
import type { CardFields } from './card-file.js';
import { sanitizeTerminalText } from '../markdown/text.js';

/** A card read from an import file or typed in, before it has a file; `line` is where it starts in its source. */
export interface CardDraft extends Omit<CardFields, 'id'> {
  line: number;
  /** An identity the source gave (an `id` column, Anki's guid); otherwise one is made from the file name. */
  id?: string;
  /** The folder under the output folder, `/` separators; '' for the output folder itself. */
  deck: string;
}

/** A row of a source that could not become a card, with why. */
export interface RowProblem {
  line: number;
  message: string;
}

/** The fields of one card as a source writes them, all text. */
export interface RawCard {
  question: string;
  answer: string;
  difficulty?: string;
  tags?: readonly string[];
  id?: string;
  deck?: string;
  /** Whether the note also yields a reversed card: a flag, or a cell (true/yes/1/x, false/no/0 or empty). */
  reverse?: boolean | string;
}

// How spreadsheets write yes and no, lower case.
const REVERSE_CELLS = new Map<string, boolean>([
  ...['true', 'yes', '1', 'x'].map((cell) => [cell, true] as const),
  ...['false', 'no', '0', ''].map((cell) => [cell, false] as const),
]);

// Characters no file system takes in a folder name, and controls.
const UNSAFE_IN_NAME = /[<>:"/\\|?*\u0000-\u001F\u007F]/g;

/**
 * Checks and tidies one note: control characters removed, question trimmed and its trailing difficulty emoji taken as
 * the difficulty (unless one is given), answer without leading blank lines or trailing space, tags deduplicated. A note
 * without a question is a cloze note, whose answer (its text) must hold deletions.
 */
export function readCardDraft(raw: RawCard, line: number): CardDraft | RowProblem {
  const written = clean(raw.question).trim();
  // The same trailing marker a card file's question has.
  const { question, difficulty: marked } = splitTrailingDifficulty(written);
  const answer = clean(raw.answer)
    .replace(/^(?:[ \t]*\n)+/, '')
    .trimEnd();
  if (!question && !answer) return { line, message: 'the question is empty' };
  if (!answer) return { line, message: 'the answer is empty' };
  const clozeProblem = findClozeProblem(question, answer);
  if (clozeProblem) return { line, message: clozeProblem };
  const level = clean(raw.difficulty ?? '').trim();
  const difficulty: Difficulty | null = level ? parseDifficulty(level) : marked;
  if (level && !difficulty)
    return { line, message: `unknown difficulty "${level}": use 👶/easy, ⭐️/medium or 🚀/hard` };
  const reverse = readReverse(raw.reverse ?? false);
  if (typeof reverse === 'string')
    return { line, message: `reverse must be true/yes/1/x or false/no/0 (found "${reverse}")` };
  const tags = [...new Set((raw.tags ?? []).map((tag) => clean(tag).trim()).filter(Boolean))];
  const id = clean(raw.id ?? '').trim();
  const deck = toDeckFolder(raw.deck ?? '');
  return { line, question, answer, difficulty, tags, reverse, deck, ...(id ? { id } : {}) };
}

/**
 * What keeps the note from being read back: a malformed cloze deletion, or no question and no deletion to make it a
 * cloze note. Null when it is fine.
 */
function findClozeProblem(question: string, answer: string): string | null {
  if (question && !mayHoldClozeDeletions(question) && !mayHoldClozeDeletions(answer)) return null;
  const [scanQuestion, scanAnswer] = [findClozeDeletions(question), findClozeDeletions(answer)];
  const [problem] = [...scanQuestion.problems, ...scanAnswer.problems];
  if (problem) return problem.message;
  if (question || scanAnswer.deletions.length > 0) return null;
  return 'the question is empty';
}

/** A reverse flag or cell as a boolean; an unknown cell as written, tidied for a message. */
function readReverse(value: boolean | string): boolean | string {
  if (typeof value === 'boolean') return value;
  const cell = clean(value).trim();
  return REVERSE_CELLS.get(cell.toLowerCase()) ?? cell;
}

/** Tells a problem from a draft. */
export function isRowProblem(value: CardDraft | RowProblem): value is RowProblem {
  return !('question' in value);
}

/**
 * A deck name as a folder path: `/` or Anki's `::` separate levels; characters file systems refuse become `-`;
 * leading `.` and `_` are dropped, since such folders are not read as decks; `.` alone is the top level ('').
 */
export function toDeckFolder(deck: string): string {
  return clean(deck)
    .split(/\/|::/)
    .map((part) =>
      part
        .replace(UNSAFE_IN_NAME, '-')
        .trim()
        .replace(/^[._\s]+/, '')
        .replace(/[.\s]+$/, ''),
    )
    .filter(Boolean)
    .join('/');
}

function clean(text: string): string {
  return sanitizeTerminalText(text.replace(/\r\n?/g, '\n'));
}
