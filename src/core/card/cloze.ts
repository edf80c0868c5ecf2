import { markHidden, markRevealed } from '../markdown/cloze-marks.js';
import { sanitizeTerminalText } from '../markdown/terminal-text.js';

/** One Anki-style deletion `{{cN::text}}` or `{{cN::text::hint}}`; `start` and `end` are the offsets of the braces. */
export interface ClozeDeletion {
  number: number;
  start: number;
  end: number;
  text: string;
  hint: string | null;
}

/** A mistake in a note's cloze syntax, at a 1-based line of the note's text. */
export interface ClozeProblem {
  line: number;
  message: string;
}

/** The deletions of a note's text, in order of their start, and what is wrong with its cloze syntax. */
export interface ClozeScan {
  deletions: ClozeDeletion[];
  problems: ClozeProblem[];
}

/** An opened deletion whose closing braces are still to come. */
interface OpenDeletion {
  number: number;
  start: number;
  contentStart: number;
  hintStart: number | null;
  braceDepth: number;
}

// Anki ≥ 2.1.56 nests deletions; a limit keeps the stack and the recursion of `resolveDeletions` small.
const MAX_NESTING = 8;
const TOO_DEEP = `cloze deletions nested more than ${MAX_NESTING} deep: take the inner ones out`;
const OPENING = /\{\{c(\d+)::/y;
// The markdown lexer's inline math rule: "$5 and $10" is not math, so it cannot swallow a deletion's closing braces.
const INLINE_MATH = /(\$\$?)(?![\s$])([^$\n]*?[^\s$\\])\1(?!\d)/y;

/** Whether `text` may hold cloze deletions: a cheap test that spares most notes the scan. */
export function mayHoldClozeDeletions(text: string): boolean {
  return text.includes('{{c');
}

/** The deletions in `text` and its cloze syntax problems, in one pass; nothing is thrown. */
export function findClozeDeletions(text: string): ClozeScan {
  const deletions: ClozeDeletion[] = [];
  const problems: { offset: number; message: string }[] = [];
  const open: OpenDeletion[] = [];
  const closings = new ClosingSearch(text);
  let tooDeep = false;
  let pos = text.indexOf('{{c');
  while (pos !== -1 && pos < text.length) {
    const deletion = open.at(-1);
    const opening = text.startsWith('{{c', pos) ? matchAt(OPENING, text, pos) : null;
    if (opening && open.length < MAX_NESTING) {
      const contentStart = pos + opening[0].length;
      open.push({ number: Number(opening[1]), start: pos, contentStart, hintStart: null, braceDepth: 0 });
      pos = contentStart;
    } else if (!deletion) {
      pos = text.indexOf('{{c', pos + 1);
    } else {
      // Once is enough; the opening too deep is read as plain braces.
      if (opening && !tooDeep) problems.push({ offset: pos, message: TOO_DEEP });
      tooDeep ||= opening !== null;
      pos = stepInside(text, pos, deletion, closings);
      if (pos < 0) {
        pos = -pos;
        open.pop();
        closeDeletion(text, deletion, pos, deletions, problems);
      }
    }
  }
  // The outermost one is enough: the others open inside it.
  const unclosed = open[0];
  if (unclosed) {
    // The note's own words go into the message, which is printed: no control characters.
    const shown = sanitizeTerminalText(text.slice(unclosed.start, unclosed.contentStart + 20)).replace(/\s+/g, ' ');
    problems.push({ offset: unclosed.start, message: `unclosed cloze deletion ${shown}…: close it with }}` });
  }
  const lineOf = lineFinder(text);
  return {
    deletions: deletions.sort((a, b) => a.start - b.start),
    problems: problems
      .sort((a, b) => a.offset - b.offset)
      .map((problem) => ({ line: lineOf(problem.offset), message: problem.message })),
  };
}

/** Where the scan goes on from `pos` inside `deletion`; negative (minus the end) when its closing braces are at `pos`. */
function stepInside(text: string, pos: number, deletion: OpenDeletion, closings: ClosingSearch): number {
  const char = text[pos];
  const next = text[pos + 1];
  // Code spans and math are opaque: a `::` or `}}` in them belongs to the code or the formula.
  if (char === '`') return closings.afterCodeSpan(pos);
  if (char === '$') return matchAt(INLINE_MATH, text, pos) ? INLINE_MATH.lastIndex : pos + 1;
  // A backslash escapes the next character in markdown: `\}` is a brace of the text, not of the syntax.
  if (char === '\\') return next === '(' ? closings.after('\\)', pos + 2) : pos + 2;
  if (char === '{') deletion.braceDepth += 1;
  else if (char === '}' && deletion.braceDepth > 0) deletion.braceDepth -= 1;
  else if (char === '}' && next === '}') return -(pos + 2);
  else if (char === ':' && next === ':' && deletion.braceDepth === 0 && deletion.hintStart === null) {
    deletion.hintStart = pos;
    return pos + 2;
  }
  return pos + 1;
}

function closeDeletion(
  text: string,
  deletion: OpenDeletion,
  end: number,
  deletions: ClozeDeletion[],
  problems: { offset: number; message: string }[],
): void {
  const { number, start, contentStart, hintStart } = deletion;
  const content = text.slice(contentStart, hintStart ?? end - 2);
  const opening = text.slice(start, contentStart);
  if (number === 0) {
    problems.push({ offset: start, message: `cloze number 0 in ${opening}: numbers start at 1, as in {{c1::` });
  } else if (content.trim() === '') {
    problems.push({ offset: start, message: `empty cloze deletion ${opening}}}: write the text to hide before }}` });
  } else {
    const hint = hintStart === null ? '' : text.slice(hintStart + 2, end - 2).trim();
    deletions.push({ number, start, end, text: content, hint: hint === '' ? null : hint });
  }
}

/** Finds closing delimiters; remembers each search so that many unclosed openings cannot make the scan quadratic. */
class ClosingSearch {
  private readonly found = new Map<string, { from: number; at: number }>();

  constructor(private readonly text: string) {}

  /** The offset after the next `closing` at or after `from`, or `from` when there is none. */
  after(closing: string, from: number): number {
    const at = this.indexOf(closing, from, (index) => index);
    return at === -1 ? from : at + closing.length;
  }

  /** The offset after the code span opened by the backtick run at `pos`, or after the run when nothing closes it. */
  afterCodeSpan(pos: number): number {
    let runEnd = pos;
    while (this.text[runEnd] === '`') runEnd += 1;
    const run = this.text.slice(pos, runEnd);
    // CommonMark: the closing run has exactly the opening run's length.
    const at = this.indexOf(run, runEnd, (index) => (this.text[index + run.length] === '`' ? -1 : index));
    return at === -1 ? runEnd : at + run.length;
  }

  private indexOf(needle: string, from: number, accept: (index: number) => number): number {
    const known = this.found.get(needle);
    if (known && known.from <= from && (known.at === -1 || known.at >= from)) return known.at;
    let index = this.text.indexOf(needle, from);
    while (index !== -1 && accept(index) === -1) {
      // Past the whole longer run, so its tail is not taken for a run of the right length.
      let runEnd = index;
      while (this.text[runEnd] === needle[0]) runEnd += 1;
      index = this.text.indexOf(needle, runEnd);
    }
    this.found.set(needle, { from, at: index });
    return index;
  }
}

function matchAt(pattern: RegExp, text: string, pos: number): RegExpExecArray | null {
  pattern.lastIndex = pos;
  return pattern.exec(text);
}

/** 1-based line numbers of offsets, by binary search over the line starts (computed once). */
function lineFinder(text: string): (offset: number) => number {
  let starts: number[] | undefined;
  return (offset) => {
    starts ??= [0, ...[...text.matchAll(/\n/g)].map((match) => match.index + 1)];
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}

/** The cloze numbers of `deletions`, each once, ascending: one card each. */
export function clozeNumbers(deletions: readonly ClozeDeletion[]): number[] {
  return [...new Set(deletions.map((deletion) => deletion.number))].sort((a, b) => a - b);
}

/** Card `number`'s question: its deletions hidden (`…` or the hint), every other one as its text. */
export function hideCloze(text: string, deletions: readonly ClozeDeletion[], number: number): string {
  return resolveDeletions(text, deletions, (deletion, content, insideSameNumber) =>
    deletion.number === number && !insideSameNumber ? markHidden(deletion.hint ?? '…') : content,
  );
}

/** Card `number`'s answer: its deletions as their text, marked as revealed; every other one as its text. */
export function revealCloze(text: string, deletions: readonly ClozeDeletion[], number: number): string {
  return resolveDeletions(text, deletions, (deletion, content, insideSameNumber) =>
    deletion.number === number && !insideSameNumber ? markRevealed(content) : content,
  );
}

/** The text with every deletion as its content: for export and search. */
export function plainCloze(text: string, deletions: readonly ClozeDeletion[]): string {
  return resolveDeletions(text, deletions, (_, content) => content);
}

type ShowDeletion = (deletion: ClozeDeletion, content: string, insideSameNumber: boolean) => string;

/** `text` with each deletion replaced by `show` of its content (nested deletions inside already resolved). */
function resolveDeletions(text: string, deletions: readonly ClozeDeletion[], show: ShowDeletion): string {
  const sorted = [...deletions].sort((a, b) => a.start - b.start);
  return resolveRange(text, 0, text.length, sorted, { next: 0 }, show, []);
}

function resolveRange(
  text: string,
  from: number,
  to: number,
  sorted: readonly ClozeDeletion[],
  cursor: { next: number },
  show: ShowDeletion,
  enclosingNumbers: readonly number[],
): string {
  let result = '';
  let pos = from;
  for (let deletion = sorted[cursor.next]; deletion && deletion.start < to; deletion = sorted[cursor.next]) {
    cursor.next += 1;
    const contentStart = text.indexOf('::', deletion.start) + 2;
    const contentEnd = contentStart + deletion.text.length;
    const inner = [...enclosingNumbers, deletion.number];
    const content = resolveRange(text, contentStart, contentEnd, sorted, cursor, show, inner);
    // Deletions written inside a hint stay as written, with the hint.
    while ((sorted[cursor.next]?.start ?? Infinity) < deletion.end) cursor.next += 1;
    // A deletion inside one of its own number is shown within that one's span, not as a span of its own.
    result += text.slice(pos, deletion.start) + show(deletion, content, enclosingNumbers.includes(deletion.number));
    pos = deletion.end;
  }
  return result + text.slice(pos, to);
}
