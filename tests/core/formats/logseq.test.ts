import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFrontBack, recognizeFrontBack } from '../../../src/core/formats/front-back.js';
import { readKi, recognizeKi } from '../../../src/core/formats/ki.js';
import { readLogseq, recognizeLogseq } from '../../../src/core/formats/logseq.js';

const fixture = (name: string) => readFileSync(`tests/fixtures/collections/${name}`, 'utf8');

describe('recognizeLogseq', () => {
  it('recognizes the Logseq fixtures', () => {
    for (const name of [
      'nikneal91-knowledge_graph-logseq___faq.md',
      'nikneal91-knowledge_graph-Elaborate.md',
      'candideu-Logseq-Demo-Graph-Formatting-Style-Guide.md',
    ]) {
      expect(recognizeLogseq(fixture(`logseq/${name}`))).toBe(true);
    }
  });

  it('recognizes #[[card]] and a tag at the end of an indented block', () => {
    expect(recognizeLogseq('- top\n\t- What is it? #[[card]]\r\n')).toBe(true);
    expect(recognizeLogseq('  - q #Card\n')).toBe(true);
  });

  it('refuses a #cards tag, a #card outside a block and the other formats', () => {
    expect(recognizeLogseq('- see #cards for more\n')).toBe(false);
    expect(recognizeLogseq('A paragraph #card\n')).toBe(false);
    expect(recognizeLogseq(fixture('ki/langfield-ki-air.md'))).toBe(false);
    expect(recognizeLogseq(fixture('front-back/revelaction-mankidown-basic.md'))).toBe(false);
  });

  it('a flashdeck card is recognized by none of the three readers', () => {
    const card = fixture('../cards/every-feature.md');
    expect([recognizeKi(card), recognizeFrontBack(card), recognizeLogseq(card)]).toEqual([false, false, false]);
    expect(readKi(card).notes).toEqual([]);
    expect(readFrontBack(card).notes).toEqual([]);
    expect(readLogseq(card).notes).toEqual([]);
  });
});

describe('readLogseq on the fixtures', () => {
  it('logseq___faq.md: 8 basic cards at their lines, page tag, continuation lines, code, one schedule', () => {
    const { notes, problems } = readLogseq(fixture('logseq/nikneal91-knowledge_graph-logseq___faq.md'));
    expect(problems).toEqual([]);
    expect(notes.map((note) => note.line)).toEqual([7, 11, 13, 15, 17, 19, 22, 28]);
    expect(notes.every((note) => note.tags.join() === 'logSeq' && note.question !== '')).toBe(true);
    expect(notes[0]).toEqual({
      line: 7,
      question: 'How to add paragraph',
      answer: 'use shift + enter to write in the same block\njust like this \nand this',
      reverse: false,
      tags: ['logSeq'],
    });
    // `collapsed:: true` is a property, not text.
    expect(notes[5]?.question).toBe('checking folder structure opening [Open My Folder](file:///C:/Users/)');
    expect(notes[5]?.answer).toBe('` [Open My Folder](file:///C:/Users/)`');
    expect(notes[6]?.answer).toBe(
      '- ```bash\n  [Open in vscode](vscode://file:///C:/Users/nikhilsharma03/Code/code-with-quarkus)\n  ```\n' +
        '- (vscode://file:///C:/Users/nikhilsharma03/Code/code-with-quarkus)',
    );
    expect(notes[7]).toEqual({
      line: 28,
      question: 'How to add code',
      answer:
        'to add a quote use backtick `single line code`\n```\nuse tripple backtick for multiline\ncode just like this\n\n```',
      reverse: false,
      tags: ['logSeq'],
      schedules: [{ due: '2025-09-01', interval: 4, ease: 260 }],
    });
    expect(notes.filter((note) => note.schedules !== undefined)).toHaveLength(1);
  });

  it('Elaborate.md: 4 cards nested under a heading block, several children as a list, the table is no card', () => {
    const { notes, problems } = readLogseq(fixture('logseq/nikneal91-knowledge_graph-Elaborate.md'));
    expect(problems).toEqual([]);
    expect(notes.map((note) => [note.line, note.question])).toEqual([
      [15, 'Elaborate'],
      [20, 'Articulate'],
      [25, 'Delineate'],
      [29, 'Expound'],
    ]);
    expect(notes[0]?.answer).toBe(
      '- Definition: Explain with details\n- Synonym: Expound\n- Mnemonic: Labor = effort to add detail\n' +
        '- Sentence: She elaborated on the plan',
    );
    expect(notes[0]?.tags).toEqual(['vocab english']);
    expect(notes[2]?.answer).toContain('- **Definition:**\u00a0To describe precisely or outline.\n');
    expect(notes[3]?.answer).toMatch(/^- \*\*Definition:\*\*\u00a0To explain/);
    expect(notes[3]?.schedules).toEqual([{ due: '2025-09-02', interval: 4, ease: 260 }]);
  });

  it('Formatting Style Guide: 1 card with the tag at the end; the untagged {{cloze}} block is no card', () => {
    const { notes, problems } = readLogseq(fixture('logseq/candideu-Logseq-Demo-Graph-Formatting-Style-Guide.md'));
    expect(problems).toEqual([]);
    expect(notes).toEqual([
      { line: 55, question: 'This is a flashcard', answer: 'And this is the answer', reverse: false, tags: [] },
    ]);
  });
});

describe('readLogseq', () => {
  it('renders nested children as a nested list relative to the card, skipping their properties', () => {
    const page = [
      '- parent',
      '\t- What are the layers? #card',
      '\t  id:: 6494c06d-09e2-430c-bd73-e8a336c3c06f',
      '\t\t- transport',
      '\t\t  collapsed:: true',
      '\t\t\t- TCP',
      '\t\t\t  more about TCP',
      '\t\t\t- UDP',
      '\t\t- network',
      '- after',
    ].join('\n');
    expect(readLogseq(page).notes).toEqual([
      {
        line: 2,
        question: 'What are the layers?',
        answer: '- transport\n  - TCP\n    more about TCP\n  - UDP\n- network',
        reverse: false,
        tags: [],
        id: '6494c06d-09e2-430c-bd73-e8a336c3c06f',
      },
    ]);
  });

  it('reads #[[card]], space indentation and CRLF line ends', () => {
    const page = 'tags:: [[Spaced Repetition]], geo\r\n\r\n- #[[card]] Capital of France?\r\n  - Paris\r\n';
    expect(readLogseq(page).notes).toEqual([
      { line: 3, question: 'Capital of France?', answer: 'Paris', reverse: false, tags: ['Spaced Repetition', 'geo'] },
    ]);
  });

  it('turns {{cloze}} into numbered deletions: a cloze note with its children after the text', () => {
    const page =
      '- The {{cloze Rhine}} flows {{cloze north}}. #card\n  card-next-schedule:: 2025-01-02T00:00:00.000Z\n  card-last-interval:: 3\n  card-ease-factor:: 2.5\n\t- See a map.\n';
    expect(readLogseq(page).notes).toEqual([
      {
        line: 1,
        question: '',
        answer: 'The {{c1::Rhine}} flows {{c2::north}}.\n\nSee a map.',
        reverse: false,
        tags: [],
        schedules: [
          { due: '2025-01-02', interval: 3, ease: 250 },
          { due: '2025-01-02', interval: 3, ease: 250 },
        ],
      },
    ]);
  });

  it("adds the block's own tags:: to the page tags and keeps a card without children", () => {
    const page = 'tags:: geo\n\n- Which river? #card\n  tags:: rivers, geo\n';
    expect(readLogseq(page).notes).toEqual([
      { line: 3, question: 'Which river?', answer: '', reverse: false, tags: ['geo', 'rivers'] },
    ]);
  });

  it('reads a property-like line after the text of a block as text', () => {
    const page = '- Which ratio? #card\n\t- the golden one\n\t  written as\n\t  ratio:: 1.618\n';
    expect(readLogseq(page).notes[0]?.answer).toBe('the golden one\nwritten as\nratio:: 1.618');
  });

  it('keeps "- " lines inside a child\'s fenced code as code, and no blank line at the end of a list', () => {
    const page = '- Which flags? #card\n\t- ```\n\t  - not a block\n\t  ```\n\t- last\n\n- next block\n';
    expect(readLogseq(page).notes[0]?.answer).toBe('- ```\n  - not a block\n  ```\n- last');
  });

  it('reads a nested card inside another card, and flags a #card block with no text', () => {
    const page = '- Outer? #card\n\t- Inner? #card\n\t\t- inner answer\n- #card\n';
    const { notes, problems } = readLogseq(page);
    expect(notes.map((note) => [note.line, note.question, note.answer])).toEqual([
      [1, 'Outer?', '- Inner? #card\n  - inner answer'],
      [2, 'Inner?', 'inner answer'],
    ]);
    expect(problems).toEqual([{ line: 4, message: expect.stringContaining('no text') }]);
  });
});
