import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Note } from '../../../src/core/card/card.js';
import { formatAnki, hasAnkiHeaders, parseAnki } from '../../../src/core/transfer/anki.js';
import { makeNote } from '../../support/make-card.js';

const NOTES = readFileSync('tests/fixtures/import/anki-notes.txt', 'utf8');

const note = (fields: Partial<Note>): Note => makeNote({ question: 'Q?', answer: 'A.', ...fields });

describe('parseAnki', () => {
  it('reads an Anki notes export: guid as id, deck column as folders, tags column, HTML as markdown', () => {
    const { cards, problems } = parseAnki(NOTES);
    expect(cards).toEqual([
      {
        line: 7,
        id: 'a1B2c3',
        question: '**hablar**',
        answer: 'to speak\\\nto talk',
        difficulty: null,
        reverse: false,
        tags: ['verbs', 'spanish'],
        deck: 'Spanish/Verbs',
      },
      {
        line: 8,
        id: 'd4E5f6',
        question: 'comer',
        answer: 'to eat\n\n- como\n- comes',
        difficulty: null,
        reverse: false,
        tags: ['verbs'],
        deck: 'Spanish/Verbs',
      },
      // A cloze note: its Text is the note's text, with no question.
      {
        line: 9,
        id: 'g7H8i9',
        question: '',
        answer: '{{c1::ser}} is to be',
        difficulty: null,
        reverse: false,
        tags: [],
        deck: 'Spanish',
      },
      {
        line: 11,
        id: 'm4N5o6',
        question: 'multi line & *quoted*',
        answer: 'answer here\n\nsecond `para`',
        difficulty: null,
        reverse: false,
        tags: [],
        deck: 'Spanish',
      },
    ]);
    expect(problems).toEqual([{ line: 10, message: 'the answer is empty' }]);
  });

  it('without headers adds a third field to the answer (never to the tags), and guesses HTML per field', () => {
    const { cards } = parseAnki('2 &lt; 3?\tyes <b>always</b>\tmath  basics\nplain *stars*\tkept as written\n');
    expect(cards.map(({ question, answer, tags }) => ({ question, answer, tags }))).toEqual([
      { question: '2 < 3?', answer: 'yes **always**\n\nmath  basics', tags: [] },
      { question: 'plain *stars*', answer: 'kept as written', tags: [] },
    ]);
  });

  it('follows #separator, #html:false, #deck and #tags, and adds further fields to the answer', () => {
    const text =
      '#separator:Semicolon\n#html:false\n#deck:Default\n#tags:imported\n#tags column:4\n<b>literal</b>;back;extra field;t1\n';
    expect(parseAnki(text).cards).toEqual([
      {
        line: 6,
        question: '<b>literal</b>',
        answer: 'back\n\nextra field',
        difficulty: null,
        reverse: false,
        tags: ['imported', 't1'],
        deck: 'Default',
      },
    ]);
  });

  it('reports a column header naming no column of the rows by its line, and reads the notes without it', () => {
    const text =
      '#separator:tab\n#deck column:9\n#tags column:0\n#guid column:-1\n#notetype column:two\nQ\tA\tt1\nR\tB\n';
    const { cards, problems } = parseAnki(text);
    expect(problems).toEqual([
      { line: 2, message: '"#deck column:9" names no column: the rows have columns 1 to 3 (the header is ignored)' },
      { line: 3, message: '"#tags column:0" names no column: the rows have columns 1 to 3 (the header is ignored)' },
      { line: 4, message: '"#guid column:-1" names no column: the rows have columns 1 to 3 (the header is ignored)' },
      {
        line: 5,
        message: '"#notetype column:two" names no column: the rows have columns 1 to 3 (the header is ignored)',
      },
    ]);
    expect(cards.map(({ question, answer, tags, deck, line }) => ({ question, answer, tags, deck, line }))).toEqual([
      { question: 'Q', answer: 'A\n\nt1', tags: [], deck: '', line: 6 },
      { question: 'R', answer: 'B', tags: [], deck: '', line: 7 },
    ]);
  });

  it('reports an unknown separator or html value by its line', () => {
    const { cards, problems } = parseAnki('#separator:dash\n#html:maybe\n#deck column:3\nQ\t<b>A</b>\tDeck\n');
    expect(problems).toEqual([
      {
        line: 1,
        message:
          'unknown separator "dash": use tab, comma, semicolon, space, pipe, colon or one character (the header is ignored)',
      },
      {
        line: 2,
        message: '"#html:maybe" is neither true nor false (the header is ignored: HTML is guessed per field)',
      },
    ]);
    expect(cards.map(({ answer, deck }) => ({ answer, deck }))).toEqual([{ answer: '**A**', deck: 'Deck' }]);
  });

  it("turns Anki's &nbsp; padding into one space", () => {
    const { cards } = parseAnki('#html:true\nWhat&nbsp;is&nbsp;&nbsp;SGD?\tStochastic &nbsp;gradient&nbsp; descent\n');
    expect(cards.map(({ question, answer }) => [question, answer])).toEqual([
      ['What is SGD?', 'Stochastic gradient descent'],
    ]);
  });

  it('reports a row with one field by its line', () => {
    expect(parseAnki('#separator:tab\nonly a front\n').problems).toEqual([
      { line: 2, message: 'expected a front and a back field, found 1 field' },
    ]);
  });

  it('turns nested and numbered HTML lists into compact markdown lists', () => {
    const { cards } = parseAnki(
      '#html:true\nQ\t<ol start="3"><li>three</li><li>four<ul><li>inner</li></ul></li></ol>\n',
    );
    expect(cards[0]?.answer).toBe('3. three\n4. four\n   - inner');
  });
});

describe('hasAnkiHeaders', () => {
  it('looks at the first line only', () => {
    expect(hasAnkiHeaders('#separator:tab\n')).toBe(true);
    expect(hasAnkiHeaders('\uFEFF#html:true\n')).toBe(true);
    expect(hasAnkiHeaders('question,answer\n#html:true\n')).toBe(false);
  });
});

describe('formatAnki', () => {
  it('writes headers, the id as guid, HTML fields and space-separated tags, and reads back the same cards', () => {
    const notes = [
      note({
        id: 'ml/adam',
        question: 'What is **Adam**?',
        answer: 'An optimizer:\n\n- fast\n- adaptive',
        tags: ['adam', 'machine learning'],
      }),
      note({ id: '#hash-id', question: 'Code?', answer: '```\nlet x = 1;\n\nx++;\n```' }),
    ];
    const text = formatAnki(notes);
    expect(text).toMatch(/^#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#tags column:5\n/);
    expect(text).toContain(
      'ml/adam\tBasic\tWhat is <strong>Adam</strong>?\t"<p>An optimizer:</p>\n<ul>\n<li>fast</li>\n<li>adaptive</li>\n</ul>"\tadam machine_learning\n',
    );
    expect(text).toContain('"#hash-id"\tBasic\tCode?');
    const back = parseAnki(text);
    expect(back.problems).toEqual([]);
    expect(back.cards.map(({ id, question, answer, tags }) => ({ id, question, answer, tags }))).toEqual([
      {
        id: 'ml/adam',
        question: 'What is **Adam**?',
        answer: 'An optimizer:\n\n- fast\n- adaptive',
        tags: ['adam', 'machine_learning'],
      },
      { id: '#hash-id', question: 'Code?', answer: '```\nlet x = 1;\n\nx++;\n```', tags: [] },
    ]);
  });

  it("names each row's note type: reversed notes and cloze notes (title first, deletions kept) read back as such", () => {
    const notes = [
      note({ id: 'fr', question: 'Capital of France?', answer: 'Paris', reverse: true }),
      note({ id: 'plain', question: '', answer: '{{c1::Paris}} is in {{c2::France::country}}.' }),
      note({ id: 'titled', question: 'Geography', answer: 'The {{c1::Seine}} flows through Paris.' }),
    ];
    const text = formatAnki(notes);
    expect(text.split('\n').slice(5, -1)).toEqual([
      'fr\tBasic (and reversed card)\tCapital of France?\t<p>Paris</p>\t',
      'plain\tCloze\t<p>{{c1::Paris}} is in {{c2::France::country}}.</p>\t\t',
      'titled\tCloze\t"<p>Geography</p>',
      '<p>The {{c1::Seine}} flows through Paris.</p>"\t\t',
    ]);
    const back = parseAnki(text);
    expect(back.problems).toEqual([]);
    expect(back.cards.map(({ id, question, answer, reverse }) => ({ id, question, answer, reverse }))).toEqual([
      { id: 'fr', question: 'Capital of France?', answer: 'Paris', reverse: true },
      { id: 'plain', question: '', answer: '{{c1::Paris}} is in {{c2::France::country}}.', reverse: false },
      { id: 'titled', question: '', answer: 'Geography\n\nThe {{c1::Seine}} flows through Paris.', reverse: false },
    ]);
  });
});
