import { collectReviews, isUndo, parseReviewLog, type LogEntry, type ReviewEntry } from './review-log.js';

/** Every review not undone, oldest first (ties by card id): what `progress export` writes. */
export function listEffectiveReviews(entries: LogEntry[]): ReviewEntry[] {
  const reviews = [...collectReviews(entries).values()].flat();
  return reviews.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.card < b.card ? -1 : a.card > b.card ? 1 : 0));
}

/** A progress file read whole: its entries, or the 1-based numbers of the lines that are not entries. */
export type ParsedProgress = { entries: LogEntry[]; badLines: [] } | { entries: []; badLines: number[] };

/** Reads a progress file (reviews, and undos as the store's own log has them); blank lines are ignored. */
export function parseProgress(text: string): ParsedProgress {
  const { entries, tornTail, badLines } = parseReviewLog(text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'));
  // A file to import must be whole: an unreadable last line is as bad as any other.
  const bad = tornTail === null ? badLines : [...badLines, text.replace(/\r\n/g, '\n').split('\n').length];
  return bad.length > 0 ? { entries: [], badLines: bad } : { entries, badLines: [] };
}

/**
 * The entries of `incoming` that `existing` lacks, each once, in their order. A review is already there when the
 * store has a review of the same card at the same instant (whatever the rating); an undo, when it has the same undo.
 */
export function findNewEntries(existing: readonly LogEntry[], incoming: readonly LogEntry[]): LogEntry[] {
  const known = new Set(existing.map(keyOf));
  return incoming.filter((entry) => {
    const key = keyOf(entry);
    if (known.has(key)) return false;
    known.add(key);
    return true;
  });
}

// Instants, not strings: `…Z` and `…+00:00` are the same time.
function keyOf(entry: LogEntry): string {
  return isUndo(entry)
    ? `undo\u0000${entry.card}\u0000${Date.parse(entry.undo)}\u0000${Date.parse(entry.at)}`
    : `review\u0000${entry.card}\u0000${Date.parse(entry.at)}`;
}

/** Counts the reviews among entries. */
export function countReviews(entries: readonly LogEntry[]): number {
  return entries.filter((entry): entry is ReviewEntry => !isUndo(entry)).length;
}
