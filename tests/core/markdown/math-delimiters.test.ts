import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { lexMarkdown, type MathToken } from '../../../src/core/markdown/lexer.js';
import { toPlainText } from '../../../src/core/markdown/text.js';
import { renderMarkdown } from '../../../src/render/markdown.js';

const plain = new Chalk({ level: 0 });

/** Every formula marked finds in `markdown`, blocks and inside paragraphs, as `[text, display]`. */
function formulas(markdown: string): [string, boolean][] {
  const found: [string, boolean][] = [];
  const walk = (tokens: readonly unknown[]) => {
    for (const token of tokens as { type: string; tokens?: unknown[] }[]) {
      if (token.type === 'math') found.push([(token as MathToken).text, (token as MathToken).display]);
      if (token.tokens) walk(token.tokens);
    }
  };
  walk(lexMarkdown(markdown));
  return found;
}

describe('math delimiters', () => {
  it.each<[string, string, [string, boolean][]]>([
    ['inline dollars', 'Let $x^2$ be', [['x^2', false]]],
    ['a price', 'It costs $21,000 today.', []],
    ['two prices', 'Pay $5 and $10 later.', []],
    ['a price after a formula', 'If $n$ is 3 it costs $5.', [['n', false]]],
    ['a one-line display block', '$$x = 1$$', [['x = 1', true]]],
    ['a display block over lines', '$$\n\\sum_i x_i\n$$', [['\n\\sum_i x_i\n', true]]],
    ['display dollars inside a line', 'so $$a+b$$ holds', [['a+b', true]]],
    [
      'two one-line blocks on a line',
      '$$a$$ and $$b$$',
      [
        ['a', true],
        ['b', true],
      ],
    ],
    ['backslash parentheses', 'where \\(\\alpha > 0\\) holds', [['\\alpha > 0', false]]],
    ['backslash brackets as a block', '\\[\n\\frac{a}{b}\n\\]', [['\n\\frac{a}{b}\n', true]]],
    ['an escaped dollar', 'Costs \\$5 or \\$6', []],
  ])('%s', (_, markdown, expected) => {
    expect(formulas(markdown)).toEqual(expected);
  });

  it('keeps the backslashes of \\( \\) and \\[ \\] that markdown would read as escapes', () => {
    expect(renderMarkdown('Unknown \\(\\foo{x}\\) stays', 80, plain)).toBe('Unknown \\(\\foo{x}\\) stays');
    expect(renderMarkdown('\\[\\foo\\]', 80, plain)).toBe('  \\[\\foo\\]');
  });

  it('shows inline math converted in its line, and display math centred on lines of its own', () => {
    expect(renderMarkdown('Let $\\alpha \\le \\beta$ hold.', 80, plain)).toBe('Let α ≤ β hold.');
    expect(renderMarkdown('Before\n\n$$E = mc^2$$\n\nAfter', 20, plain)).toBe('Before\n\n      E = mc²\n\nAfter');
    expect(renderMarkdown('\\[a = b \\\\ c = d\\]', 21, plain)).toBe('        a = b\n        c = d');
  });

  it('shows a formula it cannot convert exactly as written, never half-translated', () => {
    expect(renderMarkdown('See $\\alpha + \\weird{x}$.', 80, plain)).toBe('See $\\alpha + \\weird{x}$.');
    expect(renderMarkdown('$$\n\\alpha \\weird\n$$', 80, plain)).toBe('  $$\n  \\alpha \\weird\n  $$');
  });

  it('lists a question with its math as Unicode', () => {
    expect(toPlainText('What is $\\sum_{i=1}^n i$?')).toBe('What is ∑ᵢ₌₁ⁿ i?');
  });

  it.each(['\\(', '\\[', '$a', '[^', '[sound:'])(
    'renders a long paragraph of %s never closed in linear time',
    (unit) => {
      const text = unit.repeat(Math.floor(200_000 / unit.length));
      const started = performance.now();
      expect(renderMarkdown(text, 80, plain).length).toBeGreaterThan(0);
      // Linear is about a second here; the quadratic scan this guards against took 40 s.
      expect(performance.now() - started).toBeLessThan(10_000);
    },
    30_000,
  );
});
