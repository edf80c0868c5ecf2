import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync, type BigIntStats } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { CardInfo, CardProblem } from '../core/card.js';

/** What parsing a card file gave, without the answer: the card's info and its `id:` line, or its problem. */
export type CachedResult = { card: CardInfo; idLine: number } | { problem: CardProblem };

/** One card file as last parsed: what identified its contents on disk, and the result. */
export interface CacheEntry {
  key: string;
  result: CachedResult;
}

// Bump when the layout below changes.
const CACHE_FORMAT = 1;
// A file changed this recently could change again within the same timestamp tick (1–2 s on some file systems) and
// keep its size: such files are parsed every time until they are older, as git does with "racily clean" entries.
const RACY_MS = 3000;

/** The cache file for one cards folder, in the cache folder. */
export function getParseCacheFile(cacheDir: string, root: string): string {
  return path.join(cacheDir, `cards-${createHash('sha1').update(root).digest('hex').slice(0, 16)}.json`);
}

/**
 * What identifies a file's contents without reading it: size, modification and change times in nanoseconds (the
 * change time moves even when a tool sets the modification time back), and the inode (a file replaced by a rename).
 */
export function getFileKey(stats: BigIntStats): string {
  return `${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}:${stats.ino}:${stats.dev}`;
}

/** Whether a file changed too recently (before `now`, in ms) for its key to be trusted next time. */
export function isRacy(stats: BigIntStats, now: number): boolean {
  return Number(stats.mtimeMs) > now - RACY_MS || Number(stats.ctimeMs) > now - RACY_MS;
}

/** The cached results for `root` by path; empty when there is no cache, or it is damaged or from another parser. */
export function readParseCache(file: string, root: string): Map<string, CacheEntry> {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown; parser?: unknown; root?: unknown; files?: unknown };
    if (data.format !== CACHE_FORMAT || data.parser !== getParserStamp() || data.root !== root || !Array.isArray(data.files)) {
      return new Map();
    }
    return new Map((data.files as unknown[]).map(decodeEntry));
  } catch {
    // No cache yet, or one that cannot be used: everything is parsed again.
    return new Map();
  }
}

/** Replaces the cache for `root` in one rename, so a reader never sees half of it; a cache that cannot be written is skipped. */
export function writeParseCache(file: string, root: string, entries: ReadonlyMap<string, CacheEntry>): void {
  const files = [...entries].map(([cardPath, entry]) => encodeEntry(cardPath, entry));
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, JSON.stringify({ format: CACHE_FORMAT, parser: getParserStamp(), root, files }));
    renameSync(temporary, file);
  } catch {
    // Only a speed-up: a read-only or full disk must not stop the command.
  }
}

// [path, key, id, deck, difficulty, tags, question, idLine] for a card, [path, key, line, message] for a problem.
type EncodedEntry = [string, string, string, string, CardInfo['difficulty'], string[], string, number] | [string, string, number, string];

function encodeEntry(cardPath: string, { key, result }: CacheEntry): EncodedEntry {
  if ('problem' in result) return [cardPath, key, result.problem.line, result.problem.message];
  const { card } = result;
  return [cardPath, key, card.id, card.deck, card.difficulty, card.tags, card.question, result.idLine];
}

function decodeEntry(value: unknown): [string, CacheEntry] {
  const entry = value as EncodedEntry;
  const [cardPath, key] = entry;
  if (typeof cardPath !== 'string' || typeof key !== 'string') throw new TypeError('damaged parse cache');
  if (entry.length === 4) {
    const [, , line, message] = entry;
    return [cardPath, { key, result: { problem: { path: cardPath, line, message } } }];
  }
  const [, , id, deck, difficulty, tags, question, idLine] = entry;
  if (typeof id !== 'string' || typeof question !== 'string' || !Array.isArray(tags)) throw new TypeError('damaged parse cache');
  return [cardPath, { key, result: { card: { id, deck, path: cardPath, difficulty, tags, question }, idLine } }];
}

let parserStamp: string | undefined;

/**
 * Which parser wrote a cache: flashdeck's version and the times its parser modules were built, so an upgrade or a
 * rebuild with other parsing rules never reads stale results.
 */
function getParserStamp(): string {
  if (parserStamp !== undefined) return parserStamp;
  const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };
  const extension = path.extname(new URL(import.meta.url).pathname);
  const modules = ['../core/card-fields', '../core/simple-card', '../core/simple-yaml', '../core/parse-card', './card-files'];
  const times = modules.map((name) => statSync(new URL(`${name}${extension}`, import.meta.url), { throwIfNoEntry: false })?.mtimeMs ?? 0);
  parserStamp = [version, ...times].join(':');
  return parserStamp;
}
