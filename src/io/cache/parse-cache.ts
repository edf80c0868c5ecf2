import { statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CardInfo, CardProblem, Difficulty } from '../../core/card/card.js';
import { deckOf } from '../../core/card/fields.js';
import { FILE_KEY_LENGTH, getFileKey, isRecentlyChanged, isSameFile } from './file-key.js';
import { createFolderFor, readFloat64s, readJsonFile, replaceFile } from './cache-files.js';
import { PACKAGE_VERSION } from '../package-root.js';

/** What parsing a card file gave, without the answer: the card's info and its `id:` line, or its problem. */
export type CachedResult = { card: CardInfo; idLine: number; warnings?: CardProblem[] } | { problem: CardProblem };

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
const CACHE_FORMAT = 3;

/**
 * The file's layout: one column per field, entries in path order, so that 100,000 cards parse as a few long lists
 * of strings and one block of numbers instead of 100,000 small arrays (parsing and collecting those took a quarter
 * of `list`'s time). An entry is a card (its id, difficulty, tags and question) or a problem (its message and line).
 */
interface StoredColumns {
  format: number;
  parser: string;
  root: string;
  paths: string[];
  /** Per entry: `e`, `m`, `h` or `-` (a card's difficulty, or none), `x` for a problem. */
  kinds: string;
  /** A card's id, or a problem's message. */
  texts: string[];
  /** Every card's tags, one after the other (`numbers` says how many each has). */
  tags: string[];
  /** A card's question; empty for a problem. */
  questions: string[];
  /** Base64 of 64-bit floats, NUMBERS_PER_ENTRY an entry: the file key, the `id:` line (or the problem's), the tag count. */
  numbers: string;
}

const NUMBERS_PER_ENTRY = FILE_KEY_LENGTH + 2;
const KIND_OF: Record<Difficulty, string> = { easy: 'e', medium: 'm', hard: 'h' };
const DIFFICULTY_OF: Record<string, Difficulty | null> = { e: 'easy', m: 'medium', h: 'hard', '-': null };
const PROBLEM = 'x';

/** The entries of the last run, read in path order as the walk asks for them. */
interface Stored {
  columns: StoredColumns;
  numbers: Float64Array;
  /** Where each entry's tags start in `columns.tags`, and at the end where the last one's end. */
  tagStarts: Uint32Array;
}

/** A result to write back, with the key of the file it came from: `keys[keyAt…]` (the stored numbers, for a hit). */
interface KeptEntry {
  path: string;
  result: CachedResult;
  keys: ArrayLike<number>;
  keyAt: number;
}

/**
 * Opens the parse cache of the cards folder `root` in `cacheDir` (empty when missing, damaged, or from another parser).
 * Lookups are expected in path order, as the walk gives them; one out of order is simply a miss.
 */
export function openParseCache(cacheDir: string, root: string, now: number): ParseCache {
  const file = path.join(cacheDir, `cards-${fingerprint(root)}.json`);
  const stored = readStored(file, root);
  const storedCount = stored?.columns.paths.length ?? 0;
  const kept: KeptEntry[] = [];
  let next = 0;
  let hits = 0;
  let changed = false;
  return {
    lookup(cardPath, stats) {
      if (!stored) return undefined;
      const { paths } = stored.columns;
      // Both lists are in path order: move past the stored paths that are gone.
      while (next < paths.length && (paths[next] as string) < cardPath) next += 1;
      const keyAt = next * NUMBERS_PER_ENTRY;
      if (paths[next] !== cardPath || !isSameFile(stored.numbers, stats, keyAt)) return undefined;
      const result = decodeEntry(stored, next);
      kept.push({ path: cardPath, result, keys: stored.numbers, keyAt });
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
      if (changed || hits !== storedCount) writeStored(file, root, kept);
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

function readStored(file: string, root: string): Stored | null {
  try {
    const columns = readJsonFile(file) as StoredColumns;
    if (columns.format !== CACHE_FORMAT || columns.parser !== getParserStamp() || columns.root !== root) return null;
    const { paths, kinds, texts, tags, questions } = columns;
    const count = Array.isArray(paths) ? paths.length : -1;
    const bytes = Buffer.from(typeof columns.numbers === 'string' ? columns.numbers : '', 'base64');
    if (
      typeof kinds !== 'string' ||
      kinds.length !== count ||
      !isStringList(texts, count) ||
      !isStringList(questions, count)
    )
      return null;
    if (!isStringList(paths, count) || !Array.isArray(tags) || !isStringList(tags, tags.length)) return null;
    if (bytes.length !== count * NUMBERS_PER_ENTRY * 8) return null;
    const numbers = readFloat64s(bytes, 0, count * NUMBERS_PER_ENTRY);
    const tagStarts = new Uint32Array(count + 1);
    let tagCount = 0;
    for (let index = 0; index < count; index += 1) {
      const entryTags = numbers[index * NUMBERS_PER_ENTRY + FILE_KEY_LENGTH + 1] as number;
      if (
        !Number.isInteger(entryTags) ||
        entryTags < 0 ||
        !((kinds[index] as string) in DIFFICULTY_OF || kinds[index] === PROBLEM)
      )
        return null;
      tagCount += entryTags;
      tagStarts[index + 1] = tagCount;
    }
    return tagCount === tags.length ? { columns, numbers, tagStarts } : null;
  } catch {
    // No cache yet, or one that cannot be used: everything is parsed again.
    return null;
  }
}

function isStringList(list: unknown, length: number): list is string[] {
  if (!Array.isArray(list) || list.length !== length) return false;
  for (const item of list) if (typeof item !== 'string') return false;
  return true;
}

function decodeEntry({ columns, numbers, tagStarts }: Stored, index: number): CachedResult {
  const cardPath = columns.paths[index] as string;
  const kind = columns.kinds[index] as string;
  const line = numbers[index * NUMBERS_PER_ENTRY + FILE_KEY_LENGTH] as number;
  if (kind === PROBLEM) return { problem: { path: cardPath, line, message: columns.texts[index] as string } };
  const tags = columns.tags.slice(tagStarts[index], tagStarts[index + 1]);
  const card = {
    id: columns.texts[index] as string,
    deck: deckOf(cardPath),
    path: cardPath,
    difficulty: DIFFICULTY_OF[kind] ?? null,
    tags,
    question: columns.questions[index] as string,
  };
  return { card, idLine: line };
}

/** Replaces the cache with `entries`, in path order. */
function writeStored(file: string, root: string, entries: readonly KeptEntry[]): void {
  const numbers = new Float64Array(entries.length * NUMBERS_PER_ENTRY);
  const columns: StoredColumns = {
    format: CACHE_FORMAT,
    parser: getParserStamp(),
    root,
    paths: [],
    kinds: '',
    texts: [],
    tags: [],
    questions: [],
    numbers: '',
  };
  const kinds: string[] = [];
  entries.forEach(({ path: cardPath, result, keys, keyAt }, index) => {
    const offset = index * NUMBERS_PER_ENTRY;
    for (let part = 0; part < FILE_KEY_LENGTH; part += 1) numbers[offset + part] = keys[keyAt + part] as number;
    columns.paths.push(cardPath);
    if ('problem' in result) {
      kinds.push(PROBLEM);
      columns.texts.push(result.problem.message);
      columns.questions.push('');
      numbers[offset + FILE_KEY_LENGTH] = result.problem.line;
    } else {
      const { card } = result;
      kinds.push(card.difficulty ? KIND_OF[card.difficulty] : '-');
      columns.texts.push(card.id);
      columns.questions.push(card.question);
      columns.tags.push(...card.tags);
      numbers[offset + FILE_KEY_LENGTH] = result.idLine;
      numbers[offset + FILE_KEY_LENGTH + 1] = card.tags.length;
    }
  });
  columns.kinds = kinds.join('');
  columns.numbers = Buffer.from(numbers.buffer).toString('base64');
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
