import type { Hash } from 'node:crypto';

/** A SHA-1 hash; node:crypto loads at the first one, so a command served from the caches never loads it. */
export function createSha1(): Hash {
  return process.getBuiltinModule('node:crypto').createHash('sha1');
}
