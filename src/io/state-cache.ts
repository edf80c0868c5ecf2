import { createHash, type Hash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FSRSVersion } from 'ts-fsrs';
import { collectReviews, isUndo, parseReviewLog, type LogEntry } from '../core/review-log.js';
import type { CardState, ScheduleSettings, Scheduler } from '../core/schedule.js';
import type { Store } from './store.js';

// Bump when the layout below changes.
const CACHE_FORMAT = 1;

/** The cache file's contents: the states after the first `logSize` bytes of the log, and what they were built with. */
interface StateCache {
  format: number;
  /** The scheduler: ts-fsrs's version and the settings, so a changed retention or weights replays again. */
  scheduler: string;
  logSize: number;
  /** SHA-1 of those bytes, so a log rewritten (merged, restored, edited) is never mistaken for a longer one. */
  logHash: string;
  states: [string, EncodedState][];
}

type EncodedState = Record<string, unknown>;

/**
 * Every card's state as replaying the whole review log gives it (`scheduler.replayAll(collectReviews(log))`), from
 * the cache in `cacheDir` when it covers the log. The log only grows, so a cache of its first N bytes is extended by
 * the reviews after N; an undo or a review older than its card's last one there (a merged log) replays everything.
 */
export function loadCardStates(store: Store, scheduler: Scheduler, settings: ScheduleSettings, cacheDir: string): Map<string, CardState> {
  const file = path.join(cacheDir, 'states.json');
  const key = `${FSRSVersion}:${JSON.stringify({ retention: settings.retention, parameters: settings.parameters ?? null })}`;
  const bytes = readLogBytes(store);
  const cache = readCache(file, key, bytes.length);
  const hash = createHash('sha1');
  if (cache) {
    hash.update(bytes.subarray(0, cache.logSize));
    if (hash.copy().digest('hex') === cache.logHash) {
      const tail = parseReviewLog(bytes.subarray(cache.logSize).toString('utf8'));
      const states = tail.tornTail === null && tail.badLines.length === 0 ? extendStates(decodeStates(cache), tail.entries, scheduler) : null;
      if (states) {
        if (tail.entries.length > 0) writeCache(file, key, bytes, hash.update(bytes.subarray(cache.logSize)), states);
        return states;
      }
    }
  }
  const { entries, tornTail, badLines } = parseReviewLog(bytes.toString('utf8'));
  // The store words a damaged log for the user; a torn last line (another session mid-write) is left for later.
  const complete = badLines.length > 0 ? store.readLog() : entries;
  const states = scheduler.replayAll(collectReviews(complete));
  if (tornTail === null && badLines.length === 0 && bytes.length > 0) writeCache(file, key, bytes, createHash('sha1').update(bytes), states);
  return states;
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

/** The states after `entries` are replayed onto `states`, or null when only a full replay gives them exactly. */
function extendStates(states: Map<string, CardState>, entries: readonly LogEntry[], scheduler: Scheduler): Map<string, CardState> | null {
  for (const entry of entries) {
    // An undo can take back a review before the cache: only the card's whole history says what remains.
    if (isUndo(entry)) return null;
    const state = states.get(entry.card);
    const at = new Date(entry.at);
    // Replays run in time order: a review older than the card's last one belongs in the middle of its history.
    if (state && at.getTime() < state.lastReviewAt.getTime()) return null;
    states.set(entry.card, scheduler.applyRating(state, entry.rating, at));
  }
  return states;
}

function readCache(file: string, key: string, logSize: number): StateCache | null {
  try {
    const cache = JSON.parse(readFileSync(file, 'utf8')) as StateCache;
    const usable = cache.format === CACHE_FORMAT && cache.scheduler === key && Number.isInteger(cache.logSize) && cache.logSize <= logSize;
    return usable && typeof cache.logHash === 'string' && Array.isArray(cache.states) ? cache : null;
  } catch {
    return null;
  }
}

/** Replaces the cache in one rename; a cache that cannot be written is skipped (it only saves time). */
function writeCache(file: string, key: string, bytes: Buffer, hash: Hash, states: ReadonlyMap<string, CardState>): void {
  const cache: StateCache = { format: CACHE_FORMAT, scheduler: key, logSize: bytes.length, logHash: hash.digest('hex'), states: [] };
  for (const [id, state] of states) cache.states.push([id, encodeState(state)]);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, JSON.stringify(cache));
    renameSync(temporary, file);
  } catch {
    // A read-only or full disk must not stop the command.
  }
}

// Dates become `{ "date": <ms> }`; every other field of the state and of ts-fsrs's card is a number or a string.
function encodeState(state: CardState): EncodedState {
  return encodeDates({ ...state, fsrs: encodeDates({ ...state.fsrs }) });
}

function encodeDates(fields: Record<string, unknown>): EncodedState {
  for (const [name, value] of Object.entries(fields)) if (value instanceof Date) fields[name] = { date: value.getTime() };
  return fields;
}

function decodeStates(cache: StateCache): Map<string, CardState> {
  return new Map(cache.states.map(([id, encoded]) => [id, decodeDates({ ...encoded, fsrs: decodeDates({ ...(encoded.fsrs as EncodedState) }) }) as unknown as CardState]));
}

function decodeDates(fields: EncodedState): EncodedState {
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'object' && value !== null && 'date' in value) fields[name] = new Date((value as { date: number }).date);
  }
  return fields;
}
