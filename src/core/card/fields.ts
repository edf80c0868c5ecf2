import {
  DIFFICULTY_EMOJI,
  parseDifficulty,
  splitTrailingDifficulty,
  type Card,
  type CardProblem,
  type Difficulty,
  type Note,
  CardError,
  NO_QUESTION,
  EMPTY_ANSWER,
} from './card.js';
import { mayHoldClozeDeletions } from './cloze.js';
import { removeClozeMarks } from '../markdown/cloze-marks.js';
import { cardsOfNote } from './note-cards.js';
import { findDeepMarkdown } from '../markdown/nesting.js';
import { suggestClosest } from '../suggest.js';

/**
 * A parsed card file: its note and the cards it yields, the line of its `id:` field (1 when it has none) and what is
 * worth a warning (unknown fields; only when there is any), or why it is invalid.
 */
export type ParsedNote =
  { note: Note; cards: Card[]; idLine: number; warnings?: CardProblem[] } | { problem: CardProblem };

/** A card file split into its frontmatter fields and its markdown body. */
export interface CardParts {
  fields: Record<string, unknown>;
  /** The frontmatter text, whose first line is file line 1 ('' without frontmatter). */
  frontmatter: string;
  body: string;
  /** File line of the body's first line. */
  bodyLine: number;
}

/** The first top-level `# ` heading of a body: where it starts, its source (with the newlines after it) and its text. */
export interface TitleHeading {
  offset: number;
  raw: string;
  text: string;
}

/** The frontmatter fields flashdeck reads. */
const CARD_FIELDS = ['id', 'question', 'difficulty', 'tags', 'reverse'];

/** Fields other tools keep in notes (Obsidian, static site generators, spaced-repetition plugins): never reported. */
const OTHER_TOOLS_FIELDS = new Set([
  'aliases',
  'alias',
  'cssclasses',
  'cssclass',
  'created',
  'updated',
  'modified',
  'lastmod',
  'date',
  'title',
  'source',
  'url',
  'publish',
  'permalink',
  'slug',
  'description',
  'summary',
  'author',
  'authors',
  'draft',
  'status',
  'type',
  'category',
  'categories',
  'keywords',
  'layout',
  'lang',
  'sr-due',
  'sr-interval',
  'sr-ease',
]);

const ALLOWED_DIFFICULTIES = `${DIFFICULTY_EMOJI.easy}/easy, ${DIFFICULTY_EMOJI.medium}/medium or ${DIFFICULTY_EMOJI.hard}/hard`;

/** The text both parsers read: no byte order mark, `\n` line ends, none of the characters that mark cloze deletions. */
export function normalizeCardText(text: string): string {
  return removeClozeMarks(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
}

/** Runs a parse, turning a CardError into the card's problem. */
export function catchCardError(path: string, parse: () => ParsedNote): ParsedNote {
  try {
    return parse();
  } catch (error) {
    if (error instanceof CardError) return { problem: { path, line: error.line, message: error.message } };
    throw error;
  }
}

/**
 * Reads the note from its parts, and its cards; `findTitle` finds the question heading in the body (null when there
 * is none). Throws CardError; the checks run in a fixed order, so every parser reports the same first problem.
 */
export function assembleNote(
  parts: CardParts,
  path: string,
  findTitle: (body: string) => TitleHeading | null,
): ParsedNote {
  const { fields, frontmatter } = parts;
  const frontmatterLines = frontmatter.split('\n');
  const fieldLine = (name: string) => findFieldLine(frontmatterLines, name);
  const idLine = fieldLine('id');
  const id = readId(fields.id, idLine) ?? path.replace(/\.md$/i, '');
  const tags = readTags(fields.tags, fieldLine('tags'));
  const declared = readDifficulty(fields.difficulty, fieldLine('difficulty'));
  const reverse = readReverse(fields.reverse, fieldLine('reverse'));
  // Before any markdown parser reads the text: too deep a nesting would overflow its stack.
  checkNesting(parts.body, parts.bodyLine);
  if (typeof fields.question === 'string') checkNesting(fields.question, fieldLine('question'));
  const written = splitQuestion(fields.question, fieldLine('question'), parts, findTitle);

  const { question, difficulty: marked } = splitTrailingDifficulty(written.question);
  const isCloze = mayHoldClozeDeletions(written.question) || mayHoldClozeDeletions(written.answer);
  if (!question && !isCloze) throw new CardError(written.line, NO_QUESTION);
  // A cloze title needs nothing below it: its deletions are the answers.
  if (!written.answer && !mayHoldClozeDeletions(written.question)) throw new CardError(written.line, EMPTY_ANSWER);
  const difficulty = declared ?? marked;
  const note: Note = {
    id,
    deck: deckOf(path),
    path,
    difficulty,
    tags,
    ...written,
    question,
    reverse,
    format: 'flashdeck',
  };
  const cards = cardsOfNote(note);
  const warnings = findUnknownFields(fields, frontmatterLines, path);
  if (reverse && cards.every((card) => card.kind === 'cloze'))
    warnings.push({ path, line: fieldLine('reverse'), message: '"reverse: true" does nothing on a cloze note' });
  return warnings.length ? { note, cards, idLine, warnings } : { note, cards, idLine };
}

/** A warning for each field neither flashdeck nor a common notes tool reads: a misspelt `tag:` would lose the tags. */
function findUnknownFields(
  fields: Record<string, unknown>,
  frontmatterLines: readonly string[],
  path: string,
): CardProblem[] {
  return Object.keys(fields)
    .filter((name) => !CARD_FIELDS.includes(name) && !OTHER_TOOLS_FIELDS.has(name.toLowerCase()))
    .map((name) => {
      const closest = suggestClosest(name, CARD_FIELDS);
      const hint = closest ? `did you mean "${closest}"?` : `flashdeck reads ${CARD_FIELDS.join(', ')}`;
      return {
        path,
        line: findFieldLine(frontmatterLines, name),
        message: `unknown field ${describe(name)} (${hint})`,
      };
    });
}

/** The deck of the card file at `path` (relative, `/` separators): its folder, `.` at the root. */
export function deckOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '.' : path.slice(0, slash);
}

/** Throws a CardError at the file line of the first line of `markdown` (which starts at `firstLine`) nested too deeply. */
function checkNesting(markdown: string, firstLine: number): void {
  const deep = findDeepMarkdown(markdown);
  if (deep) throw new CardError(firstLine + deep.line - 1, deep.message);
}

/** A pattern for the line of a top-level `name:` key. */
function fieldKey(name: string): RegExp {
  const literal = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^["']?${literal}["']?[ \\t]*:`);
}

// Built once for the fields every card may have; an unknown field's is built when it is reported.
const fieldKeys = new Map(CARD_FIELDS.map((name) => [name, fieldKey(name)]));

/** Line of a top-level `name:` key in the frontmatter's lines (the first is file line 1), else 1. */
function findFieldLine(lines: readonly string[], name: string): number {
  const key = fieldKeys.get(name) ?? fieldKey(name);
  const index = lines.findIndex((line) => key.test(line));
  return index === -1 ? 1 : index + 1;
}

function readId(value: unknown, line: number): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (value === null || value === '') throw new CardError(line, 'id is empty: set "id: some-name" or remove the line');
  throw new CardError(line, `id must be text, like "id: ml/adam" (found ${describe(value)})`);
}

function readTags(value: unknown, line: number): string[] {
  if (value === undefined || value === null) return [];
  const isWord = (item: unknown) => typeof item === 'string' || typeof item === 'number';
  let items: string[];
  if (isWord(value)) items = String(value).split(',');
  else if (Array.isArray(value) && value.every(isWord)) items = value.map(String);
  else throw new CardError(line, 'tags must be a list like "[adam, sgd]" or a comma-separated string');
  return [...new Set(items.map((tag) => tag.trim()).filter(Boolean))];
}

function readReverse(value: unknown, line: number): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') throw new CardError(line, `reverse must be true or false (found ${describe(value)})`);
  return value;
}

function readDifficulty(value: unknown, line: number): Difficulty | null {
  if (value === undefined || value === null) return null;
  const difficulty = typeof value === 'string' ? parseDifficulty(value) : null;
  if (!difficulty) throw new CardError(line, `unknown difficulty ${describe(value)}: use ${ALLOWED_DIFFICULTIES}`);
  return difficulty;
}

/**
 * The question (frontmatter first, else the title heading) and the answer after it, with the lines they start on.
 * A body without a title is a cloze note's text (its question is '') when it holds a deletion.
 */
function splitQuestion(
  field: unknown,
  fieldLine: number,
  parts: CardParts,
  findTitle: (body: string) => TitleHeading | null,
): Pick<Note, 'question' | 'line' | 'answer' | 'answerLine'> {
  const answerFrom = (offset: number) => {
    const rest = parts.body.slice(offset);
    const answer = trimAnswer(rest);
    const blank = /^(?:[ \t]*\n)*/.exec(rest)?.[0] ?? '';
    return { answer, answerLine: parts.bodyLine + lineAt(parts.body, offset + blank.length) - 1 };
  };
  if (field !== undefined && field !== null) {
    if (typeof field !== 'string') throw new CardError(fieldLine, `question must be text (found ${describe(field)})`);
    return { question: field.trim(), line: fieldLine, ...answerFrom(0) };
  }
  const title = mayHoldClozeDeletions(parts.body) && !startsWithTitle(parts.body) ? null : findTitle(parts.body);
  if (!title) {
    const text = answerFrom(0);
    if (mayHoldClozeDeletions(text.answer)) return { question: '', line: text.answerLine, ...text };
    throw new CardError(1, NO_QUESTION);
  }
  const line = parts.bodyLine + lineAt(parts.body, title.offset) - 1;
  return { question: title.text.trim(), line, ...answerFrom(title.offset + title.raw.length) };
}

/** Whether the body's first line with text is a `# ` heading: a cloze note's title, shown above its text. */
function startsWithTitle(body: string): boolean {
  return /^(?:[ \t]*\n)* {0,3}#[ \t]/.test(body);
}

/** Drops blank lines before the answer and whitespace after it, keeping an indented code block's indent. */
function trimAnswer(answer: string): string {
  return answer.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
}

/** 1-based line of a string offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}

/** A short rendering of a YAML value for messages. */
function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
