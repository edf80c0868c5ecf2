import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isRemoteTarget } from '../../core/markdown/media.js';

/** Pictures larger than this are named, never drawn: the terminal would take seconds to receive them. */
const MAX_INLINE_IMAGE_BYTES = 8 * 1024 * 1024;

/** Where a card's picture or sound is: an address as written, or the file's absolute path beside the card's file. */
export function resolveMediaTarget(cardsRoot: string, cardPath: string, target: string): string {
  if (isRemoteTarget(target)) return target;
  let file = target;
  try {
    // Markdown writes spaces in paths as %20.
    file = decodeURI(target);
  } catch {
    // A lone % is part of the name.
  }
  return path.resolve(cardsRoot, path.dirname(cardPath), file);
}

/** The bytes of a picture small enough to draw, or undefined when it is missing, unreadable or too large. */
export function readImageFile(file: string): Uint8Array | undefined {
  try {
    const { size } = statSync(file);
    return size > 0 && size <= MAX_INLINE_IMAGE_BYTES ? readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a card's medium is a file that is not there (an address is never missing). */
export function isMissingMedia(location: string): boolean {
  return !isRemoteTarget(location) && !existsSync(location);
}
