import { createHash, type Hash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FSRSVersion } from 'ts-fsrs';
import { collectReviews, isUndo, parseReviewLog, type LogEntry, type Rating } from '../core/review-log.js';
import { recordObservation, replayObserved, type CardObservations } from '../core/review-observations.js';
import type { CardState, ScheduleSettings, Scheduler } from '../core/schedule.js';
import type { Store } from './store.js';

// Bump when the layout below changes.
const CACHE_FORMAT = 3;

/** The cache file's contents: the states and observations after the first `logSize` bytes of the log, and what they were built with. */
interface StateCache {
  format: number;
  /** The scheduler: ts-fsrs's version and the settings, so a changed retention or weights replays again. */
  scheduler: string;
  logSize: number;
  /** SHA-1 of those bytes, so a log rewritten (merged, restored, edited) is never mistaken for a longer one. */
  logHash: string;
  states: EncodedState[];
  /** JSON of each state's card's observations, in the same order: a string, so commands other than `stats` skip parsing them. */
  observations: string;
}

/** Every card's replayed state and what the schedule knew before each of its reviews, as one replay gives them. */
export interface ReplayedProgress {
  states: Map<string, CardState>;
  /** Decoded from the cache when first used. */
  readonly observations: Map<string, CardObservations>;
}

// [id, reviews, lastRating, firstReviewAt, lastReviewAt, then ts-fsrs's card fields in FSRS_FIELDS order]; times in ms.
type EncodedState = [string, number, Rating, number, number, ...(number | null)[]];
// [intervals, stabilities], as in CardObservations.
type EncodedObservations = [number[], number[]];

// ts-fsrs's card, field by field: a card with any other field (a newer ts-fsrs) is not cached rather than cut short.
const FSRS_FIELDS = ['due', 'stability', 'difficulty', 'elapsed_days', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state', 'last_review'] as const;
const FSRS_DATES = new Set<string>(['due', 'last_review']);

/**
 * Every card's state and observations as replaying the whole review log gives them (`replayObserved` on each card
 * of `collectReviews(log)`), from the cache in `cacheDir` when it covers the log. The log only grows, so a cache of
 * its first N bytes is extended by the reviews after N; an undo or a review older than its card's last one there (a
 * merged log) replays everything.
 */
export function loadCardStates(store: Store, scheduler: Scheduler, settings: ScheduleSettings, cacheDir: string): ReplayedProgress {
  const file = path.join(cacheDir, 'states.json');
  const key = `${FSRSVersion}:${JSON.stringify({ retention: settings.retention, parameters: settings.parameters ?? null })}`;
  const bytes = readLogBytes(store);
  const cache = readCache(file, key, bytes.length);
  const hash = createHash('sha1');
  if (cache) {
    hash.update(bytes.subarray(0, cache.logSize));
    if (hash.copy().digest('hex') === cache.logHash) {
      const tail = parseReviewLog(bytes.subarray(cache.logSize).toString('utf8'));
      const progress = tail.tornTail === null && tail.badLines.length === 0 ? extendProgress(decodeProgress(cache), tail.entries, scheduler) : null;
      if (progress) {
        if (tail.entries.length > 0) writeCache(file, key, bytes, hash.update(bytes.subarray(cache.logSize)), progress);
        return progress;
      }
    }
  }
  const { entries, tornTail, badLines } = parseReviewLog(bytes.toString('utf8'));
  // The store words a damaged log for the user; a torn last line (another session mid-write) is left for later.
  const complete = badLines.length > 0 ? store.readLog() : entries;
  const progress: ReplayedProgress = { states: new Map(), observations: new Map() };
  for (const [id, reviews] of collectReviews(complete)) {
    const { state, observations } = replayObserved(reviews, scheduler);
    if (state) progress.states.set(id, state);
    progress.observations.set(id, observations);
  }
  if (tornTail === null && badLines.length === 0 && bytes.length > 0) writeCache(file, key, bytes, createHash('sha1').update(bytes), progress);
  return progress;
}

function readLogBytes(store: Store): Buffer {
  try {
    return readFileSync(store.logPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return Buffer.alloc(0);
    // The store words the failure for the user.
    store.readLog();
    throw error;
  }
}

/** The progress after `entries` are replayed onto `progress`, or null when only a full replay gives it exactly. */
function extendProgress(progress: ReplayedProgress, entries: readonly LogEntry[], scheduler: Scheduler): ReplayedProgress | null {
  const { states } = progress;
  for (const entry of entries) {
    // An undo can take back a review before the cache: only the card's whole history says what remains.
    if (isUndo(entry)) return null;
    const state = states.get(entry.card);
    const at = new Date(entry.at);
    // Replays run in time order: a review older than the card's last one belongs in the middle of its history.
    if (state && at.getTime() < state.lastReviewAt.getTime()) return null;
    if (state) {
      const seen = progress.observations.get(entry.card);
      if (!seen) return null;
      recordObservation(seen, state);
    } else {
      progress.observations.set(entry.card, { intervals: [], stabilities: [] });
    }
    states.set(entry.card, scheduler.applyRating(state, entry.rating, at));
  }
  return progress;
}

function readCache(file: string, key: string, logSize: number): StateCache | null {
  try {
    const cache = JSON.parse(readFileSync(file, 'utf8')) as StateCache;
    const usable = cache.format === CACHE_FORMAT && cache.scheduler === key && Number.isInteger(cache.logSize) && cache.logSize <= logSize;
    const wellFormed = typeof cache.logHash === 'string' && typeof cache.observations === 'string' && Array.isArray(cache.states);
    return usable && wellFormed && cache.states.every(isEncodedState) ? cache : null;
  } catch {
    return null;
  }
}

/** Replaces the cache in one rename; a cache that cannot be written is skipped (it only saves time). */
function writeCache(file: string, key: string, bytes: Buffer, hash: Hash, { states, observations }: ReplayedProgress): void {
  const encodedObservations: EncodedObservations[] = [];
  const cache: StateCache = { format: CACHE_FORMAT, scheduler: key, logSize: bytes.length, logHash: hash.digest('hex'), states: [], observations: '' };
  for (const [id, state] of states) {
    const encoded = encodeState(id, state);
    const seen = observations.get(id);
    if (!encoded || !seen) return;
    cache.states.push(encoded);
    encodedObservations.push([seen.intervals, seen.stabilities]);
  }
  cache.observations = JSON.stringify(encodedObservations);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, JSON.stringify(cache));
    renameSync(temporary, file);
  } catch {
    // A read-only or full disk must not stop the command.
  }
}

function encodeState(id: string, state: CardState): EncodedState | null {
  const fields = state.fsrs as unknown as Record<string, unknown>;
  if (Object.keys(fields).some((name) => !(FSRS_FIELDS as readonly string[]).includes(name))) return null;
  const card = FSRS_FIELDS.map((name) => {
    const value = fields[name];
    return value instanceof Date ? value.getTime() : typeof value === 'number' ? value : null;
  });
  return [id, state.reviews, state.lastRating, state.firstReviewAt.getTime(), state.lastReviewAt.getTime(), ...card];
}

function isEncodedState(row: unknown): row is EncodedState {
  return Array.isArray(row) && row.length === 5 + FSRS_FIELDS.length && typeof row[0] === 'string' && row.slice(1, 6).every(Number.isFinite);
}

function isEncodedObservations(row: unknown, length: number): row is EncodedObservations {
  return Array.isArray(row) && row.length === 2 && row.every((values) => Array.isArray(values) && values.length === length && values.every(Number.isFinite));
}

function decodeProgress(cache: StateCache): ReplayedProgress {
  const states = new Map<string, CardState>();
  let observations: Map<string, CardObservations> | undefined;
  for (const [id, reviews, lastRating, firstReviewAt, lastReviewAt, ...card] of cache.states) {
    const fsrs: Record<string, unknown> = {};
    FSRS_FIELDS.forEach((name, index) => {
      const value = card[index];
      if (value !== null && value !== undefined) fsrs[name] = FSRS_DATES.has(name) ? new Date(value) : value;
    });
    const state = { fsrs: fsrs as unknown as CardState['fsrs'], reviews, lastRating, firstReviewAt: new Date(firstReviewAt), lastReviewAt: new Date(lastReviewAt) };
    states.set(id, state);
  }
  return {
    states,
    get observations() {
      observations ??= decodeObservations(cache);
      return observations;
    },
  };
}

/** The cached observations; none when they do not fit the states, so that each card is replayed instead. */
function decodeObservations(cache: StateCache): Map<string, CardObservations> {
  const observations = new Map<string, CardObservations>();
  try {
    const rows = JSON.parse(cache.observations) as unknown;
    if (!Array.isArray(rows) || rows.length !== cache.states.length) return observations;
    for (const [index, [id, reviews]] of cache.states.entries()) {
      const row: unknown = rows[index];
      if (!isEncodedObservations(row, reviews - 1)) return new Map();
      observations.set(id, { intervals: row[0], stabilities: row[1] });
    }
  } catch {
    // A damaged cache only costs the replay.
  }
  return observations;
}
