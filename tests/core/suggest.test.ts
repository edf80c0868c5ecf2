import { describe, expect, it } from 'vitest';
import { suggestClosest } from '../../src/core/suggest.js';

const FIELDS = ['id', 'question', 'difficulty', 'tags'];

describe('suggestClosest', () => {
  it.each([
    ['tag', 'tags'],
    ['dificulty', 'difficulty'],
    ['difficutly', 'difficulty'],
    ['qustion', 'question'],
    ['questions', 'question'],
    ['ID', 'id'],
    ['Tags', 'tags'],
  ])('suggests the field %j was meant to be', (typed, meant) => {
    expect(suggestClosest(typed, FIELDS)).toBe(meant);
  });

  it.each(['mood', 'x', 'level', 'answer', 'hint', 'a'.repeat(10_000)])('suggests nothing for %j', (typed) => {
    expect(suggestClosest(typed, FIELDS)).toBeUndefined();
  });
});
