import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { findClozeDeletions, hideCloze, revealCloze } from '../../src/core/card/cloze.js';
import { renderMarkdown } from '../../src/render/markdown.js';

const plain = new Chalk({ level: 0 });
const colour = new Chalk({ level: 1 });
const MARKS = /[\uE000-\uE003]/;
const ANSI = /\u001B\[\d+m/g;

/** Card `number`'s question and answer, rendered as the quiz shows them. */
function renderCard(
  note: string,
  number: number,
  width: number,
  chalk: typeof plain,
): { question: string; answer: string } {
  const { deletions, problems } = findClozeDeletions(note);
  expect(problems).toEqual([]);
  return {
    question: renderMarkdown(hideCloze(note, deletions, number), width, chalk),
    answer: renderMarkdown(revealCloze(note, deletions, number), width, chalk),
  };
}

function widest(text: string): number {
  return Math.max(...text.split('\n').map((line) => stringWidth(line)));
}

const LONG =
  'The mitochondrion is the {{c1::powerhouse of the cell, making most of its chemical energy as ATP::role}} in ' +
  '**eukaryotes**, and {{c2::`std::vec`}} is a growable array.';

describe('renderMarkdown of a cloze card without colour', () => {
  it('shows a hidden deletion as […] on the fast path of one plain line', () => {
    expect(renderCard('Capital of France: {{c1::Paris}}', 1, 80, plain).question).toBe('Capital of France: […]');
  });

  it('shows the hint in brackets, and the other deletions as text', () => {
    const { question } = renderCard(LONG, 1, 80, plain);
    expect(question.split('\n')).toEqual([
      'The mitochondrion is the [role] in eukaryotes, and `std::vec` is a growable',
      'array.',
    ]);
  });

  it.each([40, 80])('shows the revealed deletion in brackets, wrapped to %i columns with nothing wider', (width) => {
    const { question, answer } = renderCard(LONG, 1, width, plain);
    for (const text of [question, answer]) {
      expect(widest(text)).toBeLessThanOrEqual(width);
      expect(text).not.toMatch(MARKS);
    }
    expect(answer.replace(/\n/g, ' ')).toBe(
      'The mitochondrion is the [powerhouse of the cell, making most of its chemical energy as ATP] in eukaryotes, ' +
        'and `std::vec` is a growable array.',
    );
  });

  it('keeps the brackets of a revealed span that wraps, one on its first line and one on its last', () => {
    const { answer } = renderCard(LONG, 1, 40, plain);
    expect(answer.split('\n')).toEqual([
      'The mitochondrion is the [powerhouse of',
      'the cell, making most of its chemical',
      'energy as ATP] in eukaryotes, and',
      '`std::vec` is a growable array.',
    ]);
  });

  it('marks deletions inside a fenced code block, over its lines', () => {
    const note = 'Complete:\n\n```js\nconst total = {{c1::items.reduce(\n  (sum, x) => sum + x, 0)}};\n```';
    const { question, answer } = renderCard(note, 1, 40, plain);
    expect(question).toBe('Complete:\n\n    const total = […];');
    expect(answer).toBe('Complete:\n\n    const total = [items.reduce(\n      (sum, x) => sum + x, 0)];');
  });

  it('marks deletions in list items, table cells and headings', () => {
    const note = '# Planets {{c2::inner}}\n\n- first {{c1::Mercury}}\n\n| n | name |\n|---|---|\n| 2 | {{c1::Venus}} |';
    const { question, answer } = renderCard(note, 1, 80, plain);
    expect(question).toContain('# Planets inner');
    expect(question).toContain('• first […]');
    expect(question).toMatch(/│ 2 +│ \[…\] +│/);
    expect(answer).toContain('• first [Mercury]');
    expect(answer).toMatch(/│ 2 +│ \[Venus\] +│/);
  });
});

describe('renderMarkdown of a cloze card with colour', () => {
  it('shows a hidden deletion bold and coloured, brackets kept', () => {
    const { question } = renderCard('Capital of France: {{c1::Paris::city}}', 1, 80, colour);
    expect(question).toBe(`Capital of France: ${colour.bold.cyan('[city]')}`);
  });

  it.each([40, 80])('shows the revealed text bold and inverse, styled line by line at %i columns', (width) => {
    const { answer } = renderCard(LONG, 1, width, colour);
    expect(widest(answer)).toBeLessThanOrEqual(width);
    expect(answer).not.toMatch(MARKS);
    expect(answer.replace(ANSI, '').replace(/\n/g, ' ')).toBe(
      'The mitochondrion is the powerhouse of the cell, making most of its chemical energy as ATP in eukaryotes, ' +
        'and std::vec is a growable array.',
    );
    // Each line of the span opens and closes its own style, so a prefix or the next line is never inverted.
    for (const line of answer.split('\n').filter((text) => text.includes('\u001B[7m'))) {
      expect(line.lastIndexOf('\u001B[27m')).toBeGreaterThan(line.lastIndexOf('\u001B[7m'));
    }
  });

  it('splits a revealed span over lines at 40 columns, each part inverse', () => {
    const { answer } = renderCard(LONG, 1, 40, colour);
    const inverted = [...answer.matchAll(/\u001B\[7m(.*?)\u001B\[27m/g)].map((match) => match[1]);
    expect(inverted).toEqual(['powerhouse of', 'the cell, making most of its chemical', 'energy as ATP']);
  });

  it('inverts a deletion in a highlighted fenced code block, line by line', () => {
    const note = '```js\nconst total = {{c1::sum(\n  items)}};\n```';
    const { answer } = renderCard(note, 1, 40, colour);
    expect(answer).not.toMatch(MARKS);
    const lines = answer.split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/\u001B\[7m.*\u001B\[27m/);
    expect(answer.replace(ANSI, '')).toBe('    const total = sum(\n      items);');
  });
});

describe('renderMarkdown and stray marks', () => {
  it.each([
    ['an opening without its close', 'a \uE002b c'],
    ['a close without its opening', 'a b\uE001 c'],
    ['marks split over two paragraphs', 'a \uE000b\n\nc\uE001 d'],
    ['marks in a link address', '[x](https://e.com/\uE000)'],
  ])('lets no mark reach the terminal: %s', (_, markdown) => {
    for (const chalk of [plain, colour]) expect(renderMarkdown(markdown, 40, chalk)).not.toMatch(MARKS);
  });
});
