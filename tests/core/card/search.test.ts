import { describe, expect, it } from 'vitest';
import { countBy, normalizeForSearch, searchCards } from '../../../src/core/card/search.js';

const card = (questionText: string, answer: string) => ({ questionText, answer });

describe('normalizeForSearch', () => {
  it.each([
    ['École', 'ecole'],
    ['NIÑO', 'nino'],
    ['Straße', 'straße'],
    ['a\n  b', 'a b'],
    ['Ångström', 'angstrom'],
  ])('%j reads as %j', (text, normalized) => {
    expect(normalizeForSearch(text)).toBe(normalized);
  });
});

describe('searchCards', () => {
  const cards = [card('Où est l’école ?', 'Ici.'), card('What is SGD?', 'Stochastic **gradient** descent.')];

  it('finds text in the question or the answer, whatever its case and accents', () => {
    expect(searchCards(cards, 'ECOLE')).toEqual([cards[0]]);
    expect(searchCards(cards, 'ou est')).toEqual([cards[0]]);
    expect(searchCards(cards, 'Gradient Descent')).toEqual([cards[1]]);
  });

  it('reads the answer without its markdown, and finds nothing that is not there', () => {
    expect(searchCards(cards, '**gradient')).toEqual([]);
    expect(searchCards(cards, 'momentum')).toEqual([]);
  });
});

describe('countBy', () => {
  it('counts each card once per name, names in order', () => {
    const tagged = [{ tags: ['b', 'a', 'a'] }, { tags: ['a'] }];
    expect(countBy(tagged, (entry) => entry.tags)).toEqual([
      { name: 'a', cards: 2 },
      { name: 'b', cards: 1 },
    ]);
  });
});
