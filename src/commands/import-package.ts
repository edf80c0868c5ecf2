import { planImport, type PlannedFile } from '../core/transfer/import-plan.js';
import { MEDIA_FOLDER } from '../core/transfer/anki-package/field-markdown.js';
import { PackageHistory } from '../core/transfer/anki-package/history.js';
import { PackageNoteReader, type CardTarget } from '../core/transfer/anki-package/notes.js';
import { ExitCode, FlashError } from '../core/errors.js';
import { findNewEntries } from '../core/log/merge.js';
import type { LogEntry } from '../core/log/review-log.js';
import { formatCount, sanitizeTerminalText } from '../core/markdown/text.js';
import type { Deps } from '../deps.js';
import { openAnkiPackage, type AnkiPackage } from '../io/anki-package/package-file.js';
import { readCards, readCollection, readNotes, readRevlog } from '../io/anki-package/read-collection.js';
import { describePath, makeOutputFolder, writeFileUnder } from '../io/cards/text-files.js';
import { openReportedStore } from './collection.js';
import type { ImportOptions } from './import.js';

/** What an Anki package becomes: note files, media files to copy, log entries, and what was left out. */
interface PackagePlan {
  files: PlannedFile[];
  /** Zip entry → the name the file is copied under in the media folder. */
  media: Map<string, string>;
  entries: LogEntry[];
  reviews: number;
  cardKinds: Map<string, number>;
  skipped: string[];
}

// Media files unpacked at a time: a package's media may be far larger than its collection.
const MEDIA_BATCH = 64;
// Log lines appended per write.
const LOG_BATCH = 5000;
const SKIPPED_SHOWN = 10;

/**
 * Imports an Anki package (`.apkg`, `.colpkg`): notes become card files under `out`, media files are copied into
 * `out/media/`, and (unless `history` is false) the review history is appended to the store's log, only what it
 * lacks. Everything is read and checked before anything is written.
 */
export async function runPackageImport(bytes: Uint8Array, options: ImportOptions, deps: Deps): Promise<number> {
  const name = describePath(options.file);
  const pack = await openAnkiPackage(bytes, name);
  try {
    const plan = readPackage(pack, name, options.history !== false);
    if (plan.files.length === 0) {
      reportSkipped(plan.skipped, deps);
      throw new FlashError(`no card could be imported from ${name} (an Anki package); nothing was written.`);
    }
    if (options.dryRun) return previewPackage(plan, name, options, deps);
    return writePackage(pack, plan, name, options, deps);
  } finally {
    pack.close();
  }
}

function readPackage(pack: AnkiPackage, name: string, withHistory: boolean): PackagePlan {
  try {
    const collection = readCollection(pack.db, pack.collectionFile);
    const media = nameMediaFiles(pack.media);
    const reader = new PackageNoteReader(
      collection,
      (written) => media.byName.get(written) ?? media.byName.get(decodeName(written)),
    );
    const cards = readCards(pack.db);
    for (const note of readNotes(pack.db)) reader.add(note, cards.get(note.id) ?? []);
    const { drafts, targets, skipped } = reader.result;
    const planned = planImport(drafts, '');
    const notes = new Set(planned.files.map((file) => file.id));
    skipped.push(...planned.problems.map((problem) => problem.message), ...media.skipped);
    const imported = new Map([...targets].filter(([, target]) => notes.has(target.note)));
    const history = new PackageHistory(imported, collection);
    if (withHistory) {
      for (const row of readRevlog(pack.db)) history.add(row);
      for (const list of cards.values()) for (const card of list) history.finish(card);
    }
    for (const [reason, count] of history.skipped) skipped.push(`${formatCount(count, 'review-log row')} ${reason}`);
    return {
      files: planned.files,
      media: media.byEntry,
      entries: sortByTime(history.entries),
      reviews: history.reviews,
      cardKinds: countKinds(imported.values()),
      skipped,
    };
  } catch (error) {
    if (error instanceof FlashError) throw error;
    const reason = sanitizeTerminalText(error instanceof Error ? error.message : String(error));
    throw new FlashError(
      `${name} holds no readable Anki collection (${reason}): export it from Anki again (File > Export, .apkg or .colpkg).`,
    );
  }
}

/**
 * The name each media file is copied under: its own, NFC, unless it could step out of the media folder (a `/`, `..`)
 * or is no file name at all; those are left out.
 */
function nameMediaFiles(media: ReadonlyMap<string, string>) {
  const byName = new Map<string, string>();
  const byEntry = new Map<string, string>();
  const skipped: string[] = [];
  for (const [written, entry] of media) {
    const file = written.normalize('NFC');
    if (/[/\\\u0000-\u001f\u007f]/.test(file) || file === '.' || file === '..' || file === '' || file.startsWith('.')) {
      skipped.push(`media file "${sanitizeTerminalText(written)}": not a plain file name`);
      continue;
    }
    byName.set(written, file);
    byName.set(file, file);
    byEntry.set(entry, file);
  }
  return { byName, byEntry, skipped };
}

function decodeName(written: string): string {
  try {
    return decodeURIComponent(written);
  } catch {
    return written;
  }
}

function countKinds(targets: Iterable<CardTarget>): Map<string, number> {
  const kinds = new Map<string, number>();
  for (const { kind } of targets) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  return kinds;
}

// Reviews come in time order; a card's suspension or late forget is dated by the card and goes in its place.
function sortByTime(entries: LogEntry[]): LogEntry[] {
  return entries
    .map((entry) => ({ entry, time: Date.parse(entry.at) }))
    .sort((a, b) => a.time - b.time)
    .map(({ entry }) => entry);
}

function writePackage(pack: AnkiPackage, plan: PackagePlan, name: string, options: ImportOptions, deps: Deps): number {
  // The store is opened (and checked) before any file is written.
  const store = plan.entries.length > 0 ? openReportedStore(deps) : undefined;
  makeOutputFolder(options.out);
  const failed: string[] = [];
  let kept = 0;
  const write = (relative: string, data: string | Uint8Array) => {
    try {
      if (!writeFileUnder(options.out, relative, data, options.force)) kept++;
    } catch (error) {
      if (!(error instanceof FlashError)) throw error;
      failed.push(error.message);
    }
  };
  const entries = [...plan.media.keys()];
  let media = 0;
  for (let start = 0; start < entries.length; start += MEDIA_BATCH) {
    for (const [entry, data] of pack.readMedia(entries.slice(start, start + MEDIA_BATCH))) {
      const file = plan.media.get(entry) as string;
      if (!data) failed.push(`media file "${sanitizeTerminalText(file)}" cannot be decompressed`);
      else {
        write(`${MEDIA_FOLDER}/${file}`, data);
        media++;
      }
    }
  }
  for (const file of plan.files) write(file.path, file.text);
  let added: LogEntry[] = [];
  if (store) {
    added = findNewEntries(store.readLog(), plan.entries);
    for (let start = 0; start < added.length; start += LOG_BATCH)
      store.appendAll(added.slice(start, start + LOG_BATCH));
  }
  reportSkipped([...plan.skipped, ...failed], deps);
  const reviews = added.filter((entry) => 'rating' in entry).length;
  deps.out.print(
    `Imported ${formatCount(plan.files.length, 'note')} (${describeKinds(plan.cardKinds)}), ${formatCount(media, 'media file')} and ${formatCount(reviews, 'review')} from ${name} (Anki package) into ${describePath(options.out)}.`,
  );
  if (plan.reviews > reviews)
    deps.out.print(`${formatCount(plan.reviews - reviews, 'review')} were already in the log.`);
  const schedules = added.filter((entry) => 'schedule' in entry).length;
  if (schedules > 0) {
    deps.out.print(
      `Carried over the schedule of ${formatCount(schedules, 'card')} that came without a review history.`,
    );
  }
  if (kept > 0) deps.out.warn(`warning: kept ${formatCount(kept, 'existing file')} (--force replaces them).`);
  return ExitCode.Ok;
}

function previewPackage(plan: PackagePlan, name: string, options: ImportOptions, deps: Deps): number {
  reportSkipped(plan.skipped, deps);
  deps.out.print(
    `Dry run: would import ${formatCount(plan.files.length, 'note')} (${describeKinds(plan.cardKinds)}), ${formatCount(plan.media.size, 'media file')} and ${formatCount(plan.reviews, 'review')} from ${name} (Anki package) into ${describePath(options.out)}; nothing was written.`,
  );
  return ExitCode.Ok;
}

function describeKinds(kinds: ReadonlyMap<string, number>): string {
  const parts = ['basic', 'reversed', 'cloze']
    .filter((kind) => kinds.get(kind))
    .map((kind) => `${kinds.get(kind)} ${kind}`);
  const total = [...kinds.values()].reduce((sum, count) => sum + count, 0);
  return `${formatCount(total, 'card')}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
}

function reportSkipped(skipped: readonly string[], deps: Deps): void {
  if (skipped.length === 0) return;
  for (const line of skipped.slice(0, SKIPPED_SHOWN)) deps.out.warn(`warning: skipped ${sanitizeTerminalText(line)}`);
  const more = skipped.length - SKIPPED_SHOWN;
  if (more > 0) deps.out.warn(`warning: … and ${more} more skipped`);
}
