import type { Hash } from 'node:crypto';
import path from 'node:path';
import { FSRSVersion } from 'ts-fsrs';
import type { CardHistory } from '../../core/log/card-history.js';
import { applyEntry, replayLog, type Burial, type LogProgress } from '../../core/log/replay.js';
import { parseReviewLog, type KeptSchedule, type LogEntry } from '../../core/log/review-log.js';
import type { CardState, ScheduleSettings, Scheduler } from '../../core/schedule/scheduler.js';
import { readHistoryFile, writeHistoryFile } from './history-file.js';
import { getFileKey, isFileKey, isRecentlyChanged, isSameFile, type FileKey } from './file-key.js';
import { createFolderFor, createSha1, readJsonFile, replaceFile } from './cache-files.js';
import {
  decodeBurials,
  decodeStates,
  encodeBurials,
  encodeState,
  isEncodedBurial,
  isEncodedState,
  type EncodedBurial,
  type EncodedState,
} from './state-codec.js';
import type { Store } from '../store/store.js';

// Bump when the layout below changes.
const CACHE_FORMAT = 9;

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
  burials: EncodedBurial[];
  /** Each card's latest review text, as [id, text]. */
  texts: [string, string][];
  /** Suspended cards, as [id, the suspend line's at]. */
  suspended: [string, string][];
  /** The latest schedule carried over for each card, as [id, due, interval, ease]. */
  schedules: EncodedSchedule[];
}

type EncodedSchedule = [string, string, number, number];

/** Every card's replayed state, history and burials, as one replay of the log (`replayLog`) gives them. */
export interface ReplayedProgress {
  states: Map<string, CardState>;
  /** Decoded from the cache when first used. */
  readonly histories: Map<string, CardHistory>;
  burials: Map<string, Burial[]>;
  suspended: Map<string, string>;
  texts: Map<string, string>;
  schedules: Map<string, KeptSchedule>;
}

/**
 * Every card's state, history and burials as replaying the whole review log gives them (`replayLog`), from the cache
 * in `cacheDir` when it covers the log. The log only grows, so a cache of its first N bytes is extended by the lines
 * after N (`applyEntry`); an undo or a review older than its card's last one there (a merged log) replays everything.
 * The log is read through the store. `now` is the file system's clock: it tells whether the log changed too recently
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
  const logStats = store.statLog();
  if (cache?.logFile && logStats && isSameFile(cache.logFile, logStats))
    return decodeProgress(cache, historyFile, scheduler, rebuildHistories);
  const bytes = store.readLogBytes();
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
          return decodeProgress(cache, historyFile, scheduler, rebuildHistories);
        }
        const histories = readHistories(cache, historyFile);
        const progress = histories && extendProgress(cache, new Map(histories), tail.entries, scheduler);
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

/** The cached progress after `entries`, or null when only a full replay gives it exactly. */
function extendProgress(
  cache: StateCache,
  histories: Map<string, CardHistory>,
  entries: readonly LogEntry[],
  scheduler: Scheduler,
): ReplayedProgress | null {
  const progress = { ...decodeCache(cache, scheduler), histories };
  return entries.every((entry) => applyEntry(progress, entry, scheduler)) ? progress : null;
}

function isTextRow(row: unknown): row is [string, string] {
  return Array.isArray(row) && row.length === 2 && typeof row[0] === 'string' && typeof row[1] === 'string';
}

function isScheduleRow(row: unknown): row is EncodedSchedule {
  return (
    Array.isArray(row) &&
    row.length === 4 &&
    typeof row[0] === 'string' &&
    typeof row[1] === 'string' &&
    Number.isFinite(row[2]) &&
    Number.isFinite(row[3])
  );
}

function decodeSchedules(rows: readonly EncodedSchedule[]): Map<string, KeptSchedule> {
  return new Map(rows.map(([id, due, interval, ease]) => [id, { due, interval, ease }]));
}

function readCache(file: string, key: string): StateCache | null {
  try {
    const cache = readJsonFile(file) as StateCache;
    const usable = cache.format === CACHE_FORMAT && cache.scheduler === key && Number.isInteger(cache.logSize);
    const wellFormed =
      typeof cache.logHash === 'string' &&
      (cache.logFile === null || isFileKey(cache.logFile)) &&
      Array.isArray(cache.states) &&
      Array.isArray(cache.burials) &&
      Array.isArray(cache.texts) &&
      cache.texts.every(isTextRow) &&
      Array.isArray(cache.suspended) &&
      cache.suspended.every(isTextRow) &&
      Array.isArray(cache.schedules) &&
      cache.schedules.every(isScheduleRow);
    return usable && wellFormed && cache.states.every(isEncodedState) && cache.burials.every(isEncodedBurial)
      ? cache
      : null;
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
function writeCache(file: string, historyFile: string, log: LogRead, progress: LogProgress): void {
  const { states, histories, burials, suspended, texts, schedules } = progress;
  const cache: StateCache = {
    format: CACHE_FORMAT,
    scheduler: log.key,
    logSize: log.bytes.length,
    logFile: log.logFile,
    logHash: log.hash.digest('hex'),
    states: [],
    burials: encodeBurials(burials),
    texts: [...(texts ?? [])],
    suspended: [...suspended],
    schedules: [...(schedules ?? [])].map(([id, { due, interval, ease }]) => [id, due, interval, ease]),
  };
  const inOrder: CardHistory[] = [];
  for (const [id, state] of states) {
    // A card not rated here since another tool's schedule is that schedule's state: rebuilt from it when read.
    if (state.reviews === 0) continue;
    const encoded = encodeState(id, state);
    const history = histories?.get(id);
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

/** Everything the cache file holds but the histories; the states of cards not rated since a kept schedule rebuilt. */
function decodeCache(cache: StateCache, scheduler: Scheduler): Omit<ReplayedProgress, 'histories'> {
  const states = decodeStates(cache.states);
  const schedules = decodeSchedules(cache.schedules);
  for (const [id, schedule] of schedules) if (!states.has(id)) states.set(id, scheduler.fromKeptSchedule(schedule));
  return {
    states,
    burials: decodeBurials(cache.burials),
    suspended: new Map(cache.suspended),
    texts: new Map(cache.texts),
    schedules,
  };
}

/** The cached states, with the histories read when first used (from `rebuildHistories` should they not fit the states). */
function decodeProgress(
  cache: StateCache,
  historyFile: string,
  scheduler: Scheduler,
  rebuildHistories: () => Map<string, CardHistory>,
): ReplayedProgress {
  let histories: Map<string, CardHistory> | undefined;
  return {
    ...decodeCache(cache, scheduler),
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
