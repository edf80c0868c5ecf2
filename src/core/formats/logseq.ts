import type { ForeignNote, ForeignReading } from './foreign-note.js';
import type { KeptSchedule } from '../log/review-log.js';
import { splitLines } from './lines.js';

const CARD_LINE = /^[ \t]*- (?:.*\s)?#(?:card|\[\[card\]\])(?=\s|$)/im;
const ANY_CARD_TAG = /#(?:\[\[)?card/i;
const CARD_TAG = /(^|\s)#(?:card|\[\[card\]\])(?=\s|$)/gi;
// The same without `g`, whose `test` would carry its position from one line to the next.
const HAS_CARD_TAG = new RegExp(CARD_TAG.source, 'i');
const BULLET = /^([ \t]*)-(?:[ \t]+(.*))?$/;
const PROPERTY = /^([\w.-]+)::(?:[ \t]+(.*?))?[ \t]*$/;
const CLOZE = /\{\{cloze:?[ \t]+(.*?)\}\}/g;
const FENCE = /^(?:```|~~~)/;
const TAB_WIDTH = 4;

/** One `- ` block of a Logseq outline. */
interface Block {
  /** 1-based line of its bullet. */
  line: number;
  /** The column of its bullet. */
  indent: number;
  /** Its text, first line then the lines under it, without the indentation of its content. */
  text: string[];
  /** Its `key:: value` properties. */
  properties: Map<string, string>;
  children: Block[];
  /** Whether its text ends inside fenced code, where a `- ` line is code, not a block. */
  fenced: boolean;
}

/** Whether `text` is a Logseq page with a `#card` block. */
export function recognizeLogseq(text: string): boolean {
  // The tag's words first: most files hold none and are spared matching every bullet.
  return ANY_CARD_TAG.test(text) && CARD_LINE.test(text);
}

/** The cards of a Logseq page: its `#card` blocks, their child blocks as answers. */
export function readLogseq(text: string): ForeignReading {
  const { page, blocks } = readOutline(splitLines(text));
  const pageTags = readTags(page.get('tags'));
  const reading: ForeignReading = { format: 'logseq', notes: [], problems: [] };
  const visit = (block: Block) => {
    if (block.text.some((line) => HAS_CARD_TAG.test(line))) {
      const note = readCard(block, pageTags);
      if (note) reading.notes.push(note);
      else reading.problems.push({ line: block.line, message: 'the #card block has no text: write the question' });
    }
    block.children.forEach(visit);
  };
  blocks.forEach(visit);
  return reading;
}

function readCard(block: Block, pageTags: string[]): ForeignNote | null {
  let deletions = 0;
  const text = block.text
    .map((line) =>
      HAS_CARD_TAG.test(line)
        ? line
            .replace(CARD_TAG, '$1')
            .replace(/[ \t]+/g, ' ')
            .trim()
        : line,
    )
    .join('\n')
    .trim()
    .replace(CLOZE, (_, hidden: string) => `{{c${++deletions}::${hidden}}}`);
  if (text === '') return null;
  const answer = formatChildren(block.children);
  const tags = [...new Set([...pageTags, ...readTags(block.properties.get('tags'))])];
  const note: ForeignNote =
    deletions > 0
      ? { line: block.line, question: '', answer: [text, answer].filter(Boolean).join('\n\n'), reverse: false, tags }
      : { line: block.line, question: text, answer, reverse: false, tags };
  const id = block.properties.get('id');
  if (id) note.id = id;
  const schedule = readSchedule(block.properties);
  // Logseq reviews the block as one card: each deletion starts where it left it.
  if (schedule) note.schedules = Array.from({ length: Math.max(deletions, 1) }, () => schedule);
  return note;
}

/** A card's answer: one child block as a paragraph, several as a markdown list nested as the outline is. */
function formatChildren(children: Block[]): string {
  const shown = children.filter((child) => child.text.join('').trim() !== '' || child.children.length > 0);
  const only = shown[0];
  if (shown.length === 1 && only && only.children.length === 0) return only.text.join('\n').trim();
  return formatList(shown, 0).join('\n');
}

function formatList(blocks: Block[], depth: number): string[] {
  const indent = '  '.repeat(depth);
  return blocks.flatMap((block) => [
    `${indent}- ${block.text[0] ?? ''}`.trimEnd(),
    ...block.text.slice(1).map((line) => (line === '' ? '' : `${indent}  ${line}`)),
    ...formatList(block.children, depth + 1),
  ]);
}

/** The page's properties (the `key:: value` lines before its first block) and its tree of blocks. */
function readOutline(lines: string[]): { page: Map<string, string>; blocks: Block[] } {
  const page = new Map<string, string>();
  const blocks: Block[] = [];
  const open: Block[] = [];
  let start = 0;
  for (let match; (match = PROPERTY.exec(lines[start] ?? '')); start++) page.set(match[1] ?? '', match[2] ?? '');
  const add = (line: number, indent: number, first: string) => {
    while ((open.at(-1)?.indent ?? -1) >= indent) open.pop();
    const block: Block = {
      line,
      indent,
      text: [first],
      properties: new Map(),
      children: [],
      fenced: FENCE.test(first),
    };
    (open.at(-1)?.children ?? blocks).push(block);
    open.push(block);
  };
  lines.slice(start).forEach((line, i) => {
    const indent = columnsOf(line);
    const bullet = BULLET.exec(line);
    const current = open.at(-1);
    const inside = current !== undefined && (line.trim() === '' || indent > current.indent);
    if (inside && (current.fenced || !bullet)) return continueBlock(current, line);
    if (bullet) return add(start + i + 1, indent, bullet[2] ?? '');
    // Text outside any bullet (a heading at column 0) is a block of its own.
    if (line.trim() !== '') add(start + i + 1, indent, line.trim());
  });
  blocks.forEach(trimEnd);
  return { page, blocks };
}

/** Adds a line under a block's bullet: a property while only properties came before it, else text. */
function continueBlock(block: Block, line: string): void {
  const content = removeColumns(line, block.indent + 2);
  const property = block.text.length === 1 ? PROPERTY.exec(content) : null;
  if (property) block.properties.set(property[1] ?? '', property[2] ?? '');
  else block.text.push(content.trim() === '' ? '' : content);
  if (FENCE.test(content.trim())) block.fenced = !block.fenced;
}

function trimEnd(block: Block): void {
  while (block.text.length > 1 && block.text.at(-1) === '') block.text.pop();
  block.children.forEach(trimEnd);
}

function columnsOf(line: string): number {
  let columns = 0;
  for (const char of line) {
    if (char === ' ') columns++;
    else if (char === '\t') columns += TAB_WIDTH;
    else break;
  }
  return columns;
}

function removeColumns(line: string, count: number): string {
  let columns = 0;
  let i = 0;
  while (columns < count && (line[i] === ' ' || line[i] === '\t')) columns += line[i++] === '\t' ? TAB_WIDTH : 1;
  return line.slice(i);
}

/** Tags of a `tags::` property: comma-separated, as `word`, `[[page]]` or `#tag`. */
function readTags(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((tag) =>
      tag
        .trim()
        .replace(/^#/, '')
        .replace(/^\[\[(.*)\]\]$/, '$1'),
    )
    .filter(Boolean);
}

/** The schedule Logseq's SRS kept in the block's `card-*` properties, when it kept a whole one. */
function readSchedule(properties: Map<string, string>): KeptSchedule | undefined {
  const due = /^\d{4}-\d{2}-\d{2}/.exec(properties.get('card-next-schedule') ?? '')?.[0];
  const interval = Number(properties.get('card-last-interval'));
  const ease = Number(properties.get('card-ease-factor'));
  if (due === undefined || !(interval >= 0) || !(ease > 0)) return undefined;
  return { due, interval: Math.round(interval), ease: Math.round(ease * 100) };
}
