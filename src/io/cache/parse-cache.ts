import { statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  decodeCards,
  encodeCards,
  type CachedResult,
  type CardColumns,
  type CardEntry,
  type DecodedCards,
} from './card-codec.js';
import { getFileKey, isRecentlyChanged, isSameFile } from './file-key.js';
import { createFolderFor, readJsonFile, replaceFile } from './cache-files.js';
import { PACKAGE_VERSION } from '../package-root.js';
import type { FolderReading } from '../../core/card/parse.js';

export type { CachedResult } from './card-codec.js';

/** The parse results of one cards folder from the last run, and the ones of this run to keep. */
export interface ParseCache {
  /** The cached result for the file at `cardPath` when its stats still match; undefined when it must be parsed. */
  lookup(cardPath: string, stats: Stats): CachedResult | undefined;
  /** Keeps a fresh result for next time, unless the file changed too recently for its stats to be trusted. */
  remember(cardPath: string, stats: Stats, result: CachedResult): void;
  /** Writes the cache back if anything changed; files neither looked up nor remembered this run are dropped. */
  save(): void;
}

// Bump when the layout of the columns (card-codec.ts) or of this header changes.
const CACHE_FORMAT = 7;

/** The cache file: which parser wrote it for which folder, then the card columns (card-codec.ts). */
interface StoredColumns extends CardColumns {
  format: number;
  parser: string;
  root: string;
}

/**
 * Opens the parse cache of the cards folder `root` in `cacheDir` (empty when missing, damaged, or from another parser).
 * Lookups are expected in path order, as the walk gives them; one out of order is simply a miss.
 */
export function openParseCache(cacheDir: string, root: string, now: number, folder?: FolderReading): ParseCache {
  // A folder read another way (it became a vault, a format was named for it) gets a cache of its own.
  const way = folder
    ? `${folder.notesFolder ? '\u0000notes' : ''}${folder.format ? `\u0000${folder.format}` : ''}`
    : '';
  const file = path.join(cacheDir, `cards-${fingerprint(`${root}${way}`)}.json`);
  const stored = readStored(file, root);
  const storedCount = stored?.paths.length ?? 0;
  // In path order: the index of a stored entry still valid, or a fresh result.
  const kept: (CardEntry | number)[] = [];
  let next = 0;
  let hits = 0;
  let changed = false;
  return {
    lookup(cardPath, stats) {
      if (!stored) return undefined;
      const { paths } = stored;
      // Both lists are in path order: move past the stored paths that are gone.
      while (next < paths.length && (paths[next] as string) < cardPath) next += 1;
      const keyAt = stored.keyAt(next);
      if (paths[next] !== cardPath || !isSameFile(stored.numbers, stats, keyAt)) return undefined;
      const result = stored.entry(next);
      // A hit is kept as its index: no object per card unless the cache is written again.
      kept.push(next);
      hits += 1;
      next += 1;
      return result;
    },
    remember(cardPath, stats, result) {
      changed = true;
      // A file changed within the last seconds is parsed again on every run until it is older; so is a card with a
      // warning (an unknown field) until it is fixed: the cache has no room for warnings.
      if (!isRecentlyChanged(stats, now) && !('warnings' in result))
        kept.push({ path: cardPath, result, keys: getFileKey(stats), keyAt: 0 });
    },
    save() {
      if (!changed && hits === storedCount) return;
      const entries = kept.map((entry): CardEntry => {
        if (typeof entry !== 'number') return entry;
        // `stored` is there: only its lookups keep indexes.
        const decoded = stored as DecodedCards;
        const path = decoded.paths[entry] as string;
        return { path, result: decoded.entry(entry), keys: decoded.numbers, keyAt: decoded.keyAt(entry) };
      });
      writeStored(file, root, entries);
    },
  };
}

/**
 * 16 hex digits for the folder's path in the cache's file name (two rounds of 32-bit FNV-1a). Two folders meeting on
 * one name only miss each other's results, since the file names its folder; no cryptographic hash is needed.
 */
function fingerprint(text: string): string {
  let low = 0x811c9dc5;
  let high = 0x01000193;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    low = Math.imul(low ^ code, 0x01000193);
    high = Math.imul(high ^ code ^ (low >>> 16), 0x01000193);
  }
  return [high, low].map((half) => (half >>> 0).toString(16).padStart(8, '0')).join('');
}

function readStored(file: string, root: string): DecodedCards | null {
  try {
    const columns = readJsonFile(file) as StoredColumns;
    if (columns.format !== CACHE_FORMAT || columns.parser !== getParserStamp() || columns.root !== root) return null;
    return decodeCards(columns);
  } catch {
    // No cache yet, or one that cannot be used: everything is parsed again.
    return null;
  }
}

/** Replaces the cache with `entries`, in path order. */
function writeStored(file: string, root: string, entries: readonly CardEntry[]): void {
  const columns: StoredColumns = { format: CACHE_FORMAT, parser: getParserStamp(), root, ...encodeCards(entries) };
  if (createFolderFor(file)) replaceFile(file, JSON.stringify(columns));
}

let parserStamp: string | undefined;

/**
 * Which parser wrote a cache: flashdeck's version and the time the code running now was built (every build writes
 * each compiled file anew, the parser's and this one alike), so an upgrade or a rebuild with other parsing rules
 * never reads stale results.
 */
function getParserStamp(): string {
  if (parserStamp !== undefined) return parserStamp;
  parserStamp = `${PACKAGE_VERSION}:${statSync(fileURLToPath(import.meta.url)).mtimeMs}`;
  return parserStamp;
}
