import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/transfer/csv.js';
import { guessFormat, parseImport } from '../../../src/core/transfer/formats.js';

const fixture = (name: string) => readFileSync(`tests/fixtures/import/${name}`, 'utf8');
const fields = (text: string, separator: string, columns?: string[]) =>
  parseCsv(text, { separator, ...(columns ? { columns } : {}) }).cards.map(({ question, answer, tags }) => ({
    question,
    answer,
    tags,
  }));

describe('spreadsheets as learners keep them', () => {
  it('guesses a semicolon-separated vocabulary list and reads every row as a card (a real list)', () => {
    const text = fixture('semicolon-vocabulary.txt');
    expect(guessFormat(text)).toBe('csv');
    const result = parseImport(text, 'csv');
    expect(result.separator).toBe(';');
    expect(result.problems).toEqual([]);
    expect(result.cards).toHaveLength(20);
    expect(result.cards[9]).toMatchObject({ question: 'Außerdem', answer: 'besides - dessutom, till på köpet' });
  });

  it('reads a header of unknown names, the tags column as tags and other columns under their names', () => {
    const { cards, problems } = parseCsv(fixture('chinese-slang.tsv'), { separator: '\t' });
    expect(problems).toEqual([]);
    expect(cards).toHaveLength(12);
    expect(cards[0]).toMatchObject({
      line: 2,
      question: '酷毙了',
      answer:
        'kù bì le\n\n**English:** super cool\n\n**Note:** Old/dedicated slang. Fun to recognize, but not the most modern everyday expression.',
      tags: ['old-slang', 'slang', 'recognition-first'],
    });
  });

  it('maps columns by hand with --columns, skipping a header row and columns named -', () => {
    const text = 'Wort|Bedeutung|Beispiel|Thema\nHund|dog|Der Hund bellt.|tiere\n';
    expect(fields(text, '|', ['answer', 'question', 'example', 'tags'])).toEqual([
      { question: 'dog', answer: 'Hund\n\n**example:** Der Hund bellt.', tags: ['tiere'] },
    ]);
    expect(fields('Hund | dog | ignored\n', '|', ['question', 'answer', '-'])).toEqual([
      { question: 'Hund', answer: 'dog', tags: [] },
    ]);
  });

  it('labels unnamed extra columns instead of taking them for tags', () => {
    expect(fields('perro,dog,El perro ladra mucho por la noche.\n', ',')).toEqual([
      { question: 'perro', answer: 'dog\n\n**Column 3:** El perro ladra mucho por la noche.', tags: [] },
    ]);
  });

  it('converts HTML in fields as Anki does, and leaves text that only looks like it', () => {
    expect(fields('front,back\n"<b>bold</b> &amp; <i>it</i>","line<br>two"\nList<T>,a < b\n', ',')).toEqual([
      { question: '**bold** & *it*', answer: 'line\\\ntwo', tags: [] },
      { question: 'List<T>', answer: 'a < b', tags: [] },
    ]);
  });

  it('decodes a literal \\n when the file writes its line breaks so, but not in code or LaTeX', () => {
    const text =
      String.raw`question,answer
Steps?,first\nsecond
Escape?,` + '`\\n` and $\\nu$\n';
    expect(fields(text, ',')).toEqual([
      { question: 'Steps?', answer: 'first\nsecond', tags: [] },
      { question: 'Escape?', answer: '`\\n` and $\\nu$', tags: [] },
    ]);
    expect(fields('q,"real\nbreak"\nq2,keeps \\n\n', ',')[1]?.answer).toBe('keeps \\n');
  });
});
