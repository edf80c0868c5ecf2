import { describe, expect, it } from 'vitest';
import {
  clozeNumbers,
  findClozeDeletions,
  hideCloze,
  mayHoldClozeDeletions,
  plainCloze,
  revealCloze,
} from '../../../src/core/card/cloze.js';
import { removeClozeMarks, splitClozeMarks } from '../../../src/core/markdown/cloze-marks.js';

/** The deletions' numbers, texts and hints, the parts a test checks most. */
function readDeletions(text: string): [number, string, string | null][] {
  const { deletions, problems } = findClozeDeletions(text);
  expect(problems).toEqual([]);
  return deletions.map((deletion) => [deletion.number, deletion.text, deletion.hint]);
}

/** Marked text with its spans written out, so expectations read: `<hidden:…>`, `<revealed:Paris>`. */
function showMarks(text: string): string {
  return splitClozeMarks(text)
    .map((segment) => (segment.kind === 'plain' ? segment.text : `<${segment.kind}:${segment.text}>`))
    .join('');
}

describe('findClozeDeletions', () => {
  it('finds one deletion with its offsets', () => {
    const text = 'The capital of France is {{c1::Paris}}.';
    const { deletions } = findClozeDeletions(text);
    expect(deletions).toEqual([{ number: 1, start: 25, end: 38, text: 'Paris', hint: null }]);
    expect(text.slice(25, 38)).toBe('{{c1::Paris}}');
  });

  it('finds several deletions, some sharing a number, and hints', () => {
    expect(readDeletions('{{c1::Canberra}} is in {{c2::Australia::a country}}, {{c1::ACT}}')).toEqual([
      [1, 'Canberra', null],
      [2, 'Australia', 'a country'],
      [1, 'ACT', null],
    ]);
  });

  it('keeps every `::` after the first in the hint, as Anki does', () => {
    expect(readDeletions('{{c1::a::b::c}}')).toEqual([[1, 'a', 'b::c']]);
  });

  it('reads a deletion over several lines', () => {
    const { deletions } = findClozeDeletions('first\n{{c3::line one\nline two}}\nlast');
    expect(deletions.map((deletion) => [deletion.number, deletion.text])).toEqual([[3, 'line one\nline two']]);
  });

  it.each([
    ['a set', '{{c1::f = {a, b}}}', 'f = {a, b}'],
    ['LaTeX braces', '{{c1::$\\frac{1}{x^{2}}$}}', '$\\frac{1}{x^{2}}$'],
    ['braces without math', '{{c1::\\frac{1}{x^{2}}}}', '\\frac{1}{x^{2}}'],
  ])('lets nested braces (%s) not close the deletion', (_, text, content) => {
    expect(readDeletions(text)).toEqual([[1, content, null]]);
  });

  it.each([
    ['a code span with ::', '{{c1::`std::vec`}}', '`std::vec`', null],
    ['a code span with }}', '{{c1::`}}` ends it::hint}}', '`}}` ends it', 'hint'],
    ['a double-backtick code span', '{{c1::``a ` }} b``}}', '``a ` }} b``', null],
    ['inline math with ::', '{{c1::$a::b$::hint}}', '$a::b$', 'hint'],
    ['display math with }}', '{{c1::$$x}}y$$}}', '$$x}}y$$', null],
    ['\\( math \\) with ::', '{{c1::\\(a::b\\)::h}}', '\\(a::b\\)', 'h'],
  ])('treats %s as opaque', (_, text, content, hint) => {
    expect(readDeletions(text)).toEqual([[1, content, hint]]);
  });

  it('reads dollars that are not math ("$5 and $6") as text', () => {
    expect(readDeletions('{{c1::$5}} and {{c2::$6}}')).toEqual([
      [1, '$5', null],
      [2, '$6', null],
    ]);
  });

  it('reads a backtick that opens no code span as text', () => {
    expect(readDeletions('{{c1::a ` b}} c')).toEqual([[1, 'a ` b', null]]);
  });

  it('reads a backslash-escaped brace as text, not as syntax', () => {
    expect(readDeletions('{{c1::a \\{ b}}')).toEqual([[1, 'a \\{ b', null]]);
  });

  it('reads nested deletions (Anki 2.1.56) as deletions of their own', () => {
    expect(readDeletions('{{c1::outer {{c2::inner}} text}}')).toEqual([
      [1, 'outer {{c2::inner}} text', null],
      [2, 'inner', null],
    ]);
  });

  it('reports an unclosed deletion at its line, keeping the others', () => {
    const { deletions, problems } = findClozeDeletions('{{c1::fine}}\nsecond\n{{c2::never closed\nmore');
    expect(deletions.map((deletion) => deletion.text)).toEqual(['fine']);
    expect(problems).toEqual([
      { line: 3, message: 'unclosed cloze deletion {{c2::never closed more…: close it with }}' },
    ]);
  });

  it('keeps control characters of the note out of the message', () => {
    expect(findClozeDeletions('{{c1::\u001B[2Jx').problems[0]?.message).toBe(
      'unclosed cloze deletion {{c1::x…: close it with }}',
    );
  });

  it('reports a closing lost to an unbalanced brace as unclosed', () => {
    expect(findClozeDeletions('{{c1::a {b}}').problems).toEqual([
      { line: 1, message: expect.stringContaining('unclosed cloze deletion {{c1::') },
    ]);
  });

  it.each([
    ['number 0', 'x\n{{c0::zero}}', 2, 'cloze number 0 in {{c0::: numbers start at 1, as in {{c1::'],
    ['empty content', '{{c1::}}', 1, 'empty cloze deletion {{c1::}}: write the text to hide before }}'],
    [
      'blank content with a hint',
      '{{c2::  ::hint}}',
      1,
      'empty cloze deletion {{c2::}}: write the text to hide before }}',
    ],
  ])('reports %s and makes no deletion of it', (_, text, line, message) => {
    expect(findClozeDeletions(text)).toEqual({ deletions: [], problems: [{ line, message }] });
  });

  it('reports deletions nested too deep once', () => {
    const text = `${'{{c1::'.repeat(12)}x${'}}'.repeat(12)}`;
    const { deletions, problems } = findClozeDeletions(text);
    expect(problems).toEqual([{ line: 1, message: expect.stringContaining('nested more than 8 deep') }]);
    expect(deletions).toHaveLength(8);
  });

  it.each([
    ['template braces', 'Hello {{ name }}, {{name}}'],
    ['one colon', '{{c1:text}}'],
    ['a letter for the number', '{{cx::text}}'],
    ['Handlebars', '{{#if c1}}yes{{/if}} {{c}}'],
  ])('leaves %s alone', (_, text) => {
    expect(findClozeDeletions(text)).toEqual({ deletions: [], problems: [] });
  });

  it('returns on a megabyte of openings, code and math that never close', () => {
    const text = `${'{{c1::'.repeat(100_000)}${'`$\\( {'.repeat(50_000)}${'{{c2::a}} `` $x '.repeat(20_000)}`;
    const { problems } = findClozeDeletions(text);
    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringContaining('unclosed cloze deletion {{c1::'),
      expect.stringContaining('nested more than 8 deep'),
    ]);
  });

  it('returns on a megabyte of closed deletions, finding each', () => {
    const text = '{{c1::a `x` $y$}} } :: {{c2::b::h}}\n'.repeat(30_000);
    const { deletions, problems } = findClozeDeletions(text);
    expect(problems).toEqual([]);
    expect(deletions).toHaveLength(60_000);
  });
});

describe('mayHoldClozeDeletions', () => {
  it('is true for text with an opening and false for most notes', () => {
    expect(mayHoldClozeDeletions('a {{c1::b}}')).toBe(true);
    expect(mayHoldClozeDeletions('# What is a monad?\n\nA monoid in the category of endofunctors.')).toBe(false);
  });
});

describe('clozeNumbers', () => {
  it('gives each number once, ascending', () => {
    const { deletions } = findClozeDeletions('{{c3::a}} {{c1::b}} {{c3::c}} {{c10::d}} {{c2::e}}');
    expect(clozeNumbers(deletions)).toEqual([1, 2, 3, 10]);
  });
});

describe('hideCloze, revealCloze and plainCloze', () => {
  const text = '{{c1::Canberra}} is the capital of {{c2::Australia::a country}}; {{c1::ACT}}.';
  const { deletions } = findClozeDeletions(text);

  it('hide the card’s deletions, as … or their hint, and show the others as text', () => {
    expect(showMarks(hideCloze(text, deletions, 1))).toBe('<hidden:…> is the capital of Australia; <hidden:…>.');
    expect(showMarks(hideCloze(text, deletions, 2))).toBe('Canberra is the capital of <hidden:a country>; ACT.');
  });

  it('reveal the card’s deletions, marked, and show the others as text', () => {
    expect(showMarks(revealCloze(text, deletions, 1))).toBe(
      '<revealed:Canberra> is the capital of Australia; <revealed:ACT>.',
    );
    expect(showMarks(revealCloze(text, deletions, 2))).toBe('Canberra is the capital of <revealed:Australia>; ACT.');
  });

  it('plainCloze shows every deletion as its text, with no marks', () => {
    const plain = plainCloze(text, deletions);
    expect(plain).toBe('Canberra is the capital of Australia; ACT.');
    expect(removeClozeMarks(plain)).toBe(plain);
  });

  it('keep markdown and text around the deletions as written', () => {
    const note = '# Heading\n\n- `code` and {{c1::$x^{2}$}}\n';
    const found = findClozeDeletions(note).deletions;
    expect(showMarks(revealCloze(note, found, 1))).toBe('# Heading\n\n- `code` and <revealed:$x^{2}$>\n');
  });

  describe('with nested deletions', () => {
    const nested = 'A {{c1::big {{c2::red}} ball}} here';
    const found = findClozeDeletions(nested).deletions;

    it('hide the outer one whole, or only the inner one with the outer as text', () => {
      expect(showMarks(hideCloze(nested, found, 1))).toBe('A <hidden:…> here');
      expect(showMarks(hideCloze(nested, found, 2))).toBe('A big <hidden:…> ball here');
    });

    it('reveal either one marked, the other as text', () => {
      expect(showMarks(revealCloze(nested, found, 1))).toBe('A <revealed:big red ball> here');
      expect(showMarks(revealCloze(nested, found, 2))).toBe('A big <revealed:red> ball here');
    });

    it('mark a deletion inside one of its own number once, with the outer one', () => {
      const same = '{{c1::a {{c1::b}} c}}';
      const inner = findClozeDeletions(same).deletions;
      expect(revealCloze(same, inner, 1)).toBe('\uE002a b c\uE003');
    });
  });

  it('reveal a deletion over paragraphs as one span a paragraph, so markdown keeps both marked', () => {
    const note = 'Start {{c1::one\n\ntwo}} end';
    expect(showMarks(revealCloze(note, findClozeDeletions(note).deletions, 1))).toBe(
      'Start <revealed:one>\n\n<revealed:two> end',
    );
  });

  it('put a hint over several lines on one line', () => {
    const note = '{{c1::x::a\nhint}}';
    expect(showMarks(hideCloze(note, findClozeDeletions(note).deletions, 1))).toBe('<hidden:a hint>');
  });
});

describe('cloze marks', () => {
  it('removeClozeMarks takes the mark characters out of card text', () => {
    expect(removeClozeMarks('a\uE000b\uE001c\uE002d\uE003e')).toBe('abcde');
  });

  it('splitClozeMarks drops marks without a partner and marks inside a span', () => {
    expect(showMarks('a\uE001 b\uE000c\uE002d\uE001 e\uE002f')).toBe('a b<hidden:cd> ef');
  });

  it('splitClozeMarks stays linear on many opening marks without a close', () => {
    expect(removeClozeMarks(showMarks('\uE000'.repeat(200_000)))).toBe('');
  });
});
