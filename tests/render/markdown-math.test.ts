import { Chalk } from 'chalk';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/markdown.js';

const plain = new Chalk({ level: 0 });
const FIXTURES = 'tests/fixtures/math';

/** Each card's answer in an Obsidian `?` deck: the lines after a lone `?`, up to the blank line. */
function readAnswers(file: string): string[] {
  return readFileSync(path.join(FIXTURES, file), 'utf8')
    .split('\n\n')
    .map((block) => block.split('\n?\n')[1] ?? '')
    .filter(Boolean);
}

describe('math in real cards', () => {
  const answers = readdirSync(FIXTURES)
    .filter((file) => file !== 'SOURCES.md')
    .flatMap(readAnswers);

  it('renders every formula of the public decks without a LaTeX command left', () => {
    expect(answers.length).toBeGreaterThanOrEqual(5);
    for (const answer of answers) expect(renderMarkdown(answer, 80, plain)).not.toMatch(/\\[A-Za-z([]|\$/);
  });

  it('shows the softmax as Unicode, with its sum and its limits', () => {
    const softmax = renderMarkdown(
      answers.find((answer) => answer.includes('softmax') || answer.includes('hat'))!,
      120,
      plain,
    );
    expect(softmax).toContain('ŷᵢ = (e^(zᵢ))/(∑ⱼ₌₁ⱽe^(zⱼ))');
  });

  it('sets a one-line $$…$$ on its own centred line', () => {
    const regularisation = renderMarkdown('$$\\lambda \\sum_{j=1}^{n} \\theta_{j}^{2}.$$', 40, plain);
    expect(regularisation).toBe(`${' '.repeat(14)}λ ∑ⱼ₌₁ⁿ θⱼ².`);
  });
});
