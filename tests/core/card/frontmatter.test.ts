import { describe, expect, it } from 'vitest';
import { CardError } from '../../../src/core/card/card.js';
import { splitFrontmatter } from '../../../src/core/card/frontmatter.js';
import { parseNote } from '../../../src/core/card/parse.js';

function errorOf(source: string): { line: number; message: string } {
  try {
    splitFrontmatter(source);
  } catch (error) {
    if (error instanceof CardError) return { line: error.line, message: error.message };
    throw error;
  }
  throw new Error('expected a CardError');
}

describe('splitFrontmatter', () => {
  it('splits on the opening and closing `---` lines, keeping file lines', () => {
    expect(splitFrontmatter('---\nid: a\n---\n# Q\nA')).toEqual({
      frontmatter: '\nid: a',
      isEmpty: false,
      body: '# Q\nA',
      bodyLine: 4,
    });
    expect(splitFrontmatter('--- \t\nid: a\n---\n\n# Q')).toMatchObject({ frontmatter: ' \t\nid: a', body: '\n# Q' });
  });

  it('reads a file without frontmatter, or starting with a `----` rule, as all body', () => {
    for (const source of ['# Q\nA', '----\n# Q', '', ' ---\nid: a\n---\n']) {
      expect(splitFrontmatter(source)).toEqual({ frontmatter: '', isEmpty: true, body: source, bodyLine: 1 });
    }
  });

  it('closes at the first line that starts with `---`, as gray-matter did', () => {
    expect(splitFrontmatter('---\nid: a\n---x\n# Q')).toMatchObject({ frontmatter: '\nid: a', body: 'x\n# Q' });
    expect(splitFrontmatter('---\n---')).toEqual({ frontmatter: '', isEmpty: true, body: '', bodyLine: 2 });
  });

  it('marks frontmatter of blank lines and comments as empty', () => {
    expect(splitFrontmatter('---\n# note\n\n  # more\n---\n# Q').isEmpty).toBe(true);
    expect(splitFrontmatter('---\nid: a # note\n---\n# Q').isEmpty).toBe(false);
  });

  it('drops one more byte order mark', () => {
    expect(splitFrontmatter('\uFEFF---\nid: a\n---\n# Q')).toMatchObject({ frontmatter: '\nid: a', body: '# Q' });
  });

  it('refuses a language tag, behind a byte order mark too, and an unclosed block', () => {
    const tagged = { line: 1, message: 'frontmatter must be YAML (found "---js"); remove the language tag' };
    expect(errorOf('---js\n{}\n---\n# Q')).toEqual(tagged);
    expect(errorOf('\uFEFF---js\n{}\n---\n# Q')).toEqual(tagged);
    expect(errorOf('---\nid: a\n# Q')).toEqual({
      line: 1,
      message: 'frontmatter is not closed: add a line "---" after its last field',
    });
  });

  it('is what parseNote splits with, behind a second byte order mark too', async () => {
    expect(await parseNote('\uFEFF\uFEFF---\nid: x\n---\n# Q\nA', 'c.md')).toMatchObject({ note: { id: 'x' } });
    expect(await parseNote('\uFEFF\uFEFF---\nid: x\n# Q\nA', 'c.md')).toMatchObject({ problem: { line: 1 } });
  });
});
