import { findClozeDeletions, mayHoldClozeDeletions } from '../card/cloze.js';
import type { RawCard } from './card-draft.js';
import { dropRepeatedQuestion, looksLikeHtml, toMarkdown } from './html-field.js';

/** What a column holds. */
export type Role = 'question' | 'answer' | 'tags' | 'difficulty' | 'id' | 'deck' | 'reverse' | 'notetype';

// Column names each role is known by, lower case: flashdeck's own, Anki's fields, and what spreadsheets call them.
const ROLE_NAMES: Record<Role, readonly string[]> = {
  question: [
    ...['question', 'questions', 'front', 'term', 'terms', 'word', 'words', 'prompt', 'text', 'expression'],
    ...['frage', 'wort', 'vorderseite', 'mot', 'recto', 'pregunta', 'palabra', 'domanda', 'parola'],
  ],
  answer: [
    ...['answer', 'answers', 'back', 'definition', 'definitions', 'meaning', 'meanings', 'translation'],
    ...['translations', 'extra', 'back extra', 'response', 'antwort', 'bedeutung', 'übersetzung', 'rückseite'],
    ...['réponse', 'sens', 'signification', 'traduction', 'verso', 'respuesta', 'significado', 'traducción'],
    ...['risposta', 'significato', 'traduzione'],
  ],
  tags: ['tags', 'tag'],
  difficulty: ['difficulty', 'level'],
  id: ['id', 'guid', 'note id'],
  deck: ['deck', 'subdeck'],
  reverse: ['reverse', 'reversed'],
  notetype: ['notetype', 'note type'],
};
const ROLES = new Map(Object.entries(ROLE_NAMES).flatMap(([role, names]) => names.map((name) => [name, role as Role])));
// Column names that mark a header row without saying which side they are: vocabulary lists name their languages.
const LABEL_WORDS = new Set(
  [
    ...['english', 'german', 'deutsch', 'french', 'français', 'spanish', 'español', 'italian', 'portuguese', 'dutch'],
    ...['swedish', 'norwegian', 'danish', 'finnish', 'polish', 'russian', 'ukrainian', 'czech', 'greek', 'latin'],
    ...['turkish', 'arabic', 'hebrew', 'hindi', 'japanese', 'chinese', 'korean', 'vietnamese', 'thai', 'indonesian'],
    ...['example', 'examples', 'sentence', 'notes', 'note', 'pronunciation', 'reading', 'audio', 'image', 'source'],
  ].map((word) => word.normalize('NFC')),
);
/** Names that leave a column out in `--columns`. */
const SKIPPED = new Set(['', '-', 'skip', 'ignore']);
// A column name: a few words of letters.
const LABEL = /^\p{L}[\p{L}\p{M}\p{N} _\-/()'&]*$/u;
const SAMPLE_ROWS = 50;

/** Where each part of a note is among a row's cells (0-based; -1: none); further fields with their labels. */
export interface ColumnLayout {
  question: number;
  answer: number;
  meta: Partial<Record<Exclude<Role, 'question' | 'answer'>, number>>;
  extras: { index: number; label: string | null }[];
}

/** The role a column name gives, or null for a name of no role. */
export function getRole(name: string): Role | null {
  return ROLES.get(name.trim().toLowerCase()) ?? null;
}

/**
 * Lays out `count` columns from their names (null: unnamed): the named question and answer, else the first two
 * columns no name claims; tags, id, deck… only from their names or `fixed`; every other column an extra, under its
 * name. Columns in `fixed` (Anki's `#tags column:` and the like) are never fields.
 */
export function layoutColumns(
  names: readonly (string | null)[],
  count: number,
  fixed: ColumnLayout['meta'] = {},
): ColumnLayout {
  const layout: ColumnLayout = { question: -1, answer: -1, meta: { ...fixed }, extras: [] };
  const taken = new Set(Object.values(fixed));
  const free: ColumnLayout['extras'] = [];
  for (let index = 0; index < Math.max(count, names.length); index++) {
    if (taken.has(index)) continue;
    const name = names[index]?.trim() ?? null;
    const role = name === null ? null : getRole(name);
    if (role === 'question' || role === 'answer') {
      if (layout[role] === -1) layout[role] = index;
      else free.push({ index, label: name });
    } else if (role) {
      if (layout.meta[role] === undefined) layout.meta[role] = index;
    } else if (name === null || !SKIPPED.has(name.toLowerCase())) free.push({ index, label: name });
  }
  if (layout.question === -1) layout.question = free.shift()?.index ?? -1;
  if (layout.answer === -1) layout.answer = free.shift()?.index ?? -1;
  layout.extras = free;
  return layout;
}

/**
 * True when a file's first row names its columns: it names a question and an answer, or its cells are short distinct
 * labels of which one is a known name (tags, a language…) or which, in most columns, look unlike the rows below.
 */
export function isHeaderRow(cells: readonly string[], rows: readonly (readonly string[])[]): boolean {
  if (namesQuestionAndAnswer(cells)) return true;
  const names = cells.map((cell) => cell.trim());
  const named = names.filter(Boolean);
  const distinct = new Set(named.map((name) => name.toLowerCase())).size === named.length;
  if (named.length < 2 || !distinct || !named.every(isLabel)) return false;
  if (named.some((name) => getRole(name) || LABEL_WORDS.has(name.toLowerCase().normalize('NFC')))) return true;
  const sample = rows.slice(0, SAMPLE_ROWS);
  const unlike = names.filter((name, index) =>
    isUnlikeColumn(
      name,
      sample.map((row) => row[index] ?? ''),
    ),
  );
  return sample.length > 0 && unlike.length * 2 > names.length;
}

/** True when a row's cells name a question column and an answer column (`Front` and `Back`, say). */
export function namesQuestionAndAnswer(cells: readonly string[]): boolean {
  const roles = cells.map(getRole);
  return roles.includes('question') && roles.includes('answer');
}

function isLabel(text: string): boolean {
  return text.length <= 24 && text.split(/\s+/).length <= 3 && LABEL.test(text) && !looksLikeHtml(text);
}

/**
 * A column whose first cell is a label and whose other cells are empty, mostly no labels, in another script (a Latin
 * name over kanji), or in lower case under a capitalised name.
 */
function isUnlikeColumn(name: string, values: readonly string[]): boolean {
  const filled = values.map((value) => value.trim()).filter(Boolean);
  if (!name) return false;
  if (filled.length === 0) return true;
  const mostly = (test: (value: string) => boolean) => filled.filter(test).length >= filled.length * 0.8;
  if (filled.filter(isLabel).length * 2 < filled.length) return true;
  if (/\p{Script=Latin}/u.test(name) && mostly((value) => !/\p{Script=Latin}/u.test(value))) return true;
  return /^\p{Lu}/u.test(name) && mostly((value) => /^\p{Ll}/u.test(value));
}

/** How a source's fields read: HTML or not (null: guessed per field), tags split, unnamed extras labelled or not. */
export interface FieldReading {
  html: boolean | null;
  splitTags(cell: string): string[];
  /** The label of an extra field without a name (null: added to the answer as it is). */
  unnamedLabel(index: number): string | null;
  /** The note type of every row when no column gives one (Anki's `#notetype:`). */
  notetype?: string;
}

/**
 * One row as a card's fields, or null when it lacks the question or the answer column. Extra fields join the answer
 * as `**Label:** text` paragraphs (empty ones left out); a question holding cloze deletions, or a row whose note type
 * names a cloze, is a cloze note: no question, its text the fields in order.
 */
export function readRowFields(cells: readonly string[], layout: ColumnLayout, reading: FieldReading): RawCard | null {
  const frontCell = cells[layout.question];
  const backCell = cells[layout.answer];
  if (frontCell === undefined || backCell === undefined) return null;
  const cell = (index: number | undefined) => (index === undefined ? '' : (cells[index] ?? ''));
  const convert = (text: string) => toMarkdown(text, reading.html);
  const front = convert(frontCell);
  // A space or two after a separator (`word | meaning`) is no indentation.
  const back = convert(reading.html !== false ? dropRepeatedQuestion(backCell) : backCell).replace(
    /^[ \t]{1,3}(?=\S)/,
    '',
  );
  const notetype = layout.meta.notetype === undefined ? (reading.notetype ?? '') : cell(layout.meta.notetype);
  // "Basic (optional reversed card)": its third field (Add Reverse) says whether the reversed card is made.
  const optionalReverse = /optional/i.test(notetype) && /reverse/i.test(notetype);
  const [addReverse] = optionalReverse ? layout.extras : [];
  const extras = layout.extras.flatMap(({ index, label }) => {
    const text = convert(cells[index] ?? '').trim();
    const shown = label ?? reading.unnamedLabel(index);
    return text && index !== addReverse?.index ? [shown ? `**${shown}:** ${text}` : text] : [];
  });
  const isCloze = /cloze/i.test(notetype) || (mayHoldClozeDeletions(front) && hasDeletions(front));
  const text = isCloze ? [front, back, ...extras] : [back, ...extras];
  const reverse =
    layout.meta.reverse === undefined
      ? optionalReverse
        ? cell(addReverse?.index).trim() !== ''
        : /reverse/i.test(notetype)
      : cell(layout.meta.reverse);
  return {
    question: isCloze ? '' : front,
    answer: text.filter((part) => part.trim() !== '').join('\n\n'),
    tags: reading.splitTags(cell(layout.meta.tags)),
    difficulty: cell(layout.meta.difficulty),
    id: cell(layout.meta.id),
    deck: cell(layout.meta.deck),
    reverse: isCloze ? false : reverse,
  };
}

function hasDeletions(text: string): boolean {
  return findClozeDeletions(text).deletions.length > 0;
}
