import type { Card } from '../../src/core/card/card.js';

/** A basic card of its own note at the root, with `fields` over the defaults. */
export function makeCard(fields: Partial<Card> = {}): Card {
  const id = fields.id ?? 'c';
  return {
    id,
    note: fields.note ?? id,
    kind: 'basic',
    line: 1,
    deck: '.',
    path: `${id}.md`,
    difficulty: null,
    tags: [],
    question: id,
    answer: 'a',
    identityText: '',
    ...fields,
  };
}
