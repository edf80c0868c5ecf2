import { existsSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, sep } from 'node:path';
import type { Card, CardInfo, CardProblem, Note } from '../../core/card/card.js';
import type { FolderReading, ParsedFile } from '../../core/card/parse.js';
import { formatCount, sanitizeTerminalText } from '../../core/markdown/text.js';
import { checkCardsFolder, formatLintCommand, readFolderReading } from './cards-folder.js';

const MAX_CARD_BYTES = 1024 * 1024;
// The parsers and the other tools' readers load at the first file to parse: a run served from the parse cache never
// loads them.
let parser: Promise<typeof import('../../core/card/parse.js')> | undefined;
const WARNINGS_SHOWN = 5;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A card file found by the walk: absolute path to read, path relative to the root to report. */
export interface CardFile {
  absolute: string;
  path: string;
  /** How its folder's files are read: a folder of notes, a format named for it. */
  folder: FolderReading;
}

/** Valid cards (or their infos) and the files that are not valid cards. */
export interface LoadedCards<T extends CardInfo> {
  cards: T[];
  problems: CardProblem[];
}

/** A file's cards (or their infos), as a parse gave them or the parse cache kept them, or why it holds none. */
export type FileCards<T extends CardInfo> =
  | { cards: T[]; idLine: number; warnings?: CardProblem[] }
  | { problem: CardProblem };

// File system calls are synchronous on purpose: for thousands of small files they finish several times sooner than
// a pool of promises (measured with `npm run bench`), and nothing else runs while cards load.

/**
 * Loads every note under `root` and its cards, answers included, and the files that are not valid notes, all sorted
 * by path.
 */
export async function loadCards(root: string): Promise<LoadedCards<Card> & { notes: Note[] }> {
  const files = findCardFiles(root);
  const folder = readFolderReading(root);
  const results: ParsedFile[] = [];
  for (const path of files.found) results.push(await readCardFile({ absolute: join(root, path), path, folder }));
  const { cards, problems, files: kept } = keepFirstOfEachId(results, files.problems);
  return { cards, problems, notes: kept.flatMap((file) => file.notes) };
}

/**
 * The path (relative to `root`, `/` separators) of every card file under `root`, sorted, and the folders that could
 * not be read; a usage error without a root. Paths only: at 100,000 cards every byte kept per file counts.
 */
export function findCardFiles(root: string): { found: string[]; problems: CardProblem[] } {
  checkCardsFolder(root);
  const found: string[] = [];
  const problems: CardProblem[] = [];
  // Symlinks are followed, but each real folder is read once (at its first path in name order), so loops end.
  const realRoot = realpathOrSelf(root);
  collectCardFiles({ absolute: root, real: realRoot }, '', new Set([realRoot]), found, problems);
  return { found: found.sort(compareText), problems };
}

/** Reads one card file again (after an edit), by its path relative to `root`. */
export function loadCardFile(root: string, path: string): Promise<ParsedFile> {
  return readCardFile({ absolute: join(root, path), path, folder: readFolderReading(root) });
}

/** What reading a card file needs to know of its stats. */
type FileStats = { isFile(): boolean; size: number };

/** Reads and parses one card file; `stats` when the caller has them already. */
export async function readCardFile(file: CardFile, stats?: FileStats): Promise<ParsedFile> {
  const fail = (message: string): ParsedFile => ({ problem: { path: file.path, line: 1, message } });
  let bytes: Buffer;
  try {
    const info = stats ?? statSync(file.absolute);
    // A FIFO named `x.md` would block the read forever.
    if (!info.isFile()) return fail('not a regular file');
    const size = info.size;
    if (size > MAX_CARD_BYTES) {
      return fail(`file is ${(size / MAX_CARD_BYTES).toFixed(1)} MiB, over the 1 MiB limit: split it into smaller cards`);
    }
    bytes = readFileSync(file.absolute);
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
  parser ??= import('../../core/card/parse.js');
  return (await parser).parseFile(text, file.path, file.folder);
}

/**
 * Keeps the cards of the first file (by path) holding each card id; a later file whose cards take an id already taken
 * becomes a problem at its `id:` line, and a file's warnings join the problems too. Sorts the problems. `files` are
 * the results kept, in order.
 */
export function keepFirstOfEachId<R extends Exclude<FileCards<CardInfo>, { problem: CardProblem }>>(
  results: Iterable<R | { problem: CardProblem }>,
  problems: CardProblem[],
): LoadedCards<R['cards'][number]> & { files: R[] } {
  const cards: R['cards'][number][] = [];
  const files: R[] = [];
  const owners = new Map<string, string>();
  for (const result of results) {
    if ('problem' in result) {
      problems.push(result.problem);
      continue;
    }
    if (result.warnings) problems.push(...result.warnings);
    const taken = result.cards.find((card) => owners.has(card.id));
    if (taken) {
      const message = `duplicate id "${taken.note}" (already used by ${owners.get(taken.id)})`;
      problems.push({ path: taken.path, line: result.idLine, message });
      continue;
    }
    for (const card of result.cards) {
      owners.set(card.id, card.path);
      cards.push(card);
    }
    files.push(result);
  }
  return { cards, files, problems: problems.sort(compareByPath) };
}

/** One problem as `path:line: message` on one line, safe to print. */
export function formatProblem(problem: CardProblem): string {
  return sanitizeTerminalText(`${problem.path}:${problem.line}: ${problem.message}`).replace(/[\n\t]/g, ' ');
}

/** Warns about the first few problems under `root` (invalid cards, unknown fields) and counts the rest, for commands that go on. */
export function warnAboutProblems(problems: readonly CardProblem[], root: string, warn: (line: string) => void): void {
  for (const problem of problems.slice(0, WARNINGS_SHOWN)) warn(`warning: ${formatProblem(problem)}`);
  const more = problems.length - WARNINGS_SHOWN;
  if (more > 0) {
    warn(`warning: ${formatCount(more, 'more card problem')}; run \`${formatLintCommand(root)}\` to see them all`);
  }
}

function isSkipped(name: string): boolean {
  return name.startsWith('.') || name.startsWith('_') || name === 'node_modules' || name.toLowerCase() === 'readme.md';
}

/** A folder being walked: the path it was reached by, and its real path (links resolved). */
interface Folder {
  absolute: string;
  real: string;
}

/** Walks one folder depth-first in name order, so which path a twice-linked folder gets is deterministic. */
function collectCardFiles(folder: Folder, prefix: string, seen: Set<string>, files: string[], problems: CardProblem[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder.absolute, { withFileTypes: true });
  } catch (error) {
    problems.push({ path: prefix.slice(0, -1) || '.', line: 1, message: `cannot read folder (${describeError(error)})` });
    return;
  }
  for (const entry of entries.sort((a, b) => compareText(a.name, b.name))) {
    if (isSkipped(entry.name)) continue;
    const path = prefix + entry.name;
    if (entry.isFile()) {
      // Most entries: no link to follow, no absolute path to build.
      if (/\.md$/i.test(entry.name)) files.push(path);
      continue;
    }
    const absolute = join(folder.absolute, entry.name);
    const isLink = entry.isSymbolicLink();
    // A broken link counts as a file, so a broken `*.md` link is reported when it is read.
    if (isLink ? isFolderLink(absolute) : entry.isDirectory()) {
      // A Logseq graph's own folder (settings, backups of its pages) holds no notes of the user's.
      if (entry.name === 'logseq' && existsSync(join(absolute, 'config.edn'))) continue;
      // Only a link needs the system to resolve it: a plain subfolder's real path is its parent's plus its name.
      const real = isLink ? realpathOrSelf(absolute) : join(folder.real, entry.name);
      if (seen.has(real)) {
        // A second link to a folder is simply read once; a link back up the tree is worth telling.
        if (isInside(folder.real, real)) problems.push({ path, line: 1, message: 'link loop: this links back to a folder that contains it, skipped' });
        continue;
      }
      seen.add(real);
      collectCardFiles({ absolute, real }, `${path}/`, seen, files, problems);
    } else if (/\.md$/i.test(entry.name)) {
      // Anything else named `.md` (a FIFO, a socket) is reported when it is read, not skipped in silence.
      files.push(path);
    }
  }
}

function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : `${folder}${sep}`);
}

function isFolderLink(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function realpathOrSelf(path: string): string {
  try {
    // The system call: the JavaScript version checks every component of the path with its own call.
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

/** A file system error in words, for a problem line. */
export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'not found, or a broken link';
  return code ?? String(error);
}

// Plain code-unit order: the same on every machine and locale.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareByPath(a: { path: string }, b: { path: string }): number {
  return compareText(a.path, b.path);
}
