import { describe, expect, it } from 'vitest';
import { readCardDraft, toDeckFolder } from '../../../src/core/transfer/card-draft.js';

describe('readCardDraft', () => {
  it('takes a trailing difficulty emoji off the question, unless a difficulty is given', () => {
    expect(readCardDraft({ question: ' What? ⭐ ', answer: 'A.' }, 4)).toEqual({
      line: 4,
      question: 'What?',
      answer: 'A.',
      difficulty: 'medium',
      reverse: false,
      tags: [],
      deck: '',
    });
    expect(readCardDraft({ question: 'What? 🚀', answer: 'A.', difficulty: 'easy' }, 1)).toMatchObject({
      question: 'What?',
      difficulty: 'easy',
      reverse: false,
    });
  });

  it('removes control characters, blank lines before the answer and duplicate tags', () => {
    expect(
      readCardDraft(
        {
          question: 'Q\u001b[2J?',
          answer: '\n\n  code\r\nmore  \n',
          tags: ['a', ' a ', '', 'b'],
          id: ' x ',
          deck: 'ml::deep',
        },
        1,
      ),
    ).toEqual({
      line: 1,
      question: 'Q?',
      answer: '  code\nmore',
      difficulty: null,
      reverse: false,
      tags: ['a', 'b'],
      id: 'x',
      deck: 'ml/deep',
    });
  });

  it.each([
    [{ question: ' ', answer: 'A' }, 'the question is empty'],
    [{ question: '⭐️', answer: '' }, 'the question is empty'],
    [{ question: 'Q', answer: 'A {{c1::open' }, 'unclosed cloze deletion {{c1::open…: close it with }}'],
    [{ question: 'Q', answer: 'A', reverse: 'maybe' }, 'reverse must be true/yes/1/x or false/no/0 (found "maybe")'],
    [{ question: 'Q', answer: '\n \n' }, 'the answer is empty'],
    [
      { question: 'Q', answer: 'A', difficulty: 'tricky' },
      'unknown difficulty "tricky": use 👶/easy, ⭐️/medium or 🚀/hard',
    ],
  ])('reports %j', (raw, message) => {
    expect(readCardDraft(raw, 7)).toEqual({ line: 7, message });
  });
});

describe('toDeckFolder', () => {
  it.each([
    ['Spanish::Verbs', 'Spanish/Verbs'],
    ['ml/deep/', 'ml/deep'],
    ['.', ''],
    ['', ''],
    ['../../etc', 'etc'],
    ['_drafts/.hidden/ok', 'drafts/hidden/ok'],
    ['a:b*c?', 'a-b-c-'],
    ['Trailing dot.', 'Trailing dot'],
  ])('%j → %j', (deck, folder) => {
    expect(toDeckFolder(deck)).toBe(folder);
  });
});
