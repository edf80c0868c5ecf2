import matter from 'gray-matter';
import { Lexer, type Token } from 'marked';
import YAML from 'yaml';
import { DIFFICULTY_EMOJI, parseDifficulty, type Card, type CardProblem, type Difficulty } from './card.js';

/** A parsed card file: the card and the line of its `id:` field (1 when it has none), or why it is invalid. */
export type ParsedCard = { card: Card; idLine: number } | { problem: CardProblem };

/** A problem found while parsing, at a 1-based file line; caught in `parseCard`. */
class CardError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

const ALLOWED_DIFFICULTIES = `${DIFFICULTY_EMOJI.easy}/easy, ${DIFFICULTY_EMOJI.medium}/medium or ${DIFFICULTY_EMOJI.hard}/hard`;
// `---js`, `--- coffee`…: gray-matter would pick another engine (and eval JavaScript). `----` is a rule, not frontmatter.
// Any whitespace counts, as gray-matter trims the tag with String#trim.
const LANGUAGE_TAG = /^---(?!-)[^\S\n]*\S/;
// No leading `\s*`: it would backtrack quadratically over a long run of spaces.
const TRAILING_EMOJI = /(👶|⭐|🚀)\uFE0F?\s*$/u;

// Never reached while LANGUAGE_TAG holds; kept so a missed tag can still never run code.
const refuseEngine = (): never => {
  throw new CardError(1, 'frontmatter must be YAML; remove the language tag after "---"');
};

// An options object also keeps gray-matter from caching every input forever.
const MATTER_OPTIONS = { engines: { yaml: parseYaml, javascript: refuseEngine, json: refuseEngine } };

/**
 * YAML 1.2 core schema (dates and `yes` stay strings), no aliases (no alias bombs).
 * gray-matter hands over the text from just after the opening `---`, so YAML line N is file line N.
 */
function parseYaml(source: string): object {
  const doc = YAML.parseDocument(source, { schema: 'core' });
  const lastLine = source.split('\n').length;
  const [error] = doc.errors;
  if (error) {
    const reason = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    throw new CardError(Math.min(error.linePos?.[0].line ?? 1, lastLine), `invalid YAML in frontmatter: ${reason}`);
  }
  let aliasAt: number | undefined;
  YAML.visit(doc, {
    Alias: (_, node) => {
      aliasAt = node.range?.[0] ?? 0;
      return YAML.visit.BREAK;
    },
  });
  if (aliasAt !== undefined) {
    throw new CardError(lineAt(source, aliasAt), 'YAML aliases (*name) are not allowed in frontmatter; write the value out');
  }
  return doc.toJS({ maxAliasCount: 0 }) ?? {};
}

/** Reads one card file's text; `path` is relative to the cards root with `/` separators. */
export function parseCard(text: string, path: string): ParsedCard {
  try {
    return readCard(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), path);
  } catch (error) {
    if (error instanceof CardError) return { problem: { path, line: error.line, message: error.message } };
    throw error;
  }
}

function readCard(source: string, path: string): ParsedCard {
  const { fields, frontmatter, body, bodyLine } = splitFrontmatter(source);
  const fieldLine = (name: string) => findFieldLine(frontmatter, name);
  const idLine = fieldLine('id');
  const id = readId(fields.id, idLine) ?? path.replace(/\.md$/i, '');
  const tags = readTags(fields.tags, fieldLine('tags'));
  const declared = readDifficulty(fields.difficulty, fieldLine('difficulty'));
  const { question: written, answer, line } = splitQuestion(fields.question, fieldLine('question'), body, bodyLine);

  const emoji = TRAILING_EMOJI.exec(written);
  const question = emoji ? written.slice(0, emoji.index).trimEnd() : written;
  if (!question) throw new CardError(line, NO_QUESTION);
  if (!answer) throw new CardError(line, 'empty answer: write the answer below the question');
  const difficulty = declared ?? (emoji?.[1] ? parseDifficulty(emoji[1]) : null);
  const slash = path.lastIndexOf('/');
  const deck = slash === -1 ? '.' : path.slice(0, slash);
  return { card: { id, deck, path, difficulty, tags, question, answer }, idLine };
}

const NO_QUESTION = 'no question: start the card with a "# Question" heading or set "question:" in the frontmatter';

function splitFrontmatter(source: string) {
  if (LANGUAGE_TAG.test(source)) {
    const tag = (source.split('\n')[0] ?? '').trim().slice(0, 24);
    throw new CardError(1, `frontmatter must be YAML (found "${tag}"); remove the language tag`);
  }
  if (/^---(?!-)/.test(source) && !source.includes('\n---', 3)) {
    throw new CardError(1, 'frontmatter is not closed: add a line "---" after its last field');
  }
  const file = readMatter(source);
  const fields: unknown = file.data;
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    throw new CardError(1, 'frontmatter must be fields like "id: my-card", not a list or a single value');
  }
  const bodyLine = lineAt(source, source.length - file.content.length);
  // gray-matter leaves `matter` unset for an empty file.
  const frontmatter = file.matter ?? '';
  return { fields: fields as Record<string, unknown>, frontmatter, body: file.content, bodyLine };
}

function readMatter(source: string): matter.GrayMatterFile<string> {
  try {
    return matter(source, MATTER_OPTIONS);
  } catch (error) {
    // A card file must never crash a command, whatever gray-matter throws.
    if (error instanceof CardError) throw error;
    throw new CardError(1, `cannot read the frontmatter: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Line of a top-level `name:` key in the frontmatter text (whose first line is file line 1), else 1. */
function findFieldLine(frontmatter: string, name: string): number {
  const key = new RegExp(`^["']?${name}["']?[ \\t]*:`);
  const index = frontmatter.split('\n').findIndex((line) => key.test(line));
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

function readDifficulty(value: unknown, line: number): Difficulty | null {
  if (value === undefined || value === null) return null;
  const difficulty = typeof value === 'string' ? parseDifficulty(value) : null;
  if (!difficulty) throw new CardError(line, `unknown difficulty ${describe(value)}: use ${ALLOWED_DIFFICULTIES}`);
  return difficulty;
}

/** The question (frontmatter first, else the first `# ` heading) and the answer after it; `line` locates both. */
function splitQuestion(field: unknown, fieldLine: number, body: string, bodyLine: number) {
  if (field !== undefined && field !== null) {
    if (typeof field !== 'string') throw new CardError(fieldLine, `question must be text (found ${describe(field)})`);
    return { question: field.trim(), answer: trimAnswer(body), line: fieldLine };
  }
  let offset = 0;
  // Top-level tokens only, so a `# ` line in a code block, quote or list is not the question.
  for (const token of Lexer.lex(body)) {
    if (isTitleHeading(token)) {
      const line = bodyLine + lineAt(body, offset) - 1;
      return { question: token.text.trim(), answer: trimAnswer(body.slice(offset + token.raw.length)), line };
    }
    offset += token.raw.length;
  }
  throw new CardError(1, NO_QUESTION);
}

/** A level-1 ATX heading (`# Title`); setext headings (`Title` over `===`) do not count. */
function isTitleHeading(token: Token): token is Token & { text: string } {
  return token.type === 'heading' && token.depth === 1 && /^ {0,3}#/.test(token.raw);
}

/** Drops blank lines before the answer and whitespace after it, keeping an indented code block's indent. */
function trimAnswer(answer: string): string {
  return answer.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
}

/** 1-based line of a string offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}

/** A short rendering of a YAML value for messages. */
function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
