import { statSync, type Stats } from 'node:fs';
import { join, sep } from 'node:path';
import type { Card, CardInfo } from '../../core/card/card.js';
import type { ParsedFile } from '../../core/card/parse.js';
import { sanitizeTerminalText } from '../../core/markdown/text.js';
import { describeError, findCardFiles, keepFirstOfEachId, loadCardFile, readCardFile, type LoadedCards } from './card-files.js';
import { openParseCache, type CachedResult } from '../cache/parse-cache.js';
import { readFolderReading } from './cards-folder.js';

/** How `loadCardInfos` reads: the file system's clock, and where a long first read shows how far it got. */
export interface CardLoading {
  /** The file system's clock (not the study clock): it tells which files changed too recently to be cached yet. */
  now?: number;
  /** Shows one line of progress (see `Output.progress`). */
  progress?: (text: string) => void;
  /** Milliseconds, for the progress's timing. */
  clock?: () => number;
}

// A read that takes more than a second says how far it got, ten times a second at most.
const PROGRESS_AFTER_MS = 1000;
const PROGRESS_EVERY_MS = 100;

/**
 * Loads every card under `root` without its answer, and the files that are not valid cards, both sorted by path.
 * Only files whose size, times or inode changed since the last run are read and parsed; the results of the others
 * come from the parse cache in `cacheDir`, so invalid cards are still reported and every edit is seen.
 */
export async function loadCardInfos(
  root: string,
  cacheDir: string,
  { now = Date.now(), progress, clock = () => performance.now() }: CardLoading = {},
): Promise<LoadedCards<CardInfo>> {
  const started = clock();
  let shownAt = 0;
  const { found, problems } = findCardFiles(root);
  const reading = readFolderReading(root);
  const cache = openParseCache(cacheDir, root, now, reading);
  const results: CachedResult[] = [];
  // The walk's paths are relative and never hold `..`: one join for the folder, then a concatenation per file.
  const folder = join(root, '.');
  const prefix = folder.endsWith(sep) ? folder : `${folder}${sep}`;
  for (const cardPath of found) {
    const absolute = prefix + cardPath;
    let stats: Stats;
    try {
      stats = statSync(absolute);
    } catch (error) {
      results.push({ problem: { path: cardPath, line: 1, message: `cannot read file (${describeError(error)})` } });
      continue;
    }
    let result = cache.lookup(cardPath, stats);
    if (!result) {
      result = withoutAnswer(await readCardFile({ absolute, path: cardPath, folder: reading }, stats));
      cache.remember(cardPath, stats, result);
      const elapsed = clock() - started;
      if (progress && elapsed > PROGRESS_AFTER_MS && elapsed - shownAt >= PROGRESS_EVERY_MS) {
        shownAt = elapsed;
        progress(`Reading cards… ${results.length + 1} of ${found.length} files`);
      }
    }
    results.push(result);
  }
  if (shownAt > 0) progress?.('');
  cache.save();
  const loaded = keepFirstOfEachId(results, problems);
  return { cards: loaded.cards, problems: loaded.problems };
}

/**
 * The full cards, answers included, for `infos`, read again from their files (each file once). A file that no longer
 * holds the same valid card (it changed since it was listed) leaves that card out, with a warning.
 */
export async function loadFullCards(root: string, infos: readonly CardInfo[], warn: (line: string) => void): Promise<Card[]> {
  const files = new Map<string, Promise<ParsedFile>>();
  const cards: Card[] = [];
  for (const info of infos) {
    const read = files.get(info.path) ?? loadCardFile(root, info.path);
    files.set(info.path, read);
    const parsed = await read;
    const card = 'cards' in parsed ? parsed.cards.find((candidate) => candidate.id === info.id) : undefined;
    if (card) cards.push(card);
    else warn(`warning: ${sanitizeTerminalText(info.path)} changed while flashdeck was loading it; it is left out this time`);
  }
  return cards;
}

function withoutAnswer(parsed: ParsedFile): CachedResult {
  if ('problem' in parsed) return parsed;
  // Every field but the answer, so a new card field needs no change here; the texts cut from the file are copied
  // (a note's tags once for all its cards).
  const tagCopies = new Map(parsed.notes.map((note) => [note.tags, note.tags.map(detach)]));
  const cards = parsed.cards.map(({ question: _question, answer: _answer, ...info }) => {
    const id = detach(info.id);
    return {
      ...info,
      id,
      // A basic card's id is its note's: one string for both.
      note: info.note === info.id ? id : detach(info.note),
      tags: tagCopies.get(info.tags) ?? info.tags.map(detach),
      questionText: detach(info.questionText),
      identityText: detach(info.identityText),
    };
  });
  return parsed.warnings ? { cards, idLine: parsed.idLine, warnings: parsed.warnings } : { cards, idLine: parsed.idLine };
}

// A substring can keep the whole text it was cut from alive (V8 slices strings of 13 characters or more): a copy
// keeps only itself. At 100,000 cards the file texts would otherwise stay in memory with their questions.
function detach(text: string): string {
  return `${text} `.slice(0, -1);
}
