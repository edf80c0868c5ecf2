import type { CardState } from './scheduler.js';

/** Lapses that make a card a leech, as Anki's default: forgotten this many times after it had been learnt. */
export const LEECH_LAPSES = 8;

/** Whether the card keeps being forgotten: its lapses (FSRS counts them as Anki does) reached `LEECH_LAPSES`. */
export function isLeech(state: CardState | undefined): boolean {
  return (state?.fsrs.lapses ?? 0) >= LEECH_LAPSES;
}

/** Whether a review just made the card a leech: not one before it, one after. */
export function becameLeech(before: CardState | undefined, after: CardState | undefined): boolean {
  return !isLeech(before) && isLeech(after);
}
