import { describe, expect, it } from 'vitest';
import type { Card, CardProblem } from '../../../src/core/card/card.js';
import { parseNote } from '../../../src/core/card/parse.js';
import { parseFullNote } from '../../../src/core/card/full-card.js';

async function cardOf(text: string, path = 'deck/card.md'): Promise<Card> {
  const result = await parseNote(text, path);
  if ('problem' in result) throw new Error(`expected a card, got ${JSON.stringify(result.problem)}`);
  return result.cards[0] as Card;
}

async function problemOf(text: string, path = 'deck/card.md'): Promise<CardProblem> {
  const result = await parseNote(text, path);
  if (!('problem' in result)) throw new Error(`expected a problem, got ${JSON.stringify(result.cards)}`);
  return result.problem;
}

describe('parseNote: question and answer', () => {
  it('takes the question from the first level-1 heading and the answer after it', async () => {
    const card = await cardOf('# What is **SGD**?\n\nStochastic *gradient* descent.\n\n## Details\n\nMore.\n');
    expect(card).toEqual({
      id: 'deck/card',
      note: 'deck/card',
      kind: 'basic',
      line: 1,
      deck: 'deck',
      path: 'deck/card.md',
      difficulty: null,
      tags: [],
      question: 'What is **SGD**?',
      questionText: 'What is SGD?',
      answer: 'Stochastic *gradient* descent.\n\n## Details\n\nMore.',
      identityText: '',
    });
  });

  it('takes the question from frontmatter, with the whole body as the answer', async () => {
    const card = await cardOf('---\nquestion: Why normalise inputs?\n---\n\n# Not the question\n\nBecause.\n');
    expect(card.question).toBe('Why normalise inputs?');
    expect(card.answer).toBe('# Not the question\n\nBecause.');
  });

  it('keeps a multi-line frontmatter question', async () => {
    const card = await cardOf('---\nquestion: |\n  Given this code:\n\n      x = 1\n\n  what is x?\n---\nOne.\n');
    expect(card.question).toBe('Given this code:\n\n    x = 1\n\nwhat is x?');
  });

  it('ignores a "# " line inside a fenced code block', async () => {
    const card = await cardOf('```sh\n# not a question\n```\n\n# The question\n\nThe answer\n');
    expect(card.question).toBe('The question');
  });

  it('ignores setext and level-2 headings', async () => {
    expect((await problemOf('Title\n=====\n\n## Sub\n\ntext\n')).message).toMatch(/^no question/);
  });

  it('keeps the indent of a code block that starts the answer', async () => {
    expect((await cardOf('# Q\n\n    code\n  \n')).answer).toBe('    code');
  });

  it('reads CRLF files and a byte order mark', async () => {
    const card = await cardOf('\uFEFF---\r\nid: crlf\r\ntags: [a]\r\n---\r\n# Question ⭐️\r\n\r\nLine 1\r\nLine 2\r\n');
    expect(card).toMatchObject({ id: 'crlf', question: 'Question', answer: 'Line 1\nLine 2', difficulty: 'medium' });
  });

  it('ignores unknown fields and accepts an empty frontmatter', async () => {
    expect((await cardOf('---\nauthor: me\nsource: book\n---\n# Q\nA')).id).toBe('deck/card');
    expect((await cardOf('---\n---\n# Q\nA')).question).toBe('Q');
    expect((await cardOf('---\n# just a comment\n---\n# Q\nA')).question).toBe('Q');
  });
});

describe('parseNote: difficulty', () => {
  it.each([
    ['# Q 👶\nA', 'easy'],
    ['# Q ⭐️\nA', 'medium'],
    ['# Q ⭐\nA', 'medium'],
    ['# Q🚀  \nA', 'hard'],
    ['---\nquestion: Long question 🚀\n---\nA', 'hard'],
  ])('reads the trailing emoji of %j and removes it', async (text, difficulty) => {
    const card = await cardOf(text);
    expect(card.difficulty).toBe(difficulty);
    expect(card.question).toMatch(/^(Q|Long question)$/);
  });

  it('lets the frontmatter win over the emoji, which is still removed', async () => {
    const card = await cardOf('---\ndifficulty: hard\n---\n# Q 👶\nA');
    expect(card).toMatchObject({ difficulty: 'hard', question: 'Q' });
  });

  it.each(['easy', 'Medium', '🚀', '⭐', '⭐️'])('accepts difficulty %j in frontmatter', async (value) => {
    expect((await cardOf(`---\ndifficulty: "${value}"\n---\n# Q\nA`)).difficulty).not.toBeNull();
  });

  it('only strips an emoji at the end', async () => {
    expect(await cardOf('# 🚀 launch?\nA')).toMatchObject({ question: '🚀 launch?', difficulty: null });
  });

  it('reports an unknown difficulty at its line, naming the allowed values', async () => {
    expect(await problemOf('---\nid: x\ndifficulty: purple\n---\n# Q\nA')).toEqual({
      path: 'deck/card.md',
      line: 3,
      message: 'unknown difficulty "purple": use 👶/easy, ⭐️/medium or 🚀/hard',
    });
    expect((await problemOf('---\ndifficulty: 3\n---\n# Q\nA')).message).toMatch(/^unknown difficulty 3:/);
  });
});

describe('parseNote: id, deck and tags', () => {
  it('defaults the id to the path without .md, and the deck to its folder', async () => {
    expect(await cardOf('# Q\nA', 'ml/optim/adam.MD')).toMatchObject({ id: 'ml/optim/adam', deck: 'ml/optim' });
    expect(await cardOf('# Q\nA', 'top.md')).toMatchObject({ id: 'top', deck: '.', path: 'top.md' });
  });

  it('accepts a text or numeric id', async () => {
    expect((await cardOf('---\nid: " ml/adam "\n---\n# Q\nA')).id).toBe('ml/adam');
    expect((await cardOf('---\nid: 42\n---\n# Q\nA')).id).toBe('42');
  });

  it.each([
    ['id:', 2, /^id is empty/],
    ['id: ""', 2, /^id is empty/],
    ['id: [a, b]', 2, /^id must be text/],
    ['id: true', 2, /^id must be text/],
    ['tags: [ok]\nid: {a: 1}', 3, /^id must be text/],
  ])('rejects %j', async (field, line, message) => {
    const problem = await problemOf(`---\n${field}\n---\n# Q\nA`);
    expect(problem.line).toBe(line);
    expect(problem.message).toMatch(message);
  });

  it('reads tags from a list or a comma-separated string, trimmed and deduplicated', async () => {
    expect((await cardOf('---\ntags: [adam, " sgd ", 2024, adam, ""]\n---\n# Q\nA')).tags).toEqual([
      'adam',
      'sgd',
      '2024',
    ]);
    expect((await cardOf('---\ntags: adam, sgd ,, adam\n---\n# Q\nA')).tags).toEqual(['adam', 'sgd']);
    expect((await cardOf('---\ntags:\n  - a\n  - b\n---\n# Q\nA')).tags).toEqual(['a', 'b']);
  });

  it('rejects tags that are objects', async () => {
    expect(await problemOf('---\nid: x\ntags: {a: 1}\n---\n# Q\nA')).toMatchObject({
      line: 3,
      message: expect.stringMatching(/^tags must be a list/),
    });
    expect((await problemOf('---\ntags: [a, {b: 1}]\n---\n# Q\nA')).message).toMatch(/^tags must be a list/);
  });

  it('keeps YAML dates as text', async () => {
    expect((await cardOf('---\nid: 2024-01-02\n---\n# Q\nA')).id).toBe('2024-01-02');
  });
});

describe('parseNote: invalid frontmatter', () => {
  it.each(['---js', '---javascript', '--- js', '---coffee', '---json', '---JS', '---yaml'])(
    'rejects the language tag %j without evaluating it',
    async (tag) => {
      const problem = await problemOf(`${tag}\n{ question: (globalThis.__pwned = true) && "Q" }\n---\n# Q\nA`);
      expect(problem).toEqual({
        path: 'deck/card.md',
        line: 1,
        message: `frontmatter must be YAML (found "${tag}"); remove the language tag`,
      });
      expect((globalThis as { __pwned?: boolean }).__pwned).toBeUndefined();
    },
  );

  it('rejects a language tag after any whitespace (any that String#trim removes)', async () => {
    expect((await problemOf('---\u00A0js\n{ id: "x" }\n---\n# Q\nA')).message).toMatch(/^frontmatter must be YAML/);
    expect((await problemOf('---\u000Bjs\n{ id: "x" }\n---\n# Q\nA')).message).toMatch(/^frontmatter must be YAML/);
  });

  it('treats a line of four dashes as markdown, not frontmatter', async () => {
    expect((await cardOf('----\n\n# Q\n\nA')).question).toBe('Q');
  });

  it('reports bad YAML at its line in the file', async () => {
    expect(await problemOf('---\nid: x\ntags: a: b\n---\n# Q\nA')).toMatchObject({
      line: 3,
      message: expect.stringMatching(/^invalid YAML in frontmatter: .*nested mappings/i),
    });
    expect(await problemOf('---\nid: x\nid: y\n---\n# Q\nA')).toMatchObject({
      line: 3,
      message: expect.stringMatching(/unique/),
    });
    expect((await problemOf('---\nid: x\n\tdifficulty: easy\n---\n# Q\nA')).line).toBe(3);
    expect((await problemOf('---\nid: x\ntags: [a, b\n---\n# Q\nA')).line).toBe(3);
  });

  it('rejects YAML aliases, so an alias bomb fails fast', async () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let level = 1; level < 9; level++) {
      const prev = String.fromCharCode(96 + level);
      const next = String.fromCharCode(97 + level);
      levels.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const problem = await problemOf(`---\n${levels.join('\n')}\n---\n# Q\nA`);
    expect(problem).toMatchObject({ line: 3, message: expect.stringMatching(/aliases .* not allowed/) });
  });

  it('rejects frontmatter that is a list or a single value', async () => {
    expect(await problemOf('---\n- a\n- b\n---\n# Q\nA')).toMatchObject({
      line: 1,
      message: expect.stringMatching(/^frontmatter must be fields/),
    });
    expect((await problemOf('---\njust text\n---\n# Q\nA')).message).toMatch(/^frontmatter must be fields/);
  });

  it('reports a missing closing ---', async () => {
    expect(await problemOf('---\nid: x\n# Q\n\nA\n')).toEqual({
      path: 'deck/card.md',
      line: 1,
      message: 'frontmatter is not closed: add a line "---" after its last field',
    });
    expect((await problemOf('---')).line).toBe(1);
  });
});

describe('parseNote: missing parts', () => {
  it('reports no question at line 1', async () => {
    expect(await problemOf('Just some text.\n')).toEqual({
      path: 'deck/card.md',
      line: 1,
      message: 'no question: start the card with a "# Question" heading or set "question:" in the frontmatter',
    });
    expect((await problemOf('')).message).toMatch(/^no question/);
    expect((await problemOf('---\nid: x\n---\n# ⭐️\nA')).message).toMatch(/^no question/);
  });

  it('reports an empty answer at the heading line', async () => {
    expect(await problemOf('---\nid: x\n---\n\n# Lonely question\n\n  \n')).toEqual({
      path: 'deck/card.md',
      line: 5,
      message: 'empty answer: write the answer below the question',
    });
    expect((await problemOf('---\nid: x\nquestion: Q\n---\n')).line).toBe(3);
  });

  it('finds the trailing emoji after a long run of spaces (a linear-time pattern)', async () => {
    expect((await cardOf(`---\nquestion: "Q${' '.repeat(200_000)}⭐x"\n---\nA`)).question).toMatch(/⭐x$/);
  });

  it('rejects a question field that is not text', async () => {
    expect(await problemOf('---\nquestion: [a]\n---\nA')).toMatchObject({
      line: 2,
      message: expect.stringMatching(/^question must be text/),
    });
  });
});

describe('parseNote: unknown fields', () => {
  it('loads the card and warns about each misspelt field at its line, with the field it was meant to be', async () => {
    const text = '---\nid: x\ntag: [adam]\ndificulty: hard\n---\n# Q\n\nA\n';
    const result = await parseNote(text, 'deck/card.md');
    expect(result).toMatchObject({ note: { id: 'x', tags: [], difficulty: null } });
    expect('warnings' in result && result.warnings).toEqual([
      { path: 'deck/card.md', line: 3, message: 'unknown field "tag" (did you mean "tags"?)' },
      { path: 'deck/card.md', line: 4, message: 'unknown field "dificulty" (did you mean "difficulty"?)' },
    ]);
    expect(parseFullNote(text, 'deck/card.md')).toEqual(result);
  });

  it('names the fields flashdeck reads when nothing is close', async () => {
    const result = await parseNote('---\n"mo.od(": happy\n---\n# Q\n\nA\n', 'card.md');
    expect('warnings' in result && result.warnings).toEqual([
      {
        path: 'card.md',
        line: 2,
        message: 'unknown field "mo.od(" (flashdeck reads id, question, difficulty, tags, reverse)',
      },
    ]);
  });

  it('takes the fields other tools keep in notes without a warning', async () => {
    const fields = [
      'aliases: [a]',
      'cssclasses: [wide]',
      'created: 2024-01-02',
      'Title: T',
      'source: book',
      'publish: true',
      'sr-due: 2024-02-01',
      'sr-interval: 3',
      'sr-ease: 250',
      'categories: [x]',
    ];
    const result = await parseNote(`---\n${fields.join('\n')}\n---\n# Q\n\nA\n`, 'card.md');
    expect(result).not.toHaveProperty('warnings');
    expect(result).toHaveProperty('cards');
  });
});
