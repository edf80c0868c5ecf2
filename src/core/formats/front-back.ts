import { findClozeDeletions } from '../card/cloze.js';
import type { ForeignReading } from './foreign-note.js';
import { recognizeKi } from './ki.js';
import { findHeadings, joinTrimmed, splitLines, type HeadingLine } from './lines.js';

// Anki's field names for its Basic and Cloze note types, as `#` or `##` headings (mankidown writes `##`).
const FRONT = /^#{1,2}[ \t]+Front[ \t]*\r?$/im;
const BACK = /^#{1,2}[ \t]+Back[ \t]*\r?$/im;
const TEXT = /^#{1,2}[ \t]+Text[ \t]*\r?$/im;
const FRONTMATTER_FIELD = /^([\w-]+):[ \t]*(.*?)[ \t]*$/;
const LIST_ITEM = /^[ \t]*-[ \t]+(.*?)[ \t]*$/;

type Kind = 'basic' | 'cloze';

interface Field {
  name: string;
  heading: HeadingLine;
}

interface FieldText {
  name: string;
  content: string;
}

interface Draft {
  line: number;
  tags: string[];
  fields: Field[];
}

/** Whether `text` holds notes with Anki's field headings: `# Front` and `# Back`, or `# Text` with a deletion. */
export function recognizeFrontBack(text: string): boolean {
  const fields = (FRONT.test(text) && BACK.test(text)) || (TEXT.test(text) && text.includes('{{c'));
  // ki's notes have `## Front` and `## Back` too; its reader knows their guid.
  return fields && !recognizeKi(text);
}

/** The notes of a file with `# Front`/`# Back` or `# Text`/`# Extra` headings (one note, or mankidown's several). */
export function readFrontBack(text: string): ForeignReading {
  const lines = splitLines(text);
  const frontmatter = readFrontmatter(lines);
  const headings = findHeadings(lines, 2).filter((heading) => heading.index >= frontmatter.bodyStart);
  const reading: ForeignReading = { format: 'front-back', notes: [], problems: [] };
  const fieldLevel = headings.find((heading) => isFirstField(heading.text))?.level;
  if (fieldLevel === undefined) {
    reading.problems.push({ line: 1, message: 'no "# Front" or "# Text" heading: write "# Front" then "# Back"' });
    return reading;
  }
  const fieldHeadings = headings.filter((heading) => heading.level <= fieldLevel);
  const contentOf = (field: Field) => {
    const next = fieldHeadings.find((heading) => heading.index > field.heading.index);
    return { name: field.name, content: joinTrimmed(lines, field.heading.index + 1, next?.index ?? lines.length) };
  };
  let kind: Kind = 'basic';
  for (const draft of groupNotes(fieldHeadings, fieldLevel)) {
    const fields = draft.fields.map(contentOf);
    // mankidown names the fields of its first note only: the notes after it are of the same type.
    kind = kindOf(fields[0]?.name ?? '', kind);
    const note = readNote(fields, kind);
    if (typeof note === 'string') {
      reading.problems.push({ line: draft.line, message: note });
      continue;
    }
    const tags = [...frontmatter.tags, ...draft.tags];
    reading.notes.push({
      line: draft.line,
      ...note,
      reverse: false,
      tags,
      ...(frontmatter.deck ? { deck: frontmatter.deck } : {}),
    });
  }
  // One frontmatter `id` names one note; for several it would be ambiguous.
  if (frontmatter.id !== undefined && reading.notes.length === 1 && reading.notes[0]) {
    reading.notes[0].id = frontmatter.id;
  }
  return reading;
}

/** A note's question and answer from its fields, or why it yields no card. */
function readNote(fields: FieldText[], kind: Kind): { question: string; answer: string } | string {
  const [first, ...rest] = fields;
  if (first === undefined) return 'the note has no "# Front" heading';
  if (kind === 'cloze') {
    if (findClozeDeletions(first.content).deletions.length === 0) {
      return 'the "# Text" field has no deletion: write "{{c1::…}}" around the hidden text';
    }
    const answer = fields.map((field) => field.content).filter(Boolean);
    return { question: '', answer: answer.join('\n\n') };
  }
  if (first.content === '') return 'the "# Front" field is empty: it is the question';
  const [back, ...more] = rest;
  if (back === undefined) return 'the note has no "# Back" heading: write the answer under it';
  // Fields after the back keep their names, so the reader knows what they are.
  const extras = more.map((field) => `**${field.name}**\n\n${field.content}`);
  return { question: first.content, answer: [back.content, ...extras].join('\n\n') };
}

function isFirstField(name: string): boolean {
  return /^(?:front|text)$/i.test(name);
}

function kindOf(name: string, previous: Kind): Kind {
  if (name === '') return previous;
  return /^text$/i.test(name) ? 'cloze' : 'basic';
}

/**
 * Groups the field headings into notes. At level 2, each `#` line starts a note (mankidown: `# ` plus its tags).
 * A `Front`/`Text` heading starts a note too, and so does a third unnamed field heading.
 */
function groupNotes(headings: HeadingLine[], fieldLevel: number): Draft[] {
  const drafts: Draft[] = [];
  let current: Draft | undefined;
  for (const heading of headings) {
    if (heading.level < fieldLevel) {
      current = { line: heading.index + 1, tags: readWords(heading.text), fields: [] };
      drafts.push(current);
      continue;
    }
    const name = heading.text;
    const starts = isFirstField(name) || (name === '' && (current?.fields.length ?? 0) >= 2);
    if (current === undefined || (starts && current.fields.length > 0)) {
      // A named heading before the first field is the note's title, not a field.
      if (!starts && name !== '') continue;
      current = { line: heading.index + 1, tags: [], fields: [] };
      drafts.push(current);
    }
    current.fields.push({ name, heading });
  }
  return drafts;
}

function readWords(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((word) => word.replace(/^#/, '').replace(/^["']|["']$/g, ''))
    .filter(Boolean);
}

/** The `id`, `tags` and `deck` of a YAML frontmatter of simple `key: value` lines, and where the body starts. */
function readFrontmatter(lines: string[]): { id?: string; tags: string[]; deck?: string; bodyStart: number } {
  const close = lines[0] === '---' ? lines.indexOf('---', 1) : -1;
  if (close === -1) return { tags: [], bodyStart: 0 };
  const fields = new Map<string, string>();
  const tags: string[] = [];
  let key = '';
  for (const line of lines.slice(1, close)) {
    const field = FRONTMATTER_FIELD.exec(line);
    const item = LIST_ITEM.exec(line)?.[1];
    if (field?.[1] !== undefined && field[2] !== undefined) {
      key = field[1];
      fields.set(key, field[2].replace(/^(["'])(.*)\1$/, '$2'));
    } else if (item !== undefined && key === 'tags') {
      tags.push(...readWords(item));
    }
  }
  tags.unshift(...readWords((fields.get('tags') ?? '').replace(/^\[|\]$/g, '')));
  const id = fields.get('id') || undefined;
  const deck = fields.get('deck') || undefined;
  return { tags, bodyStart: close + 1, ...(id ? { id } : {}), ...(deck ? { deck } : {}) };
}
