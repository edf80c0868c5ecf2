import path from 'node:path';
import { ExitCode, UsageError } from '../core/errors.js';
import { filterCards } from '../core/card/filter.js';
import { EXPORT_FORMATS, formatExport, type ExportFormat } from '../core/transfer/formats.js';
import { formatCount } from '../core/markdown/text.js';
import type { Deps } from '../deps.js';
import { describePath, writeOutput } from '../io/cards/text-files.js';
import type { DeckOptions } from './collection.js';
import { loadNotesWarning } from './collection.js';

/** Options of `flashdeck export`. */
export interface ExportOptions extends DeckOptions {
  /** Taken from the `--out` file's extension when absent. */
  format?: ExportFormat;
  /** The file to write; standard output when absent. */
  out?: string;
  force: boolean;
}

const EXTENSIONS: Record<string, ExportFormat> = { '.csv': 'csv', '.tsv': 'tsv', '.tab': 'tsv', '.txt': 'anki' };

/** Writes the matching notes as CSV, TSV or an Anki import file, to `out` or standard output; returns the exit code. */
export async function runExport(options: ExportOptions, deps: Deps): Promise<number> {
  const format = options.format ?? EXTENSIONS[path.extname(options.out ?? '').toLowerCase()];
  if (!format) throw new UsageError(`name the format with --format ${EXPORT_FORMATS.join(', ')}.`);
  const { notes, cards } = await loadNotesWarning(options.cardsRoot, deps);
  // The filters read what a note and its cards share (deck, tags, difficulty): they match together.
  const matching = filterCards(notes, options);
  const text = formatExport(matching, format);
  if (options.out === undefined) {
    deps.out.print(text.replace(/\n$/, ''));
    return ExitCode.Ok;
  }
  writeOutput(path.resolve(options.out), text, options.force);
  const cardCount = formatCount(filterCards(cards, options).length, 'card');
  deps.out.print(
    `Exported ${formatCount(matching.length, 'note')} (${cardCount}) to ${describePath(options.out)} (${format}).`,
  );
  return ExitCode.Ok;
}
