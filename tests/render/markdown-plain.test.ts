import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/markdown.js';

describe('renderMarkdown on plain words', () => {
  it('renders a line of plain words as marked would (the text, wrapped)', () => {
    const alphabet = [
      'What',
      'é',
      '学习',
      '⭐',
      'x2',
      'supercalifragilistic',
      ' ',
      ' ',
      '  ',
      ',',
      '.',
      ';',
      ':',
      '?',
      '!',
      "'",
      '"',
      '’',
      '(',
      ')',
      '/',
      '%',
      '-',
    ];
    let seed = 5;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (const chalk of [new Chalk({ level: 0 }), new Chalk({ level: 3 })]) {
      for (let index = 0; index < 500; index += 1) {
        const text = `Q${Array.from({ length: 1 + Math.floor(random() * 30) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('')}`;
        const width = [20, 33, 80][index % 3] as number;
        // A trailing comment block sends the same text through marked; it renders as nothing.
        expect(renderMarkdown(text, width, chalk), text).toBe(renderMarkdown(`${text}\n\n<!-- -->`, width, chalk));
      }
    }
  });
});
