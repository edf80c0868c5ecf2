import { describe, expect, it } from 'vitest';
import { diffWords } from '../../../src/core/markdown/word-diff.js';

describe('diffWords', () => {
  it('marks nothing when the words match, whatever the case and the punctuation around them; shows them as typed', () => {
    expect(diffWords('the Learning rate', 'The learning rate.')).toEqual([{ kind: 'same', text: 'the Learning rate' }]);
  });

  it('marks a wrong word as typed only and the right one as missing, in place', () => {
    expect(diffWords('stochastic gradient ascent', 'stochastic gradient descent')).toEqual([
      { kind: 'same', text: 'stochastic gradient' },
      { kind: 'typed only', text: 'ascent' },
      { kind: 'missing', text: 'descent' },
    ]);
  });

  it('finds words left out and words added', () => {
    expect(diffWords('momentum the gradient', 'momentum averages the past gradient')).toEqual([
      { kind: 'same', text: 'momentum' },
      { kind: 'missing', text: 'averages' },
      { kind: 'same', text: 'the' },
      { kind: 'missing', text: 'past' },
      { kind: 'same', text: 'gradient' },
    ]);
    expect(diffWords('Adam uses adaptive rates', 'Adam adaptive rates')).toEqual([
      { kind: 'same', text: 'Adam' },
      { kind: 'typed only', text: 'uses' },
      { kind: 'same', text: 'adaptive rates' },
    ]);
  });

  it('counts accents: café is not cafe', () => {
    expect(diffWords('cafe', 'café')).toEqual([
      { kind: 'typed only', text: 'cafe' },
      { kind: 'missing', text: 'café' },
    ]);
  });

  it('gives no diff for an empty answer or one too long to compare', () => {
    expect(diffWords('', 'anything')).toBeNull();
    expect(diffWords('x', '')).toBeNull();
    const long = Array.from({ length: 600 }, (_, i) => `w${i}`).join(' ');
    expect(diffWords(long, long)).toBeNull();
  });
});
