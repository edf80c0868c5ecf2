import { describe, expect, it } from 'vitest';
import { formatCardFile, type CardFields } from '../../../src/core/transfer/card-file.js';
import { parseNote } from '../../../src/core/card/parse.js';

const base: CardFields = {
  id: 'deck/card',
  difficulty: null,
  tags: [],
  question: 'What?',
  answer: 'That.',
  reverse: false,
};

/** The fields parseNote reads back from the formatted file. */
async function roundTrip(fields: CardFields) {
  const parsed = await parseNote(formatCardFile(fields), 'deck/card.md');
  if ('problem' in parsed) throw new Error(`${parsed.problem.line}: ${parsed.problem.message}`);
  const { id, difficulty, tags, question, answer, reverse } = parsed.note;
  return { id, difficulty, tags, question, answer, reverse };
}

describe('formatCardFile', () => {
  it('writes frontmatter with the id, difficulty and flow-style tags, the question as a heading, then the answer', () => {
    expect(formatCardFile({ ...base, difficulty: 'medium', tags: ['adam', 'sgd'], answer: '- one\n- two' })).toBe(
      '---\nid: deck/card\ndifficulty: medium\ntags: [adam, sgd]\n---\n\n# What?\n\n- one\n- two\n',
    );
    expect(formatCardFile(base)).toBe('---\nid: deck/card\n---\n\n# What?\n\nThat.\n');
  });

  it.each<[string, Partial<CardFields>]>([
    ['a plain card', {}],
    [
      'every difficulty and odd tags',
      { difficulty: 'hard', tags: ['yes', '012', '2024-01-02', 'a: b', '#hash', 'machine learning'] },
    ],
    ['ids YAML would read as other types', { id: '012' }],
    ['ids with quotes and colons', { id: 'a: "b" #c' }],
    ['a question over several lines', { question: 'Line one\nline two' }],
    ['a question ending in a closing #', { question: 'Is this C #' }],
    ['a question that starts like a list', { question: '- not a list?' }],
    ['a question with markdown', { question: 'What does `x *= 2` do in **Python**?' }],
    ['a question with a colon and quotes', { question: 'Say "hi": why?' }],
    ['an answer with a heading and a rule', { answer: '# Not the question\n\n---\n\ntext' }],
    ['an answer that starts with an indented code block', { answer: '    code line\n\nafter' }],
    ['a long question', { question: 'word '.repeat(60).trim() }],
  ])('reads back %s exactly', async (_name, fields) => {
    const card = { ...base, ...fields };
    expect(await roundTrip(card)).toEqual({ ...card, tags: [...card.tags] });
  });
});

describe('formatCardFile for reversed and cloze notes', () => {
  it('writes reverse: true in the frontmatter, and a cloze note without a question as its text alone', () => {
    expect(formatCardFile({ ...base, reverse: true })).toBe(
      '---\nid: deck/card\nreverse: true\n---\n\n# What?\n\nThat.\n',
    );
    expect(formatCardFile({ ...base, question: '', answer: '{{c1::Paris}} is in France.' })).toBe(
      '---\nid: deck/card\n---\n\n{{c1::Paris}} is in France.\n',
    );
  });

  it.each<[string, Partial<CardFields>]>([
    ['a reversed note', { reverse: true }],
    ['a cloze note without a title', { question: '', answer: '{{c1::Paris}} is in {{c2::France::a country}}.' }],
    ['a cloze note with a title', { question: 'Capitals', answer: '{{c1::Paris}} is in France.' }],
    ['a cloze note whose text starts with a heading', { question: '', answer: '# Not a title\n\n{{c1::Paris}}' }],
  ])('reads back %s exactly', async (_name, fields) => {
    const card = { ...base, ...fields };
    expect(await roundTrip(card)).toEqual({ ...card, tags: [...card.tags] });
  });
});
