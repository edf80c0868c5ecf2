import { findCardIdProblem } from '../card/id.js';
import {
  getEntryKind,
  isReview,
  NOT_AN_ENTRY,
  readLogLine,
  type BuryEntry,
  type LogEntry,
  type ReviewEntry,
  type ScheduleEntry,
} from './review-log.js';
import { collectReviews } from './collect-reviews.js';
import { collectForgets, collectSchedules, collectSuspended } from './kept-marks.js';
import { collectBurials } from './replay.js';

/** The earliest time an import takes (the README says so): an older one is a clock that was never set. */
export const EARLIEST_IMPORT_DAY = '2000-01-01';
const EARLIEST_IMPORT_TIME = Date.parse(EARLIEST_IMPORT_DAY);
/** The longest answer an import takes, in seconds: a day. Export writes no longer one. */
export const MAX_REVIEW_SECONDS = 86_400;
// Another machine's clock may run ahead of this one, but not by a day.
const FUTURE_MARGIN_MS = 24 * 3_600_000;
// A time down to the nanosecond with a zone offset; more digits are padding, not precision.
const MAX_TIME_LENGTH = '2000-01-01T00:00:00.000000000+00:00'.length;
// This many first lines that are not JSON objects make the file something else (CSV, markdown…), not a damaged export.
const FIRST_LINES_PROBED = 3;

/**
 * What `progress export` writes: every review not undone nor forgotten, oldest first (ties by card id), answer times
 * as import takes them; then what is in force: the forgets, the schedules carried over, the suspensions, and (with
 * `now`) the burials not taken back nor ended, each as its line.
 */
export function listExportedEntries(entries: readonly LogEntry[], now: Date): LogEntry[] {
  const inForce = [...collectBurials(entries)].flatMap(([card, list]) =>
    list
      .filter(({ until }) => until > now)
      .map(({ until, at }): BuryEntry => ({ card, bury: until.toISOString(), at })),
  );
  // collectSchedules hands back the lines' own schedules: each finds its line.
  const lineOf = new Map(
    entries.filter((entry): entry is ScheduleEntry => 'schedule' in entry).map((line) => [line.schedule, line]),
  );
  const schedules = [...collectSchedules(entries).values()].map((schedule) => lineOf.get(schedule) as LogEntry);
  const suspended = [...collectSuspended(entries)].map(([card, at]): LogEntry => ({ card, suspend: true, at }));
  return [...listEffectiveReviews(entries), ...collectForgets(entries), ...schedules, ...suspended, ...inForce];
}

/** Every review not undone, oldest first (ties by card id), answer times as import takes them. */
export function listEffectiveReviews(entries: readonly LogEntry[]): ReviewEntry[] {
  const reviews = [...collectReviews(entries).values()].flat();
  reviews.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.card < b.card ? -1 : a.card > b.card ? 1 : 0));
  // A card left on screen over a weekend is a long answer time, not a reason for the other machine to refuse the file.
  return reviews.map((review) =>
    review.seconds > MAX_REVIEW_SECONDS ? { ...review, seconds: MAX_REVIEW_SECONDS } : review,
  );
}

/** A line of a progress file that cannot be imported (1-based), and what is wrong with it. */
export interface BadLine {
  line: number;
  problem: string;
}

/** A progress file read whole: its entries, every line that cannot be imported, or a file of another kind. */
export type ParsedProgress =
  { kind: 'entries'; entries: LogEntry[] } | { kind: 'bad lines'; badLines: BadLine[] } | { kind: 'not progress' };

/**
 * Reads a progress file (reviews, and undos as the store's own log has them); blank lines are ignored. Stricter than
 * reading the store's own log: what enters the log stays for good, so ids, times and answer times must be sane at `now`.
 */
export function parseProgress(text: string, now: Date): ParsedProgress {
  const entries: LogEntry[] = [];
  const badLines: BadLine[] = [];
  const firstLines: (LogEntry | string)[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '') return;
      const read = readImportedLine(line, now);
      if (firstLines.length < FIRST_LINES_PROBED) firstLines.push(read);
      if (typeof read === 'string') badLines.push({ line: index + 1, problem: read });
      else entries.push(read);
    });
  if (firstLines.length > 0 && firstLines.every((read) => read === NOT_AN_ENTRY)) return { kind: 'not progress' };
  return badLines.length > 0 ? { kind: 'bad lines', badLines } : { kind: 'entries', entries };
}

/** One line of a progress file: its entry, or what keeps it out of the log. */
function readImportedLine(line: string, now: Date): LogEntry | string {
  const entry = readLogLine(line);
  return typeof entry === 'string' ? entry : (findImportProblem(entry, now) ?? entry);
}

/** What keeps a well-formed entry out of the log: a card id no card may have, a time out of range, too long an answer. */
export function findImportProblem(entry: LogEntry, now: Date): string | null {
  return findCardIdProblem(entry.card) ?? findTimeProblem('at', entry.at, now) ?? findKindProblem(entry, now);
}

/** What is wrong with the field that names what a line does. */
function findKindProblem(entry: LogEntry, now: Date): string | null {
  if (isReview(entry)) return findSecondsProblem(entry.seconds);
  if ('undo' in entry) return findTimeProblem('undo', entry.undo, now);
  // A burial ends up to a study day after it is made: its end may be two days ahead of this clock.
  if ('bury' in entry) return findTimeProblem('bury', entry.bury, new Date(now.getTime() + FUTURE_MARGIN_MS));
  if ('renamed' in entry) return findCardIdProblem(entry.renamed);
  if ('unbury' in entry) return entry.unbury === true ? null : findTimeProblem('unbury', entry.unbury, now);
  return null;
}

function findTimeProblem(field: 'at' | 'undo' | 'bury' | 'unbury', time: string, now: Date): string | null {
  if (time.length > MAX_TIME_LENGTH)
    return `"${field}" is a time of ${time.length} characters (at most ${MAX_TIME_LENGTH})`;
  const instant = Date.parse(time);
  if (instant < EARLIEST_IMPORT_TIME) return `"${field}" is ${time}: before ${EARLIEST_IMPORT_DAY}`;
  if (instant > now.getTime() + FUTURE_MARGIN_MS) return `"${field}" is ${time}: more than a day in the future`;
  return null;
}

function findSecondsProblem(seconds: number): string | null {
  return seconds > MAX_REVIEW_SECONDS ? `"seconds" is ${seconds}: at most ${MAX_REVIEW_SECONDS} (a day)` : null;
}

/**
 * The entries of `incoming` that `existing` lacks, each once, in their order. A review is already there when the
 * store has a review of the same card at the same instant (whatever the rating); an undo, a burial, an unburial or a
 * rename, when it has the same one (same card, same instants, same old id).
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
  const kind = getEntryKind(entry);
  const time = (value: string | true) => (value === true ? 'all' : Date.parse(value));
  const what =
    'undo' in entry
      ? time(entry.undo)
      : 'bury' in entry
        ? time(entry.bury)
        : 'unbury' in entry
          ? time(entry.unbury)
          : 'renamed' in entry
            ? entry.renamed
            : 'schedule' in entry
              ? JSON.stringify(entry.schedule)
              : '';
  return `${kind}\u0000${entry.card}\u0000${what}\u0000${Date.parse(entry.at)}`;
}

/** Counts the reviews among entries. */
export function countReviews(entries: readonly LogEntry[]): number {
  return entries.filter(isReview).length;
}
