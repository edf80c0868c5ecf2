import { describe, expect, it } from 'vitest';
import type { Card } from '../../../src/core/card/card.js';
import { parseDifficulty } from '../../../src/core/card/card.js';
import { filterCards } from '../../../src/core/card/filter.js';
import { makeCard } from '../../support/make-card.js';

const card = (id: string, deck: string, difficulty: Card['difficulty'], tags: string[]): Card =>
  makeCard({ id, deck, difficulty, tags });
const cards = [
  card('a', '.', 'easy', ['math']),
  card('b', 'ml', 'medium', ['adam', 'SGD']),
  card('c', 'ml/deep', 'hard', []),
  card('d', 'mlops', null, ['math']),
];
const ids = (list: Card[]) => list.map((c) => c.id);

describe('parseDifficulty', () => {
  it('reads emoji (star with or without U+FE0F) and names in any case', () => {
    expect(['👶', 'easy', '⭐️', '⭐', 'Medium', '🚀', ' HARD '].map(parseDifficulty)).toEqual([
      'easy',
      'easy',
      'medium',
      'medium',
      'medium',
      'hard',
      'hard',
    ]);
    expect(parseDifficulty('purple')).toBeNull();
  });
});

describe('filterCards', () => {
  it('keeps everything without filters', () => {
    expect(ids(filterCards(cards, {}))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('matches any of several difficulties, never a card without one', () => {
    expect(ids(filterCards(cards, { difficulties: ['easy', 'hard'] }))).toEqual(['a', 'c']);
  });

  it('matches any tag, ignoring case', () => {
    expect(ids(filterCards(cards, { tags: ['sgd', 'math'] }))).toEqual(['a', 'b', 'd']);
  });

  it('matches a deck and its subfolders, not a deck that merely shares a prefix', () => {
    expect(ids(filterCards(cards, { decks: ['ml'] }))).toEqual(['b', 'c']);
    expect(ids(filterCards(cards, { decks: ['./ml/deep/'] }))).toEqual(['c']);
    expect(ids(filterCards(cards, { decks: ['.'] }))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('combines filters with AND and returns [] when nothing matches', () => {
    expect(ids(filterCards(cards, { decks: ['ml'], tags: ['adam'] }))).toEqual(['b']);
    expect(filterCards(cards, { decks: ['nope'] })).toEqual([]);
  });
});
