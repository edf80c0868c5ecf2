import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Note } from '../../../src/core/card/card.js';
import { formatCsv, parseCsv, splitTags, type Delimiter } from '../../../src/core/transfer/csv.js';
import { readRows } from '../../../src/core/transfer/csv-rows.js';
import { parseNote } from '../../../src/core/card/parse.js';
import { formatCardFile, type CardFields } from '../../../src/core/transfer/card-file.js';
import { makeNote } from '../../support/make-card.js';

const fixture = (name: string) => readFileSync(`tests/fixtures/import/${name}`, 'utf8');

const note = (fields: Partial<Note>): Note => makeNote({ question: 'Q?', answer: 'A.', ...fields });

describe('parseCsv', () => {
  it('reads a CSV with a header row: quoted commas, newlines and quotes, tags, difficulty, other columns labelled', () => {
    const { cards, problems } = parseCsv(fixture('cards.csv'), { separator: ',' });
    expect(cards).toEqual([
      {
        line: 2,
        question: 'What is 2, plus 2?',
        answer: 'Four, of course.\n\n**Notes:** ignored',
        difficulty: 'easy',
        reverse: false,
        tags: ['math', 'arithmetic'],
        deck: '',
      },
      {
        line: 3,
        question: 'Name two primes',
        answer: '- 2\n- 3',
        difficulty: null,
        reverse: false,
        tags: ['math'],
        deck: '',
      },
      {
        line: 6,
        question: 'Has "quotes"?',
        answer: 'Yes: "like this"',
        difficulty: 'hard',
        reverse: false,
        tags: ['quotes', 'csv'],
        deck: '',
      },
      {
        line: 9,
        question: 'Trailing emoji',
        answer: 'A hard one',
        difficulty: 'hard',
        reverse: false,
        tags: [],
        deck: '',
      },
    ]);
    expect(problems).toEqual([
      { line: 5, message: 'expected a question and an answer separated by a comma, found 1 field' },
      { line: 7, message: 'the question is empty' },
      { line: 8, message: 'unknown difficulty "extreme": use 👶/easy, ⭐️/medium or 🚀/hard' },
    ]);
  });

  it('reads a TSV without a header as question, answer and labelled further columns; quotes inside a field stay', () => {
    const { cards, problems } = parseCsv(fixture('cards.tsv'), { separator: '\t' });
    expect(cards.map(({ line, question, answer, tags }) => ({ line, question, answer, tags }))).toEqual([
      { line: 1, question: 'What is TSV?', answer: 'Tab-separated values\n\n**Column 3:** formats files', tags: [] },
      { line: 2, question: 'Tab\tinside?', answer: 'quoted\tanswer', tags: [] },
      { line: 5, question: 'Why "quotes" inside?', answer: 'They stay as written', tags: [] },
    ]);
    expect(problems).toEqual([
      { line: 3, message: 'expected a question and an answer separated by a tab, found 1 field' },
    ]);
  });

  it('reports a quote that is never closed at the line it opens on, keeping the rows before it', () => {
    const { cards, problems } = parseCsv('What?,This\n"Open,answer\nmore\n', { separator: ',' });
    expect(cards.map((c) => c.question)).toEqual(['What?']);
    expect(problems).toEqual([
      { line: 2, message: 'a quoted field is never closed: add the closing " (this and later rows are skipped)' },
    ]);
  });

  it('reads id and deck columns in any order, and Windows line endings', () => {
    const { cards } = parseCsv('Deck,ID,Answer,Question\r\nml/deep,my-id,"two\r\nlines",Why?\r\n', { separator: ',' });
    expect(cards).toEqual([
      {
        line: 2,
        question: 'Why?',
        answer: 'two\nlines',
        difficulty: null,
        reverse: false,
        tags: [],
        deck: 'ml/deep',
        id: 'my-id',
      },
    ]);
  });
});

describe('readRows', () => {
  it('gives each record the line it starts on, past blank lines and multi-line fields', () => {
    expect(readRows('a,b\n\n\n"x\ny\nz",w\nlast,row', ',', 10).rows).toEqual([
      { cells: ['a', 'b'], line: 10 },
      { cells: ['x\ny\nz', 'w'], line: 13 },
      { cells: ['last', 'row'], line: 16 },
    ]);
  });
});

describe('splitTags', () => {
  it('splits on commas when there is one, else on spaces', () => {
    expect(splitTags('a, b c')).toEqual(['a', 'b c']);
    expect(splitTags('a b  c')).toEqual(['a', 'b', 'c']);
    expect(splitTags(' ')).toEqual([]);
  });
});

describe('formatCsv', () => {
  const notes = [
    note({
      id: 'ml/adam',
      deck: 'ml',
      question: 'What is "Adam", really?',
      answer: 'An optimizer:\n\n- fast\n- adaptive',
      difficulty: 'medium',
      tags: ['adam', 'optimizers'],
    }),
    note({ id: 'root', question: 'Tab\there?', answer: 'Yes', tags: ['machine learning'] }),
  ];

  it.each([[',' as const], ['\t' as const]])(
    'writes a header and rows that read back as the same cards (%j)',
    (delimiter) => {
      const text = formatCsv(notes, delimiter);
      expect(text.split('\n')[0]).toBe(
        ['question', 'answer', 'tags', 'difficulty', 'id', 'deck', 'reverse'].join(delimiter),
      );
      const back = parseCsv(text, { separator: delimiter });
      expect(back.problems).toEqual([]);
      expect(
        back.cards.map(({ id, question, answer, difficulty, tags, deck }) => ({
          id,
          question,
          answer,
          difficulty,
          tags,
          deck,
        })),
      ).toEqual([
        {
          id: 'ml/adam',
          question: 'What is "Adam", really?',
          answer: 'An optimizer:\n\n- fast\n- adaptive',
          difficulty: 'medium',
          tags: ['adam', 'optimizers'],
          deck: 'ml',
        },
        { id: 'root', question: 'Tab\there?', answer: 'Yes', difficulty: null, tags: ['machine learning'], deck: '' },
      ]);
    },
  );

  it('removes terminal control sequences from the fields', () => {
    expect(formatCsv([note({ question: 'Red \u001b[31mtext\u0007?' })], ',')).not.toMatch(/[\u001b\u0007]/);
  });
});

describe('CSV and TSV notes', () => {
  it('reads a reverse column by any of its names: true/yes/1/x, false/no/0/empty, anything else a problem', () => {
    const text = 'Front,Back,Reversed\nA,1,yes\nB,2,X\nC,3,0\nD,4,\nE,5,maybe\n';
    const { cards, problems } = parseCsv(text, { separator: ',' });
    expect(cards.map(({ question, reverse }) => [question, reverse])).toEqual([
      ['A', true],
      ['B', true],
      ['C', false],
      ['D', false],
    ]);
    expect(problems).toEqual([{ line: 6, message: 'reverse must be true/yes/1/x or false/no/0 (found "maybe")' }]);
  });

  it('takes a row with an empty question and cloze deletions in its answer for a cloze note', () => {
    const { cards, problems } = parseCsv(',"{{c1::Paris}} is in France"\n,no deletion\n', { separator: ',' });
    expect(cards.map(({ question, answer }) => ({ question, answer }))).toEqual([
      { question: '', answer: '{{c1::Paris}} is in France' },
    ]);
    expect(problems).toEqual([{ line: 2, message: 'the question is empty' }]);
  });

  // Card files as `import` writes them, so a round trip must give back the same notes, lines included.
  const files: CardFields[] = [
    {
      id: 'basic',
      difficulty: 'hard',
      tags: ['a b', 'c'],
      question: 'What, "really"?',
      answer: 'This.\n\n- one',
      reverse: false,
    },
    { id: 'geo/fr', difficulty: null, tags: [], question: 'Capital of France?', answer: 'Paris', reverse: true },
    {
      id: 'geo/cloze',
      difficulty: 'easy',
      tags: ['x'],
      question: '',
      answer: '{{c1::Paris}} is in {{c2::France::country}}.',
      reverse: false,
    },
    {
      id: 'titled',
      difficulty: null,
      tags: [],
      question: 'Rivers',
      answer: 'The {{c1::Seine}}\tflows.',
      reverse: false,
    },
  ];

  // Each note at `<id>.md`, where `import` puts it given its deck (checked on its own).
  async function readNote(fields: CardFields) {
    const parsed = await parseNote(formatCardFile(fields), `${fields.id}.md`);
    if ('problem' in parsed) throw new Error(parsed.problem.message);
    return parsed;
  }

  it.each<[Delimiter]>([[','], ['\t']])(
    'export and import give back the same notes and cards (%j)',
    async (delimiter) => {
      const originals = await Promise.all(files.map(readNote));
      const back = parseCsv(
        formatCsv(
          originals.map((parsed) => parsed.note),
          delimiter,
        ),
        { separator: delimiter },
      );
      expect(back.problems).toEqual([]);
      const imported = await Promise.all(back.cards.map((draft) => readNote({ ...draft, id: draft.id ?? '' })));
      expect(imported.map((parsed) => parsed.note)).toEqual(originals.map((parsed) => parsed.note));
      expect(imported.map((parsed) => parsed.cards)).toEqual(originals.map((parsed) => parsed.cards));
      expect(imported.flatMap((parsed) => parsed.cards.map((card) => `${card.id} ${card.kind}`))).toEqual([
        'basic basic',
        'geo/fr basic',
        'geo/fr#reverse reversed',
        'geo/cloze#c1 cloze',
        'geo/cloze#c2 cloze',
        'titled#c1 cloze',
      ]);
    },
  );
});
