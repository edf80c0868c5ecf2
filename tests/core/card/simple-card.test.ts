import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { parseFullNote } from '../../../src/core/card/full-card.js';
import { parseSimpleNote } from '../../../src/core/card/simple-card.js';
import { parseSimpleYaml } from '../../../src/core/card/simple-yaml.js';
import { createRandom } from '../../../scripts/seeded-random.mjs';

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const KEYS = ['id', 'tags', 'difficulty', 'question', 'author', 'my-key', 'a_b', 'null', 'True', 'x1', '1x', '_x', 'é'];
const VALUES = [
  'ml/adam',
  'adam',
  'two words',
  'a, b',
  'a,b',
  'easy',
  'Medium',
  '⭐️',
  '⭐',
  '🚀',
  '👶',
  'é',
  '日本語',
  'null',
  'Null',
  'NULL',
  'true',
  'False',
  'yes',
  'no',
  'on',
  'y',
  '~',
  '42',
  '-1',
  '+1',
  '1.5',
  '.5',
  '0x1F',
  '0o17',
  '1e3',
  '.inf',
  '.NaN',
  '2024-01-02',
  'a: b',
  'a:b',
  'a #b',
  'a#b',
  '#c',
  '"quoted"',
  "'single'",
  '"a',
  '[a, b]',
  '[a,b]',
  '[ a , b ]',
  '[]',
  '[ ]',
  '[a, ]',
  '[a,, b]',
  '[a, [b]]',
  '[a, {b: 1}]',
  '[a b, c]',
  '[null, a]',
  '[1, a]',
  '[a]]',
  '[a',
  '{a: 1}',
  '&anchor a',
  '*alias',
  '!tag a',
  '@at',
  '`tick`',
  '%pct',
  '|',
  '>',
  '?q',
  'q?',
  '-x',
  'x-',
  "it's",
  'say "hi"',
  'a\u00a0b',
  'a  b',
  'a\tb',
  'a\u200db',
  'a\u2028b',
  'x ',
  '<<',
  'What is C#?',
  'C#',
  '50%',
  'a(b)',
  'a [b]',
  'a {b}',
  'a |b',
  'a >b',
  'a &b',
];

function randomFrontmatter(random: () => number): string {
  const lines: string[] = [];
  const count = 1 + Math.floor(random() * 4);
  for (let index = 0; index < count; index += 1) {
    const roll = random();
    if (roll < 0.05) lines.push('');
    else if (roll < 0.08) lines.push(pick(random, ['# comment', '  - item', '\tid: x', 'key:', 'key :x', '...']));
    else {
      // Half the values are the everyday kind, so many cases take the simple path and are compared.
      const value = random() < 0.5 ? pick(random, VALUES.slice(0, 12)) : pick(random, VALUES);
      lines.push(`${pick(random, KEYS)}:${pick(random, [' ', ' ', '  ', ''])}${value}${pick(random, ['', '', ' '])}`);
    }
  }
  return `\n${lines.join('\n')}`;
}

describe('parseSimpleYaml', () => {
  it('reads the usual fields', () => {
    expect(parseSimpleYaml('\nid: ml/adam\ndifficulty: ⭐️\ntags: [adam, sgd]\n')).toEqual({
      id: 'ml/adam',
      difficulty: '⭐️',
      tags: ['adam', 'sgd'],
    });
    expect(parseSimpleYaml('\ntags: adam, sgd\nquestion: What is two words?')).toEqual({
      tags: 'adam, sgd',
      question: 'What is two words?',
    });
  });

  it('reads a long run of spaces inside a value in linear time', () => {
    const source = `\nquestion: Q${' '.repeat(200_000)}x  `;
    expect(parseSimpleYaml(source)).toBeNull();
    expect(parseSimpleYaml(`\nid: a b${' '.repeat(200_000)}`)).toEqual({ id: 'a b' });
  });

  it.each(['id: 42', 'id: "x"', 'id: true', 'tags:\n  - a', 'id: x\nid: y', 'tags: a: b', '# note\nid: x', 'id:'])(
    'leaves %j to the YAML parser',
    (source) => expect(parseSimpleYaml(source)).toBeNull(),
  );

  it('agrees with the YAML 1.2 core schema on every frontmatter it reads', () => {
    const random = createRandom(7);
    let read = 0;
    for (let index = 0; index < 4000; index += 1) {
      const source = randomFrontmatter(random);
      const fields = parseSimpleYaml(source);
      if (fields === null) continue;
      read += 1;
      expect(fields, source).toEqual(YAML.parseDocument(source, { schema: 'core' }).toJS() ?? {});
    }
    // Enough cases take the simple path for the comparison to mean something.
    expect(read).toBeGreaterThan(400);
  });
});

const OPENINGS = ['', '---\n', '---\n', '---\n', '----\n', '--- \n', '\uFEFF---\n', '\uFEFF\uFEFF---\n', '---js\n'];
const BODIES = [
  '# What is Adam?\n\nAn optimizer.\n',
  '\n\n# Q ⭐️\n\nA',
  '   # Q\nA',
  '#\tQ\nA',
  '# Q #\nA',
  '# C#\nA',
  '# Q 👶  \n\n\n- a\n- b',
  '#\nA',
  '# \nA',
  '## Q\nA',
  '    # Q\nA',
  'text\n# Q\nA',
  '```\n# x\n```\n# Q\nA',
  '# Q\u2028x\nA',
  '# Q\n',
  '# Q\n  \n',
  '  \n\t\n# Q\n\n    code',
  '# **Bold** question?\nA',
  '#Q\nA',
  '# Q\nA\n# Second\nB',
  '',
  'Title\n===\nA',
  '> # Q\nA',
  '# Q\u00a0#\nA',
];

describe('parseSimpleNote', () => {
  it('reads the usual cards without the full parser', () => {
    const text =
      '---\nid: ml/adam\ndifficulty: medium\ntags: [adam, sgd]\n---\n\n# What is Adam? 🚀\n\nAn optimizer.\n';
    expect(parseSimpleNote(text, 'ml/adam.md')).toEqual(parseFullNote(text, 'ml/adam.md'));
    expect(parseSimpleNote('# Q\n\nA\n', 'q.md')).not.toBeNull();
  });

  it('gives exactly what the full parser gives for every card it reads, problems and their lines included', () => {
    const random = createRandom(11);
    let read = 0;
    for (let index = 0; index < 4000; index += 1) {
      const opening = pick(random, OPENINGS);
      const frontmatter = opening ? `${randomFrontmatter(random).slice(1)}\n---\n` : '';
      let text = `${opening}${frontmatter}${pick(random, BODIES)}`;
      if (random() < 0.1) text = text.replace(/\n/g, '\r\n');
      const path = pick(random, ['deck/card.md', 'top.MD', 'a/b/c.md']);
      const simple = parseSimpleNote(text, path);
      if (simple === null) continue;
      read += 1;
      expect(simple, JSON.stringify(text)).toEqual(parseFullNote(text, path));
    }
    expect(read).toBeGreaterThan(300);
  });
});
