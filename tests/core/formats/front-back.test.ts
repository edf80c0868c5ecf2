import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFrontBack, recognizeFrontBack } from '../../../src/core/formats/front-back.js';

const fixture = (name: string) => readFileSync(`tests/fixtures/collections/${name}`, 'utf8');

describe('recognizeFrontBack', () => {
  it('recognizes the mankidown fixtures', () => {
    expect(recognizeFrontBack(fixture('front-back/revelaction-mankidown-basic.md'))).toBe(true);
    expect(recognizeFrontBack(fixture('front-back/revelaction-mankidown-cloze.md'))).toBe(true);
  });

  it('recognizes "# Front"/"# Back" and "# Text" with a deletion, with CRLF line ends', () => {
    expect(recognizeFrontBack('# Front\r\nq\r\n# Back\r\na\r\n')).toBe(true);
    expect(recognizeFrontBack('# Text\nThe {{c1::Rhine}}\n')).toBe(true);
  });

  it('refuses a flashdeck card, a ki note, a "# Text" without a deletion and a lone "# Front"', () => {
    expect(recognizeFrontBack(fixture('../cards/every-feature.md'))).toBe(false);
    expect(recognizeFrontBack(fixture('ki/langfield-ki-air.md'))).toBe(false);
    expect(recognizeFrontBack('# Text\nA plain text section.\n')).toBe(false);
    expect(recognizeFrontBack('# Front\nThe front page of the paper.\n')).toBe(false);
  });
});

describe('readFrontBack on the mankidown fixtures', () => {
  it('basic.md: 3 basic notes at their "# " lines; the later ones name no field', () => {
    const { notes, problems } = readFrontBack(fixture('front-back/revelaction-mankidown-basic.md'));
    expect(problems).toEqual([]);
    expect(notes.map((note) => note.line)).toEqual([1, 20, 38]);
    expect(notes.every((note) => note.tags.length === 0 && note.id === undefined && !note.reverse)).toBe(true);
    expect(notes[0]?.question).toBe(
      'Which mankidown flag below (XXX) should you use to indicate the note type (in this case Cloze):\n\n' +
        '```console\n$ mankidown --deck mydeck --XXX Basic mynotes.md\n\n```',
    );
    expect(notes[0]?.answer).toBe(
      '```console\n$ mankidown --deck mydeck --note-type Basic mynotes.md\n\n```\n\nThe short version of the flag is `-n`',
    );
    expect(notes[1]?.question).toMatch(/^Which mankidown flag below should you use to indicate the anki deck:/);
    expect(notes[2]?.answer).toMatch(/--tag anki mynotes\.md\n\n```\n\nThe short version of the flag is `-t`$/);
  });

  it('cloze.md: 4 cloze notes, deletions inside code kept, Extra appended', () => {
    const { notes, problems } = readFrontBack(fixture('front-back/revelaction-mankidown-cloze.md'));
    expect(problems).toEqual([]);
    expect(notes.map((note) => [note.line, note.question])).toEqual([
      [1, ''],
      [15, ''],
      [29, ''],
      [43, ''],
    ]);
    expect(notes[0]?.answer).toBe(
      'Which mankidown flag below should you use to indicate the note type (in this case Cloze):\n\n' +
        '```console\n$ mankidown --deck mydeck --{{c1::note-type}} Cloze mynotes.md\n\n```\n\n' +
        'The short version of the flag is `-n`',
    );
    expect(notes[3]?.answer).toContain('{{c1::--tag mankidown --tag anki}}');
    expect(notes[3]?.answer).toMatch(/\n\nThe tag `--tag`, `-t` can be repeated\.$/);
  });
});

describe('readFrontBack', () => {
  it('reads one note per file with frontmatter id, tags and deck', () => {
    const text =
      '---\nid: capital-fr\ntags: [geo, europe]\ndeck: world\n---\n\n# Front\nCapital of France?\n\n# Back\nParis\n';
    expect(readFrontBack(text)).toEqual({
      format: 'front-back',
      notes: [
        {
          line: 7,
          question: 'Capital of France?',
          answer: 'Paris',
          reverse: false,
          tags: ['geo', 'europe'],
          deck: 'world',
          id: 'capital-fr',
        },
      ],
      problems: [],
    });
  });

  it('reads frontmatter tags as a YAML list, and mankidown tags from the "# " line', () => {
    const text = '---\ntags:\n  - geo\n  - "europe"\n---\n# rivers hard\n## Front\nq\n## Back\na\n';
    expect(readFrontBack(text).notes[0]?.tags).toEqual(['geo', 'europe', 'rivers', 'hard']);
  });

  it('reads "# Text"/"# Extra" as a cloze note and keeps a title heading out of the fields', () => {
    const text = '# Rivers\n\n# Text\nThe {{c1::Rhine}} flows {{c2::north}}.\n\n# Extra\nSee a map.\n';
    expect(readFrontBack(text).problems).toEqual([]);
    expect(readFrontBack(text).notes).toEqual([
      {
        line: 3,
        question: '',
        answer: 'The {{c1::Rhine}} flows {{c2::north}}.\n\nSee a map.',
        reverse: false,
        tags: [],
      },
    ]);
  });

  it('starts a note at every third unnamed field heading when no "# " line separates the notes', () => {
    const text = '## Front\nq1\n## Back\na1\n##\nq2\n## \na2\n';
    expect(readFrontBack(text).notes.map((note) => [note.line, note.question, note.answer])).toEqual([
      [1, 'q1', 'a1'],
      [5, 'q2', 'a2'],
    ]);
  });

  it('reads several "# Front"/"# Back" pairs; a frontmatter id names no note of several', () => {
    const text =
      '---\nid: pairs\n---\n# Front\nq1\n# Back\na1\n# Front\nq2\n# Back\na2\n## Detail\nkept in the answer\n';
    const { notes } = readFrontBack(text);
    expect(notes.map((note) => [note.line, note.question, note.answer, note.id])).toEqual([
      [4, 'q1', 'a1', undefined],
      [8, 'q2', 'a2\n## Detail\nkept in the answer', undefined],
    ]);
  });

  it('names extra fields in the answer and reads CRLF files', () => {
    const text = '# Front\r\nq\r\n\r\n# Back\r\na\r\n\r\n# Source\r\nthe atlas\r\n';
    expect(readFrontBack(text).notes[0]?.answer).toBe('a\n\n**Source**\n\nthe atlas');
  });

  it('flags a note without a back, an empty front and a Text without a deletion', () => {
    expect(readFrontBack('# Front\nq\n').problems).toEqual([{ line: 1, message: expect.stringContaining('# Back') }]);
    expect(readFrontBack('# Front\n\n# Back\na\n').problems).toEqual([
      { line: 1, message: expect.stringContaining('empty') },
    ]);
    const cloze = readFrontBack('# Text\nnothing hidden\n# Extra\nx\n');
    expect(cloze.notes).toEqual([]);
    expect(cloze.problems).toEqual([{ line: 1, message: expect.stringContaining('{{c1::…}}') }]);
    const empty = readFrontBack('# \n## Front\nq\n## Back\na\n# \n');
    expect(empty.notes).toHaveLength(1);
    expect(empty.problems).toEqual([{ line: 6, message: expect.stringContaining('no "# Front"') }]);
    expect(readFrontBack('# Question\nanswer\n').problems).toEqual([
      { line: 1, message: expect.stringContaining('# Front') },
    ]);
  });
});
