import { stringify } from 'csv-stringify/sync';
import type { Note } from '../card/card.js';
import { isRowProblem, readCardDraft } from './card-draft.js';
import { isHeaderRow, layoutColumns, readRowFields, type FieldReading } from './column-layout.js';
import { readRows, type Row } from './csv-rows.js';
import { looksLikeHtml } from './html-field.js';
import { formatCount, sanitizeTerminalText } from '../markdown/text.js';
import type { ImportResult } from './import-result.js';
import { nameSeparator } from './separator.js';

/** The separators of the two spreadsheet formats flashdeck writes. */
export type Delimiter = ',' | '\t';

/** How to read a delimited file: its separator, and the columns named by hand (`--columns`) if they are. */
export interface CsvOptions {
  separator: string;
  columns?: readonly string[];
}

/** The header `formatCsv` writes; `parseCsv` reads it back. */
export const CSV_COLUMNS = ['question', 'answer', 'tags', 'difficulty', 'id', 'deck', 'reverse'] as const;
// Code spans and LaTeX, where `\n` is no line break.
const LITERAL_KEPT = /(`[^`\n]*`|\\\(.*?\\\)|\\\[.*?\\\]|\$[^$\n]*\$)/;
const LITERAL_BREAK = /(?<!\\)\\r\\n|(?<!\\)\\n/g;

/**
 * Reads a delimited file (CSV, TSV, semicolon- or pipe-separated). The first row names the columns when it looks like
 * a header (see `isHeaderRow`), else the columns are question, answer and further fields; `columns` names them by hand
 * (a header row is then skipped). Named columns give the question and answer (question/front/term/word…,
 * answer/back/definition/meaning/translation…), tags, difficulty, id, deck and reverse; every other column is added
 * to the answer under its name (`Column 3` when it has none). Tags are separated by commas, else by spaces. HTML
 * fields become markdown; a file that writes line breaks as `\n` has them decoded.
 */
export function parseCsv(text: string, options: CsvOptions): ImportResult {
  const { rows, problems } = readRows(text, options.separator);
  const first = rows[0];
  const hasHeader = first
    ? isHeaderRow(
        first.cells,
        rows.slice(1, 51).map((row) => row.cells),
      )
    : false;
  const body = hasHeader ? rows.slice(1) : rows;
  const names = options.columns ?? (hasHeader && first ? first.cells : []);
  const count = body.reduce((most, row) => Math.max(most, row.cells.length), 0);
  const layout = layoutColumns(names, count);
  const reading: FieldReading = { html: null, splitTags, unnamedLabel: (index) => `Column ${index + 1}` };
  const decodeBreaks = usesLiteralBreaks(body);
  const result: ImportResult = { cards: [], problems };
  for (const row of body) {
    const cells = decodeBreaks ? row.cells.map(decodeLiteralBreaks) : row.cells;
    const raw = readRowFields(cells, layout, reading);
    if (!raw) {
      const name = nameSeparator(options.separator);
      const separated = `separated by ${name.startsWith("'") ? name : `a ${name}`}`;
      const message = `expected a question and an answer ${separated}, found ${formatCount(cells.length, 'field')}`;
      result.problems.push({ line: row.line, message });
      continue;
    }
    const draft = readCardDraft(raw, row.line);
    if (isRowProblem(draft)) result.problems.push(draft);
    else result.cards.push(draft);
  }
  result.problems.sort((a, b) => a.line - b.line);
  return result;
}

/** True when a file writes line breaks as `\n`: some field holds one, and none holds a real line break. */
function usesLiteralBreaks(rows: readonly Row[]): boolean {
  const cells = rows.flatMap((row) => row.cells);
  return !cells.some((cell) => cell.includes('\n')) && cells.some((cell) => decodeLiteralBreaks(cell) !== cell);
}

/** `\n` as a line break (`<br>` in HTML), outside code spans and LaTeX. */
function decodeLiteralBreaks(cell: string): string {
  const lineBreak = looksLikeHtml(cell) ? '<br>' : '\n';
  return cell
    .split(LITERAL_KEPT)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(LITERAL_BREAK, lineBreak)))
    .join('');
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
