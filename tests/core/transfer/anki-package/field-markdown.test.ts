import { describe, expect, it } from 'vitest';
import { fieldToMarkdown, type MediaLinks } from '../../../../src/core/transfer/anki-package/field-markdown.js';

const files = new Set(['cell (1).png', 'hello.mp3']);
const media: MediaLinks = { find: (name) => (files.has(name) ? name : undefined), up: '../' };

describe('fieldToMarkdown', () => {
  it('keeps LaTeX exactly as written, in every notation Anki knows ([$] and [latex] as $ math)', () => {
    expect(fieldToMarkdown('Area: \\(\\pi r^2\\) and \\[a_1 * b_1\\]', media)).toBe(
      'Area: \\(\\pi r^2\\) and \\[a_1 * b_1\\]',
    );
    expect(fieldToMarkdown('<b>Sum</b> $x_1 + x_2 &lt; y$', media)).toBe('**Sum** $x_1 + x_2 < y$');
    expect(fieldToMarkdown('[$]a_b[/$] [latex]c_d[/latex]', media)).toBe('$a_b$ $$c_d$$');
  });

  it('links images and sounds to the copied files, and names the package lacks to themselves', () => {
    expect(fieldToMarkdown('<div><img src="cell (1).png"></div>', media)).toBe('![](../media/cell%20%281%29.png)');
    expect(fieldToMarkdown('Say [sound:hello.mp3]', media)).toBe('Say [sound: hello.mp3](../media/hello.mp3)');
    expect(fieldToMarkdown('<img src="gone.jpg"> [sound:gone.mp3]', media)).toBe(
      '![](gone.jpg) [sound: gone.mp3](gone.mp3)',
    );
  });

  it('converts HTML as the text import does, and passes plain words through', () => {
    expect(fieldToMarkdown('one<br>two<br><br>three &amp; <i>four</i>', media)).toBe('one\\\ntwo\n\nthree & *four*');
    expect(fieldToMarkdown('{{c1::Paris}} is the capital', media)).toBe('{{c1::Paris}} is the capital');
    expect(fieldToMarkdown('a_b * c', media)).toBe('a\\_b \\* c');
  });
});
