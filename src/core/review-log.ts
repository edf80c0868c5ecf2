/** The learner's own 1–5 answer to "How well did you know this?". */
export type Rating = 1 | 2 | 3 | 4 | 5;

/** One rating, as one line of reviews.jsonl. `at` is an ISO 8601 UTC time. */
export interface ReviewEntry {
  card: string;
  rating: Rating;
  at: string;
  seconds: number;
}

/** Takes back the review of `card` whose `at` equals `undo`. */
export interface UndoEntry {
  card: string;
  undo: string;
  at: string;
}

/** One line of the review log. */
export type LogEntry = ReviewEntry | UndoEntry;

/** What `parseReviewLog` found in the text of a review log. */
export interface ParsedLog {
  /** Every valid entry, in file order. */
  entries: LogEntry[];
  /** An unfinished last line (no newline, not an entry): what a crash mid-append leaves. */
  tornTail: string | null;
  /** 1-based numbers of the other lines that are not entries. */
  badLines: number[];
}

// Date and time with a zone, so an entry means the same instant on every machine.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

function isTime(value: unknown): value is string {
  return typeof value === 'string' && ISO_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

function isRating(value: unknown): value is Rating {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

// Keeps only the known fields, so fields added by a later version are ignored, not carried along.
function toEntry(value: unknown): LogEntry | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const fields = value as Record<string, unknown>;
  const { card, at } = fields;
  if (typeof card !== 'string' || card === '' || !isTime(at)) return null;
  if ('undo' in fields) {
    return !('rating' in fields) && isTime(fields.undo) ? { card, undo: fields.undo, at } : null;
  }
  const { rating, seconds } = fields;
  if (!isRating(rating) || typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return null;
  return { card, rating, at, seconds };
}

function parseLine(line: string): LogEntry | null {
  try {
    return toEntry(JSON.parse(line));
  } catch {
    return null;
  }
}

/** Reads reviews.jsonl text: one JSON entry per line, blank lines ignored. */
export function parseReviewLog(text: string): ParsedLog {
  const lines = text.split('\n');
  // The piece after the final newline: '' when the text ends with one.
  const last = lines.length - 1;
  const entries: LogEntry[] = [];
  const badLines: number[] = [];
  let tornTail: string | null = null;
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const entry = parseLine(line);
    if (entry) entries.push(entry);
    else if (index === last) tornTail = line;
    else badLines.push(index + 1);
  });
  return { entries, tornTail, badLines };
}

/** Tells an undo from a review. */
export function isUndo(entry: LogEntry): entry is UndoEntry {
  return 'undo' in entry;
}

/** Reviews per card id that were not undone, oldest first (ties keep file order). */
export function collectReviews(entries: LogEntry[]): Map<string, ReviewEntry[]> {
  const byCard = new Map<string, ReviewEntry[]>();
  for (const entry of entries) {
    const reviews = byCard.get(entry.card) ?? [];
    if (isUndo(entry)) {
      const index = reviews.findLastIndex((review) => review.at === entry.undo);
      if (index >= 0) reviews.splice(index, 1);
    } else {
      reviews.push(entry);
    }
    byCard.set(entry.card, reviews);
  }
  for (const [card, reviews] of byCard) {
    // A card whose every review was undone has never been seen.
    if (reviews.length === 0) byCard.delete(card);
    else sortByTime(reviews);
  }
  return byCard;
}

/** Sorts in place by instant (not by string: times may carry different zone offsets), stable; a log in order stays as is. */
function sortByTime(reviews: ReviewEntry[]): void {
  const times = reviews.map((review) => Date.parse(review.at));
  if (times.every((time, index) => index === 0 || (times[index - 1] ?? time) <= time)) return;
  const ordered = reviews.map((review, index) => ({ review, time: times[index] ?? 0 })).sort((a, b) => a.time - b.time);
  ordered.forEach(({ review }, index) => {
    reviews[index] = review;
  });
}

/** One log line, keys in the documented order, ending with a newline. */
export function formatLogLine(entry: LogEntry): string {
  const ordered = isUndo(entry)
    ? { card: entry.card, undo: entry.undo, at: entry.at }
    : { card: entry.card, rating: entry.rating, at: entry.at, seconds: entry.seconds };
  return `${JSON.stringify(ordered)}\n`;
}
