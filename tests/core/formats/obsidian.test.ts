import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ForeignNote, type ForeignReading } from '../../../src/core/formats/foreign-note.js';
import { readObsidian, recognizeObsidian } from '../../../src/core/formats/obsidian.js';

const fixture = (name: string) => readFileSync(`tests/fixtures/collections/obsidian-sr/${name}`, 'utf8');
const lines = (...text: string[]) => text.join('\n');

/** Reads a file that must have no problems. */
function read(text: string): ForeignNote[] {
  const reading: ForeignReading = readObsidian(text);
  expect(reading.format).toBe('obsidian');
  expect(reading.problems).toEqual([]);
  return reading.notes;
}

/** The counts SOURCES.md gives: basic, reversed (cards asking the answer) and cloze cards. */
function counts(notes: ForeignNote[]) {
  const clozes = notes.filter((note) => note.question === '');
  return {
    basic: notes.length - clozes.length,
    reversed: notes.filter((note) => note.reverse).length,
    cloze: clozes.reduce((sum, note) => sum + (note.answer.match(/\{\{c\d+::/g) ?? []).length, 0),
  };
}

describe('readObsidian on real collections', () => {
  it('reads the discrete-math deck: 7 basic and 1 cloze, two decks, all scheduled', () => {
    const notes = read(fixture('LavoniDK-Datalogi-AU-Flashcards-discrete-math.md'));
    expect(counts(notes)).toEqual({ basic: 7, reversed: 0, cloze: 1 });
    expect(notes.map((note) => [note.line, note.deck])).toEqual([
      [6, 'DiscreteMath/Logic'],
      [13, 'DiscreteMath/Logic'],
      [22, 'DiscreteMath/Logic'],
      [33, 'DiscreteMath/Logic'],
      [38, 'DiscreteMath/Logic'],
      [44, 'DiscreteMath/Logic'],
      [53, 'DiscreteMath/ProofMethods'],
      [56, 'DiscreteMath/ProofMethods'],
    ]);
    expect(notes.every((note) => note.schedules?.length === 1)).toBe(true);
    expect(notes[0]).toMatchObject({
      question: 'What is a logical proposition?',
      answer: expect.stringMatching(/^- A logical proposition .*\n- Often truth tables is used$/s),
      schedules: [{ due: '2025-10-27', interval: 186, ease: 310 }],
    });
    // Line 31's comment has a trailing space; it is still read, and never part of the answer.
    expect(notes[2]?.schedules).toEqual([{ due: '2026-03-20', interval: 318, ease: 344 }]);
    expect(notes.some((note) => note.answer.includes('<!--'))).toBe(false);
    expect(notes[3]?.question).toBe('**What does it mean to contrapose an implication?**');
    expect(notes[6]).toMatchObject({
      question: '',
      answer: expect.stringMatching(/^In proofs, .* a \{\{c1::\*\*witness\*\*\}\} is an explicit example/),
      schedules: [{ due: '2026-03-30', interval: 329, ease: 347 }],
    });
  });

  it('reads the HCI deck: 4 one-line cards in list items and 2 multi-line cards', () => {
    const notes = read(fixture('LavoniDK-Datalogi-AU-Flashcards-hci.md'));
    expect(counts(notes)).toEqual({ basic: 6, reversed: 0, cloze: 0 });
    expect(notes.map((note) => note.line)).toEqual([8, 13, 16, 19, 22, 33]);
    expect(new Set(notes.map((note) => note.deck))).toEqual(new Set(['HCI/35-Intro']));
    expect(notes[2]).toMatchObject({
      question: '**What are anchor tags in HTML used for?**',
      answer: 'Anchor tags (`<a>`) are used to create hyperlinks that link to other webpages or resources.',
      schedules: [{ due: '2025-07-24', interval: 119, ease: 291 }],
    });
    // `#idName` sits in inline code: no tag.
    expect(notes[4]?.question).toBe('**What are the different types of selectors and how do they differ?**');
    expect(notes[4]?.answer).toContain('  - **ID (`#idName`)**: Selects a single element by ID.');
    expect(notes.flatMap((note) => note.tags)).toEqual([]);
  });

  it('reads the full adder: a frontmatter tag, 5 new cards, the other tag kept', () => {
    const notes = read(fixture('Malachi-H-Obsidian-Software-Flashcards-full-adder.md'));
    expect(counts(notes)).toEqual({ basic: 5, reversed: 0, cloze: 0 });
    expect(notes.map((note) => note.line)).toEqual([8, 13, 18, 23, 28]);
    expect(notes[0]).toEqual({
      line: 8,
      question: 'What does a full adder look like? (full gates)',
      answer: '![](https://i.imgur.com/zB79RsC.png)',
      reverse: false,
      tags: ['softwaredd'],
    });
    expect(notes[4]?.answer).toBe('3 and 2');
  });

  it.each([
    'Malachi-H-Obsidian-Software-Flashcards-data-formats-nocards.md',
    'st3v3nmw-obsidian-spaced-repetition-computation-graph-nocards.md',
    // Curly clozes are off by default, so its `{{…}}` line is prose.
    'st3v3nmw-obsidian-spaced-repetition-notes6-cloze-3-schedules.md',
  ])('finds no cards, and no problem, in %s', (name) => {
    expect(read(fixture(name))).toEqual([]);
  });

  it('reads the triboelectric card as new: its SR comment comes after a blank line', () => {
    const notes = read(fixture('st3v3nmw-obsidian-spaced-repetition-triboelectric-effect.md'));
    expect(notes).toEqual([
      {
        line: 29,
        question:
          'What is the phenomenon called when electric charge is transferred between two objects when they contact or slide against each other',
        answer: 'Triboelectric effect',
        reverse: false,
        tags: ['review'],
        deck: 'science/physics',
      },
    ]);
  });
});

describe('readObsidian on written cases', () => {
  it('reads `:::` as a reversed card with one schedule per card', () => {
    const [note] = read(lines('#flashcards', '', 'left:::right', '<!--SR:!2024-01-02,3,250!2024-01-05,6,270-->'));
    expect(note).toEqual({
      line: 3,
      question: 'left',
      answer: 'right',
      reverse: true,
      tags: [],
      schedules: [
        { due: '2024-01-02', interval: 3, ease: 250 },
        { due: '2024-01-05', interval: 6, ease: 270 },
      ],
    });
  });

  it('reads `??` as a reversed multi-line card, with the schedule at the end of its last line', () => {
    const [note] = read(lines('#flashcards', '', 'Capital of', 'France?', '??', 'Paris <!--SR:!2024-01-02,3,250-->'));
    expect(note).toMatchObject({ line: 3, question: 'Capital of\nFrance?', answer: 'Paris', reverse: true });
    expect(note?.schedules).toEqual([{ due: '2024-01-02', interval: 3, ease: 250 }]);
  });

  it('ends a card at a blank line, and a `?` with nothing above starts none', () => {
    const notes = read(lines('#flashcards', '', 'Q', '?', 'A1', 'A2', '', 'after', '', '?', 'x'));
    expect(notes).toEqual([{ line: 3, question: 'Q', answer: 'A1\nA2', reverse: false, tags: [] }]);
  });

  it('finds no cards in fenced code or inline code, but keeps code inside an answer', () => {
    const notes = read(
      lines(
        '#flashcards',
        '```',
        'a::b',
        '```',
        '',
        'Use `std::vector` here',
        '',
        'Which loop?',
        '?',
        '~~~js',
        '',
        'for (;;) {}',
        '?',
        '~~~',
      ),
    );
    expect(notes).toEqual([
      { line: 8, question: 'Which loop?', answer: '~~~js\n\nfor (;;) {}\n?\n~~~', reverse: false, tags: [] },
    ]);
  });

  it('finds no cards in HTML comments', () => {
    expect(read(lines('#flashcards', '<!-- a::b -->', '', '<!--', 'c::d', '?', '-->'))).toEqual([]);
  });

  it('strips the list marker of a one-line question', () => {
    const notes = read(lines('#flashcards', '- one :: 1', '* two::2', '3. three::3'));
    expect(notes.map((note) => [note.line, note.question, note.answer])).toEqual([
      [2, 'one', '1'],
      [3, 'two', '2'],
      [4, 'three', '3'],
    ]);
  });

  it('gives a card the deck tag on its line, and other tags as tags', () => {
    const notes = read(lines('#flashcards/lang', '#vocab', '', '#flashcards/lang/fr chat::cat #animal', 'dog::chien'));
    expect(notes).toEqual([
      { line: 4, question: 'chat', answer: 'cat #animal', reverse: false, tags: ['vocab', 'animal'], deck: 'lang/fr' },
      { line: 5, question: 'dog', answer: 'chien', reverse: false, tags: ['vocab'], deck: 'lang' },
    ]);
  });

  it('starts a card below the tag lines right above it', () => {
    const notes = read(lines('#flashcards/x #vocab', 'Q', '?', 'A'));
    expect(notes).toEqual([{ line: 2, question: 'Q', answer: 'A', reverse: false, tags: ['vocab'], deck: 'x' }]);
  });

  it('gives cards the last deck tag above them, and cards above every tag the first one', () => {
    const notes = read(lines('a::1', '', '#flashcards/x', 'b::2', '', '#flashcards/y', '', 'c::3'));
    expect(notes.map((note) => [note.question, note.deck])).toEqual([
      ['a', 'x'],
      ['b', 'x'],
      ['c', 'y'],
    ]);
  });

  it('reads no cards in a note without the flashcards tag', () => {
    expect(read(lines('#review', '', 'a::b', '', 'q', '?', 'a'))).toEqual([]);
    expect(read(lines('---', 'tags: [flashcards/deck, other]', '---', 'a::b'))).toEqual([
      { line: 4, question: 'a', answer: 'b', reverse: false, tags: ['other'], deck: 'deck' },
    ]);
  });

  it('numbers the highlights of a paragraph as cloze deletions, one schedule per deletion', () => {
    const notes = read(
      lines(
        '#flashcards',
        '',
        'The ==sun== is a ==star==,',
        'and `==code==` is not.',
        '<!--SR:!2024-01-02,3,250!2024-02-03,4,260-->',
      ),
    );
    expect(notes).toEqual([
      {
        line: 3,
        question: '',
        answer: 'The {{c1::sun}} is a {{c2::star}},\nand `==code==` is not.',
        reverse: false,
        tags: [],
        schedules: [
          { due: '2024-01-02', interval: 3, ease: 250 },
          { due: '2024-02-03', interval: 4, ease: 260 },
        ],
      },
    ]);
  });

  it('leaves `{{curly}}` clozes and bold text alone (off by default)', () => {
    expect(read(lines('#flashcards', '', 'A {{b}} and **c**.'))).toEqual([]);
  });

  it('drops schedules beyond the cards, as the plugin does', () => {
    const [note] = read(lines('#flashcards', 'a::b', '<!--SR:!2024-01-02,3,250!2024-01-05,6,270-->'));
    expect(note?.schedules).toEqual([{ due: '2024-01-02', interval: 3, ease: 250 }]);
  });

  it('attaches no SR comment that follows a blank line', () => {
    const [note] = read(lines('#flashcards', 'a::b', '', '<!--SR:!2024-01-02,3,250-->'));
    expect(note).toEqual({ line: 2, question: 'a', answer: 'b', reverse: false, tags: [] });
  });

  it('reports a schedule comment it cannot read, with its line, and keeps the card', () => {
    const reading = readObsidian(lines('#flashcards', 'a::b', '<!--SR:!2024-02-30,3,250-->', 'c::d <!--SR:soon-->'));
    expect(reading.notes.map((note) => [note.answer, note.schedules])).toEqual([
      ['b', undefined],
      ['d', undefined],
    ]);
    expect(reading.problems).toEqual([
      { line: 3, message: expect.stringContaining('<!--SR:!2024-02-30,3,250-->') },
      { line: 4, message: expect.stringContaining('<!--SR:soon-->') },
    ]);
  });

  it('reads CRLF text as LF text', () => {
    const text = lines('#flashcards/d', '', 'Q', '?', 'A', '<!--SR:!2024-01-02,3,250-->', '', 'x:::y');
    expect(read(text.replace(/\n/g, '\r\n'))).toEqual(read(text));
    expect(read(text.replace(/\n/g, '\r\n')).map((note) => note.answer)).toEqual(['A', 'y']);
  });
});

describe('recognizeObsidian', () => {
  it.each([
    'LavoniDK-Datalogi-AU-Flashcards-discrete-math.md',
    'LavoniDK-Datalogi-AU-Flashcards-hci.md',
    'Malachi-H-Obsidian-Software-Flashcards-full-adder.md',
    'Malachi-H-Obsidian-Software-Flashcards-data-formats-nocards.md',
    'st3v3nmw-obsidian-spaced-repetition-notes6-cloze-3-schedules.md',
    'st3v3nmw-obsidian-spaced-repetition-triboelectric-effect.md',
  ])('recognizes %s', (name) => {
    expect(recognizeObsidian(fixture(name))).toBe(true);
  });

  it.each([
    ['a one-line card', 'a::b'],
    ['a reversed card', 'a:::b'],
    ['a `?` block', 'q\n?\na'],
    ['a `??` block', 'q\r\n??\r\na'],
    ['a tag', 'text #flashcards/x'],
    ['a schedule comment', 'text\n<!--SR:!2024-01-02,3,250-->'],
  ])('recognizes %s', (_what, text) => {
    expect(recognizeObsidian(text)).toBe(true);
  });

  it.each([
    ['a flashdeck card', '---\ntags: [geo]\n---\n# Capital of France?\n\nParis. Is it?\n'],
    ['a flashdeck cloze note', 'The capital of France is {{c1::Paris}}.'],
    ['code', '```\na::b\n#flashcards\n```\nUse `x::y`.'],
    ['a lone question mark', '# Why?\n\n?\n'],
    ['an untagged note', fixture('st3v3nmw-obsidian-spaced-repetition-computation-graph-nocards.md')],
  ])('does not recognize %s', (_what, text) => {
    expect(recognizeObsidian(text)).toBe(false);
  });
});

describe('highlights in a basic card', () => {
  it('show as bold, not as raw `==` marks; code keeps them', () => {
    const text = '#flashcards\n\nWhat is alpha decay?\n?\nA nucleus emits an ==alpha particle== (`a == b`).\n';
    const [note] = readObsidian(text).notes;
    expect(note?.answer).toBe('A nucleus emits an **alpha particle** (`a == b`).');
  });
});
