import { sanitizeTerminalText } from '../markdown/text.js';

/** The learner's own 1–5 answer to "How well did you know this?". */
export type Rating = 1 | 2 | 3 | 4 | 5;

/** One rating, as one line of reviews.jsonl. `at` is an ISO 8601 UTC time. */
export interface ReviewEntry {
  card: string;
  rating: Rating;
  at: string;
  seconds: number;
  /** What the card hid when it was rated (a cloze card's deletion): how its history finds it again under a new id. */
  text?: string;
}

/** Takes back the review of `card` whose `at` equals `undo`. */
export interface UndoEntry {
  card: string;
  undo: string;
  at: string;
}

/** Hides `card` from sessions until `bury` (an ISO 8601 time), from `at` on. */
export interface BuryEntry {
  card: string;
  bury: string;
  at: string;
}

/** Takes back the burial of `card` whose `at` equals `unbury`, or every burial of it (`true`). */
export interface UnburyEntry {
  card: string;
  unbury: string | true;
  at: string;
}

/** Moves the history of the card `renamed` to `card`: the same card under a new id (see core/log/relink.ts). */
export interface RenameEntry {
  card: string;
  renamed: string;
  at: string;
}

/** Makes `card` new again: its reviews up to `at` stay in the log but no longer count. An undo naming `at` takes it back. */
export interface ForgetEntry {
  card: string;
  forget: true;
  at: string;
}

/** Keeps `card` out of every session from `at` on, until an unsuspend. */
export interface SuspendEntry {
  card: string;
  suspend: true;
  at: string;
}

/** Lets a suspended `card` be scheduled again. */
export interface UnsuspendEntry {
  card: string;
  unsuspend: true;
  at: string;
}

/** A schedule another tool kept for a card (Obsidian's `<!--SR:!2024-01-02,3,250-->`, an Anki card's interval). */
export interface KeptSchedule {
  /** The day the card is next due, `YYYY-MM-DD`. */
  due: string;
  /** The interval in days that led to it. */
  interval: number;
  /** The tool's ease (250 = 2.5×). */
  ease: number;
}

/** `card` carries over the schedule another tool kept for it, as that tool last set it (seen at `at`). */
export interface ScheduleEntry {
  card: string;
  schedule: KeptSchedule;
  at: string;
}

/**
 * One line of the review log: `card`, `at`, and one field naming what happened, whose value is what it needs — a
 * review's `rating` (with `seconds`), an `undo` or `unbury` naming the `at` of the line it takes back, a `bury` naming
 * when the burial ends, the old id a card was `renamed` from, `forget`, `suspend` and `unsuspend` (true), a
 * `schedule` carried over from another tool.
 */
export type LogEntry =
  | ReviewEntry
  | UndoEntry
  | BuryEntry
  | UnburyEntry
  | RenameEntry
  | ForgetEntry
  | SuspendEntry
  | UnsuspendEntry
  | ScheduleEntry;

/** The field that names what a line does. */
export type EntryKind =
  'rating' | 'undo' | 'bury' | 'unbury' | 'renamed' | 'forget' | 'suspend' | 'unsuspend' | 'schedule';

const KINDS: readonly EntryKind[] = [
  'rating',
  'undo',
  'bury',
  'unbury',
  'renamed',
  'forget',
  'suspend',
  'unsuspend',
  'schedule',
];

/** What a log entry does. */
export function getEntryKind(entry: LogEntry): EntryKind {
  return KINDS.find((kind) => kind in entry) as EntryKind;
}

/** The longest `text` a review keeps: enough to tell a card from its siblings. */
export const MAX_REVIEW_TEXT = 200;

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
const A_TIME = 'an ISO 8601 time with a zone, like 2026-01-02T10:00:00Z';

/** What a line that is not even a JSON object is told: the shape of a review. */
export const NOT_AN_ENTRY =
  'not a review like {"card": "<id>", "rating": 1-5, "at": "<ISO 8601 time>", "seconds": <number>}';

function isTime(value: unknown): value is string {
  return typeof value === 'string' && ISO_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

function isRating(value: unknown): value is Rating {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

function isSeconds(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

// Keeps only the known fields, so fields added by a later version are ignored, not carried along.
function toEntry(value: unknown): LogEntry | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return NOT_AN_ENTRY;
  const fields = value as Record<string, unknown>;
  const { card, at } = fields;
  if (typeof card !== 'string' || card === '') return wrongField('card', card, 'a card id, as text');
  if (!isTime(at)) return wrongField('at', at, A_TIME);
  const kinds = KINDS.filter((kind) => kind in fields);
  if (kinds.length > 1) {
    const [first, second] = kinds;
    return `both "${first}" and "${second}": a line does one thing (a review, an undo, a burial, a rename…)`;
  }
  if ('undo' in fields)
    return isTime(fields.undo) ? { card, undo: fields.undo, at } : wrongField('undo', fields.undo, A_TIME);
  if ('bury' in fields)
    return isTime(fields.bury) ? { card, bury: fields.bury, at } : wrongField('bury', fields.bury, A_TIME);
  if ('unbury' in fields) {
    const { unbury } = fields;
    return unbury === true || isTime(unbury)
      ? { card, unbury, at }
      : wrongField('unbury', unbury, `${A_TIME}, or true`);
  }
  if ('renamed' in fields) {
    const { renamed } = fields;
    return typeof renamed === 'string' && renamed !== ''
      ? { card, renamed, at }
      : wrongField('renamed', renamed, 'the card id it had before, as text');
  }
  for (const flag of ['forget', 'suspend', 'unsuspend'] as const) {
    if (flag in fields)
      return fields[flag] === true
        ? ({ card, [flag]: true, at } as unknown as LogEntry)
        : wrongField(flag, fields[flag], 'true');
  }
  if ('schedule' in fields) {
    const schedule = toKeptSchedule(fields.schedule);
    return schedule
      ? { card, schedule, at }
      : wrongField('schedule', fields.schedule, '{"due": "YYYY-MM-DD", "interval": <days>, "ease": <number>}');
  }
  const { rating, seconds, text } = fields;
  if (!isRating(rating)) return wrongField('rating', rating, 'a whole number from 1 to 5');
  if (!isSeconds(seconds)) return wrongField('seconds', seconds, 'a number of seconds, 0 or more');
  // A text that is not one is left out: it only ever helps find a card again.
  return typeof text === 'string' && text !== ''
    ? { card, rating, at, seconds, text: text.slice(0, MAX_REVIEW_TEXT) }
    : { card, rating, at, seconds };
}

function toKeptSchedule(value: unknown): KeptSchedule | null {
  if (typeof value !== 'object' || value === null) return null;
  const { due, interval, ease } = value as Record<string, unknown>;
  const valid =
    typeof due === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(due) &&
    !Number.isNaN(Date.parse(due)) &&
    typeof interval === 'number' &&
    Number.isFinite(interval) &&
    interval >= 0 &&
    typeof ease === 'number' &&
    Number.isFinite(ease) &&
    ease > 0;
  return valid ? { due, interval, ease } : null;
}

function wrongField(name: string, value: unknown, expected: string): string {
  return value === undefined
    ? `no "${name}": it must be ${expected}`
    : `"${name}" is ${describeValue(value)}: it must be ${expected}`;
}

/** A JSON value as a message shows it: short, one line, no terminal controls. */
function describeValue(value: unknown): string {
  // Numbers as JavaScript writes them: JSON would show an overflowing 1e999 as null.
  if (typeof value === 'number') return String(value);
  // A long string is cut before it is quoted, so a huge field is never copied whole.
  const text = JSON.stringify(typeof value === 'string' ? value.slice(0, 40) : value) ?? String(value);
  return sanitizeTerminalText(text.length > 40 ? `${text.slice(0, 39)}…` : text);
}

/** One line of a log read: its entry, or what keeps it from being one. */
export function readLogLine(line: string): LogEntry | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return NOT_AN_ENTRY;
  }
  return toEntry(value);
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
    const entry = readLogLine(line);
    if (typeof entry !== 'string') entries.push(entry);
    else if (index === last) tornTail = line;
    else badLines.push(index + 1);
  });
  return { entries, tornTail, badLines };
}

/** Tells an undo from other entries. */
export function isUndo(entry: LogEntry): entry is UndoEntry {
  return 'undo' in entry;
}

/** Tells a review from other entries. */
export function isReview(entry: LogEntry): entry is ReviewEntry {
  return 'rating' in entry;
}

/** One log line, keys in the documented order, ending with a newline. */
export function formatLogLine(entry: LogEntry): string {
  const { card, at } = entry;
  const ordered = isReview(entry)
    ? { card, rating: entry.rating, at, seconds: entry.seconds, text: entry.text }
    : 'schedule' in entry
      ? {
          card,
          schedule: { due: entry.schedule.due, interval: entry.schedule.interval, ease: entry.schedule.ease },
          at,
        }
      : { card, [getEntryKind(entry)]: (entry as unknown as Record<string, unknown>)[getEntryKind(entry)], at };
  return `${JSON.stringify(ordered)}\n`;
}
