import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAnki } from '../../../src/core/transfer/anki.js';

const fields = (text: string) =>
  parseAnki(text).cards.map(({ question, answer, tags }) => ({ question, answer, tags }));

describe('parseAnki, as Anki reads its text files', () => {
  it('reads the HTML the Anki editor writes: <div> lines, <br>, &nbsp; (a real export)', () => {
    const { cards, problems } = parseAnki(readFileSync('tests/fixtures/import/anki-editor-html.txt', 'utf8'));
    expect(problems).toEqual([]);
    expect(cards).toHaveLength(12);
    expect(cards.slice(0, 1)).toEqual([
      {
        line: 5,
        id: 'iX%t[@Gf`7',
        question: 'Excuse me',
        answer: 'Disculpe (getting attention)\\\nPerdone (begging pardon)',
        difficulty: null,
        reverse: false,
        tags: ['Spanish'],
        deck: '',
      },
    ]);
    expect(cards.find((card) => card.question === 'to speak')?.answer).toBe(
      'a vorbi\n\neu vorbesc\\\ntu vorbesti\\\nel / ea vorbeste',
    );
    expect(cards.every((card) => !/<|&nbsp;/.test(card.question + card.answer))).toBe(true);
  });

  it('names fields with #columns: the question and answer by name, other fields under their names', () => {
    const text =
      '#separator:tab\n#html:false\n#columns:Context\tBack\tFront\tTags\nAt a café\tThank you\tGracias\tpolite\n';
    expect(fields(text)).toEqual([
      { question: 'Gracias', answer: 'Thank you\n\n**Context:** At a café', tags: ['polite'] },
    ]);
  });

  it('makes the reversed card of a "Basic (optional reversed card)" note only when its Add Reverse field is filled', () => {
    const text =
      '#separator:tab\n#html:false\n#notetype column:1\nBasic (optional reversed card)\tperro\tdog\ty\nBasic (optional reversed card)\tgato\tcat\t\nBasic (and reversed card)\tcasa\thouse\n';
    expect(parseAnki(text).cards.map(({ question, answer, reverse }) => ({ question, answer, reverse }))).toEqual([
      { question: 'perro', answer: 'dog', reverse: true },
      { question: 'gato', answer: 'cat', reverse: false },
      { question: 'casa', answer: 'house', reverse: true },
    ]);
  });

  it('reads a first row naming the fields (Front, Back) as #columns:, not as a note', () => {
    expect(fields('#separator:tab\n#html:true\nBack\tFront\tTags\nperro\tdog\tanimals\n')).toEqual([
      { question: 'dog', answer: 'perro', tags: ['animals'] },
    ]);
  });

  it('takes tags only from #tags column: or a column named tags, never from a spare field', () => {
    const text = '#separator:semicolon\n#html:false\n#tags column:3\nQ;A;geo europe;Example sentence with words\n';
    expect(fields(text)).toEqual([
      { question: 'Q', answer: 'A\n\nExample sentence with words', tags: ['geo', 'europe'] },
    ]);
    expect(fields('#separator:tab\nQ\tA\tan example sentence\n')).toEqual([
      { question: 'Q', answer: 'A\n\nan example sentence', tags: [] },
    ]);
  });

  it('reads a note whose first field holds {{cN:: deletions as a cloze note, whatever its note type', () => {
    const text =
      '#separator:tab\n#html:true\n#columns:Text\tBack Extra\n{{c1::Canberra}} is the capital of {{c2::Australia}}\t<i>not Sydney</i>\n';
    expect(fields(text)).toEqual([
      { question: '', answer: '{{c1::Canberra}} is the capital of {{c2::Australia}}\n\n*not Sydney*', tags: [] },
    ]);
    expect(fields('#notetype:Cloze\n#separator:tab\nText {{c1::here}}\textra\n')[0]?.question).toBe('');
  });

  it('drops the question a "Cards in Plain Text" export repeats above <hr id=answer> in each answer', () => {
    const html =
      '#separator:tab\n#html:true\nCapital of <b>Peru</b>?\t"Capital of <b>Peru</b>?\n\n<hr id=answer>\n\nLima"\n';
    expect(fields(html)).toEqual([{ question: 'Capital of **Peru**?', answer: 'Lima', tags: [] }]);
    const plain = '#separator:tab\n#html:false\nCapital of Peru?\tCapital of Peru? Lima\n2 + 2?\t2 + 2? 4\n';
    expect(fields(plain)).toEqual([
      { question: 'Capital of Peru?', answer: 'Lima', tags: [] },
      { question: '2 + 2?', answer: '4', tags: [] },
    ]);
  });

  it('keeps LaTeX exactly and makes [sound:] and <img> media references', () => {
    const text = String.raw`#separator:tab
#html:true
Is \(\mathbb{R}\) countable?	No: $|\mathbb{R}| = 2^{\aleph_0}$ [sound:cantor.mp3]<br><img src="diagonal.png">
`;
    expect(fields(text)).toEqual([
      {
        question: String.raw`Is \(\mathbb{R}\) countable?`,
        answer: String.raw`No: $|\mathbb{R}| = 2^{\aleph_0}$ [sound: cantor.mp3](cantor.mp3)` + '\\\n![](diagonal.png)',
        tags: [],
      },
    ]);
  });
});
