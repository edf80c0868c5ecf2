import fs from 'node:fs';
import { StoreError } from '../../core/errors.js';

// How the store turns a failing file access into one line for the user: what failed, on which file, and what to do.

const NO_ACCESS = 'Check its permissions, or set FLASHDECK_HOME to a folder you can write to.';
const HINTS: Record<string, string> = {
  EACCES: NO_ACCESS,
  EPERM: NO_ACCESS,
  EROFS: 'The disk is read-only: set FLASHDECK_HOME to a folder you can write to.',
  ENOSPC: 'The disk is full: free some space and try again.',
  EDQUOT: 'Your disk quota is used up: free some space and try again.',
  EISDIR: 'A folder is in the way of that file: move it aside.',
  ENOTDIR: 'A file is in the way of a folder on that path: move it aside or set FLASHDECK_HOME to another folder.',
  EEXIST: 'A file is in the way of that folder: move it aside or set FLASHDECK_HOME to another folder.',
  // The system refuses a folder there, though the folder above it exists (/proc, say).
  ENOENT: 'Nothing can be created there: set FLASHDECK_HOME to a folder you can write to.',
  ELOOP:
    'It is a symbolic link, and flashdeck keeps its files in the store folder itself: put the file there in place of the link.',
};

// Turns a failure of fs (or of conf's file access) into a message for the user; the original stays as `cause`.
export function toStoreError(error: unknown, action: string, file: string): StoreError {
  if (error instanceof StoreError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code ?? (error instanceof Error ? error.message : String(error));
  const hint = HINTS[code ?? ''] ?? 'Check the folder, or set FLASHDECK_HOME to another one.';
  const storeError = new StoreError(`cannot ${action} ${file} (${reason}). ${hint}`);
  storeError.cause = error;
  return storeError;
}

export function attempt<T>(action: string, file: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw toStoreError(error, action, file);
  }
}

// null when the file does not exist. A link in the store is refused: conf would write its settings through it.
export function readIfExists(file: string): Buffer | null {
  try {
    const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
    try {
      return fs.readFileSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw toStoreError(error, 'read', file);
  }
}
