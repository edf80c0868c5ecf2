import type { Hash } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { makeFolders } from '../folders.js';
import { replaceWhole } from '../whole-files.js';

// What the caches beside the store share. Every cache only saves time: one that cannot be read is rebuilt, one that
// cannot be written is skipped.

/**
 * Parses a JSON file; throws when it is missing or not JSON. Read as bytes in one call and then decoded: asked for
 * text, Node 20 reads a file 8 KiB at a time, a third slower for the caches' megabytes.
 */
export function readJsonFile(file: string): unknown {
  return JSON.parse(readFileSync(file).toString('utf8'));
}

/** Creates the folder `file` goes in; false when it cannot (a file in the way, a read-only disk). */
export function createFolderFor(file: string): boolean {
  try {
    makeFolders(path.dirname(file));
    return true;
  } catch {
    return false;
  }
}

/**
 * Replaces `file` in one rename, so a reader never sees half of it; false, and no file left behind, when it cannot be
 * written (a missing folder, a read-only or full disk must not stop the command). A cache folder that is a link is
 * not written through: caching is skipped.
 */
export function replaceFile(file: string, contents: string | Uint8Array): boolean {
  try {
    if (lstatSync(path.dirname(file)).isSymbolicLink()) return false;
    replaceWhole(file, contents);
    return true;
  } catch {
    return false;
  }
}

/** `count` 64-bit floats stored from `byteOffset` in `bytes`, as a view where the alignment allows, else a copy. */
export function readFloat64s(bytes: Uint8Array, byteOffset: number, count: number): Float64Array {
  const start = bytes.byteOffset + byteOffset;
  // A Float64Array must start on a multiple of 8 bytes: copy the rare buffer that does not.
  return start % Float64Array.BYTES_PER_ELEMENT === 0
    ? new Float64Array(bytes.buffer, start, count)
    : new Float64Array(bytes.buffer.slice(start, start + count * Float64Array.BYTES_PER_ELEMENT));
}

/** A SHA-1 hash; node:crypto loads at the first one, so a command served from the caches never loads it. */
export function createSha1(): Hash {
  return process.getBuiltinModule('node:crypto').createHash('sha1');
}
