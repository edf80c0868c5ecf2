import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMdanki, recognizeMdanki } from '../../../src/core/formats/mdanki.js';

const COLLECTIONS = 'tests/fixtures/collections';
const fixture = (name: string) => readFileSync(`${COLLECTIONS}/mdanki/${name}`, 'utf8');
const EVERY_FEATURE = readFileSync('tests/fixtures/cards/every-feature.md', 'utf8');

describe('recognizeMdanki', () => {
  it.each(readdirSync(`${COLLECTIONS}/mdanki`))('recognizes %s', (name) => {
    expect(recognizeMdanki(fixture(name))).toBe(true);
  });

  it.each(['hashcards', 'obsidian-sr', 'ki', 'front-back', 'logseq'])(
    'recognizes none of the %s collections',
    (dir) => {
      for (const name of readdirSync(`${COLLECTIONS}/${dir}`)) {
        expect(recognizeMdanki(readFileSync(`${COLLECTIONS}/${dir}/${name}`, 'utf8')), name).toBe(false);
      }
    },
  );

  it('takes a flashdeck card with ## sub-sections for a card, with or without its frontmatter', () => {
    expect(recognizeMdanki(EVERY_FEATURE)).toBe(false);
    expect(recognizeMdanki(EVERY_FEATURE.replace(/^---\n[\s\S]*?\n---\n/, ''))).toBe(false);
    expect(recognizeMdanki('# What does Adam keep?\n\n## Details\n\nTwo moments.\n')).toBe(false);
    expect(recognizeMdanki('# Adam ⭐️\n\n## Details\n\nTwo moments.\n')).toBe(false);
    expect(recognizeMdanki('---\nid: adam\n---\n# Optimizers\n\n## Adam\n\nTwo moments.\n')).toBe(false);
  });

  it('needs nothing but blank lines between the # deck and the first ## question', () => {
    expect(recognizeMdanki('# Optimizers\n\n## What does Adam keep?\n\nTwo moments.\n')).toBe(true);
    expect(recognizeMdanki('# Optimizers\r\n\r\n## What does Adam keep?\r\n\r\nTwo moments.\r\n')).toBe(true);
    expect(recognizeMdanki('# Optimizers\n\nAn intro paragraph.\n\n## What does Adam keep?\n\nTwo moments.\n')).toBe(
      false,
    );
    expect(recognizeMdanki('# \n## Front\n\nq\n\n## Back\n\na\n')).toBe(false);
    expect(recognizeMdanki('# \n\n## What?\n\nx\n')).toBe(false);
    expect(recognizeMdanki('# linux shell\n\n## Front\n\nq\n\n## Back\n\na\n')).toBe(false);
    expect(recognizeMdanki('Some prose.\n')).toBe(false);
    expect(recognizeMdanki('')).toBe(false);
  });
});

describe('readMdanki on real collections', () => {
  it("reads mdanki's sample: 4 cards of deck Simple Card with their tags, the body-less section dropped", () => {
    const reading = readMdanki(fixture('ashlinchak-mdanki-simple.md'));
    expect(reading).toEqual({
      format: 'mdanki',
      problems: [],
      notes: [
        {
          line: 3,
          question: 'Card front 1',
          answer: 'Card back 1. All cards use markdown syntax.',
          reverse: false,
          tags: ['tree'],
          deck: 'Simple Card',
        },
        { line: 9, question: 'Card front 2', answer: 'Card back 2.', reverse: false, tags: [], deck: 'Simple Card' },
        {
          line: 13,
          question: 'B-tree complexity: access, insert, delete',
          answer: 'All: O(log n)',
          reverse: false,
          tags: ['complexity', 'tree', 'tag'],
          deck: 'Simple Card',
        },
        {
          line: 19,
          question: 'Card with additional front data\n\nFront data goes here',
          answer: 'Back data goes here\n\nAnd here',
          reverse: false,
          tags: ['tag1', 'tag2'],
          deck: 'Simple Card',
        },
      ],
    });
  });

  it('reads a deck without a # heading: 10 cards, 4 split by %, code brackets as written', () => {
    const reading = readMdanki(fixture('mohanmca-MohanLearningGround-Python_Kavin_Anki.md'));
    expect(reading.problems).toEqual([]);
    expect(reading.notes.map((note) => note.line)).toEqual([1, 8, 13, 19, 23, 31, 38, 42, 47, 52]);
    expect(reading.notes.every((note) => note.deck === undefined && note.tags.length === 0)).toBe(true);
    expect(reading.notes[0]).toMatchObject({
      question: 'What is the output of\n```bash\nprint("Mohan", "Kavin", sep="-------- ", end="!")\n```',
      answer: '* Mohan-------- Kavin!',
    });
    expect(reading.notes[4]).toMatchObject({
      question: 'What is the output of this splice?\n```python\n[0,1,2,3,4][-1::1] and [0,1,2,3,4][-1]\n```',
      answer: '* [4] and 4\n* One is list and another is int',
    });
    expect(reading.notes[6]).toMatchObject({
      question: 'What is the output of this splice? "KavinKisho"[2:9:2]',
      answer: "* 'vnih'",
    });
    expect(reading.notes[1]?.answer).toBe(
      "1. variable can't do any task, it just remembers name or value\n2. function is a specific task, function always has parenthesis",
    );
  });

  it('reads link questions and SQL answers, with the tag line after a code fence', () => {
    const reading = readMdanki(fixture('mohanmca-MohanLearningGround-Daily_Track_Sql.md'));
    expect(reading.problems).toEqual([]);
    expect(reading.notes.map((note) => [note.line, note.tags])).toEqual([
      [1, ['running_sum', 'cross_join']],
      [15, []],
      [30, []],
    ]);
    const first = reading.notes[0];
    expect(first?.question).toBe('[1321. Restaurant Growth](https://leetcode.com/problems/restaurant-growth/)');
    expect(first?.answer.startsWith('```sql\nselect A.visited_on')).toBe(true);
    expect(first?.answer.endsWith('having count(A.visited_on) = 7\n```')).toBe(true);
    expect(reading.notes[2]?.question).toBe('How to create anki');
  });

  it('reads the smallest deck: 3 cards, the last answer a bare command line', () => {
    const reading = readMdanki(fixture('mohanmca-MohanLearningGround-anki.md'));
    expect(reading.notes.map((note) => [note.line, note.question])).toEqual([
      [1, 'When to Anki?'],
      [6, 'Mistakes in Anki'],
      [12, 'How to create anki?'],
    ]);
    expect(reading.notes[2]?.answer).toBe('mdanki anki.md anki.apkg --deck "Mohan::DeepWork::anki"');
    expect(reading.notes[1]?.answer.split('\n')).toHaveLength(2);
  });
});

describe('readMdanki edge cases', () => {
  it('reads CRLF files, with % and tags, on the same lines', () => {
    const reading = readMdanki('# Deck\r\n\r\n## Front\r\nmore front\r\n%\r\nBack\r\n[#a]() [#b](b.md)\r\n');
    expect(reading.notes).toEqual([
      { line: 3, question: 'Front\nmore front', answer: 'Back', reverse: false, tags: ['a', 'b'], deck: 'Deck' },
    ]);
  });

  it('keeps ## and [# lines inside code fences as code', () => {
    const reading = readMdanki('## Which comment?\n\n```python\n## not a section\n[#not, a tag]\n```\n');
    expect(reading.notes.map((note) => [note.question, note.answer, note.tags])).toEqual([
      ['Which comment?', '```python\n## not a section\n[#not, a tag]\n```', []],
    ]);
  });

  it('skips sections without an answer, reporting nothing', () => {
    const reading = readMdanki(
      '# Deck\n\n## Only a heading\n\n## Front only\n%\n\n## Tags only\n[#t]()\n\n## Kept\nyes\n',
    );
    expect(reading.problems).toEqual([]);
    expect(reading.notes.map((note) => [note.line, note.question])).toEqual([[11, 'Kept']]);
  });
});
