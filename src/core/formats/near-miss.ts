import type { CardInfo } from '../card/card.js';
import type { ForeignFormat, ForeignReading } from './foreign-note.js';
import { splitLines } from './lines.js';

// What `lint` says of a file that is a card in no format but nearly one in another tool's: the tool, and what the
// file lacks, instead of flashdeck's own "no question" that would send its author the wrong way.

/** Each tool's name as its users know it, and what a card needs in its format. */
const FORMAT_NEEDS: Record<ForeignFormat, { tool: string; needs: string }> = {
  obsidian: {
    tool: 'an Obsidian spaced-repetition note',
    needs: 'write question::answer on one line, or a "?" line between question and answer',
  },
  hashcards: {
    tool: 'a hashcards deck',
    needs: 'a "Q:" line followed by an "A:" line, or a "C:" line with [deletions]',
  },
  mdanki: { tool: 'an mdanki deck', needs: 'a "## question" heading with its answer below' },
  ki: { tool: 'a ki note', needs: 'a "# Note" heading with its guid, then "## Front" and "## Back" fields' },
  'front-back': { tool: 'a Front/Back note', needs: 'a "Front" heading, then a "Back" heading with the answer' },
  logseq: { tool: 'a Logseq page', needs: 'a block tagged #card whose child blocks hold the answer' },
};

// Marks that start a card in a format whose reader did not take the file: the format, and the line that shows it.
const HALF_CARDS: readonly { format: ForeignFormat; mark: RegExp; missing: RegExp; lacks: string }[] = [
  { format: 'hashcards', mark: /^Q:/, missing: /^A:/m, lacks: 'no "A:" line follows its "Q:"' },
  {
    format: 'front-back',
    mark: /^#{1,2}[ \t]+Front[ \t]*$/i,
    missing: /^#{1,2}[ \t]+Back[ \t]*$/im,
    lacks: 'has no "Back" heading',
  },
];

/** A problem, or null when the file does not look like another tool's. */
export function describeNearMiss(
  text: string,
  reading: ForeignReading | null,
): { line: number; message: string } | null {
  if (reading) {
    const { tool, needs } = FORMAT_NEEDS[reading.format];
    const [first] = reading.problems;
    return first
      ? { line: first.line, message: `looks like ${tool}: ${first.message}` }
      : { line: 1, message: `looks like ${tool} but holds no card: ${needs}` };
  }
  const lines = splitLines(text);
  for (const { format, mark, missing, lacks } of HALF_CARDS) {
    const at = lines.findIndex((line) => mark.test(line));
    if (at >= 0 && !missing.test(text)) {
      return { line: at + 1, message: `looks like ${FORMAT_NEEDS[format].tool} but ${lacks}` };
    }
  }
  return null;
}

/** A file whose cards mostly ask one question: read in the wrong format, most likely. */
export interface SharedQuestion {
  path: string;
  line: number;
  question: string;
  cards: number;
  of: number;
}

const SHARED_AT_LEAST = 3;

/**
 * The files where at least three basic cards, and half of them or more, ask the same question: what a file read in
 * a format it is not in gives (every section titled with the deck's name, every note asking "Note").
 */
export function findSharedQuestions(cards: readonly CardInfo[]): SharedQuestion[] {
  const found: SharedQuestion[] = [];
  const byPath = new Map<string, CardInfo[]>();
  for (const card of cards) if (card.kind === 'basic') byPath.set(card.path, [...(byPath.get(card.path) ?? []), card]);
  for (const [path, basic] of byPath) {
    const byQuestion = new Map<string, CardInfo[]>();
    for (const card of basic) {
      const key = card.questionText.trim().toLowerCase();
      byQuestion.set(key, [...(byQuestion.get(key) ?? []), card]);
    }
    for (const same of byQuestion.values()) {
      const [first] = same;
      if (first && same.length >= SHARED_AT_LEAST && same.length * 2 >= basic.length)
        found.push({ path, line: first.line, question: first.questionText, cards: same.length, of: basic.length });
    }
  }
  return found;
}
