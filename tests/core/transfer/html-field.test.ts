import { describe, expect, it } from 'vitest';
import { dropRepeatedQuestion, looksLikeHtml, toMarkdown } from '../../../src/core/transfer/html-field.js';

describe('toMarkdown', () => {
  it('keeps LaTeX exactly as written, in HTML fields and plain ones', () => {
    const latex = String.raw`The reals \(\mathbb{R}\), a sum \[\sum_{i=1}^{n} x_i\] and $x_1 * y_2$`;
    expect(toMarkdown(latex, true)).toBe(latex);
    expect(toMarkdown(latex, false)).toBe(latex);
    expect(toMarkdown(String.raw`<b>bold</b> and \(a &lt; b_1\)`, null)).toBe(String.raw`**bold** and \(a < b_1\)`);
  });

  it("writes Anki's [$] and [latex] markup as the $ forms markdown reads", () => {
    expect(toMarkdown(String.raw`Area: [$]\pi r^2[/$], sum: [$$]\sum_i x_i[/$$]`, false)).toBe(
      String.raw`Area: $\pi r^2$, sum: $$\sum_i x_i$$`,
    );
    expect(toMarkdown(String.raw`<i>see</i> [latex]\frac{a}{b}[/latex]`, true)).toBe(String.raw`*see* $$\frac{a}{b}$$`);
  });

  it("turns Anki's [sound:] into a link to the file, and <img> into an image", () => {
    expect(toMarkdown('[sound:hola.mp3]', null)).toBe('[sound: hola.mp3](hola.mp3)');
    expect(toMarkdown('word [sound:my file.mp3]<br><img src="pic 1.png">', null)).toBe(
      'word [sound: my file.mp3](<my file.mp3>)\\\n![](<pic 1.png>)',
    );
    expect(toMarkdown('<img src="x.jpg" alt="ignored">', true)).toBe('![](x.jpg)');
    expect(toMarkdown('[anki:tts lang=es_ES voices=Apple_Monica]el perro[/anki:tts]', false)).toBe('el perro');
  });

  it('joins <div> lines that wrap a sentence and keeps lines of a list apart', () => {
    expect(toMarkdown('The mitochondria is the<div>powerhouse of the cell.</div>', true)).toBe(
      'The mitochondria is the powerhouse of the cell.',
    );
    expect(toMarkdown('<div>a vorbi</div><div><br /></div><div>eu vorbesc</div><div>tu vorbesti</div>', true)).toBe(
      'a vorbi\n\neu vorbesc\\\ntu vorbesti',
    );
    expect(toMarkdown('<div>First sentence.</div><div>second line</div>', true)).toBe('First sentence.\\\nsecond line');
  });

  it('drops what a template styles or scripts, and leaves plain text alone', () => {
    expect(toMarkdown('<style>.card { color: red }</style><p>Shown</p><script>alert(1)</script>', true)).toBe('Shown');
    expect(toMarkdown('List<T> and a <b', null)).toBe('List<T> and a <b');
  });
});

describe('looksLikeHtml', () => {
  it('takes the tags flashcard tools write and entities for HTML, not generics or comparisons', () => {
    expect(looksLikeHtml('a<br>b')).toBe(true);
    expect(looksLikeHtml('<div class="x">y</div>')).toBe(true);
    expect(looksLikeHtml('Q &amp; A')).toBe(true);
    expect(looksLikeHtml('Map<String, Integer>')).toBe(false);
    expect(looksLikeHtml('1 < 2 > 0')).toBe(false);
  });
});

describe('dropRepeatedQuestion', () => {
  it('drops what a card back repeats above <hr id=answer>, however the id is quoted', () => {
    expect(dropRepeatedQuestion('Capital of Peru?\n\n<hr id=answer>\n\nLima')).toBe('\n\nLima');
    expect(dropRepeatedQuestion('Q<hr id="answer">A')).toBe('A');
    expect(dropRepeatedQuestion('no rule here')).toBe('no rule here');
  });
});
