import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readKi, recognizeKi } from '../../../src/core/formats/ki.js';

const fixture = (name: string) => readFileSync(`tests/fixtures/collections/${name}`, 'utf8');

const note = (metadata: string, fields: string) =>
  `# Note\n\`\`\`\nguid: g1\n${metadata}\n\`\`\`\n\n### Tags\n\`\`\`\nmath\n\`\`\`\n\n${fields}`;

describe('recognizeKi', () => {
  it('recognizes the ki fixtures', () => {
    for (const name of ['langfield-ki-air.md', 'langfield-ki-good-first2.md', 'langfield-ki-hello-my-enemy.md']) {
      expect(recognizeKi(fixture(`ki/${name}`))).toBe(true);
    }
  });

  it('recognizes a plain metadata block and CRLF line ends', () => {
    expect(recognizeKi('# Note\r\nguid: abc\r\nnotetype: Basic\r\n\r\n## Front\r\nq\r\n')).toBe(true);
  });

  it('refuses other files: a flashdeck card, mankidown, Logseq, a "# Note" without a guid', () => {
    expect(recognizeKi(fixture('../cards/every-feature.md'))).toBe(false);
    expect(recognizeKi(fixture('front-back/revelaction-mankidown-basic.md'))).toBe(false);
    expect(recognizeKi(fixture('logseq/nikneal91-knowledge_graph-logseq___faq.md'))).toBe(false);
    expect(recognizeKi('# Note\n\nSome thoughts.\n')).toBe(false);
  });
});

describe('readKi on the fixtures', () => {
  it('air.md: 1 basic note, its guid, no tags, the raw HTML answer kept', () => {
    expect(readKi(fixture('ki/langfield-ki-air.md'))).toEqual({
      format: 'ki',
      notes: [
        {
          line: 1,
          question: 'air',
          answer: '<!DOCTYPE html>\n<title></title>\n<img src="bullhorn-lg.png">',
          reverse: false,
          tags: [],
          id: '0264082cacae4f58cf0523a6c8541e2328819415',
        },
      ],
      problems: [],
    });
  });

  it('hello-my-enemy.md: 1 basic note whose guid has punctuation', () => {
    const { notes, problems } = readKi(fixture('ki/langfield-ki-hello-my-enemy.md'));
    expect(problems).toEqual([]);
    expect(notes).toEqual([
      { line: 1, question: 'hello my enemy', answer: 'goodbye', reverse: false, tags: [], id: 'vgqWE;]I@M' },
    ]);
  });

  it('good-first2.md: 2 notes split at "---", odd field headings, 4 tags each; the repeated guid is flagged', () => {
    const { notes, problems } = readKi(fixture('ki/langfield-ki-good-first2.md'));
    const tags = ['heimdall', 'thor', 'loki', '4387'];
    expect(notes).toEqual([
      { line: 1, question: 'r', answer: 's', reverse: false, tags, id: 'ce4ae46e098506c6c' },
      { line: 22, question: 'r', answer: 's', reverse: false, tags },
    ]);
    expect(problems).toEqual([{ line: 22, message: expect.stringContaining('note at line 1') }]);
  });
});

describe('readKi', () => {
  it('reads several notes of one file, each at its "# Note" line', () => {
    const text = `${note('notetype: Basic', '## Front\nq1\n\n## Back\na1\n')}\n${note('notetype: Basic', '## Front\nq2\n\n## Back\na2\n').replace('g1', 'g2')}`;
    const { notes } = readKi(text);
    expect(notes.map((n) => [n.line, n.id, n.question, n.answer])).toEqual([
      [1, 'g1', 'q1', 'a1'],
      [18, 'g2', 'q2', 'a2'],
    ]);
  });

  it('keeps a Cloze note\'s "{{c1::…}}" text and appends "Back Extra" to it', () => {
    const { notes } = readKi(
      note('notetype: Cloze', '## Text\nThe {{c1::Rhine}} flows north.\n\n## Back Extra\nSee a map.\n'),
    );
    expect(notes).toEqual([
      {
        line: 1,
        question: '',
        answer: 'The {{c1::Rhine}} flows north.\n\nSee a map.',
        reverse: false,
        tags: ['math'],
        id: 'g1',
      },
    ]);
  });

  it('flags a Cloze note without a deletion', () => {
    const { notes, problems } = readKi(note('notetype: Cloze', '## Text\nNo deletion here.\n'));
    expect(notes).toEqual([]);
    expect(problems).toEqual([{ line: 1, message: expect.stringContaining('{{c1::…}}') }]);
  });

  it('names the answer fields of other note types and keeps headings inside fenced code as text', () => {
    const fields = '## Word\nHund\n\n## Meaning\ndog\n\n## Example\n```sh\n## not a field\n```\n';
    const [read] = readKi(note('notetype: Vocabulary', fields)).notes;
    expect(read?.question).toBe('Hund');
    expect(read?.answer).toBe('**Meaning**\n\ndog\n\n**Example**\n\n```sh\n## not a field\n```');
  });

  it('makes the reversed card of "Basic (and reversed card)" and of a filled "Add Reverse" field', () => {
    const both = readKi(note('notetype: Basic (and reversed card)', '## Front\nq\n\n## Back\na\n')).notes[0];
    expect(both?.reverse).toBe(true);
    const optional = '## Front\nq\n\n## Back\na\n\n## Add Reverse\ny\n';
    expect(readKi(note('notetype: Basic (optional reversed card)', optional)).notes[0]).toMatchObject({
      answer: 'a',
      reverse: true,
    });
    const off = optional.replace('y\n', '');
    expect(readKi(note('notetype: Basic (optional reversed card)', off)).notes[0]?.reverse).toBe(false);
  });

  it('reads a plain metadata block and CRLF line ends', () => {
    const text = '# Note\r\nguid: abc\r\nnotetype: Basic\r\n\r\n## Front\r\nq\r\n\r\n## Back\r\na\r\n';
    expect(readKi(text).notes).toEqual([{ line: 1, question: 'q', answer: 'a', reverse: false, tags: [], id: 'abc' }]);
  });

  it('flags a note without fields or with an empty question, and a file without a note', () => {
    expect(readKi(note('notetype: Basic', '')).problems).toEqual([
      { line: 1, message: expect.stringContaining('## Front') },
    ]);
    expect(readKi(note('notetype: Basic', '## Front\n\n## Back\na\n')).problems).toEqual([
      { line: 1, message: expect.stringContaining('empty') },
    ]);
    expect(readKi('just text\n')).toEqual({
      format: 'ki',
      notes: [],
      problems: [{ line: 1, message: expect.stringContaining('# Note') }],
    });
  });
});
