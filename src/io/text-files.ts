import fs from 'node:fs';
import path from 'node:path';
import { FlashError, UsageError } from '../core/errors.js';
import { sanitizeTerminalText } from '../core/text.js';
import { makeFolders } from './folders.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Reads a UTF-8 text file named on the command line, `-` for standard input; a file that can't be read is a usage error. */
export function readTextInput(file: string): string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file === '-' ? 0 : file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? String(error));
    throw new UsageError(`cannot read ${describePath(file)} (${reason}): name a file to read.`);
  }
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new UsageError(`${describePath(file)} is not UTF-8 text: save it as UTF-8 and try again.`);
  }
}

/**
 * Writes a new file (creating its folders). An existing file is kept and `false` returned, unless `force`;
 * the check and the write are one step, so a file appearing meanwhile is not replaced either.
 */
export function writeNewFile(file: string, text: string, force: boolean): boolean {
  try {
    makeFolders(path.dirname(file));
  } catch (error) {
    throw cannotWrite(file, error);
  }
  try {
    fs.writeFileSync(file, text, { flag: force ? 'w' : 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' && !force) return false;
    throw cannotWrite(file, error);
  }
}

function cannotWrite(file: string, error: unknown): FlashError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'EISDIR' ? 'a folder is in the way'
    : code === 'ENOTDIR' || code === 'EEXIST' ? 'a file is in the way of a folder'
    : (code ?? String(error));
  return new FlashError(`cannot write ${describePath(file)} (${reason}): check that you can write to that folder.`);
}

/** Writes the output file of an export; an existing one is replaced only with `force`. */
export function writeOutput(file: string, text: string, force: boolean): void {
  if (!writeNewFile(file, text, force)) {
    throw new FlashError(`${describePath(file)} already exists: pass --force to replace it, or choose another --out.`);
  }
}

/** A path as it may be shown in a message: no control characters. */
export function describePath(file: string): string {
  return file === '-' ? 'standard input' : sanitizeTerminalText(file).replace(/[\n\t]/g, ' ');
}
