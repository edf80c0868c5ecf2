import path from 'node:path';
import { FlashError, UsageError, ExitCode } from '../core/errors.js';
import { mapHashcardsCards, toReviewEntries, type HashcardsFile } from '../core/log/hashcards-history.js';
import { countReviews, findNewEntries } from '../core/log/merge.js';
import { formatCount, sanitizeTerminalText } from '../core/markdown/text.js';
import type { Deps } from '../deps.js';
import { describePath, readCardTexts } from '../io/cards/text-files.js';
import { readHashcardsReviews } from '../io/sqlite/hashcards-db.js';
import { loadNotesWarning, openReportedStore } from './collection.js';

/** `flashdeck progress import` of a hashcards database: the file's bytes, and the cards folder if named. */
export interface HashcardsImportOptions {
  file: string;
  bytes: Uint8Array;
  /** The folder of the cards the reviews are of; the database's own folder, where hashcards keeps it, when absent. */
  cards?: string;
}

/**
 * Appends hashcards' review history to the log, each review on the card of the cards folder that hashcards' hash
 * names, in one write; reviews already in the log, and reviews of cards no longer in the files, are left out.
 * Returns the exit code.
 */
export async function runHashcardsImport(options: HashcardsImportOptions, deps: Deps): Promise<number> {
  const source = describePath(options.file);
  if (options.cards === undefined && options.file === '-')
    throw new UsageError('a hashcards database read from standard input needs its cards folder: add --cards <dir>.');
  const reviews = await readHashcardsReviews(options.bytes, source);
  const cardsRoot = path.resolve(options.cards ?? path.dirname(options.file));
  const folder = describePath(options.cards ?? cardsRoot);
  const { notes, cards } = await loadNotesWarning(cardsRoot, deps);
  const files = readHashcardsFiles(cardsRoot, notes, cards);
  // A folder without a single hashcards card is the wrong folder, not a collection whose every card was deleted.
  if (files.length === 0 && reviews.length > 0) {
    throw new UsageError(
      `no hashcards cards in ${folder}: name the folder of the cards the reviews are of with --cards <dir>.`,
    );
  }
  const history = toReviewEntries(reviews, mapHashcardsCards(files), deps.now());
  if (history.kind === 'bad review')
    throw new FlashError(`${source}: ${sanitizeTerminalText(history.problem)}: nothing was imported.`);
  const store = openReportedStore(deps);
  const fresh = findNewEntries(store.readLog(), history.entries);
  store.appendAll(fresh);
  const added = countReviews(fresh);
  const known = history.entries.length - added;
  deps.out.print(
    `Imported ${formatCount(added, 'new review')} of ${formatCount(history.cards, 'card')} from ${source}` +
      `${known > 0 ? ` (${known} already here)` : ''}` +
      `${history.skipped > 0 ? `; skipped ${formatCount(history.skipped, 'review')} of cards no longer in ${folder}` : ''}.`,
  );
  return ExitCode.Ok;
}

/** The files of the folder in hashcards' format, each with its text and its notes and cards. */
function readHashcardsFiles(
  root: string,
  notes: HashcardsFile['notes'],
  cards: HashcardsFile['cards'],
): HashcardsFile[] {
  const own = notes.filter((note) => note.format === 'hashcards');
  const texts = readCardTexts(root, new Set(own.map((note) => note.path)));
  return [...texts].map(([file, text]) => ({
    text,
    notes: own.filter((note) => note.path === file),
    cards: cards.filter((card) => card.path === file),
  }));
}
