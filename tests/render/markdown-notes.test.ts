import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { toPlainText } from '../../src/core/markdown/text.js';
import { renderMarkdown } from '../../src/render/markdown.js';

const plain = new Chalk({ level: 0 });

describe('footnotes', () => {
  it('shows references as numbers and the notes as a list at the end', () => {
    const markdown = [
      'The mitochondrion[^mito] makes ATP[^1].',
      '',
      '[^mito]: An organelle of the cell.',
      '[^1]: Adenosine triphosphate,',
      '    the cell’s energy carrier.',
      '',
      'More text after them.',
    ].join('\n');
    expect(renderMarkdown(markdown, 80, plain)).toBe(
      [
        'The mitochondrion[1] makes ATP[2].',
        '',
        'More text after them.',
        '',
        '[1] An organelle of the cell.',
        '',
        '[2] Adenosine triphosphate,',
        'the cell’s energy carrier.',
      ].join('\n'),
    );
  });

  it('leaves a reference to no note as written, and a plain question without its marks', () => {
    expect(renderMarkdown('See [^missing] here', 80, plain)).toBe('See [^missing] here');
    expect(toPlainText('What makes ATP[^1]?\n\n[^1]: A hint.')).toBe('What makes ATP? A hint.');
  });
});

describe('<details>', () => {
  it('shows the summary as a line and what it hides indented under it', () => {
    const markdown = [
      'Answer first.',
      '',
      '<details>',
      '<summary>Hint</summary>',
      '',
      'Think of the **heart**.',
      '',
      '- left ventricle',
      '',
      '</details>',
      '',
      'After.',
    ].join('\n');
    expect(renderMarkdown(markdown, 80, plain)).toBe(
      ['Answer first.', '', '▸ Hint', '  Think of the heart.', '', '  • left ventricle', '', 'After.'].join('\n'),
    );
  });

  it('keeps a details block on one line readable, and one never closed as it was before', () => {
    expect(renderMarkdown('<details><summary>Why</summary>Because.</details>', 80, plain)).toBe('▸ Why\nBecause.');
    expect(renderMarkdown('<details>\n<summary>Open</summary>\n\nNever closed.', 80, plain)).toBe(
      '▸ Open\n\nNever closed.',
    );
  });
});
