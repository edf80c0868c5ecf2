import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ForeignReading } from '../../../src/core/formats/foreign-note.js';
import { readHashcards, recognizeHashcards } from '../../../src/core/formats/hashcards.js';

const COLLECTIONS = 'tests/fixtures/collections';
const fixture = (name: string) => readFileSync(`${COLLECTIONS}/hashcards/${name}`, 'utf8');

/** Each note as [line, kind, deletions]: the counts SOURCES.md gives, note by note. */
function summarize(reading: ForeignReading): [number, 'basic' | 'cloze', number][] {
  return reading.notes.map((note) => {
    const deletions = note.answer.match(/\{\{c\d+::/g)?.length ?? 0;
    return [note.line, note.question === '' ? 'cloze' : 'basic', deletions];
  });
}

/** The answer of the only note of a one-card text, checking nothing was reported. */
function readCloze(text: string): string {
  const reading = readHashcards(text);
  expect(reading.problems).toEqual([]);
  expect(reading.notes).toHaveLength(1);
  return reading.notes[0]?.answer ?? '';
}

describe('recognizeHashcards', () => {
  it.each(readdirSync(`${COLLECTIONS}/hashcards`))('recognizes %s', (name) => {
    expect(recognizeHashcards(fixture(name))).toBe(true);
  });

  it.each(['mdanki', 'obsidian-sr', 'ki', 'front-back', 'logseq'])('recognizes none of the %s collections', (dir) => {
    for (const name of readdirSync(`${COLLECTIONS}/${dir}`)) {
      expect(recognizeHashcards(readFileSync(`${COLLECTIONS}/${dir}/${name}`, 'utf8')), name).toBe(false);
    }
  });

  it('needs an A: after a Q:, or a C:, and takes no Windows path for a cloze', () => {
    expect(recognizeHashcards(readFileSync('tests/fixtures/cards/every-feature.md', 'utf8'))).toBe(false);
    expect(recognizeHashcards('Q: a question alone\n')).toBe(false);
    expect(recognizeHashcards('A: an answer\nQ: then a question\n')).toBe(false);
    expect(recognizeHashcards('C:\\Users\\me\\notes.md\nC://server/share\n')).toBe(false);
    expect(recognizeHashcards('Q: a\r\nA: b\r\n')).toBe(true);
    expect(recognizeHashcards('Notes\nC: Paris is the capital of [France]\n')).toBe(true);
  });
});

describe('readHashcards on real collections', () => {
  it('reads LinearAlgebra: 6 basic and 2 cloze notes of 3 deletions, deck from TOML, comments dropped', () => {
    const reading = readHashcards(fixture('cocosberlucens-hashcards-deck-LinearAlgebra.md'));
    expect(reading.format).toBe('hashcards');
    expect(reading.problems).toEqual([]);
    expect(summarize(reading)).toEqual([
      [7, 'basic', 0],
      [13, 'basic', 0],
      [19, 'basic', 0],
      [26, 'cloze', 3],
      [28, 'cloze', 3],
      [30, 'basic', 0],
      [37, 'basic', 0],
      [47, 'basic', 0],
    ]);
    expect(reading.notes.every((note) => note.deck === 'Linear Algebra' && note.tags.length === 0)).toBe(true);
    expect(reading.notes[3]?.answer).toContain('{{c3::perpendicular}}, negative when opposing.');
    expect(reading.notes[4]?.answer).toBe(
      String.raw`A {{c1::unit vector}} $\hat{\mathbf{v}} = \frac{\mathbf{v}}{\|\mathbf{v}\|}$ has magnitude {{c2::one}} — it preserves {{c3::direction}} but discards scale.`,
    );
    const euclid = reading.notes[6]?.answer ?? '';
    expect(euclid).toContain('Example: [10, 100] and [20, 200] have cosine similarity 1');
    expect(euclid.endsWith('distance ~112.')).toBe(true);
    expect(reading.notes[0]?.answer.split('\n')).toHaveLength(4);
  });

  it('reads vim: 10 basic cards split by --- lines, case kept, <C-v> as written', () => {
    const reading = readHashcards(fixture('zchrysaylor-hashcards-decks-vim.md'));
    expect(reading.problems).toEqual([]);
    expect(reading.notes.map((note) => [note.line, note.question])).toEqual([
      [5, 'i'],
      [10, 'I'],
      [15, 'a'],
      [20, 'A'],
      [25, 'o'],
      [30, 'O'],
      [35, 'v'],
      [40, 'V'],
      [45, '<C-v>'],
      [50, 'zt'],
    ]);
    expect(reading.notes.every((note) => note.deck === 'Vim' && !note.answer.includes('---'))).toBe(true);
    expect(reading.notes[9]?.answer).toBe('Move the screen to the top of the window');
  });

  it('keeps both copies of a card written twice, as written', () => {
    const reading = readHashcards(fixture('zchrysaylor-hashcards-decks-behavior.md'));
    expect(reading.problems).toEqual([]);
    const answer = 'an extreme degree of extinction; the condition of low operant strength';
    expect(reading.notes).toEqual([
      { line: 5, question: 'abulia', answer, reverse: false, tags: [], deck: 'Behavior' },
      { line: 10, question: 'abulia', answer, reverse: false, tags: [], deck: 'Behavior' },
    ]);
  });

  it('reads Math: 4 basic and a table cloze of 4 deletions, answers that start after an empty A:', () => {
    const reading = readHashcards(fixture('eudoxia0-hashcards-Math.md'));
    expect(reading.problems).toEqual([]);
    expect(summarize(reading)).toEqual([
      [1, 'basic', 0],
      [4, 'basic', 0],
      [12, 'basic', 0],
      [25, 'basic', 0],
      [28, 'cloze', 1],
      [32, 'cloze', 4],
    ]);
    expect(reading.notes.every((note) => note.deck === undefined)).toBe(true);
    expect(reading.notes[1]?.answer).toBe(String.raw`$$
\neg \left( P \land Q \right) \equiv \neg P \lor \neg Q
$$`);
    expect(reading.notes[4]?.answer).toBe('The TeX command `\\alpha` renders as {{c1::$\\alpha$}}.');
    expect(reading.notes[5]?.answer.split('\n').slice(4)).toEqual([
      '| F   | F   | {{c1::F}}        | ',
      '| F   | T   | {{c2::T}}        | ',
      '| T   | F   | {{c3::T}}        | ',
      '| T   | T   | {{c4::T}}        |',
    ]);
  });

  it("reads repeater's test: 7 basic, 1 cloze, and flags the C: that hides nothing", () => {
    const reading = readHashcards(fixture('shaankhosla-repeater-test.md'));
    expect(summarize(reading)).toEqual([
      [1, 'basic', 0],
      [4, 'cloze', 1],
      [5, 'basic', 0],
      [11, 'basic', 0],
      [17, 'basic', 0],
      [20, 'basic', 0],
      [27, 'basic', 0],
      [33, 'basic', 0],
    ]);
    expect(reading.problems).toEqual([{ line: 38, message: expect.stringContaining('hides nothing') }]);
    expect(reading.notes[0]).toMatchObject({ question: 'what?', answer: 'yes' });
    expect(reading.notes[1]?.answer).toBe('ping {{c1::pong}}');
    expect(reading.notes[3]?.answer).toBe('- Item one\n- Item two\n- Item three');
    expect(reading.notes[6]?.answer).toBe('A filesystem snapshot used to create a container.');
    expect(reading.notes[7]?.answer).toBe('A running instance of an image.');
  });

  it("reads repeater's physics notes: 2 cards among class notes, an answer running to ---", () => {
    const reading = readHashcards(fixture('shaankhosla-repeater-physics.md'));
    expect(reading.problems).toEqual([]);
    expect(reading.notes).toEqual([
      {
        line: 6,
        question: 'What does a synaptic vesicle store?',
        answer: 'Neurotransmitters awaiting release.\n\nInto the synaptic cleft',
        reverse: false,
        tags: [],
      },
      {
        line: 18,
        question: "What's in this image:\n\n\n![Image](synaptic_vessel.jpg)",
        answer: 'synaptic',
        reverse: false,
        tags: [],
      },
    ]);
  });
});

describe('readHashcards cloze brackets', () => {
  it('numbers deletions in order and keeps markdown links, images and reference links', () => {
    expect(readCloze('C: See [the docs](https://example.com/a) on [Paris] and [France].')).toBe(
      'See [the docs](https://example.com/a) on {{c1::Paris}} and {{c2::France}}.',
    );
    expect(readCloze('C: ![a [b] map](map.png) shows [Paris].')).toBe('![a [b] map](map.png) shows {{c1::Paris}}.');
    expect(readCloze('C: [Paris][wiki] is in [France].\n\n[wiki]: https://example.com')).toBe(
      '[Paris][wiki] is in {{c1::France}}.\n\n[wiki]: https://example.com',
    );
    expect(readCloze('C: [Paris, [the city](https://example.com)] is big.')).toBe(
      '{{c1::Paris, [the city](https://example.com)}} is big.',
    );
  });

  it('leaves escaped brackets, footnotes, empty boxes, code and math alone', () => {
    expect(readCloze('C: \\[not this\\] but [this], a note[^1] and a box [ ]')).toBe(
      '\\[not this\\] but {{c1::this}}, a note[^1] and a box [ ]',
    );
    expect(readCloze('C: $f[x]$ and $$\n[a]\n$$ give [Paris]')).toBe('$f[x]$ and $$\n[a]\n$$ give {{c1::Paris}}');
    expect(readCloze('C: it costs $5 or [ten] $10')).toBe('it costs $5 or {{c1::ten}} $10');
    expect(readCloze('C: it costs $ 5 here and [six]$ there')).toBe('it costs $ 5 here and {{c1::six}}$ there');
    expect(readCloze('C: [yes]\n~~~\nx = [1]\n~~~')).toBe('{{c1::yes}}\n~~~\nx = [1]\n~~~');
    expect(readCloze('C: `a[0]` and ``b[`c`]`` then [yes]\n```\nx = [1]\n```')).toBe(
      '`a[0]` and ``b[`c`]`` then {{c1::yes}}\n```\nx = [1]\n```',
    );
    expect(readCloze('C: The formula [$e^{i\\pi}$] equals [-1].')).toBe(
      'The formula {{c1::$e^{i\\pi}$}} equals {{c2::-1}}.',
    );
  });

  it('flags a C: whose brackets are all markdown, and reads nothing from it', () => {
    const reading = readHashcards('C: only [a link](https://example.com) and `[code]`\n');
    expect(reading.notes).toEqual([]);
    expect(reading.problems).toEqual([{ line: 1, message: expect.stringContaining('hides nothing') }]);
  });
});

describe('readHashcards edge cases', () => {
  it('reads CRLF files without carriage returns, on the same lines', () => {
    const reading = readHashcards('+++\r\nname = "Win"\r\n+++\r\nQ: a\r\nA: b\r\nc\r\n\r\nC: x [y]\r\n');
    expect(reading.problems).toEqual([]);
    expect(reading.notes.map((note) => [note.line, note.question, note.answer, note.deck])).toEqual([
      [4, 'a', 'b\nc', 'Win'],
      [8, '', 'x {{c1::y}}', 'Win'],
    ]);
  });

  it('reads the TOML name as a basic or literal string, and ignores other keys', () => {
    const deckOf = (frontmatter: string) => readHashcards(`---\n${frontmatter}\n---\nQ: a\nA: b\n`).notes[0]?.deck;
    expect(deckOf('name = "Say \\"hi\\""  # a comment')).toBe('Say "hi"');
    expect(deckOf("version = 2\nname = 'C:\\raw'")).toBe('C:\\raw');
    expect(deckOf('title = "Not a name"')).toBeUndefined();
  });

  it('does not split an answer at Q: or --- inside fenced code', () => {
    const reading = readHashcards('Q: Which lines?\nA:\n```\nQ: not a card\n---\n```\n');
    expect(reading.problems).toEqual([]);
    expect(reading.notes.map((note) => note.answer)).toEqual(['```\nQ: not a card\n---\n```']);
  });

  it('reports stray and missing parts on their lines, and keeps reading', () => {
    const reading = readHashcards(
      'A: no question\nQ: no answer\n\nQ: a\nA: b\nA: again\nC: [x]\nA: to a cloze\n---\n+++\n',
    );
    expect(reading.problems.map((problem) => problem.line)).toEqual([1, 2, 6, 8]);
    expect(reading.notes.map((note) => note.line)).toEqual([4, 7]);
    expect(readHashcards('---\nname = "open"\nQ: a\nA: b\n').problems).toEqual([
      { line: 1, message: expect.stringContaining('never closed') },
    ]);
  });
});
