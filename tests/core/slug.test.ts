import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/core/slug.js';

describe('slugify', () => {
  it.each([
    ['What is backpropagation? How does it work?', 'what-is-backpropagation-how-does-it-work'],
    ['What’s the learning rate?', 'whats-the-learning-rate'],
    ['Qu’est-ce qu’un réseau de neurones ?', 'quest-ce-quun-reseau-de-neurones'],
    ['Straße & Ärger', 'straße-arger'],
    ['日本語とは何ですか', '日本語とは何ですか'],
    ['हिन्दी क्या है', 'हिन्दी-क्या-है'],
    ['  --- ?!  ', ''],
    ['C++ vs. C#', 'c-vs-c'],
  ])('%j → %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('cuts at a word boundary, and cuts a single long word', () => {
    expect(slugify('one two three four', 10)).toBe('one-two');
    expect(slugify('supercalifragilistic', 5)).toBe('super');
    expect(slugify('a '.repeat(100)).length).toBeLessThanOrEqual(60);
  });
});
