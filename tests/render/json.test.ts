import { describe, expect, it } from 'vitest';
import { formatJson, formatJsonArrayPieces } from '../../src/render/json.js';

describe('formatJson', () => {
  it('escapes ESC, C1 controls and bidi overrides, and parses back to the same value', () => {
    const value = { question: 'a\u001b[2Jb\u009bc\u202ed\u2066e\u2028f', tags: ['ok ⭐️ 漢字'] };
    const text = formatJson(value);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u0080-\u009f\u202a-\u202e\u2066-\u2069\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
    expect(text).toContain('ok ⭐️ 漢字');
  });

  it('prints ASCII text exactly as JSON.stringify indents it', () => {
    const value = [{ id: 'a/1', tags: ['x', 'y'], question: 'What is "a" \\ b?', due: null, reviews: 3 }];
    expect(formatJson(value)).toBe(JSON.stringify(value, null, 2));
  });
});

describe('formatJsonArrayPieces', () => {
  it.each([0, 1, 2, 3, 7])('prints the same text as formatJson for %i items, piece by piece', (count) => {
    const items = Array.from({ length: count }, (_, index) => ({
      id: `c${index}`,
      tags: index % 2 ? [] : ['a', 'b\u2028'],
      due: null,
    }));
    for (const perPiece of [1, 2, 3, 500]) {
      expect(`${[...formatJsonArrayPieces(items, perPiece)].join('\n')}`).toBe(formatJson(items));
    }
  });

  it('makes each value from its item with toValue, piece by piece, as formatJson prints the values', () => {
    const items = Array.from({ length: 7 }, (_, index) => index);
    const toValue = (index: number) => ({
      id: `c${index}`,
      question: index % 3 ? 'plain' : 'bidi \u202e and C1 \u009b',
    });
    for (const perPiece of [1, 3, 100]) {
      const made: number[] = [];
      const text = [...formatJsonArrayPieces(items, perPiece, (index) => (made.push(index), toValue(index)))].join(
        '\n',
      );
      expect(text).toBe(formatJson(items.map(toValue)));
      expect(made).toEqual(items);
    }
  });
});
