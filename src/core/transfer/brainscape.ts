import { isRowProblem, readCardDraft } from './card-draft.js';
import type { ImportResult } from './import-result.js';

// The rating widget Brainscape prints after every answer: dropped.
const WIDGET_TITLE = 'How well did you know this?';
const WIDGET_LINES = new Set(['1', '2', '3', '4', '5', 'Not at all', 'Perfectly', '']);
// A list item the text already marks, with `-`, `*`, `+` or `•`.
const BULLET = /^[-*+•]\s+/;
const NUMBERED = /^\d{1,3}[.)]\s/;

/** True when the text looks like a Brainscape text export: a numbered card followed by a `Q` line. */
export function isBrainscape(text: string): boolean {
  return /(?:^|\n)[ \t]*\d+[ \t]*\r?\n[ \t]*Q[ \t]*\r?\n/.test(text);
}

/**
 * Reads a Brainscape text export: a "<deck> Flashcards" title line, then per card its number, a `Q` line, the
 * question (a trailing 👶/⭐️/🚀 is its difficulty), an `A` line, the answer, and the rating widget.
 * Brainscape flattens a list into one line per item, so a paragraph of several lines becomes a markdown list.
 */
export function parseBrainscape(text: string): ImportResult {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.trimEnd());
  const starts = findCardStarts(lines);
  const title = lines.slice(0, starts[0] ?? lines.length).find((line) => line.trim() !== '');
  const result: ImportResult = { cards: [], problems: [] };
  if (title) result.title = title.trim().replace(/\s+Flashcards$/i, '');
  starts.forEach((start, index) => {
    const number = Number(lines[start]?.trim());
    const body = dropWidget(lines.slice(start + 2, starts[index + 1] ?? lines.length));
    const split = body.findIndex((line) => line.trim() === 'A');
    if (split === -1) {
      result.problems.push({
        line: start + 1,
        message: `card ${number} has no "A" line between its question and its answer`,
      });
      return;
    }
    const question = body.slice(0, split).join('\n');
    const answer = toMarkdown(body.slice(split + 1));
    const draft = readCardDraft({ question, answer }, start + 1);
    if (isRowProblem(draft)) result.problems.push({ ...draft, message: `card ${number}: ${draft.message}` });
    else result.cards.push(draft);
  });
  return result;
}

/** Line indexes of each card's number line: a number followed by a `Q` line, counting up from the first. */
function findCardStarts(lines: readonly string[]): number[] {
  const starts: number[] = [];
  let expected: number | null = null;
  lines.forEach((line, index) => {
    const number = /^\d+$/.test(line.trim()) ? Number(line.trim()) : null;
    if (number === null || lines[index + 1]?.trim() !== 'Q') return;
    // A numbered line inside an answer followed by "Q" is taken as a card only if it is the next number.
    if (expected !== null && number !== expected) return;
    starts.push(index);
    expected = number + 1;
  });
  return starts;
}

function dropWidget(lines: string[]): string[] {
  const widget = lines.lastIndexOf(WIDGET_TITLE);
  if (widget === -1 || !lines.slice(widget + 1).every((line) => WIDGET_LINES.has(line.trim()))) return lines;
  return lines.slice(0, widget);
}

/** Paragraphs stay paragraphs; a paragraph of several lines is a list Brainscape flattened, one item per line. */
function toMarkdown(lines: readonly string[]): string {
  const paragraphs: string[][] = [[]];
  for (const line of lines) {
    if (line.trim() === '') paragraphs.push([]);
    else paragraphs.at(-1)?.push(line.trim());
  }
  return paragraphs
    .filter((paragraph) => paragraph.length > 0)
    .map((paragraph) => (paragraph.length === 1 ? paragraph : paragraph.map(toListItem)).join('\n'))
    .join('\n\n');
}

function toListItem(line: string): string {
  if (NUMBERED.test(line)) return line;
  return `- ${line.replace(BULLET, '')}`;
}
