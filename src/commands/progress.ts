import path from 'node:path';
import { ExitCode, FlashError, UsageError } from '../core/errors.js';
import { countReviews, findNewEntries, listExportedEntries, parseProgress, type BadLine } from '../core/log/merge.js';
import { formatLogLine } from '../core/log/review-log.js';
import { formatCount } from '../core/markdown/text.js';
import type { Deps } from '../deps.js';
import { decodeTextInput, describePath, readInput, writeOutput } from '../io/cards/text-files.js';
import { isSqliteDatabase } from '../io/sqlite/sqlite.js';
import { openReportedStore } from './collection.js';

/** Options of `flashdeck progress export`. */
export interface ProgressExportOptions {
  /** The file to write; standard output when absent. */
  out?: string;
  force: boolean;
}

/** Options of `flashdeck progress import <file>`. */
export interface ProgressImportOptions {
  file: string;
  /** For a hashcards database: the folder of its cards (default: the database's folder). */
  cards?: string;
}

const BAD_LINES_SHOWN = 10;

/** Writes every review not undone, oldest first, then the burials in force, as JSON Lines; returns the exit code. */
export async function runProgressExport(options: ProgressExportOptions, deps: Deps): Promise<number> {
  const entries = listExportedEntries(openReportedStore(deps).readLog(), deps.now());
  const reviews = entries.filter((entry) => 'rating' in entry);
  const text = entries.map(formatLogLine).join('');
  if (options.out === undefined) {
    if (text) deps.out.print(text.replace(/\n$/, ''));
    return ExitCode.Ok;
  }
  writeOutput(path.resolve(options.out), text, options.force);
  deps.out.print(`Exported ${formatCount(reviews.length, 'review')} to ${describePath(options.out)}.`);
  return ExitCode.Ok;
}

/**
 * Merges a progress file into the store: appends only the entries the log lacks, in one write, never rewriting it.
 * The file must be whole: if any line cannot enter the log, nothing is imported. A hashcards database (an SQLite
 * file, known by its header) brings hashcards' reviews instead. Returns the exit code.
 */
export async function runProgressImport(options: ProgressImportOptions, deps: Deps): Promise<number> {
  const source = describePath(options.file);
  const bytes = readInput(options.file);
  if (isSqliteDatabase(bytes)) {
    const { runHashcardsImport } = await import('./progress-hashcards.js');
    return runHashcardsImport({ ...options, bytes }, deps);
  }
  if (options.cards !== undefined)
    throw new UsageError(`--cards goes with a hashcards database, and ${source} is not one: leave --cards out.`);
  const parsed = parseProgress(decodeTextInput(bytes, options.file), deps.now());
  if (parsed.kind === 'not progress') {
    throw new FlashError(
      `${source} is not a progress file (flashdeck progress export writes one): nothing was imported.`,
    );
  }
  if (parsed.kind === 'bad lines') {
    reportBadLines(source, parsed.badLines, deps);
    throw new FlashError(
      `nothing was imported: fix the ${parsed.badLines.length === 1 ? 'line' : 'lines'} of ${source} listed above and import it again.`,
    );
  }
  const store = openReportedStore(deps);
  const fresh = findNewEntries(store.readLog(), parsed.entries);
  store.appendAll(fresh);
  const added = countReviews(fresh);
  const known = countReviews(parsed.entries) - added;
  deps.out.print(
    `Imported ${formatCount(added, 'new review')} from ${source}${known > 0 ? ` (${known} already here)` : ''}.`,
  );
  return ExitCode.Ok;
}

/** Warns about the first bad lines, each with what is wrong with it, then counts the rest. */
function reportBadLines(source: string, badLines: readonly BadLine[], deps: Deps): void {
  for (const { line, problem } of badLines.slice(0, BAD_LINES_SHOWN)) deps.out.warn(`${source}:${line}: ${problem}`);
  const more = badLines.length - BAD_LINES_SHOWN;
  if (more > 0) deps.out.warn(`… and ${formatCount(more, 'more bad line')}`);
}
