import type { Card, Difficulty } from './card.js';
import type { Rating } from './review-log.js';
import type { CardState } from './schedule.js';
import { toPlainText } from './text.js';

/** One card as `list --json` prints it. */
export interface CardListEntry {
  id: string;
  deck: string;
  path: string;
  difficulty: Difficulty | null;
  tags: string[];
  question: string;
  reviews: number;
  lastRating: Rating | null;
  due: string | null;
}

/** A card and its progress in the shape of `list --json`. */
export function toListEntry(card: Card, state: CardState | undefined): CardListEntry {
  return {
    id: card.id,
    deck: card.deck,
    path: card.path,
    difficulty: card.difficulty,
    tags: card.tags,
    question: toPlainText(card.question),
    reviews: state?.reviews ?? 0,
    lastRating: state?.lastRating ?? null,
    due: state?.fsrs.due.toISOString() ?? null,
  };
}
