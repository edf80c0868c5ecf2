import { describe, expect, it } from 'vitest';
import { findUnbalancedMath } from '../../../src/core/markdown/math-check.js';

describe('findUnbalancedMath', () => {
  it('finds nothing wrong in balanced formulas, prices, code and LaTeX line breaks', () => {
    const text = [
      'Inline \\(a\\) and $x$, display $$y$$ and',
      '$$',
      'a \\\\[2pt] b',
      '$$',
      '',
      'It costs $5 and $10. `$$ in code` stays.',
      '',
      '```latex',
      '\\[ not closed in a code block',
      '```',
      '\\[',
      'x',
      '\\]',
    ].join('\n');
    expect(findUnbalancedMath(text)).toEqual([]);
  });

  it('reports each delimiter left open at the end of its paragraph, or closed without an opening, by line', () => {
    const text = ['# Q', '', 'Open $$x = 1', 'still open', '', 'A stray \\) here', '', 'And \\(never', 'closed'].join(
      '\n',
    );
    expect(findUnbalancedMath(text)).toEqual([
      { line: 3, message: '$$ opens a formula that is never closed' },
      { line: 6, message: '\\) closes a formula that was never opened' },
      { line: 8, message: '\\( opens a formula that is never closed' },
    ]);
  });
});
