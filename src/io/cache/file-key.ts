import type { Stats } from 'node:fs';

/**
 * What identifies a file's contents without reading it: size, modification and change times (the change time moves
 * even when a tool sets the modification time back), inode (a file replaced by a rename) and device. Numbers,
 * compared one by one: no key string to build per file, and JSON keeps every double exactly. Times in milliseconds
 * with their fraction keep a quarter of a microsecond; BigInt nanoseconds cost a fifth more per file.
 */
export type FileKey = [size: number, mtimeMs: number, ctimeMs: number, ino: number, dev: number];

// A file changed this recently could change again within the same timestamp tick (1–2 s on some file systems) and
// keep its size: its key cannot vouch for its contents until it is older, as git does with "racily clean" entries.
// The change time counts, not only the modification time: tools can set the latter back, never the former.
const RACY_MS = 3000;

/** The key of a file as `stats` describe it. */
export function getFileKey(stats: Stats): FileKey {
  return [stats.size, stats.mtimeMs, stats.ctimeMs, stats.ino, stats.dev];
}

/** How many numbers a file key takes. */
export const FILE_KEY_LENGTH = 5;

/** Whether `stats` describe the file whose key is `numbers[offset…]`, unchanged. */
export function isSameFile(numbers: ArrayLike<number>, stats: Stats, offset = 0): boolean {
  return (
    numbers[offset] === stats.size &&
    numbers[offset + 1] === stats.mtimeMs &&
    numbers[offset + 2] === stats.ctimeMs &&
    numbers[offset + 3] === stats.ino &&
    numbers[offset + 4] === stats.dev
  );
}

/** Whether `value`, read back from a cache, is a file key. */
export function isFileKey(value: unknown): value is FileKey {
  return Array.isArray(value) && value.length === FILE_KEY_LENGTH && value.every((part) => typeof part === 'number');
}

/** Whether the file changed too recently, by the file system's clock `now`, for its key to be trusted. */
export function isRecentlyChanged(stats: Stats, now: number): boolean {
  return stats.mtimeMs > now - RACY_MS || stats.ctimeMs > now - RACY_MS;
}
