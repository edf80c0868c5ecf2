import { parse, type CsvError, type Info } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Note } from '../card/card.js';
import { isRowProblem, readCardDraft, type RawCard, type RowProblem } from './card-draft.js';
import { formatCount, sanitizeTerminalText } from '../markdown/text.js';
import type { ImportResult } from './import-result.js';

/** The separators of the two spreadsheet formats. */
export type Delimiter = ',' | '\t';

/** One record of a delimited file, with the file line it starts on. */
export interface Row {
  cells: string[];
  line: number;
}

type Column = keyof RawCard;

// Header names each column is known by, lower case.
const COLUMN_NAMES: Record<string, Column> = {
  question: 'question',
  front: 'question',
  term: 'question',
  answer: 'answer',
  back: 'answer',
  definition: 'answer',
  tags: 'tags',
  tag: 'tags',
  difficulty: 'difficulty',
  level: 'difficulty',
  id: 'id',
  deck: 'deck',
  reverse: 'reverse',
  reversed: 'reverse',
};
/** The header `formatCsv` writes; `parseCsv` reads it back. */
export const CSV_COLUMNS: readonly Column[] = ['question', 'answer', 'tags', 'difficulty', 'id', 'deck', 'reverse'];
// Without a header row: front, back and tags, in that order.
const POSITIONAL: readonly Column[] = ['question', 'answer', 'tags'];

/**
 * Splits delimited text into records with their start lines (quoted fields may hold the separator, quotes and
 * line breaks); `firstLine` is the file line the text starts on. A quote left open is reported, and ends the file.
 */
export function readRows(text: string, delimiter: string, firstLine = 1): { rows: Row[]; problems: RowProblem[] } {
  const skipped: { lines: number; message: string }[] = [];
  // One kind of line break, so csv-parse counts lines right (it would take a lone `\r` for the record delimiter).
  const records = parse(text.replace(/\r\n?/g, '\n'), {
    delimiter,
    bom: true,
    info: true,
    raw: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined) => {
      if (error) skipped.push({ lines: Number(error.lines), message: describeCsvError(error) });
    },
  }) as unknown as { record: string[]; info: Info; raw: string }[];
  const ends: number[] = [];
  const rows = records.map(({ record, info, raw }) => {
    ends.push(info.lines);
    // `raw` starts with the blank lines skipped before the record; the record itself spans its other line breaks.
    const breaks = raw.replace(/^\n+/, '').replace(/\n$/, '').split('\n').length - 1;
    return { cells: record, line: firstLine - 1 + info.lines - breaks };
  });
  // csv-parse reports where it gave up; the bad record starts after the last good one before that.
  const problems = skipped.map(({ lines, message }) => ({
    line: firstLine + Math.max(0, ...ends.filter((end) => end < lines)),
    message,
  }));
  return { rows, problems };
}

function describeCsvError(error: CsvError): string {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED')
    return 'a quoted field is never closed: add the closing " (this and later rows are skipped)';
  return `unreadable row (${error.message})`;
}

/**
 * Reads a CSV (`,`) or TSV (tab) file: a header row naming the columns (question/front/term, answer/back/definition,
 * tags, difficulty, id, deck, reverse, in any order), or rows of front, back and optional tags. Tags are separated by
 * commas, else by spaces. A row with an empty question whose answer holds cloze deletions is a cloze note.
 */
export function parseCsv(text: string, delimiter: Delimiter): ImportResult {
  const { rows, problems } = readRows(text, delimiter);
  const header = rows[0] ? readHeader(rows[0].cells) : null;
  const columns = header ?? POSITIONAL;
  const result: ImportResult = { cards: [], problems };
  for (const row of header ? rows.slice(1) : rows) {
    const raw = toRawCard(row.cells, columns);
    if (raw.question === undefined || raw.answer === undefined) {
      result.problems.push({
        line: row.line,
        message: `expected a question and an answer separated by ${delimiter === ',' ? 'a comma' : 'a tab'}, found ${formatCount(row.cells.length, 'field')}`,
      });
      continue;
    }
    const draft = readCardDraft(raw as RawCard, row.line);
    if (isRowProblem(draft)) result.problems.push(draft);
    else result.cards.push(draft);
  }
  result.problems.sort((a, b) => a.line - b.line);
  return result;
}

/** The columns a header row names, or null when the row is a card: a header names both a question and an answer. */
function readHeader(cells: readonly string[]): (Column | null)[] | null {
  const columns = cells.map((cell) => COLUMN_NAMES[cell.trim().toLowerCase()] ?? null);
  return columns.includes('question') && columns.includes('answer') ? columns : null;
}

function toRawCard(cells: readonly string[], columns: readonly (Column | null)[]): Partial<RawCard> {
  const raw: Partial<Record<Column, string>> = {};
  columns.forEach((column, index) => {
    const cell = cells[index];
    // The first column of a name wins; unnamed columns are ignored.
    if (column && cell !== undefined && raw[column] === undefined) raw[column] = cell;
  });
  const { tags, ...fields } = raw;
  return { ...fields, tags: splitTags(tags ?? '') };
}

/** Tags in one cell: comma-separated when there is a comma, else space-separated (as Anki writes them). */
export function splitTags(cell: string): string[] {
  return cell
    .split(cell.includes(',') ? ',' : /\s+/)
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/** Tags as one cell that `splitTags` reads back; a single tag with a space keeps a trailing comma to stay whole. */
function joinTags(tags: readonly string[]): string {
  const [only] = tags;
  return tags.length === 1 && only !== undefined && /\s/.test(only) ? `${only},` : tags.join(', ');
}

/**
 * Notes as CSV or TSV with a header row (question, answer, tags, difficulty, id, deck, reverse), one row a note; text
 * stays markdown, so a cloze note is an empty question and its text with the deletions as written.
 */
export function formatCsv(notes: readonly Note[], delimiter: Delimiter): string {
  const rows = notes.map((note) =>
    [
      note.question,
      note.answer,
      joinTags(note.tags),
      note.difficulty ?? '',
      note.id,
      note.deck === '.' ? '' : note.deck,
      note.reverse ? 'true' : 'false',
    ].map(sanitizeTerminalText),
  );
  return stringify([[...CSV_COLUMNS], ...rows], { delimiter, record_delimiter: 'unix' });
}
