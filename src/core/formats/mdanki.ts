import type { ForeignNote, ForeignReading } from './foreign-note.js';
import { findCodeLines, splitLines } from './lines.js';

// mdanki's own patterns (src/configs/settings.js): a card starts at `## `, the deck title is a `# ` line.
const SECTION = /^##\s/;
const DECK = /^#\s/;
// A file may open with a deeper heading before its first `## `: mdanki makes a card of that first part too.
const OPENING = /^#{3,6}\s/;
const TAG = /^\[#([^\]]*)\]/;
// How a flashdeck card's `# ` question ends: a question mark or a difficulty emoji, never a deck's name.
const QUESTION_END = /(\?|👶|⭐|🚀)\uFE0F?\s*$/u;
// Field headings of mankidown and ki notes, which also put `## ` under a `# `.
const FIELD = /^##\s+(Front|Back|Text|Extra)\s*$/i;

/**
 * Whether the text reads as an mdanki file: `## question` sections from its first line, or a `# Deck` heading with
 * nothing but blank lines before the first `## ` (so never a file with frontmatter), or a `###` heading with `## `
 * sections after it (no flashdeck card starts so). A `# ` heading that asks something
 * is a flashdeck card whose answer has sub-sections; an empty `# ` or `## Front` fields are mankidown's notes.
 */
export function recognizeMdanki(text: string): boolean {
  const lines = splitLines(text);
  const [first, second] = firstNonBlank(lines, 2);
  if (first === undefined) return false;
  if (OPENING.test(first)) return lines.some((line) => SECTION.test(line) && !FIELD.test(line));
  const section = SECTION.test(first) ? first : second;
  if (section === undefined || !SECTION.test(section) || FIELD.test(section)) return false;
  return section === first || (DECK.test(first) && first.slice(1).trim() !== '' && !QUESTION_END.test(first));
}

function firstNonBlank(lines: readonly string[], count: number): string[] {
  const found: string[] = [];
  for (let i = 0; i < lines.length && found.length < count; i++) {
    const line = lines[i] as string;
    if (line.trim() !== '') found.push(line);
  }
  return found;
}

/**
 * The notes of an mdanki file: one per `## ` section, the question its heading (and, when a `%` line splits the
 * section, the text before it), the answer the rest; `[#tag](…)` lines give tags. Sections without an answer are
 * skipped, as mdanki drops them. The deck is the leading `# ` heading, when there is one.
 */
export function readMdanki(text: string): ForeignReading {
  const lines = splitLines(text);
  const code = findCodeLines(lines);
  const first = lines.find((line) => line.trim() !== '');
  const deck = first !== undefined && DECK.test(first) ? first.slice(1).trim() : undefined;
  const opening = first !== undefined && OPENING.test(first) ? [lines.indexOf(first)] : [];
  const starts = [...opening, ...lines.flatMap((line, index) => (!code[index] && SECTION.test(line) ? [index] : []))];
  const notes: ForeignNote[] = [];
  starts.forEach((start, position) => {
    const end = starts[position + 1] ?? lines.length;
    const note = readSection(lines, code, start, end);
    if (note) notes.push(deck === undefined ? note : { ...note, deck });
  });
  return { format: 'mdanki', notes, problems: [] };
}

function readSection(lines: string[], code: boolean[], start: number, end: number): ForeignNote | null {
  let split = -1;
  for (let index = start + 1; index < end && split < 0; index += 1)
    if (!code[index] && lines[index] === '%') split = index;
  const frontEnd = split < 0 ? start + 1 : split;
  const front = [(lines[start] ?? '').replace(/^#+\s/, '').trim(), ...lines.slice(start + 1, frontEnd)];
  const tags: string[] = [];
  const back: string[] = [];
  for (let index = split < 0 ? start + 1 : split + 1; index < end; index += 1) {
    const line = lines[index] ?? '';
    // mdanki reads a whole line of `[#name](…)` links as tags; `[#` inside code is code.
    if (!code[index] && TAG.test(line)) tags.push(...readTags(line));
    else back.push(line);
  }
  const question = front.join('\n').trim();
  const answer = back.join('\n').trim();
  if (question === '' || answer === '') return null;
  return { line: start + 1, question, answer, reverse: false, tags };
}

function readTags(line: string): string[] {
  return line.split(' ').flatMap((word) => {
    const name = TAG.exec(word.trim())?.[1];
    return name ? [name] : [];
  });
}
