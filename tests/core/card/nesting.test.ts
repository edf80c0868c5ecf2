import { Chalk } from 'chalk';
import { Lexer } from 'marked';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  findDeepMarkdown,
  findDeepYaml,
  MAX_EMPHASIS_OPENERS,
  MAX_EMPHASIS_PER_CARD,
  MAX_NESTING,
} from '../../../src/core/card/nesting.js';
import { parseFullNote } from '../../../src/core/card/full-card.js';
import { parseNote } from '../../../src/core/card/parse.js';
import { parseSimpleNote } from '../../../src/core/card/simple-card.js';
import { toPlainText } from '../../../src/core/markdown/text.js';
import { renderMarkdown } from '../../../src/render/markdown.js';

const flowList = (depth: number) => `tags: ${'['.repeat(depth)}x${']'.repeat(depth)}`;
const blockMap = (depth: number) =>
  Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' x';
const nestedList = (depth: number, indent = '  ') =>
  Array.from({ length: depth }, (_, i) => `${indent.repeat(i)}- item`).join('\n');
const nestedEmphasis = (depth: number) => `${'*a '.repeat(depth)}x${' a*'.repeat(depth)}`;

describe('findDeepYaml', () => {
  it('accepts nesting up to the limit and YAML that is not nested', () => {
    expect(findDeepYaml('id: a\ntags: [x, y]\nquestion: |\n  text\n')).toBeNull();
    expect(findDeepYaml(flowList(MAX_NESTING - 1))).toBeNull();
    expect(findDeepYaml(blockMap(MAX_NESTING - 1))).toBeNull();
  });

  it.each([
    ['flow lists', flowList(MAX_NESTING + 1)],
    ['flow maps', `a: ${'{b: '.repeat(MAX_NESTING + 1)}c${'}'.repeat(MAX_NESTING + 1)}`],
    ['block maps', blockMap(MAX_NESTING + 1)],
    ['block sequences', `a:\n${'- '.repeat(MAX_NESTING + 1)}x`],
  ])('finds %s nested past the limit', (_kind, yaml) => {
    expect(findDeepYaml(yaml)).toEqual(expect.any(Number));
  });

  it('reads 10,000 levels without recursing, where the YAML composer itself overflows', () => {
    const yaml = flowList(10_000);
    // The map holding `tags` is the first level, so the list at level MAX_NESTING + 1 is the (MAX_NESTING)th `[`.
    expect(findDeepYaml(yaml)).toBe('tags: '.length + MAX_NESTING - 1);
    expect(YAML.parseDocument(yaml).errors[0]?.message).toMatch(/call stack/);
  });
});

describe('findDeepMarkdown', () => {
  it('accepts ordinary markdown, snake_case and bold words', () => {
    const text =
      '# Q\n\n- a\n  - b\n    > quote\n\n1. one\n2. two\n\n**bold** and _it_ and snake_case_name and a*b*c\n\n---\n';
    expect(findDeepMarkdown(text)).toBeNull();
  });

  it.each([
    ['indented lists', nestedList(MAX_NESTING + 1), MAX_NESTING + 1],
    ['lists indented by tabs', nestedList(MAX_NESTING, '\t'), MAX_NESTING / 2 + 1],
    ['quotes', `${'>'.repeat(MAX_NESTING + 1)} deep`, 1],
    ['list markers on one line', `${'- '.repeat(MAX_NESTING)}x`, 1],
    ['ordered and quoted items', `${'> 1. '.repeat(MAX_NESTING)}x`, 1],
  ])('finds %s nested past the limit', (_kind, markdown, line) => {
    expect(findDeepMarkdown(markdown)).toEqual({
      line,
      message: expect.stringMatching(/nested more than \d+ levels deep/),
    });
  });

  it.each([
    ['a run of markers', `${'*'.repeat(MAX_EMPHASIS_OPENERS + 1)}x${'*'.repeat(MAX_EMPHASIS_OPENERS + 1)}`, 1],
    ['nested spans', nestedEmphasis(MAX_EMPHASIS_OPENERS + 1), 1],
    ['spans over many lines', `text\n${'~~a\n'.repeat(MAX_EMPHASIS_OPENERS / 2 + 1)}`, MAX_EMPHASIS_OPENERS / 2 + 2],
    ['markers after escaped backslashes', `${'\\\\*a '.repeat(MAX_EMPHASIS_OPENERS + 1)}`, 1],
  ])('finds too many emphasis openers in one paragraph: %s', (_kind, markdown, line) => {
    expect(findDeepMarkdown(markdown)).toEqual({ line, message: expect.stringMatching(/emphasis markers/) });
  });

  it('counts emphasis per paragraph', () => {
    const paragraph = nestedEmphasis(MAX_EMPHASIS_OPENERS / 2);
    expect(findDeepMarkdown(`${paragraph}\n\n${paragraph}`)).toBeNull();
  });

  it('caps emphasis markers over the whole card, so many busy paragraphs cannot take marked minutes', () => {
    const paragraph = nestedEmphasis(MAX_EMPHASIS_OPENERS / 2);
    const paragraphs = MAX_EMPHASIS_PER_CARD / (MAX_EMPHASIS_OPENERS / 2) + 1;
    expect(findDeepMarkdown(Array.from({ length: paragraphs }, () => paragraph).join('\n\n'))).toEqual({
      line: 2 * paragraphs - 1,
      message: expect.stringMatching(/in one card: split it/),
    });
  });

  it('lets every parser and renderer read the deepest markdown it accepts', () => {
    const deepest = `${nestedList(MAX_NESTING - 1)}\n${'  '.repeat(MAX_NESTING - 1)}  ${nestedEmphasis(MAX_EMPHASIS_OPENERS / 2 - 1)}`;
    expect(findDeepMarkdown(deepest)).toBeNull();
    expect(() => Lexer.lex(deepest)).not.toThrow();
    expect(toPlainText(deepest)).toContain('x');
    expect(renderMarkdown(deepest, 80, new Chalk({ level: 0 }))).toContain('x');
  });
});

describe('cards nested too deeply', () => {
  it('are reported at the line, by both parsers, instead of overflowing the stack', () => {
    const deepBody = `# Question\n\nAnswer\n\n${'>'.repeat(5000)} deep\n`;
    for (const parse of [parseFullNote, parseSimpleNote]) {
      expect(parse(deepBody, 'deep.md')).toEqual({
        problem: { path: 'deep.md', line: 5, message: expect.stringMatching(/nested more than/) },
      });
    }
    const deepEmphasis = `# Question ${'*a '.repeat(3000)}\n\nAnswer\n`;
    expect(parseSimpleNote(deepEmphasis, 'q.md')).toEqual({
      problem: { path: 'q.md', line: 1, message: expect.stringMatching(/emphasis/) },
    });
  });

  it('reports deep frontmatter and a deep question field at their lines', async () => {
    expect(await parseNote(`---\nid: a\n${flowList(10_000)}\n---\n# Q\n\nA\n`, 'f.md')).toEqual({
      problem: {
        path: 'f.md',
        line: 3,
        message: `frontmatter nested more than ${MAX_NESTING} levels deep: flatten it`,
      },
    });
    const question = JSON.stringify(nestedEmphasis(MAX_EMPHASIS_OPENERS + 1));
    expect(await parseNote(`---\nid: a\nquestion: ${question}\n---\nAnswer\n`, 'q.md')).toMatchObject({
      problem: { line: 3 },
    });
  });
});
