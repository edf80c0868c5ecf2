import { hasControlCharacter } from '../markdown/text.js';

/**
 * The longest card id, in UTF-16 units: room for any id taken from a file path (Linux paths are 4096 bytes at most),
 * while a pasted megabyte never enters the review log, which keeps every line for good.
 */
export const MAX_CARD_ID_LENGTH = 4096;

/** What keeps `id` from entering the review log as a card id (too long, a control character in it), or null. */
export function findCardIdProblem(id: string): string | null {
  if (id.length > MAX_CARD_ID_LENGTH) return `card id is ${id.length} characters long (at most ${MAX_CARD_ID_LENGTH})`;
  if (hasControlCharacter(id)) return 'card id holds a control character';
  return null;
}
