import fs from 'node:fs';
import path from 'node:path';
import { FlashError, UsageError } from '../../core/errors.js';
import { sanitizeTerminalText } from '../../core/markdown/text.js';
import { describeBinary, getUtf16Encoding } from '../../core/transfer/binary-file.js';
import { createFile, createTemporaryBeside, replaceWhole } from '../whole-files.js';
import { makeFolders } from '../folders.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a text file named on the command line (UTF-8, or UTF-16 with its byte order mark), `-` for standard input; a
 * file that can't be read, or a binary file (a database, a PDF…: the message says what it is), is a usage error.
 */
export function readTextInput(file: string): string {
  return decodeTextInput(readInput(file), file);
}

/** Reads a file named on the command line as bytes, `-` for standard input; a file that can't be read is a usage error. */
export function readInput(file: string): Buffer {
  try {
    return fs.readFileSync(file === '-' ? 0 : file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? String(error));
    throw new UsageError(`cannot read ${describePath(file)} (${reason}): name a file to read.`);
  }
}

/**
 * The text of the bytes `readInput` read from `file` (UTF-8, or UTF-16 with its byte order mark); a binary file or
 * bytes that are not such text are a usage error.
 */
export function decodeTextInput(bytes: Uint8Array, file: string): string {
  const binary = describeBinary(bytes);
  if (binary) throw new UsageError(`${describePath(file)} is ${binary}.`);
  const utf16 = getUtf16Encoding(bytes);
  try {
    return utf16 ? new TextDecoder(utf16, { fatal: true }).decode(bytes) : UTF8.decode(bytes);
  } catch {
    throw new UsageError(`${describePath(file)} is not UTF-8 text: save it as UTF-8 and try again.`);
  }
}

/** The text of each card file named (paths relative to `root`), for readers that need it again; unreadable ones left out. */
export function readCardTexts(root: string, paths: Iterable<string>): Map<string, string> {
  const texts = new Map<string, string>();
  for (const relative of paths) {
    try {
      texts.set(relative, fs.readFileSync(path.join(root, relative), 'utf8'));
    } catch {
      // Gone or unreadable since it was loaded: its cards find no reviews, which the summary counts.
    }
  }
  return texts;
}

/** What stands at a path about to be written, seen without following a link. */
export type Existing = 'nothing' | 'file' | 'link';

/**
 * Writes `text` (or bytes) to `relative` (`/` separators) under the folder `root`, never through a symbolic link, so nothing lands
 * outside `root` (which may itself be a link: the user chose it). Each folder below `root` is made one at a time and
 * must be a real folder. A new file is created exclusively; an existing one (a link at its name included) is kept and
 * `false` returned, unless `force`: then a temporary file is renamed over the name, which replaces a link itself, never
 * what it points to. A failed write leaves nothing behind, and throws a one-line FlashError naming the path.
 */
export function writeFileUnder(root: string, relative: string, text: string | Uint8Array, force: boolean): boolean {
  const file = path.join(root, relative);
  try {
    checkFolders(root, relative, true);
    if (force) replaceWhole(file, text);
    else if (!createFileUnlessTaken(file, text)) return false;
    return true;
  } catch (error) {
    throw toWriteError(file, error);
  }
}

/**
 * What `writeFileUnder(root, relative, …)` would find, for a dry run: throws the error it would throw for a link or a
 * file among the folders, or a folder at the name.
 */
export function inspectTarget(root: string, relative: string): Existing {
  const file = path.join(root, relative);
  try {
    if (!checkFolders(root, relative, false)) return 'nothing';
    const found = lookAt(file);
    if (found === 'folder') throw cannotWrite(file, 'EISDIR');
    return found;
  } catch (error) {
    throw toWriteError(file, error);
  }
}

/** Makes a folder the user named, and the folders above it; a link to a folder is fine there. */
export function makeOutputFolder(folder: string): void {
  try {
    makeFolders(folder);
  } catch (error) {
    throw cannotWrite(folder, errorCode(error));
  }
}

/** Writes the output file of an export; an existing one (or a link at its name) is replaced only with `force`. */
export function writeOutput(file: string, text: string, force: boolean): void {
  const folder = path.dirname(file);
  makeOutputFolder(folder);
  if (!writeFileUnder(folder, path.basename(file), text, force)) {
    throw new FlashError(`${describePath(file)} already exists: pass --force to replace it, or choose another --out.`);
  }
}

/**
 * Checks each folder of `relative` below `root` in turn, making it first when `make`: a symbolic link or a file there
 * is refused. Without `make`, returns false at the first one missing (the rest would be made).
 */
function checkFolders(root: string, relative: string, make: boolean): boolean {
  let folder = root;
  for (const name of relative.split('/').slice(0, -1)) {
    folder = path.join(folder, name);
    // Never recursive: mkdir makes nothing at a link's name, which lstat then refuses.
    if (make) ignoreCode('EEXIST', () => fs.mkdirSync(folder));
    const found = lookAt(folder);
    if (found === 'nothing') return false;
    if (found === 'link') {
      throw new FlashError(`${describePath(folder)} is a symbolic link: flashdeck writes nothing through links; remove it or write to another folder.`);
    }
    if (found !== 'folder') throw new FlashError(`${describePath(folder)} is not a folder: move it away or write to another folder.`);
  }
  return true;
}

function lookAt(file: string): Existing | 'folder' {
  const info = ignoreCode('ENOENT', () => fs.lstatSync(file));
  return !info ? 'nothing' : info.isSymbolicLink() ? 'link' : info.isDirectory() ? 'folder' : 'file';
}

/**
 * Creates `file` unless something already has its name (false then). The text is written to a temporary file first and
 * linked in whole, so a process killed mid-write never leaves half a card; link(2), like O_EXCL, never follows a link.
 */
function createFileUnlessTaken(file: string, text: string | Uint8Array): boolean {
  const temporary = createTemporaryBeside(file, text);
  try {
    linkOrCreate(temporary, file, text);
    return true;
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
    // A folder at the name is in the way, not a card to keep.
    if (lookAt(file) === 'folder') throw cannotWrite(file, 'EISDIR');
    return false;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

// File systems without hard links (FAT, some network shares) get the file created in place instead.
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

function linkOrCreate(temporary: string, file: string, text: string | Uint8Array): void {
  try {
    fs.linkSync(temporary, file);
  } catch (error) {
    if (!NO_HARD_LINKS.has(errorCode(error))) throw error;
    createFile(file, text);
  }
}

function ignoreCode<T>(code: string, call: () => T): T | undefined {
  try {
    return call();
  } catch (error) {
    if (errorCode(error) === code) return undefined;
    throw error;
  }
}

const CHECK_FOLDER = 'check that you can write to that folder';
const ELSEWHERE = 'move it away or write to another folder';
// Why a write failed, and what to do, by error code.
const WRITE_FAILURES: Record<string, [reason: string, advice: string]> = {
  EACCES: ['permission denied', CHECK_FOLDER],
  EPERM: ['permission denied', CHECK_FOLDER],
  EROFS: ['a read-only file system', 'write to another folder'],
  ENOSPC: ['the disk is full', 'free some space and try again'],
  EDQUOT: ['the disk quota is used up', 'free some space and try again'],
  ENAMETOOLONG: ['the name or path is too long for the file system', 'use a shorter name or folder'],
  EISDIR: ['a folder is in the way', ELSEWHERE],
  ENOTDIR: ['a file is in the way of a folder', ELSEWHERE],
  EEXIST: ['a file is in the way of a folder', ELSEWHERE],
};

function toWriteError(file: string, error: unknown): FlashError {
  return error instanceof FlashError ? error : cannotWrite(file, errorCode(error));
}

function cannotWrite(file: string, code: string): FlashError {
  const [reason, advice] = WRITE_FAILURES[code] ?? [code, 'check that folder and try again'];
  return new FlashError(`cannot write ${describePath(file)} (${reason}): ${advice}.`);
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/** A path as it may be shown in a message: no control characters. */
export function describePath(file: string): string {
  return file === '-' ? 'standard input' : sanitizeTerminalText(file).replace(/[\n\t]/g, ' ');
}
