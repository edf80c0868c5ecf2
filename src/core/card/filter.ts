import type { CardInfo, Difficulty } from './card.js';

/** What the filters read: a card's, or its note's, deck, tags and difficulty. */
export type Filterable = Pick<CardInfo, 'deck' | 'tags' | 'difficulty'>;

/** The filters shared by quiz, list and stats; an empty or missing list means "any". */
export interface CardFilter {
  difficulties?: readonly Difficulty[];
  tags?: readonly string[];
  decks?: readonly string[];
}

/** Strips `./` and trailing slashes so `--deck ./ml/` names the deck `ml`. */
function normalizeDeckName(name: string): string {
  const trimmed = name
    .trim()
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '');
  return trimmed === '' ? '.' : trimmed;
}

function isInDeck(cardDeck: string, deck: string): boolean {
  return deck === '.' || cardDeck === deck || cardDeck.startsWith(`${deck}/`);
}

/** The cards (or notes) that match every given filter (a card matches a list filter when it matches any entry). */
export function filterCards<T extends Filterable>(cards: readonly T[], filter: CardFilter): T[] {
  const difficulties = filter.difficulties?.length ? new Set(filter.difficulties) : null;
  const tags = filter.tags?.length ? new Set(filter.tags.map((tag) => tag.toLowerCase())) : null;
  const decks = filter.decks?.length ? filter.decks.map(normalizeDeckName) : null;
  return cards.filter(
    (card) =>
      (!difficulties || (card.difficulty !== null && difficulties.has(card.difficulty))) &&
      (!tags || card.tags.some((tag) => tags.has(tag.toLowerCase()))) &&
      (!decks || decks.some((deck) => isInDeck(card.deck, deck))),
  );
}
