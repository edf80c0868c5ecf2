import { describe, expect, it } from 'vitest';
import { splitTrailingDifficulty } from '../../../src/core/card/card.js';
import { readCardDraft } from '../../../src/core/transfer/card-draft.js';

describe('splitTrailingDifficulty', () => {
  it.each([
    ['What is Adam? 👶', 'What is Adam?', 'easy'],
    ['What is Adam? ⭐️', 'What is Adam?', 'medium'],
    ['What is Adam?⭐', 'What is Adam?', 'medium'],
    ['What is Adam? 🚀  ', 'What is Adam?', 'hard'],
    ['What is Adam?', 'What is Adam?', null],
    ['🚀 launches first', '🚀 launches first', null],
    ['⭐️', '', 'medium'],
  ])('reads %j as %j with difficulty %j', (written, question, difficulty) => {
    expect(splitTrailingDifficulty(written)).toEqual({ question, difficulty });
  });

  it('is linear over a long run of spaces before the end', () => {
    const written = `Q${' '.repeat(200_000)}⭐x`;
    expect(splitTrailingDifficulty(written)).toEqual({ question: written, difficulty: null });
  });

  it('is the rule imports follow too', () => {
    expect(readCardDraft({ question: 'Q 🚀', answer: 'A' }, 1)).toMatchObject({ question: 'Q', difficulty: 'hard' });
  });
});
