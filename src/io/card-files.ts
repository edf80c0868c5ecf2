import type { Dirent } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Card, CardProblem } from '../core/card.js';
import { UsageError } from '../core/errors.js';
import { parseCard, type ParsedCard } from '../core/parse-card.js';
import { sanitizeTerminalText } from '../core/text.js';

const MAX_CARD_BYTES = 1024 * 1024;
const READ_CONCURRENCY = 64;
const WARNINGS_SHOWN = 5;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A card file found by the walk: absolute path to read, path relative to the root to report. */
interface CardFile {
  absolute: string;
  path: string;
}

/** Loads every card under `root` and the files that are not valid cards, both sorted by path. */
export async function loadCards(root: string): Promise<{ cards: Card[]; problems: CardProblem[] }> {
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new UsageError(
      `cards folder not found: ${sanitizeTerminalText(root)} (pass --cards <dir> or set FLASHDECK_CARDS)`,
    );
  }
  const files: CardFile[] = [];
  const problems: CardProblem[] = [];
  // Symlinks are followed, but each real folder is read once (at its first path in name order), so loops end.
  await collectCardFiles(root, '', new Set([await realpath(root)]), files, problems);
  files.sort(compareByPath);
  const results = await mapConcurrently(files, READ_CONCURRENCY, readCardFile);

  const cards: Card[] = [];
  const owners = new Map<string, string>();
  for (const result of results) {
    if ('problem' in result) {
      problems.push(result.problem);
      continue;
    }
    const { card } = result;
    const owner = owners.get(card.id);
    if (owner === undefined) {
      owners.set(card.id, card.path);
      cards.push(card);
    } else {
      problems.push({ path: card.path, line: result.idLine, message: `duplicate id "${card.id}" (already used by ${owner})` });
    }
  }
  return { cards, problems: problems.sort(compareByPath) };
}

/** Reads one card file again (after an edit), by its path relative to `root`. */
export function loadCardFile(root: string, path: string): Promise<ParsedCard> {
  return readCardFile({ absolute: join(root, path), path });
}

/** One problem as `path:line: message` on one line, safe to print. */
export function formatProblem(problem: CardProblem): string {
  return sanitizeTerminalText(`${problem.path}:${problem.line}: ${problem.message}`).replace(/[\n\t]/g, ' ');
}

/** Warns about the first few invalid cards and counts the rest, for commands that skip them. */
export function warnAboutProblems(problems: readonly CardProblem[], warn: (line: string) => void): void {
  for (const problem of problems.slice(0, WARNINGS_SHOWN)) warn(`warning: ${formatProblem(problem)}`);
  const more = problems.length - WARNINGS_SHOWN;
  if (more > 0) {
    warn(`warning: ${more} more invalid card${more === 1 ? '' : 's'}; run \`flashdeck lint\` to see them all`);
  }
}

function isSkipped(name: string): boolean {
  return name.startsWith('.') || name.startsWith('_') || name === 'node_modules' || name.toLowerCase() === 'readme.md';
}

/** Walks one folder depth-first in name order, so which path a twice-linked folder gets is deterministic. */
async function collectCardFiles(
  folder: string,
  prefix: string,
  seen: Set<string>,
  files: CardFile[],
  problems: CardProblem[],
): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    problems.push({ path: prefix.slice(0, -1) || '.', line: 1, message: `cannot read folder (${describeError(error)})` });
    return;
  }
  for (const entry of entries.sort((a, b) => compareText(a.name, b.name))) {
    if (isSkipped(entry.name)) continue;
    const absolute = join(folder, entry.name);
    const path = prefix + entry.name;
    // A broken link counts as a file, so a broken `*.md` link is reported when it is read.
    const isFolder = entry.isSymbolicLink()
      ? await stat(absolute).then((target) => target.isDirectory(), () => false)
      : entry.isDirectory();
    if (isFolder) {
      const real = await realpath(absolute).catch(() => absolute);
      if (seen.has(real)) continue;
      seen.add(real);
      await collectCardFiles(absolute, `${path}/`, seen, files, problems);
    } else if (/\.md$/i.test(entry.name) && (entry.isFile() || entry.isSymbolicLink())) {
      files.push({ absolute, path });
    }
  }
}

async function readCardFile(file: CardFile): Promise<ParsedCard> {
  const fail = (message: string): ParsedCard => ({ problem: { path: file.path, line: 1, message } });
  let bytes: Buffer;
  try {
    const info = await stat(file.absolute);
    // A FIFO named `x.md` would block the read forever.
    if (!info.isFile()) return fail('not a regular file');
    if (info.size > MAX_CARD_BYTES) {
      return fail(`file is ${(info.size / MAX_CARD_BYTES).toFixed(1)} MiB, over the 1 MiB limit: split it into smaller cards`);
    }
    bytes = await readFile(file.absolute);
  } catch (error) {
    return fail(`cannot read file (${describeError(error)})`);
  }
  if (bytes.includes(0)) return fail('binary file (contains NUL bytes), not a markdown card');
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return fail('not valid UTF-8 text: save the file as UTF-8');
  }
  return parseCard(text, file.path);
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'not found, or a broken link';
  return code ?? String(error);
}

/** Runs `task` over `items` with at most `limit` running at once; results keep the items' order. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const work = async (): Promise<void> => {
    for (let index = next++; index < items.length; index = next++) results[index] = await task(items[index] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, work));
  return results;
}

// Plain code-unit order: the same on every machine and locale.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareByPath(a: { path: string }, b: { path: string }): number {
  return compareText(a.path, b.path);
}
