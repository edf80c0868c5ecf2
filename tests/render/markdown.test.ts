import { Chalk } from 'chalk';
import { readFileSync } from 'node:fs';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { parseCard } from '../../src/core/parse-card.js';
import { renderMarkdown } from '../../src/render/markdown.js';

const plain = new Chalk({ level: 0 });
const colour = new Chalk({ level: 3 });
const parsed = parseCard(readFileSync('tests/fixtures/cards/every-feature.md', 'utf8'), 'every-feature.md');
if (!('card' in parsed)) throw new Error('the fixture card must be valid');
const { answer } = parsed.card;

describe('renderMarkdown on a card that uses every feature', () => {
  it.each([40, 80, 120])('renders at %i columns as the committed snapshot, no line wider', async (width) => {
    const text = renderMarkdown(answer, width, plain);
    await expect(`${text}\n`).toMatchFileSnapshot(`__snapshots__/every-feature-${width}.txt`);
    expect(Math.max(...text.split('\n').map((line) => stringWidth(line)))).toBeLessThanOrEqual(width);
  });

  it('keeps LaTeX-like math as written, stars included', () => {
    const text = renderMarkdown(answer, 200, plain);
    expect(text).toContain('$\\theta_{t+1} = \\theta_t - \\eta \\nabla L(\\theta_t)$');
    expect(text).toContain('$a*b*c$');
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
