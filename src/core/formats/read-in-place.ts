import type { Note } from '../card/card.js';
import { findClozeDeletions, plainCloze } from '../card/cloze.js';
import { deckOf } from '../card/fields.js';
import { toPlainText } from '../markdown/text.js';
import { slugify } from '../transfer/slug.js';
import type { ForeignFormat, ForeignReading } from './foreign-note.js';
import { readFrontBack, recognizeFrontBack } from './front-back.js';
import { readHashcards, recognizeHashcards } from './hashcards.js';
import { readKi, recognizeKi } from './ki.js';
import { readLogseq, recognizeLogseq } from './logseq.js';
import { readMdanki, recognizeMdanki } from './mdanki.js';
import { readObsidian, recognizeObsidian } from './obsidian.js';

/** A reader of one tool's files: whether a file's content is in its format, and its notes. */
interface InPlaceReader {
  format: ForeignFormat;
  recognize(text: string): boolean;
  read(text: string): ForeignReading;
}

/** The readers, the most particular syntax first (any file that starts with `## ` looks like mdanki's). */
const READERS: readonly InPlaceReader[] = [
  { format: 'ki', recognize: recognizeKi, read: readKi },
  { format: 'front-back', recognize: recognizeFrontBack, read: readFrontBack },
  { format: 'logseq', recognize: recognizeLogseq, read: readLogseq },
  { format: 'obsidian', recognize: recognizeObsidian, read: readObsidian },
  { format: 'hashcards', recognize: recognizeHashcards, read: readHashcards },
  { format: 'mdanki', recognize: recognizeMdanki, read: readMdanki },
];

/**
 * The reading of a file in another tool's format, recognised from its content: the first that finds notes, else the
 * first reader that knows the file (with none); null when no reader knows it.
 */
export function readInPlace(text: string, format?: ForeignFormat): ForeignReading | null {
  // A format named for the folder is read without asking whether the file looks like it.
  const named = format && READERS.find((reader) => reader.format === format);
  if (named) return named.read(text);
  let empty: ForeignReading | null = null;
  for (const reader of READERS) {
    if (!reader.recognize(text)) continue;
    const reading = reader.read(text);
    if (reading.notes.length > 0) return reading;
    empty ??= reading;
  }
  return empty;
}

/**
 * The notes of a file read in place, at `path` (relative, `/` separators). A note's id is the one its tool gives it,
 * else the file's path without `.md`, `#` and the words of its question (of its text, for a cloze note), with `-2`,
 * `-3`… for a question asked twice: an id that survives cards added, removed or moved in the file; a typo fixed in
 * a question is found again by its text (core/log/relink.ts).
 */
export function toNotes(reading: ForeignReading, path: string): Note[] {
  const stem = path.replace(/\.md$/i, '');
  const taken = new Set<string>();
  return reading.notes.map((foreign) => {
    const asked = foreign.question || plainCloze(foreign.answer, findClozeDeletions(foreign.answer).deletions);
    const base = foreign.id ?? `${stem}#${slugify(toPlainText(asked)) || 'card'}`;
    let id = base;
    for (let copy = 2; taken.has(id); copy += 1) id = `${base}-${copy}`;
    taken.add(id);
    return {
      id,
      deck: foreign.deck ?? deckOf(path),
      path,
      line: foreign.line,
      difficulty: null,
      tags: foreign.tags,
      question: foreign.question,
      answer: foreign.answer,
      answerLine: foreign.line,
      reverse: foreign.reverse,
      format: reading.format,
    };
  });
}

export { describeNearMiss } from './near-miss.js';
