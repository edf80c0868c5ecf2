import { describe, expect, it } from 'vitest';
import { listClosest, suggestClosest } from '../../src/core/suggest.js';

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

describe('listClosest', () => {
  const IDS = ['nn-opt/adam', 'nn-opt/adam-vs-sgd', 'nn-opt/momentum', 'biology/cell'];

  it('puts ids holding the typed text first, then the nearest by edits', () => {
    expect(listClosest('adam', IDS)).toEqual(['nn-opt/adam', 'nn-opt/adam-vs-sgd']);
    expect(listClosest('nn-opt/momentun', IDS, 1)).toEqual(['nn-opt/momentum']);
  });

  it('names nothing when nothing is near', () => {
    expect(listClosest('zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', IDS)).toEqual([]);
  });
});
