import { convertBracketCloze } from './bracket-cloze.js';
import type { ForeignNote, ForeignReading } from './foreign-note.js';
import { findCodeLines, splitLines } from './lines.js';

type Problem = ForeignReading['problems'][number];

/** A `Q:` or `C:` block of a file: its lines as written (the marker taken off the first), and its `A:` part. */
export interface HashcardsBlock {
  kind: 'Q' | 'C';
  /** 1-based line of the `Q:` or `C:`. */
  line: number;
  question: string[];
  answer: string[] | null;
}

/** A file split into its blocks, with its deck and what is wrong with its markers. */
export interface HashcardsBlocks {
  deck?: string;
  blocks: HashcardsBlock[];
  problems: Problem[];
}

// `C:\Users` and `C://` are paths, not cloze cards.
const MARKER = /^([QAC]):(?![\\/])(.*)$/;
const ANY_MARKER = /^[QAC]:/m;

/** Whether the text reads as hashcards or repeater cards: a `Q:` line with an `A:` line after it, or a `C:` line. */
export function recognizeHashcards(text: string): boolean {
  // Most files hold no marker at a line's start: they are spared splitting into lines.
  if (!ANY_MARKER.test(text)) return false;
  let question = false;
  for (const line of splitLines(text)) {
    const kind = MARKER.exec(line)?.[1];
    if (kind === 'C' || (kind === 'A' && question)) return true;
    if (kind === 'Q') question = true;
  }
  return false;
}

/**
 * The notes of a hashcards or repeater file: `Q:`/`A:` blocks and `C:` cloze blocks, each running to the next block,
 * a `---` line or the end; text outside blocks is the author's notes. The deck is the TOML frontmatter's `name`.
 * Identical cards are kept as written (hashcards would keep one).
 */
export function readHashcards(text: string): ForeignReading {
  const { deck, blocks, problems } = splitHashcardsBlocks(text);
  const notes: ForeignNote[] = [];
  for (const block of blocks) addNote(block, deck, notes, problems);
  problems.sort((a, b) => a.line - b.line);
  return { format: 'hashcards', notes, problems };
}

/** The blocks of a hashcards or repeater file, in order: what its notes, and hashcards' own card hashes, are read from. */
export function splitHashcardsBlocks(text: string): HashcardsBlocks {
  const lines = splitLines(text);
  const problems: Problem[] = [];
  const { deck, bodyStart } = readFrontmatter(lines, problems);
  const code = findCodeLines(lines);
  const blocks: HashcardsBlock[] = [];
  let block: HashcardsBlock | null = null;
  for (let index = bodyStart; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const marker = code[index] ? null : MARKER.exec(line);
    const rest = marker?.[2]?.trim() ?? '';
    if (!code[index] && line.trim() === '---') block = null;
    else if (marker?.[1] === 'Q' || marker?.[1] === 'C') {
      block = { kind: marker[1], line: index + 1, question: [rest], answer: null };
      blocks.push(block);
    } else if (marker?.[1] === 'A' && block?.kind === 'Q' && block.answer === null) block.answer = [rest];
    else if (marker?.[1] === 'A') problems.push({ line: index + 1, message: strayAnswer(block) });
    else if (block) (block.answer ?? block.question).push(line);
  }
  return { ...(deck === undefined ? {} : { deck }), blocks, problems };
}

function addNote(block: HashcardsBlock, deck: string | undefined, notes: ForeignNote[], problems: Problem[]): void {
  const base = { line: block.line, reverse: false, tags: [], ...(deck === undefined ? {} : { deck }) };
  if (block.kind === 'C') {
    const cloze = convertBracketCloze(joinBlock(block.question));
    if (cloze.deletions > 0) notes.push({ ...base, question: '', answer: cloze.text });
    else
      problems.push({
        line: block.line,
        message:
          'This C: card hides nothing: put the hidden part in brackets, as in "C: The capital of France is [Paris]."',
      });
    return;
  }
  const question = joinBlock(block.question);
  const answer = joinBlock(block.answer ?? []);
  if (block.answer === null)
    problems.push({
      line: block.line,
      message: 'This Q: has no A: after it: write the answer on a line starting "A:".',
    });
  else if (question === '')
    problems.push({ line: block.line, message: 'This Q: is empty: write the question after "Q:".' });
  else if (answer === '')
    problems.push({ line: block.line, message: 'This card has an empty A:: write the answer after "A:".' });
  else notes.push({ ...base, question, answer });
}

function strayAnswer(block: HashcardsBlock | null): string {
  if (block?.kind === 'C') return 'A: after a C: card: a cloze card has no answer; start a question with "Q:" first.';
  if (block?.answer) return 'A second A: for one question: start the next card with "Q:".';
  return 'A: without a Q: before it: start the card with "Q:".';
}

/** The block's text, without the blank lines and whole-line HTML comments that sit between cards. */
function joinBlock(lines: string[]): string {
  let end = lines.length;
  while (end > 0 && /^\s*(<!--.*-->\s*)?$/.test(lines[end - 1] ?? '')) end -= 1;
  return lines.slice(0, end).join('\n').trim();
}

/** The TOML frontmatter between `---` (or `+++`) lines: only `name = "…"` matters, the deck's name. */
function readFrontmatter(lines: string[], problems: Problem[]): { deck?: string; bodyStart: number } {
  const fence = lines[0]?.trim();
  if (fence !== '---' && fence !== '+++') return { bodyStart: 0 };
  const close = lines.findIndex((line, index) => index > 0 && line.trim() === fence);
  if (close < 0) {
    problems.push({
      line: 1,
      message: `The frontmatter opened with ${fence} on line 1 is never closed: add a ${fence} line after it.`,
    });
    return { bodyStart: 0 };
  }
  // A hand-read subset of TOML (no parser in the dependencies): a basic "…" or literal '…' string.
  const name = lines
    .slice(1, close)
    .map((line) => /^\s*name\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')\s*(?:#.*)?$/.exec(line))
    .find((match) => match !== null);
  if (!name) return { bodyStart: close + 1 };
  return { deck: name[2] ?? unescapeBasicString(name[1] ?? ''), bodyStart: close + 1 };
}

function unescapeBasicString(value: string): string {
  try {
    return JSON.parse(`"${value}"`) as string;
  } catch {
    return value;
  }
}
