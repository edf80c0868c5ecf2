import { mkdirSync, renameSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CardInfo, CardProblem } from '../core/card.js';
import { getFileKey, isFileKey, isRecentlyChanged, isSameFile, type FileKey } from './file-key.js';
import { readJsonFile } from './json-file.js';

/** What parsing a card file gave, without the answer: the card's info and its `id:` line, or its problem. */
export type CachedResult = { card: CardInfo; idLine: number } | { problem: CardProblem };

/** The parse results of one cards folder from the last run, and the ones of this run to keep. */
export interface ParseCache {
  /** The cached result for the file at `cardPath` when its stats still match; undefined when it must be parsed. */
  lookup(cardPath: string, stats: Stats): CachedResult | undefined;
  /** Keeps a fresh result for next time, unless the file changed too recently for its stats to be trusted. */
  remember(cardPath: string, stats: Stats, result: CachedResult): void;
  /** Writes the cache back if anything changed; files neither looked up nor remembered this run are dropped. */
  save(): void;
}

// Bump when the layout below changes.
const CACHE_FORMAT = 2;

/** Opens the parse cache of the cards folder `root` in `cacheDir` (empty when missing, damaged, or from another parser). */
export function openParseCache(cacheDir: string, root: string, now: number): ParseCache {
  const file = path.join(cacheDir, `cards-${fingerprint(root)}.json`);
  const stored = readEntries(file, root);
  const kept = new Map<string, EncodedEntry>();
  let changed = false;
  return {
    lookup(cardPath, stats) {
      const entry = stored.get(cardPath);
      if (!entry || !isSameFile(entry[1], stats)) return undefined;
      kept.set(cardPath, entry);
      return decodeEntry(entry);
    },
    remember(cardPath, stats, result) {
      changed = true;
      // A file changed within the last seconds is parsed again on every run until it is older.
      if (!isRecentlyChanged(stats, now)) kept.set(cardPath, encodeEntry(cardPath, getFileKey(stats), result));
    },
    save() {
      if (changed || kept.size !== stored.size) writeEntries(file, root, [...kept.values()]);
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

function readEntries(file: string, root: string): Map<string, EncodedEntry> {
  try {
    const data = readJsonFile(file) as { format?: unknown; parser?: unknown; root?: unknown; files?: unknown };
    if (data.format !== CACHE_FORMAT || data.parser !== getParserStamp() || data.root !== root || !Array.isArray(data.files)) {
      return new Map();
    }
    const entries = new Map<string, EncodedEntry>();
    for (const entry of data.files as EncodedEntry[]) {
      if (!isEncodedEntry(entry)) return new Map();
      entries.set(entry[0], entry);
    }
    return entries;
  } catch {
    // No cache yet, or one that cannot be used: everything is parsed again.
    return new Map();
  }
}

/** Replaces the cache in one rename, so a reader never sees half of it; a cache that cannot be written is skipped. */
function writeEntries(file: string, root: string, files: EncodedEntry[]): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, JSON.stringify({ format: CACHE_FORMAT, parser: getParserStamp(), root, files }));
    renameSync(temporary, file);
  } catch {
    // Only a speed-up: a read-only or full disk must not stop the command.
  }
}

// [path, file key, id, deck, difficulty, tags, question, idLine] for a card, [path, file key, line, message] for a problem.
type EncodedEntry = [string, FileKey, string, string, CardInfo['difficulty'], string[], string, number] | [string, FileKey, number, string];

function encodeEntry(cardPath: string, key: FileKey, result: CachedResult): EncodedEntry {
  if ('problem' in result) return [cardPath, key, result.problem.line, result.problem.message];
  const { card } = result;
  return [cardPath, key, card.id, card.deck, card.difficulty, card.tags, card.question, result.idLine];
}

function isEncodedEntry(entry: unknown): entry is EncodedEntry {
  if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !isFileKey(entry[1])) return false;
  if (entry.length === 4) return typeof entry[2] === 'number' && typeof entry[3] === 'string';
  return entry.length === 8 && typeof entry[2] === 'string' && typeof entry[6] === 'string' && Array.isArray(entry[5]);
}

function decodeEntry(entry: EncodedEntry): CachedResult {
  if (entry.length === 4) return { problem: { path: entry[0], line: entry[2], message: entry[3] } };
  const [cardPath, , id, deck, difficulty, tags, question, idLine] = entry;
  return { card: { id, deck, path: cardPath, difficulty, tags, question }, idLine };
}

let parserStamp: string | undefined;

/**
 * Which parser wrote a cache: flashdeck's version and the time the code running now was built (every build writes
 * each compiled file anew, the parser's and this one alike), so an upgrade or a rebuild with other parsing rules
 * never reads stale results.
 */
function getParserStamp(): string {
  if (parserStamp !== undefined) return parserStamp;
  const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };
  parserStamp = `${version}:${statSync(fileURLToPath(import.meta.url)).mtimeMs}`;
  return parserStamp;
}
