import type { Hash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { FSRSVersion } from 'ts-fsrs';
import {
  createCardHistory,
  recordReview,
  replayHistory,
  toGrowingHistory,
  type CardHistory,
} from '../../core/log/card-history.js';
import { collectReviews, isUndo, parseReviewLog, type LogEntry, type Rating } from '../../core/log/review-log.js';
import type { CardState, ScheduleSettings, Scheduler } from '../../core/schedule/scheduler.js';
import { readHistoryFile, writeHistoryFile } from './history-file.js';
import { getFileKey, isFileKey, isRecentlyChanged, isSameFile, type FileKey } from './file-key.js';
import { createFolderFor, createSha1, readJsonFile, replaceFile } from './cache-files.js';
import type { Store } from '../store/store.js';

// Bump when the layout below changes.
const CACHE_FORMAT = 6;

/**
 * The cache file's contents: the states after the first `logSize` bytes of the log, and what they were built with.
 * The cards' histories are in a binary file beside it (see history-file.ts), stamped to match.
 */
interface StateCache {
  format: number;
  /** The scheduler: ts-fsrs's version and the settings, so a changed retention or weights replays again. */
  scheduler: string;
  logSize: number;
  /** The log file's key when it held exactly those bytes and was old enough to vouch for them, else null. */
  logFile: FileKey | null;
  /** SHA-1 of those bytes, so a log rewritten (merged, restored, edited) is never mistaken for a longer one. */
  logHash: string;
  states: EncodedState[];
}

/** Every card's replayed state and history, as one replay of the log gives them. */
export interface ReplayedProgress {
  states: Map<string, CardState>;
  /** Decoded from the cache when first used. */
  readonly histories: Map<string, CardHistory>;
}

// [id, reviews, lastRating, firstReviewAt, lastReviewAt, then ts-fsrs's card fields in FSRS_FIELDS order]; times in ms.
type EncodedState = [string, number, Rating, number, number, ...(number | null)[]];

// ts-fsrs's card, field by field: a card with any other field (a newer ts-fsrs) is not cached rather than cut short.
const FSRS_FIELDS = [
  'due',
  'stability',
  'difficulty',
  'elapsed_days',
  'scheduled_days',
  'learning_steps',
  'reps',
  'lapses',
  'state',
  'last_review',
] as const;
const FSRS_DATES = new Set<string>(['due', 'last_review']);

/**
 * Every card's state and history as replaying the whole review log gives them (`replayHistory` on each card of
 * `collectReviews(log)`), from the cache in `cacheDir` when it covers the log. The log only grows, so a cache of its
 * first N bytes is extended by the reviews after N; an undo or a review older than its card's last one there (a
 * merged log) replays everything. `now` is the file system's clock: it tells whether the log changed too recently
 * for its size, times and inode to stand for its bytes next time.
 */
export function loadCardStates(
  store: Store,
  scheduler: Scheduler,
  settings: ScheduleSettings,
  cacheDir: string,
  now = Date.now(),
): ReplayedProgress {
  const file = path.join(cacheDir, 'states.json');
  const historyFile = path.join(cacheDir, 'histories.bin');
  const key = `${FSRSVersion}:${JSON.stringify({ retention: settings.retention, parameters: settings.parameters ?? null })}`;
  const cache = readCache(file, key);
  const rebuildHistories = () => replayLog(store.readLog(), scheduler).histories;
  // A log unchanged since the cache was written (same key, old enough to vouch for its bytes) is not even read.
  const logStats = statSync(store.logPath, { throwIfNoEntry: false });
  if (cache?.logFile && logStats && isSameFile(cache.logFile, logStats))
    return decodeProgress(cache, historyFile, rebuildHistories);
  const bytes = readLogBytes(store);
  // The key of the file these bytes were read from, when it can stand for them next time.
  const logFile =
    logStats && logStats.size === bytes.length && !isRecentlyChanged(logStats, now) ? getFileKey(logStats) : null;
  const hash = createSha1();
  if (cache && cache.logSize <= bytes.length) {
    hash.update(bytes.subarray(0, cache.logSize));
    if (hash.copy().digest('hex') === cache.logHash) {
      const tail = parseReviewLog(bytes.subarray(cache.logSize).toString('utf8'));
      if (tail.tornTail === null && tail.badLines.length === 0) {
        if (tail.entries.length === 0) {
          // Only the log's key is new: the states and histories stay as they are.
          if (logFile) replaceFile(file, JSON.stringify({ ...cache, logFile }));
          // Should the cached histories not fit the states, the log itself gives them.
          return decodeProgress(cache, historyFile, rebuildHistories);
        }
        const histories = readHistories(cache, historyFile);
        const progress =
          histories && extendProgress({ states: decodeStates(cache), histories }, tail.entries, scheduler);
        if (progress) {
          writeCache(
            file,
            historyFile,
            { key, bytes, hash: hash.update(bytes.subarray(cache.logSize)), logFile },
            progress,
          );
          return progress;
        }
      }
    }
  }
  const { entries, tornTail, badLines } = parseReviewLog(bytes.toString('utf8'));
  // The store words a damaged log for the user; a torn last line (another session mid-write) is left for later.
  const progress = replayLog(badLines.length > 0 ? store.readLog() : entries, scheduler);
  if (tornTail === null && badLines.length === 0 && bytes.length > 0) {
    writeCache(file, historyFile, { key, bytes, hash: createSha1().update(bytes), logFile }, progress);
  }
  return progress;
}

function replayLog(entries: LogEntry[], scheduler: Scheduler): ReplayedProgress {
  const progress: ReplayedProgress = { states: new Map(), histories: new Map() };
  for (const [id, reviews] of collectReviews(entries)) {
    const { state, history } = replayHistory(reviews, scheduler);
    if (state) progress.states.set(id, state);
    progress.histories.set(id, history);
  }
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
function extendProgress(
  progress: ReplayedProgress,
  entries: readonly LogEntry[],
  scheduler: Scheduler,
): ReplayedProgress | null {
  const { states, histories } = progress;
  for (const entry of entries) {
    // An undo can take back a review before the cache: only the card's whole history says what remains.
    if (isUndo(entry)) return null;
    const state = states.get(entry.card);
    const at = new Date(entry.at);
    // Replays run in time order: a review older than the card's last one belongs in the middle of its history.
    if (state && at.getTime() < state.lastReviewAt.getTime()) return null;
    const cached = histories.get(entry.card);
    if (state && !cached) return null;
    const history = cached ? toGrowingHistory(cached) : createCardHistory();
    recordReview(history, entry, at.getTime(), state);
    histories.set(entry.card, history);
    states.set(entry.card, scheduler.applyRating(state, entry.rating, at));
  }
  return progress;
}

function readCache(file: string, key: string): StateCache | null {
  try {
    const cache = readJsonFile(file) as StateCache;
    const usable = cache.format === CACHE_FORMAT && cache.scheduler === key && Number.isInteger(cache.logSize);
    const wellFormed =
      typeof cache.logHash === 'string' &&
      (cache.logFile === null || isFileKey(cache.logFile)) &&
      Array.isArray(cache.states);
    return usable && wellFormed && cache.states.every(isEncodedState) ? cache : null;
  } catch {
    return null;
  }
}

/** What a cache is written from: the scheduler's key, the log's bytes, their hash, and the log's key if it vouches for them. */
interface LogRead {
  key: string;
  bytes: Buffer;
  hash: Hash;
  logFile: FileKey | null;
}

/**
 * Replaces the cache, the histories first: a reader that finds the states of one write with the histories of another
 * sees stamps that differ.
 */
function writeCache(file: string, historyFile: string, log: LogRead, { states, histories }: ReplayedProgress): void {
  const cache: StateCache = {
    format: CACHE_FORMAT,
    scheduler: log.key,
    logSize: log.bytes.length,
    logFile: log.logFile,
    logHash: log.hash.digest('hex'),
    states: [],
  };
  const inOrder: CardHistory[] = [];
  for (const [id, state] of states) {
    const encoded = encodeState(id, state);
    const history = histories.get(id);
    if (!encoded || !history) return;
    cache.states.push(encoded);
    inOrder.push(history);
  }
  if (createFolderFor(file) && writeHistoryFile(historyFile, stampHistories(cache), inOrder))
    replaceFile(file, JSON.stringify(cache));
}

/** What the histories file must carry to belong to `cache`: the scheduler and the log they were replayed with. */
function stampHistories(cache: StateCache): string {
  return createSha1().update(`${cache.scheduler}\n${cache.logHash}`).digest('hex');
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
  return (
    Array.isArray(row) &&
    row.length === 5 + FSRS_FIELDS.length &&
    typeof row[0] === 'string' &&
    row.slice(1, 6).every(Number.isFinite)
  );
}

function decodeStates(cache: StateCache): Map<string, CardState> {
  const states = new Map<string, CardState>();
  for (const [id, reviews, lastRating, firstReviewAt, lastReviewAt, ...card] of cache.states) {
    const fsrs: Record<string, unknown> = {};
    FSRS_FIELDS.forEach((name, index) => {
      const value = card[index];
      if (value !== null && value !== undefined) fsrs[name] = FSRS_DATES.has(name) ? new Date(value) : value;
    });
    const state = {
      fsrs: fsrs as unknown as CardState['fsrs'],
      reviews,
      lastRating,
      firstReviewAt: new Date(firstReviewAt),
      lastReviewAt: new Date(lastReviewAt),
    };
    states.set(id, state);
  }
  return states;
}

/** The cached states, with the histories read when first used (from `rebuildHistories` should they not fit the states). */
function decodeProgress(
  cache: StateCache,
  historyFile: string,
  rebuildHistories: () => Map<string, CardHistory>,
): ReplayedProgress {
  let histories: Map<string, CardHistory> | undefined;
  return {
    states: decodeStates(cache),
    get histories() {
      histories ??= readHistories(cache, historyFile) ?? rebuildHistories();
      return histories;
    },
  };
}

/** The cached histories by card, or null when the file does not hold those of the cached states. */
function readHistories(cache: StateCache, historyFile: string): Map<string, CardHistory> | null {
  const histories = readHistoryFile(
    historyFile,
    stampHistories(cache),
    cache.states.map((state) => state[1]),
  );
  return histories && new Map(histories.map((history, index) => [(cache.states[index] as EncodedState)[0], history]));
}
