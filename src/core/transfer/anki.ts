import { Marked } from 'marked';
import { stringify } from 'csv-stringify/sync';
import TurndownService from 'turndown';
import type { Note } from '../card/card.js';
import { cardsOfNote } from '../card/note-cards.js';
import { isRowProblem, readCardDraft, type RawCard, type RowProblem } from './card-draft.js';
import { formatCount, sanitizeTerminalText } from '../markdown/text.js';
import { readRows, splitTags } from './csv.js';
import type { ImportResult } from './import-result.js';

// Anki's `#separator:` names; a single character is taken as itself.
const SEPARATORS: Record<string, string> = { tab: '\t', comma: ',', semicolon: ';', space: ' ', pipe: '|', colon: ':' };
const HEADER_LINE = /^#([^:\n]+):(.*)$/;
const HTML_LIKE = /<[a-z][^>]*>|&(?:[a-z]+|#\d+|#x[\da-f]+);/i;

/** The columns a header line can name: where each note's guid, notetype, deck and tags are. */
type MetaColumn = 'guid' | 'notetype' | 'deck' | 'tags';
const META_COLUMNS: Record<string, MetaColumn> = {
  'guid column': 'guid',
  'notetype column': 'notetype',
  'deck column': 'deck',
  'tags column': 'tags',
};

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

/** True when a field holds HTML tags or entities, as Anki guesses when the file does not say. */
export function looksLikeHtml(text: string): boolean {
  return HTML_LIKE.test(text);
}

/**
 * Reads Anki's "Notes in Plain Text" export: `#key:value` header lines (separator, html, guid/notetype/deck/tags
 * columns), then one note per row. The first field is the question, the second the answer, further fields are added
 * to the answer; HTML becomes markdown; the guid becomes the card's `id` and `A::B` decks become folders `A/B`.
 */
export function parseAnki(text: string): ImportResult {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  let headerCount = 0;
  while (headerCount < lines.length && lines[headerCount]?.startsWith('#')) headerCount++;
  const headers = readHeaders(lines.slice(0, headerCount));
  const body = lines.slice(headerCount).join('\n');
  const { rows, problems } = readRows(body, headers.separator, headerCount + 1);
  const columns = readColumns(
    headers.columnHeaders,
    rows.reduce((most, row) => Math.max(most, row.cells.length), 0),
  );
  const result: ImportResult = { cards: [], problems: [...headers.problems, ...columns.problems, ...problems] };
  const { guid, notetype: notetypeColumn, deck, tags } = columns.numbers;
  const metaColumns = new Set([guid, notetypeColumn, deck, tags].filter((column) => column > 0));
  for (const { cells, line } of rows) {
    const cell = (column: number) => (column > 0 ? (cells[column - 1] ?? '') : '');
    const notetype = cell(notetypeColumn) || headers.fixedNotetype;
    const noteFields = cells.filter((_, index) => !metaColumns.has(index + 1));
    // Without a tags column Anki takes the column after a basic note's two fields as the tags.
    const fields = tags > 0 ? noteFields : noteFields.slice(0, 2);
    const tagCell = tags > 0 ? cell(tags) : noteFields.slice(2).join(' ');
    const [front, back, ...extra] = fields.map((field) => toMarkdown(field, headers.html));
    if (front === undefined || back === undefined) {
      result.problems.push({
        line,
        message: `expected a front and a back field, found ${formatCount(fields.length, 'field')}`,
      });
      continue;
    }
    const isCloze = /cloze/i.test(notetype);
    // A cloze note's Text holds its deletions (and title): flashdeck's cloze note has no question.
    const text = isCloze ? [front, back, ...extra] : [back, ...extra];
    const raw: RawCard = {
      question: isCloze ? '' : front,
      answer: text.filter((part) => part.trim() !== '').join('\n\n'),
      tags: [...headers.globalTags, ...splitTags(tagCell.replace(/,/g, ' '))],
      id: cell(guid),
      deck: cell(deck) || headers.fixedDeck,
      reverse: !isCloze && /reverse/i.test(notetype),
    };
    const draft = readCardDraft(raw, line);
    if (isRowProblem(draft)) result.problems.push(draft);
    else result.cards.push(draft);
  }
  result.problems.sort((a, b) => a.line - b.line);
  return result;
}

function readHeaders(lines: readonly string[]): AnkiHeaders {
  const headers: AnkiHeaders = {
    separator: '\t',
    html: null,
    columnHeaders: [],
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
    else if (key === 'separator') readSeparator(value, line, headers);
    else if (key === 'html') readHtml(value, line, headers);
    else if (key === 'deck') headers.fixedDeck = value.trim();
    else if (key === 'notetype') headers.fixedNotetype = value.trim();
    else if (key === 'tags') headers.globalTags = splitTags(value);
  });
  return headers;
}

function readSeparator(value: string, line: number, headers: AnkiHeaders): void {
  const separator = SEPARATORS[value.trim().toLowerCase()] ?? (value.length === 1 ? value : undefined);
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
 * The 1-based column of each note property a `#… column:` header names (0 when none does), given how many columns the
 * rows have. A header naming no column of the rows is a problem, and ignored.
 */
function readColumns(
  columnHeaders: readonly ColumnHeader[],
  count: number,
): { numbers: Record<MetaColumn, number>; problems: RowProblem[] } {
  const numbers: Record<MetaColumn, number> = { guid: 0, notetype: 0, deck: 0, tags: 0 };
  const problems: RowProblem[] = [];
  const existing =
    count === 0
      ? 'the file has no rows'
      : count === 1
        ? 'the rows have column 1 only'
        : `the rows have columns 1 to ${count}`;
  for (const { column, text, value, line } of columnHeaders) {
    const number = Number(value.trim());
    if (Number.isInteger(number) && number >= 1 && number <= count) numbers[column] = number;
    else problems.push({ line, message: `"${text}" names no column: ${existing} (the header is ignored)` });
  }
  return { numbers, problems };
}

let turndown: TurndownService | undefined;

/** A field as markdown: HTML is converted (`<br>` a line break, `<br><br>` a new paragraph); plain text stays. */
export function toMarkdown(field: string, html: boolean | null): string {
  if (!(html ?? looksLikeHtml(field))) return field;
  turndown ??= createTurndown();
  const tidy = field
    // Anki's editor writes an empty line as `<div><br></div>`: the blocks around it are paragraphs already.
    .replace(/<(div|p)>\s*<br\s*\/?>\s*<\/\1>/gi, '')
    .replace(/(?:<br\s*\/?>\s*)+$/i, '')
    .replace(/(?:<br\s*\/?>\s*){2,}/gi, '<p></p>');
  // Anki's editor pads with `&nbsp;`: a run of them (and the spaces around) is one space, as a browser shows it.
  return turndown.turndown(tidy).replace(/ *\u00A0[ \u00A0]*/g, ' ');
}

function createTurndown(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '*',
    br: '\\',
  });
  // `- item` rather than turndown's `-   item`, with nested lines indented to match.
  service.addRule('listItem', {
    filter: 'li',
    replacement: (content, node) => {
      const parent = node.parentNode as HTMLElement | null;
      const index = parent ? Array.prototype.indexOf.call(parent.children, node) : 0;
      const start = Number(parent?.getAttribute('start') ?? '1') || 1;
      const marker = parent?.nodeName === 'OL' ? `${start + index}. ` : '- ';
      const text = content
        .replace(/^\n+/, '')
        .replace(/\n+$/, '\n')
        .replace(/\n(?=.)/g, `\n${' '.repeat(marker.length)}`);
      return `${marker}${text}${node.nextSibling && !text.endsWith('\n') ? '\n' : ''}`;
    },
  });
  return service;
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
