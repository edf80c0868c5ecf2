import { Chalk } from 'chalk';
import { readFileSync } from 'node:fs';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/core/card/parse.js';
import { renderMarkdown } from '../../src/render/markdown.js';

const plain = new Chalk({ level: 0 });
const colour = new Chalk({ level: 3 });
const parsed = await parseNote(readFileSync('tests/fixtures/cards/every-feature.md', 'utf8'), 'every-feature.md');
if ('problem' in parsed) throw new Error('the fixture card must be valid');
const { answer } = parsed.note;

describe('renderMarkdown on a card that uses every feature', () => {
  it.each([40, 80, 120])('renders at %i columns as the committed snapshot, no line wider', async (width) => {
    const text = renderMarkdown(answer, width, plain);
    await expect(`${text}\n`).toMatchFileSnapshot(`__snapshots__/every-feature-${width}.txt`);
    expect(Math.max(...text.split('\n').map((line) => stringWidth(line)))).toBeLessThanOrEqual(width);
  });

  it('shows LaTeX math as Unicode, stars included and never read as emphasis', () => {
    const text = renderMarkdown(answer, 200, plain);
    expect(text).toContain('θₜ₊₁ = θₜ - η ∇L(θₜ)');
    expect(text).toContain('a*b*c');
    expect(text).not.toMatch(/\\[a-z]+/);
  });

  it('shows links with their address, and quotes and code so they read without colour', () => {
    const text = renderMarkdown(answer, 120, plain);
    expect(text).toContain('A link (https://example.com/docs)');
    expect(text).toContain('│ A block quote');
    expect(text).toContain('    def adam(');
    expect(text).toContain('`inline code`');
    expect(text).not.toContain('\u001b');
  });

  it('colours code by its language, emphasis and inline code when colour is on', () => {
    const text = renderMarkdown(answer, 120, colour);
    expect(text).toMatch(/\u001b\[\d+mdef\u001b\[39m/); // python keyword highlighted
    expect(text).toContain(colour.bold('Bold'));
    expect(text).toContain(colour.yellow('inline code'));
  });

  it('wraps CJK and emoji by their display width', () => {
    const text = renderMarkdown('漢字かな'.repeat(20), 21, plain);
    expect(text.split('\n').every((line) => stringWidth(line) <= 21)).toBe(true);
    expect(text.replace(/\n/g, '')).toBe('漢字かな'.repeat(20));
  });

  it('strips escape sequences from card text before rendering', () => {
    const text = renderMarkdown('a\u001b]0;title\u0007b **c\u001b[2Jd** \u202eE `x\u009by`', 80, colour);
    expect(text).not.toMatch(/\u001b\]|\u001b\[2J|\u009b|\u202e/);
  });
});

describe('renderMarkdown on HTML in cards', () => {
  it('shows text in angle brackets as written: generics, comparisons, unknown tags', () => {
    const text = renderMarkdown(
      '`Vec<T>` or Vec<T>, HashMap<K, V>, List<String>; x<y and z>w; <span class="x">kept</span>',
      120,
      plain,
    );
    expect(text).toBe('`Vec<T>` or Vec<T>, HashMap<K, V>, List<String>; x<y and z>w; <span class="x">kept</span>');
  });

  it('shows an answer written with entities (as Anki exports it) with its angle brackets', () => {
    expect(renderMarkdown('Wrap it in a &lt;div&gt; element.', 80, plain)).toBe('Wrap it in a <div> element.');
    expect(renderMarkdown('&lt;div&gt;\n\n&lt;b&gt;not bold&lt;/b&gt;', 80, colour)).toBe('<div>\n\n<b>not bold</b>');
  });

  it('renders the tags cards use as what they mean', () => {
    const source =
      'A <b>bold</b>, <i>italic</i>, <u>underlined</u> line<br>then H<sub>2</sub>O, x<sup>2</sup>, 10<sup>-3</sup> and <kbd>Ctrl</kbd>+<kbd>C</kbd>';
    expect(renderMarkdown(source, 80, plain)).toBe(
      'A bold, italic, underlined line\nthen H₂O, x², 10⁻³ and [Ctrl]+[C]',
    );
    const coloured = renderMarkdown(source, 80, colour);
    expect(coloured).toContain(colour.bold('bold'));
    expect(coloured).toContain(colour.italic('italic'));
    expect(coloured).toContain(colour.underline('underlined'));
    expect(coloured).toContain(colour.inverse(' Ctrl '));
  });

  it('keeps sub- and superscripts Unicode has no characters for as written, and tags without a pair as text', () => {
    expect(renderMarkdown('e<sup>iπ</sup> and Option<B>, Box<U>', 80, plain)).toBe(
      'e<sup>iπ</sup> and Option<B>, Box<U>',
    );
  });

  it('shows a <details> block as its summary line and its content indented; comments show nothing', () => {
    const source =
      'Before\n\n<details>\n<summary>Hint</summary>\n\nThe **answer**.\n\n</details>\n\n<!-- a note -->\n\nAfter';
    expect(renderMarkdown(source, 80, plain)).toBe('Before\n\n▸ Hint\n  The answer.\n\nAfter');
    expect(renderMarkdown('<details><summary>Why?</summary>Because <b>so</b>.</details>', 80, plain)).toBe(
      '▸ Why?\nBecause so.',
    );
  });

  it('shows a block of other HTML as written, its markdown and entities read', () => {
    expect(renderMarkdown('<div align="center">\nkept &amp; **text**\n</div>', 80, plain)).toBe(
      '<div align="center">\nkept & text\n</div>',
    );
  });

  it('never lets an entity bring back a control character', () => {
    const text = renderMarkdown(
      'a &#27;[2J b &#x9b;31m c &#7; **d &#27;]0;t&#7;** `&#27;[1m` <kbd>&#27;[1m</kbd>\n\n<div>&#27;[2J</div>',
      80,
      plain,
    );
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it('stays linear on thousands of unclosed tags', () => {
    const text = renderMarkdown(`${'<b>'.repeat(20_000)}x${'</i>'.repeat(20_000)}`, 80, plain);
    expect(text.replace(/\n/g, '')).toBe(`${'<b>'.repeat(20_000)}x${'</i>'.repeat(20_000)}`);
  });
});
