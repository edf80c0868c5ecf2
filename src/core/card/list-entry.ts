import type { CardInfo } from './card.js';
import type { Rating } from '../log/review-log.js';
import type { CardState } from '../schedule/scheduler.js';
import { isLeech } from '../schedule/leech.js';

/** One card as `list --json` prints it: the card's identity, its question as plain text, and its progress. */
export interface CardListEntry extends Pick<
  CardInfo,
  'id' | 'note' | 'kind' | 'deck' | 'path' | 'line' | 'difficulty' | 'tags'
> {
  question: string;
  reviews: number;
  lastRating: Rating | null;
  due: string | null;
  /** Present, true, only for a suspended card: entries of the others keep their shape. */
  suspended?: true;
  /** Present, true, only for a leech (forgotten 8 times, see core/schedule/leech.ts). */
  leech?: true;
}

/** What names a card in `list --json` and `show --json`: where it is, what it is, what it asks. */
export function describeCard(card: CardInfo) {
  return {
    id: card.id,
    note: card.note,
    kind: card.kind,
    deck: card.deck,
    path: card.path,
    line: card.line,
    difficulty: card.difficulty,
    tags: card.tags,
    question: card.questionText,
  };
}

/** A card and its progress in the shape of `list --json`. */
export function toListEntry(card: CardInfo, state: CardState | undefined, suspended = false): CardListEntry {
  // The described card grows into the entry: one object a card, no copy (100,000 are made per run).
  const entry: CardListEntry = Object.assign(describeCard(card), {
    reviews: state?.reviews ?? 0,
    // A card that only carries another tool's schedule has no rating of flashdeck's yet.
    lastRating: state && state.reviews > 0 ? state.lastRating : null,
    due: state?.fsrs.due.toISOString() ?? null,
  });
  if (suspended) entry.suspended = true;
  if (isLeech(state)) entry.leech = true;
  return entry;
}
