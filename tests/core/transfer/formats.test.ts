import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatExport, guessFormat, parseImport } from '../../../src/core/transfer/formats.js';
import { makeNote } from '../../support/make-card.js';

const fixture = (name: string) => readFileSync(`tests/fixtures/import/${name}`, 'utf8');

describe('guessFormat', () => {
  it.each([
    ['brainscape-seed.txt', 'brainscape'],
    ['cards.csv', 'csv'],
    ['cards.tsv', 'tsv'],
    ['anki-notes.txt', 'anki'],
  ])('reads %s as %s', (name, format) => {
    expect(guessFormat(fixture(name))).toBe(format);
  });

  it('takes tab-separated HTML for an Anki export without headers, and gives up on plain prose', () => {
    expect(guessFormat('front<br>\tback\n')).toBe('anki');
    expect(guessFormat('a\tb, c, d\n')).toBe('tsv');
    expect(guessFormat('a, b\tc, d\ne, f\tg\nh, i, j\tk\n')).toBe('tsv');
    expect(guessFormat('Just some notes.\nNothing else.\n')).toBeNull();
    expect(guessFormat('')).toBeNull();
  });
});

describe('formatExport', () => {
  it('writes each export format so that the import of the same format reads the cards back', () => {
    const notes = [makeNote({ id: 'a', tags: ['t'], question: 'Q?', answer: 'Answer with *emphasis*.' })];
    for (const format of ['csv', 'tsv', 'anki'] as const) {
      const back = parseImport(formatExport(notes, format), format);
      expect(back.cards.map(({ id, question, answer, tags }) => ({ id, question, answer, tags }))).toEqual([
        { id: 'a', question: 'Q?', answer: 'Answer with *emphasis*.', tags: ['t'] },
      ]);
    }
  });
});
