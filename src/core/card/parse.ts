import { CardError, type Card, type CardProblem, type Note, type NoteFormat } from './card.js';
import { normalizeCardText, type ParsedNote } from './fields.js';
import { cardsOfNote } from './note-cards.js';
import type { ForeignReading } from '../formats/foreign-note.js';
import { mayBeForeign } from '../formats/foreign-marks.js';
import { parseSimpleNote } from './simple-card.js';
import type { KeptSchedule } from '../log/review-log.js';

export type { ParsedNote } from './fields.js';

/**
 * A parsed card file: its notes and the cards they yield, the line of its `id:` field (1 when it has none) and what is
 * worth a warning, or why it holds no valid note.
 */
export type ParsedFile =
  { notes: Note[]; cards: Card[]; idLine: number; warnings?: CardProblem[] } | { problem: CardProblem };

/**
 * Reads one card file's text: the notes it holds and their cards. A file in another tool's format (recognised from
 * its content, core/formats) is read in place; any other is a note in flashdeck's own format. In a folder of notes
 * (`notesFolder`: an Obsidian vault, a Logseq graph) a note that holds no card is nothing, neither a card nor a
 * problem, and a note in flashdeck's format counts only when something marks it as a card (a difficulty,
 * `reverse`, a cloze deletion): a vault's ordinary notes have headings and text too.
 */
export async function parseFile(text: string, path: string, folder: FolderReading = PLAIN_FOLDER): Promise<ParsedFile> {
  const { notesFolder, format } = folder;
  const nothing: ParsedFile = { notes: [], cards: [], idLine: 1 };
  // The marks read the same in the raw text: only a file that may be another tool's is normalized here (parseNote
  // normalizes its own).
  const foreign = format === undefined ? mayBeForeign(text) : format !== 'flashdeck';
  const readers = foreign ? await loadReaders() : undefined;
  const named = format === 'flashdeck' ? undefined : format;
  const reading = readers?.readInPlace(normalizeCardText(text), named) ?? null;
  // Any note with `## ` sections looks like an mdanki deck: in a folder of notes, only a named format makes it one.
  const notesAsDeck = notesFolder && format === undefined && reading?.format === 'mdanki';
  if (readers && reading && reading.notes.length > 0 && !notesAsDeck)
    return readNotes(reading, readers.toNotes(reading, path), path);
  if (reading && notesFolder) return nothing;
  // A note of a vault with nothing that could make it a card is not parsed at all: most of a vault's notes.
  if (notesFolder && !MAY_BE_MARKED.test(text)) return nothing;
  if (named) {
    const message = `no ${named} card in this file: the folder's .flashdeck file reads every file as ${named}`;
    return { problem: { path, line: reading?.problems[0]?.line ?? 1, message } };
  }
  const parsed = await parseNote(text, path);
  if ('problem' in parsed) {
    if (notesFolder) return nothing;
    // Nearly another tool's card: say whose, and what it lacks, rather than how to write flashdeck's own.
    const nearMiss = foreign ? (await loadReaders()).describeNearMiss(text, reading) : null;
    return nearMiss ? { problem: { path, ...nearMiss } } : parsed;
  }
  const { note, ...rest } = parsed;
  const marked = note.difficulty !== null || note.reverse || parsed.cards.some((card) => card.kind === 'cloze');
  return notesFolder && !marked ? nothing : { notes: [note], ...rest };
}

/** The notes of a file in another tool's format, its problems as warnings (the notes around them still count). */
function readNotes(reading: ForeignReading, read: readonly Note[], path: string): ParsedFile {
  const notes: Note[] = [];
  const cards: Card[] = [];
  const warnings: CardProblem[] = reading.problems.map((problem) => ({ path, ...problem }));
  read.forEach((note, index) => {
    try {
      const schedules = reading.notes[index]?.schedules ?? [];
      // The tool kept one schedule per card, in the order the note yields them.
      cards.push(...cardsOfNote(note).map((card, at) => withSchedule(card, schedules[at])));
      notes.push(note);
    } catch (error) {
      if (!(error instanceof CardError)) throw error;
      warnings.push({ path, line: error.line, message: error.message });
    }
  });
  return warnings.length > 0 ? { notes, cards, idLine: 1, warnings } : { notes, cards, idLine: 1 };
}

function withSchedule(card: Card, keptSchedule: KeptSchedule | undefined): Card {
  return keptSchedule ? { ...card, keptSchedule } : card;
}

/** How a folder's files are read: a folder of notes (see parseFile), and the format named for it, if one is. */
export interface FolderReading {
  notesFolder: boolean;
  /** Every file is read in this format, recognised or not (the folder's `.flashdeck` file names it). */
  format?: NoteFormat;
}

const PLAIN_FOLDER: FolderReading = { notesFolder: false };

// What may mark a note of a folder of notes as a flashdeck card: a difficulty (frontmatter or emoji), `reverse`, a
// cloze deletion. Loose on purpose: a note that passes is parsed, and only then counts or not.
const MAY_BE_MARKED = /difficulty|reverse|\{\{c\d|👶|⭐|🚀/iu;

let readersModule: Promise<typeof import('../formats/read-in-place.js')> | undefined;

/** The other tools' readers, loaded at the first file that may need them. */
function loadReaders(): Promise<typeof import('../formats/read-in-place.js')> {
  readersModule ??= import('../formats/read-in-place.js');
  return readersModule;
}

let fullParser: Promise<typeof import('./full-card.js')> | undefined;

/**
 * Reads one card file's text, whatever its frontmatter and markdown; `path` is relative to the cards root with `/`
 * separators. The one card parser: it reads the usual cards itself (simple-card.ts: `key: words` frontmatter, a body
 * that starts with the `# ` question) and hands the rest to the YAML and markdown parsers (full-card.ts), which load
 * only when the first such card comes. Both give the same result for every card the first one reads.
 */
export async function parseNote(text: string, path: string): Promise<ParsedNote> {
  const simple = parseSimpleNote(text, path);
  if (simple) return simple;
  fullParser ??= import('./full-card.js');
  return (await fullParser).parseFullNote(text, path);
}
