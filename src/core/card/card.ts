/** How hard a card is, as its author marked it. */
export type Difficulty = 'easy' | 'medium' | 'hard';

/** Every difficulty, easiest first. */
export const DIFFICULTIES: readonly Difficulty[] = ['easy', 'medium', 'hard'];

/** The emoji that marks each difficulty on screen and in card files. */
export const DIFFICULTY_EMOJI: Record<Difficulty, string> = { easy: '👶', medium: '⭐️', hard: '🚀' };

/** A valid card without its answer: all that listing, filtering, planning and stats read (and what the parse cache keeps). */
export interface CardInfo {
  /** Stable identity: frontmatter `id`, else the path without `.md`. */
  id: string;
  /** Folder of the file relative to the cards root, `/` separators, `.` at the root. */
  deck: string;
  /** Path relative to the cards root, `/` separators. */
  path: string;
  difficulty: Difficulty | null;
  tags: string[];
  /** The question as markdown (may span several lines when set in frontmatter). */
  question: string;
}

/** A valid card, loaded from one markdown file. */
export interface Card extends CardInfo {
  /** The answer as markdown. */
  answer: string;
}

/** Why a card file is not a valid card, with the 1-based line the problem is on. */
export interface CardProblem {
  path: string;
  line: number;
  message: string;
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
