import type { Card } from './card.js';
import { toPlainText } from '../markdown/text.js';

/** Text as search compares it: letters without their accents (é → e, ñ → n), in lower case, runs of spaces as one. */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ');
}

/** The cards whose question or answer holds `query`, case and accents aside (`Ecole` finds `école`). */
export function searchCards<T extends Pick<Card, 'questionText' | 'answer'>>(cards: readonly T[], query: string): T[] {
  const wanted = normalizeForSearch(query).trim();
  if (wanted === '') return [...cards];
  return cards.filter((card) =>
    [card.questionText, toPlainText(card.answer)].some((text) => normalizeForSearch(text).includes(wanted)),
  );
}

/** How many of `cards` each value of `key` has, by name. */
export function countBy<T>(
  cards: readonly T[],
  key: (card: T) => readonly string[],
): { name: string; cards: number }[] {
  const counts = new Map<string, number>();
  for (const card of cards) for (const name of new Set(key(card))) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, cards: count })).sort((a, b) => a.name.localeCompare(b.name));
}
