import { describe, expect, it } from 'vitest';
import { lexMarkdown } from '../../../src/core/markdown/lexer.js';
import { sanitizeTerminalText, toPlainText } from '../../../src/core/markdown/text.js';
import { findClozeDeletions, hideCloze, revealCloze } from '../../../src/core/card/cloze.js';

describe('sanitizeTerminalText', () => {
  it.each([
    ['CSI clear screen', 'a\u001B[2J\u001B[Hb', 'ab'],
    ['CSI colour', '\u001B[31mred\u001B[0m', 'red'],
    ['OSC title ended by BEL', 'a\u001B]0;pwned\u0007b', 'ab'],
    ['OSC 52 clipboard write ended by ST', 'a\u001B]52;c;ZWNobyBoaQ==\u001B\\b', 'ab'],
    ['C1 CSI', 'a\u009B31mb', 'ab'],
    ['C1 OSC', 'a\u009D0;title\u009Cb', 'ab'],
    ['ESC pair (reset)', 'a\u001Bcb', 'ab'],
    ['lone ESC', 'a\u001B', 'a'],
    ['BEL and BS', 'a\u0007b\u0008c', 'abc'],
    ['DEL and NUL', 'a\u007Fb\u0000c', 'abc'],
    ['bidi overrides and isolates', 'a\u202Eb\u202Ac\u2066d\u2069e', 'abcde'],
    ['CRLF and lone CR', 'a\r\nb\rc', 'a\nbc'],
  ])('removes %s', (_, input, expected) => {
    expect(sanitizeTerminalText(input)).toBe(expected);
  });

  it('handles many unterminated control strings (linear-time patterns)', () => {
    sanitizeTerminalText('\u009D'.repeat(200_000));
    sanitizeTerminalText('\u001B]'.repeat(100_000));
    expect(toPlainText(`<div>${'<'.repeat(100_000)}</div>`)).toMatch(/^</);
  });

  it('keeps newline, tab, emoji, CJK and accents', () => {
    const text = 'Q: 学习率?\n\t⭐️ 👶 🚀 — café';
    expect(sanitizeTerminalText(text)).toBe(text);
  });
});

describe('toPlainText', () => {
  it.each([
    ['emphasis', 'What is **Adam** or _SGD_ or ~~GD~~?', 'What is Adam or SGD or GD?'],
    ['code spans', 'Call `step()` with `lr<1`', 'Call step() with lr<1'],
    ['links', 'See [the paper](https://arxiv.org) and <https://x.org>', 'See the paper and https://x.org'],
    ['images', 'Look: ![loss curve](loss.png)', 'Look: loss curve'],
    ['entities', 'A &amp; B, it&#39;s &lt;x&gt; &#x2014; &quot;q&quot; &unknown;', 'A & B, it\'s <x> — "q" &unknown;'],
    [
      'the tags cards use',
      'Use <b>bold</b>,<br><kbd>Ctrl</kbd> and <details><summary>Hint</summary>H<sub>2</sub>O</details>',
      'Use bold, Ctrl and Hint H₂O',
    ],
    ['comments', 'Before <!-- a note --> after', 'Before after'],
    ['escapes', 'a \\*b\\* \\&amp;', 'a *b* &amp;'],
    ['whitespace', '  one\n\ntwo\t three  ', 'one two three'],
    ['lists and paragraphs', 'Intro\n\n- one\n- two\n\nEnd', 'Intro one two End'],
  ])('removes %s', (_, markdown, expected) => {
    expect(toPlainText(markdown)).toBe(expected);
  });

  it.each([
    ['generics', 'What is Vec<T>, HashMap<K, V> or List<String>?'],
    ['comparisons', 'Why is x<y and z>w?'],
    ['other HTML', 'Use <span class="x">spans</span>'],
    ['tags without a pair', 'Option<B> or <b>x'],
  ])('keeps %s as written', (_, markdown) => {
    expect(toPlainText(markdown)).toBe(markdown);
  });

  it('keeps a block of other HTML as written, its entities decoded', () => {
    expect(toPlainText('<div>\nkept &amp; text\n</div>')).toBe('<div> kept & text </div>');
  });

  it('sanitises what entities decode to', () => {
    expect(toPlainText('a&#27;[2Jb &#0; c\u001B]0;t\u0007')).toBe('ab \uFFFD c');
  });

  it('reads plain words and punctuation as they are, as marked does (so most questions skip the lexer)', () => {
    const alphabet = [
      'What',
      'é',
      '学习',
      '⭐',
      'x2',
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
      '“',
      '”',
      '(',
      ')',
      '/',
      '%',
      '-',
      'www.x.org',
      'http://a.b/c',
    ];
    let seed = 1;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let index = 0; index < 2000; index += 1) {
      const parts = Array.from(
        { length: 1 + Math.floor(random() * 8) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      );
      const text = `Q${parts.join('')}`;
      const [paragraph, ...rest] = lexMarkdown(text);
      // One paragraph of text (autolinks keep their text), so the plain text is the words with spaces collapsed.
      expect(rest, text).toEqual([]);
      expect(paragraph?.type, text).toBe('paragraph');
      const inline = paragraph && 'tokens' in paragraph ? (paragraph.tokens ?? []) : [];
      expect(
        inline.every((token) => token.type === 'text' || (token.type === 'link' && token.text === token.raw)),
        text,
      ).toBe(true);
      expect(inline.map((token) => token.raw).join(''), text).toBe(text);
      expect(toPlainText(text), text).toBe(text.replace(/ +/g, ' ').trim());
    }
  });
});

describe('toPlainText of a cloze card', () => {
  const note = 'The **capital** of {{c1::Australia::a country}} is {{c2::Canberra}}.\n\n- and `{{c1::x}}`';
  const { deletions } = findClozeDeletions(note);

  it('shows hidden deletions as […] or [hint], with no marks left', () => {
    expect(toPlainText(hideCloze(note, deletions, 1))).toBe('The capital of [a country] is Canberra. and […]');
    expect(toPlainText(hideCloze(note, deletions, 2))).toBe('The capital of Australia is […]. and x');
  });

  it('shows revealed deletions as their text', () => {
    expect(toPlainText(revealCloze(note, deletions, 2))).toBe('The capital of Australia is Canberra. and x');
  });

  it('writes out the spans of a question of plain words', () => {
    const question = 'Capital of  {{c1::Australia}}?';
    expect(toPlainText(hideCloze(question, findClozeDeletions(question).deletions, 1))).toBe('Capital of […]?');
  });

  it('drops marks without a partner', () => {
    expect(toPlainText('a \uE000b *c*')).toBe('a b c');
  });
});
