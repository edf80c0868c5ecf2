import { Marked } from 'marked';
import { stringify } from 'csv-stringify/sync';
import type { Note } from '../card/card.js';
import { cardsOfNote } from '../card/note-cards.js';
import { isRowProblem, readCardDraft, type RowProblem } from './card-draft.js';
import {
  layoutColumns,
  namesQuestionAndAnswer,
  readRowFields,
  type ColumnLayout,
  type FieldReading,
} from './column-layout.js';
import { readRows } from './csv-rows.js';
import { formatCount, sanitizeTerminalText } from '../markdown/text.js';
import type { ImportResult } from './import-result.js';
import { readSeparator } from './separator.js';

const HEADER_LINE = /^#([^:\n]+):(.*)$/;

/** The columns a header line can name: where each note's guid, notetype, deck and tags are. */
type MetaColumn = keyof ColumnLayout['meta'];
const META_COLUMNS: Record<string, MetaColumn> = {
  'guid column': 'id',
  'notetype column': 'notetype',
  'deck column': 'deck',
  'tags column': 'tags',
};

/** Overrides of a file's own headers: `--separator` and `--columns`. */
export interface AnkiOptions {
  separator?: string;
  columns?: readonly string[];
}

/** A `#deck column:3`-style header line, checked once the rows are read. */
interface ColumnHeader {
  column: MetaColumn;
  /** The header line as written, for messages. */
  text: string;
  value: string;
  line: number;
}

/** The file headers of an Anki "Notes in Plain Text" export that shape how its rows are read. */
interface AnkiHeaders {
  separator: string;
  html: boolean | null;
  columnHeaders: ColumnHeader[];
  /** `#columns:` as written. */
  columnNames: string | null;
  fixedDeck: string;
  fixedNotetype: string;
  globalTags: string[];
  /** Header lines that could not be followed. */
  problems: RowProblem[];
}

/** True when the text starts with Anki's `#separator:`, `#html:` or column headers. */
export function hasAnkiHeaders(text: string): boolean {
  return /^\uFEFF?#(?:separator|html|tags column|deck column|notetype column|guid column|notetype|deck|columns):/im.test(
    text.split('\n', 1)[0] ?? '',
  );
}

/**
 * Reads Anki's "Notes in Plain Text" export: `#key:value` header lines (separator, html, guid/notetype/deck/tags
 * columns), then one note per row. The first field is the question, the second the answer, further fields are added
 * to the answer; HTML becomes markdown; the guid becomes the card's `id` and `A::B` decks become folders `A/B`.
 */
export function parseAnki(text: string, options: AnkiOptions = {}): ImportResult {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  let headerCount = 0;
  while (headerCount < lines.length && lines[headerCount]?.startsWith('#')) headerCount++;
  const headers = readHeaders(lines.slice(0, headerCount));
  const separator = options.separator ?? headers.separator;
  const body = lines.slice(headerCount).join('\n');
  const read = readRows(body, separator, headerCount + 1);
  const unnamed = options.columns === undefined && headers.columnNames === null;
  // A first row naming the fields (`Front`, `Back`) where `#columns:` would: the names, not a note.
  const namingRow = unnamed && read.rows[0] && namesQuestionAndAnswer(read.rows[0].cells) ? read.rows[0] : null;
  const rows = namingRow ? read.rows.slice(1) : read.rows;
  const count = rows.reduce((most, row) => Math.max(most, row.cells.length), 0);
  const columns = readColumns(headers.columnHeaders, count);
  const result: ImportResult = { cards: [], problems: [...headers.problems, ...columns.problems, ...read.problems] };
  const names =
    options.columns ??
    (headers.columnNames === null ? (namingRow?.cells ?? []) : splitColumnNames(headers.columnNames, separator));
  const layout = layoutColumns(names, count, columns.numbers);
  const reading: FieldReading = {
    html: headers.html,
    splitTags: splitAnkiTags,
    unnamedLabel: () => null,
    notetype: headers.fixedNotetype,
  };
  const repeatsQuestion = headers.columnHeaders.length === 0 && repeatsQuestions(rows.map((row) => row.cells));
  for (const { cells, line } of rows) {
    const raw = readRowFields(repeatsQuestion ? dropPlainRepeat(cells) : cells, layout, reading);
    if (!raw) {
      const message = `expected a front and a back field, found ${formatCount(cells.length, 'field')}`;
      result.problems.push({ line, message });
      continue;
    }
    const draft = readCardDraft(
      { ...raw, tags: [...headers.globalTags, ...(raw.tags ?? [])], deck: raw.deck || headers.fixedDeck },
      line,
    );
    if (isRowProblem(draft)) result.problems.push(draft);
    else result.cards.push(draft);
  }
  result.problems.sort((a, b) => a.line - b.line);
  return result;
}

/** Anki's tags: separated by spaces (commas too, as some files write them). */
function splitAnkiTags(cell: string): string[] {
  return cell.split(/[\s,]+/).filter(Boolean);
}

/** The names of `#columns:`, separated like the rows (or by spaces when that gives a single name). */
function splitColumnNames(value: string, separator: string): string[] {
  const [names = []] = readRows(value, separator).rows.map((row) => row.cells);
  return names.length === 1 && separator !== ' ' ? value.trim().split(/\s+/) : names;
}

/**
 * True for Anki's "Cards in Plain Text" export without HTML: two fields a row, and in most rows the answer starts
 * with the question, which the card's back repeats.
 */
function repeatsQuestions(rows: readonly (readonly string[])[]): boolean {
  if (rows.length === 0 || rows.some((cells) => cells.length !== 2)) return false;
  return rows.filter((cells) => dropPlainRepeat(cells) !== cells).length * 2 >= rows.length;
}

function dropPlainRepeat(cells: readonly string[]): readonly string[] {
  const [question = '', answer = ''] = cells;
  const front = question.trim();
  if (!front || !answer.startsWith(front) || !/^\s/.test(answer.slice(front.length))) return cells;
  const rest = answer.slice(front.length).trim();
  return rest ? [question, rest] : cells;
}

function readHeaders(lines: readonly string[]): AnkiHeaders {
  const headers: AnkiHeaders = {
    separator: '\t',
    html: null,
    columnHeaders: [],
    columnNames: null,
    fixedDeck: '',
    fixedNotetype: '',
    globalTags: [],
    problems: [],
  };
  lines.forEach((written, index) => {
    const text = written.replace(/\r$/, '');
    const match = HEADER_LINE.exec(text);
    if (!match) return;
    const key = (match[1] ?? '').trim().toLowerCase();
    const value = match[2] ?? '';
    const line = index + 1;
    const column = META_COLUMNS[key];
    if (column) headers.columnHeaders.push({ column, text, value, line });
    else if (key === 'separator') readSeparatorHeader(value, line, headers);
    else if (key === 'html') readHtml(value, line, headers);
    else if (key === 'deck') headers.fixedDeck = value.trim();
    else if (key === 'notetype') headers.fixedNotetype = value.trim();
    else if (key === 'tags') headers.globalTags = splitAnkiTags(value);
    else if (key === 'columns') headers.columnNames = value;
  });
  return headers;
}

function readSeparatorHeader(value: string, line: number, headers: AnkiHeaders): void {
  const separator = readSeparator(value);
  if (separator) {
    headers.separator = separator;
    return;
  }
  const message = `unknown separator "${value}": use tab, comma, semicolon, space, pipe, colon or one character (the header is ignored)`;
  headers.problems.push({ line, message });
}

function readHtml(value: string, line: number, headers: AnkiHeaders): void {
  const html = value.trim().toLowerCase();
  if (html === 'true' || html === 'false') headers.html = html === 'true';
  else
    headers.problems.push({
      line,
      message: `"#html:${value}" is neither true nor false (the header is ignored: HTML is guessed per field)`,
    });
}

/**
 * The column (0-based) of each note property a `#… column:` header names (1-based), given how many columns the rows
 * have. A header naming no column of the rows is a problem, and ignored.
 */
function readColumns(
  columnHeaders: readonly ColumnHeader[],
  count: number,
): { numbers: ColumnLayout['meta']; problems: RowProblem[] } {
  const numbers: ColumnLayout['meta'] = {};
  const problems: RowProblem[] = [];
  const existing =
    count === 0
      ? 'the file has no rows'
      : count === 1
        ? 'the rows have column 1 only'
        : `the rows have columns 1 to ${count}`;
  for (const { column, text, value, line } of columnHeaders) {
    const number = Number(value.trim());
    if (Number.isInteger(number) && number >= 1 && number <= count) numbers[column] = number - 1;
    else problems.push({ line, message: `"${text}" names no column: ${existing} (the header is ignored)` });
  }
  return { numbers, problems };
}

const marked = new Marked({ gfm: true });

/**
 * Notes as an Anki "Notes in Plain Text" file: tab-separated with headers, each note's id as its guid (so a second
 * import updates the notes), its note type per row (Basic, "Basic (and reversed card)", Cloze: two fields each),
 * markdown as the HTML Anki shows, tags with spaces joined by `_`.
 */
export function formatAnki(notes: readonly Note[]): string {
  const headers = '#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#tags column:5\n';
  const rows = notes.map((note) =>
    [note.id, ...formatAnkiFields(note), note.tags.map((tag) => tag.replace(/\s+/g, '_')).join(' ')].map(
      sanitizeTerminalText,
    ),
  );
  // A field starting with `#` is quoted, so Anki never takes its row for a header line.
  return headers + stringify(rows, { delimiter: '\t', record_delimiter: 'unix', quoted_match: /^#/ });
}

/** A note's Anki note type and its two fields: Front and Back, or a cloze note's Text (title first) and Extra. */
function formatAnkiFields(note: Note): [string, string, string] {
  if (isClozeNote(note))
    return ['Cloze', toHtml(note.question ? `${note.question}\n\n${note.answer}` : note.answer), ''];
  const front = note.question.includes('\n')
    ? toHtml(note.question)
    : marked.parseInline(note.question, { async: false });
  return [note.reverse ? 'Basic (and reversed card)' : 'Basic', front, toHtml(note.answer)];
}

// The rule the cards follow: a note is a cloze note when it yields cloze cards.
function isClozeNote(note: Note): boolean {
  return cardsOfNote(note).some((card) => card.kind === 'cloze');
}

function toHtml(markdown: string): string {
  return marked.parse(markdown, { async: false }).trimEnd();
}
