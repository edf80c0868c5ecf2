import type { Card, Note } from '../../src/core/card/card.js';

/** A basic card of its own note at the root, with `fields` over the defaults. */
export function makeCard(fields: Partial<Card> = {}): Card {
  const id = fields.id ?? 'c';
  const question = fields.question ?? id;
  return {
    id,
    note: fields.note ?? id,
    kind: 'basic',
    line: 1,
    deck: '.',
    path: `${id}.md`,
    difficulty: null,
    tags: [],
    question,
    questionText: question,
    answer: 'a',
    identityText: '',
    ...fields,
  };
}

/** A note at the root with a question heading on line 1, with `fields` over the defaults. */
export function makeNote(fields: Partial<Note> = {}): Note {
  const id = fields.id ?? 'n';
  return {
    id,
    deck: '.',
    path: `${id}.md`,
    line: 1,
    difficulty: null,
    tags: [],
    question: id,
    answer: 'a',
    answerLine: 3,
    reverse: false,
    format: 'flashdeck',
    ...fields,
  };
}
