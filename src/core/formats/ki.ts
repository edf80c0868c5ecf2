import { findClozeDeletions } from '../card/cloze.js';
import type { ForeignNote, ForeignReading } from './foreign-note.js';
import { findHeadings, joinTrimmed, splitLines, type HeadingLine } from './lines.js';

// ki writes `# Note`, then its metadata (`guid:` first), fenced or not.
const KI_START = /^# Note(?:[ \t][^\r\n]*)?\r?\n(?:[ \t]*\r?\n)*(?:```[^\r\n]*\r?\n)?guid:/m;
const NOTE_TITLE = /^Note(?:\s|$)/;
const METADATA = /^(\w+):[ \t]*(.*?)[ \t]*$/;
const FENCE_LINE = /^(?:```|~~~)/;
// Anki's "Basic (optional reversed card)" makes the reversed card only when this field is filled.
const ADD_REVERSE = 'Add Reverse';

interface Field {
  name: string;
  content: string;
}

/** Whether `text` is a ki note file: a `# Note` heading followed by its `guid:`. */
export function recognizeKi(text: string): boolean {
  return text.includes('guid:') && KI_START.test(text);
}

/** The notes of a ki file (one per `# Note` block) and what is wrong in them. */
export function readKi(text: string): ForeignReading {
  const lines = splitLines(text);
  const headings = findHeadings(lines, 3);
  const starts = headings.filter((heading) => heading.level === 1 && NOTE_TITLE.test(heading.text));
  const reading: ForeignReading = { format: 'ki', notes: [], problems: [] };
  if (starts.length === 0) {
    reading.problems.push({ line: 1, message: 'no "# Note" heading: a ki note starts with "# Note", then "guid: …"' });
  }
  for (const [i, start] of starts.entries()) {
    const end = trimRule(lines, start.index + 1, starts[i + 1]?.index ?? lines.length);
    const inside = headings.filter((heading) => heading.index > start.index && heading.index < end);
    const note = readNote(lines, start.index, end, inside);
    if (typeof note === 'string') {
      reading.problems.push({ line: start.index + 1, message: note });
      continue;
    }
    const twin = reading.notes.find((other) => note.id !== undefined && other.id === note.id);
    if (twin) {
      // Two notes with one identity would share their progress: the second is read without it.
      reading.problems.push({
        line: note.line,
        message: `guid "${note.id}" is also the guid of the note at line ${twin.line}`,
      });
      delete note.id;
    }
    reading.notes.push(note);
  }
  return reading;
}

/** A note, or why it yields no card. */
function readNote(lines: string[], start: number, end: number, headings: HeadingLine[]): ForeignNote | string {
  const fieldHeadings = headings.filter((heading) => heading.level === 2);
  const firstField = fieldHeadings[0]?.index ?? end;
  const metadata = readMetadata(lines.slice(start + 1, headings[0]?.index ?? end));
  const tagsHeading = headings.find((heading) => heading.level === 3 && heading.text === 'Tags');
  const tags =
    tagsHeading && tagsHeading.index < firstField ? readTags(lines.slice(tagsHeading.index + 1, firstField)) : [];
  const fields: Field[] = fieldHeadings.map((heading, i) => ({
    name: heading.text,
    content: joinTrimmed(lines, heading.index + 1, fieldHeadings[i + 1]?.index ?? end),
  }));
  const [first, ...rest] = fields;
  if (first === undefined) return 'the note has no "## " field: write "## Front" then "## Back"';
  const notetype = metadata.get('notetype') ?? '';
  const id = metadata.get('guid');
  const base = { line: start + 1, tags, ...(id ? { id } : {}) };
  if (/cloze/i.test(notetype)) {
    const answer = [first, ...rest].map((field) => field.content).filter((content) => content !== '');
    if (findClozeDeletions(first.content).deletions.length === 0) {
      return `the Cloze note's "${first.name}" field has no deletion: write "{{c1::…}}" around the hidden text`;
    }
    return { ...base, question: '', answer: answer.join('\n\n'), reverse: false };
  }
  if (first.content === '') return `the note's first field ("${first.name}") is empty: it is the question`;
  const addReverse = rest.find((field) => field.name === ADD_REVERSE);
  const answerFields = rest.filter((field) => field !== addReverse);
  const reverse = addReverse ? addReverse.content !== '' : /revers/i.test(notetype);
  return { ...base, question: first.content, answer: formatAnswer(answerFields), reverse };
}

/** The answer fields: one field as it is; several under their names, so the reader knows which is which. */
function formatAnswer(fields: Field[]): string {
  if (fields.length === 1) return fields[0]?.content ?? '';
  return fields
    .filter((field) => field.content !== '')
    .map((field) => `**${field.name}**\n\n${field.content}`)
    .join('\n\n');
}

function readMetadata(lines: string[]): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of lines) {
    const match = METADATA.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) fields.set(match[1], match[2]);
  }
  return fields;
}

function readTags(lines: string[]): string[] {
  return lines.filter((line) => !FENCE_LINE.test(line)).flatMap((line) => line.split(/\s+/).filter(Boolean));
}

/** The end of a note block without the `---` rule and blank lines that separate it from the next note. */
function trimRule(lines: string[], start: number, end: number): number {
  let last = end;
  while (last > start && (lines[last - 1] ?? '').trim() === '') last--;
  return last > start && lines[last - 1] === '---' ? last - 1 : end;
}
