import { describe, expect, it } from 'vitest';
import type { Card } from '../../../src/core/card/card.js';
import { NO_QUESTION } from '../../../src/core/card/card.js';
import { parseFullNote } from '../../../src/core/card/full-card.js';
import { parseNote, type ParsedNote } from '../../../src/core/card/parse.js';
import { parseSimpleNote } from '../../../src/core/card/simple-card.js';
import { toPlainText } from '../../../src/core/markdown/text.js';

/** The cards of a note that must parse. */
async function cardsOf(text: string, path = 'bio/cell.md'): Promise<Card[]> {
  const parsed = await parseNote(text, path);
  if (!('cards' in parsed)) throw new Error(`unexpected problem: ${JSON.stringify(parsed.problem)}`);
  return parsed.cards;
}

/** Each card as the list shows it: id, kind, question and answer in plain text, identity text. */
const view = (cards: readonly Card[]) =>
  cards.map((card) => ({
    id: card.id,
    kind: card.kind,
    question: toPlainText(card.question),
    answer: toPlainText(card.answer),
    identityText: card.identityText,
  }));

const problemOf = (parsed: ParsedNote) => ('problem' in parsed ? parsed.problem : null);

const TWO = 'The {{c1::mitochondria}} is the {{c2::powerhouse::what?}} of the cell.\n';
const THREE = '{{c1::Oxygen}} and {{c2::glucose}} give {{c3::ATP}}, water and CO2.\n';
const SHARED = '{{c1::Paris}} is the capital of {{c1::France}}; {{c2::Berlin}} of Germany.\n';
const TITLED = '# Biology of {{c2::cells}}\n\nThe {{c1::nucleus}} holds DNA.\n';
const FRONTMATTER_QUESTION = '---\nquestion: Capital of {{c1::France}}?\n---\n\nIt is {{c2::Paris}}.\n';
const REVERSED = '---\nreverse: true\n---\n# What is the capital of France?\n\nParis.\n';
const REVERSED_CLOZE = '---\ntags: [geo]\nreverse: true\n---\n\nThe {{c1::sun}} rises in the east.\n';

describe('cards of a cloze note', () => {
  it('gives one card per deletion of a note with two, hiding that one ([…] or its hint) and revealing it in the answer', async () => {
    const cards = await cardsOf(TWO);
    expect(view(cards)).toEqual([
      {
        id: 'bio/cell#c1',
        kind: 'cloze',
        question: 'The […] is the powerhouse of the cell.',
        answer: 'The mitochondria is the powerhouse of the cell.',
        identityText: 'mitochondria',
      },
      {
        id: 'bio/cell#c2',
        kind: 'cloze',
        question: 'The mitochondria is the [what?] of the cell.',
        answer: 'The mitochondria is the powerhouse of the cell.',
        identityText: 'powerhouse',
      },
    ]);
    // Every card is the note's: siblings.
    expect(cards.map((card) => card.note)).toEqual(['bio/cell', 'bio/cell']);
  });

  it('gives three cards for three deletions, each hiding only its own', async () => {
    expect(view(await cardsOf(THREE))).toEqual([
      {
        id: 'bio/cell#c1',
        kind: 'cloze',
        question: '[…] and glucose give ATP, water and CO2.',
        answer: 'Oxygen and glucose give ATP, water and CO2.',
        identityText: 'Oxygen',
      },
      {
        id: 'bio/cell#c2',
        kind: 'cloze',
        question: 'Oxygen and […] give ATP, water and CO2.',
        answer: 'Oxygen and glucose give ATP, water and CO2.',
        identityText: 'glucose',
      },
      {
        id: 'bio/cell#c3',
        kind: 'cloze',
        question: 'Oxygen and glucose give […], water and CO2.',
        answer: 'Oxygen and glucose give ATP, water and CO2.',
        identityText: 'ATP',
      },
    ]);
  });

  it('gives deletions sharing a number one card that hides them all, its identity text naming each in order', async () => {
    const cards = view(await cardsOf(SHARED));
    expect(cards.map((card) => card.id)).toEqual(['bio/cell#c1', 'bio/cell#c2']);
    expect(cards[0]).toMatchObject({
      question: '[…] is the capital of […]; Berlin of Germany.',
      identityText: 'Paris … France',
    });
    expect(cards[1]).toMatchObject({
      question: 'Paris is the capital of France; […] of Germany.',
      identityText: 'Berlin',
    });
  });

  it('numbers cards by their deletion numbers, not by their order in the text', async () => {
    const cards = await cardsOf('{{c3::Late}} then {{c1::early}}.\n');
    expect(cards.map((card) => [card.id, card.identityText])).toEqual([
      ['bio/cell#c1', 'early'],
      ['bio/cell#c3', 'Late'],
    ]);
  });

  it('shows a `# ` title above every question, and in an answer only when it holds that card’s deletion', async () => {
    const cards = await cardsOf(TITLED);
    const [first, second] = cards;
    expect(view(cards)).toEqual([
      {
        id: 'bio/cell#c1',
        kind: 'cloze',
        question: 'Biology of cells The […] holds DNA.',
        answer: 'The nucleus holds DNA.',
        identityText: 'nucleus',
      },
      {
        id: 'bio/cell#c2',
        kind: 'cloze',
        question: 'Biology of […] The nucleus holds DNA.',
        answer: 'Biology of cells The nucleus holds DNA.',
        identityText: 'cells',
      },
    ]);
    expect(first?.question.startsWith('# Biology of cells\n\n')).toBe(true);
    expect(second?.answer.startsWith('# Biology of ')).toBe(true);
  });

  it('takes deletions only in the title as the cloze text: the text below is extra, shown with the answer only', async () => {
    const cards = await cardsOf('# The {{c1::heart}} pumps {{c2::blood}}\n\nIt beats about 70 times a minute.\n');
    expect(view(cards)).toEqual([
      {
        id: 'bio/cell#c1',
        kind: 'cloze',
        question: 'The […] pumps blood',
        answer: 'The heart pumps blood It beats about 70 times a minute.',
        identityText: 'heart',
      },
      {
        id: 'bio/cell#c2',
        kind: 'cloze',
        question: 'The heart pumps […]',
        answer: 'The heart pumps blood It beats about 70 times a minute.',
        identityText: 'blood',
      },
    ]);
    // A cloze title needs nothing below it.
    expect(view(await cardsOf('# {{c1::Canberra}} is the capital of Australia\n'))).toMatchObject([
      { question: '[…] is the capital of Australia', answer: 'Canberra is the capital of Australia' },
    ]);
    expect(problemOf(await parseNote('# Not {{c1:a}} cloze\n', 'x.md'))).toMatchObject({ message: /empty answer/ });
  });

  it('names a cloze card in lists by the paragraphs that hold its deletion; the quiz still shows the whole note', async () => {
    const [first, second] = await cardsOf(
      '# Cells\n\nCells are small.\n\nThe {{c1::nucleus}} holds DNA.\n\nRibosomes make {{c2::proteins}}.\n',
    );
    expect(first?.questionText).toBe('The […] holds DNA.');
    expect(second?.questionText).toBe('Ribosomes make […].');
    expect(toPlainText(first?.question ?? '')).toBe(
      'Cells Cells are small. The […] holds DNA. Ribosomes make proteins.',
    );
  });

  it('reads a note of deletions without a heading: its text is the question, its line the first with text', async () => {
    const parsed = await parseNote(`\n\n${TWO}`, 'bio/cell.md');
    expect('note' in parsed && parsed.note).toMatchObject({ question: '', line: 3, answerLine: 3 });
    expect('cards' in parsed && parsed.cards.map((card) => card.line)).toEqual([3, 3]);
  });

  it('reads deletions in a frontmatter `question:` as the title’s', async () => {
    const parsed = await parseNote(FRONTMATTER_QUESTION, 'geo/france.md');
    expect('note' in parsed && parsed.note).toMatchObject({ line: 2, answerLine: 5 });
    expect(view('cards' in parsed ? parsed.cards : [])).toEqual([
      {
        id: 'geo/france#c1',
        kind: 'cloze',
        question: 'Capital of […]? It is Paris.',
        answer: 'Capital of France? It is Paris.',
        identityText: 'France',
      },
      {
        id: 'geo/france#c2',
        kind: 'cloze',
        question: 'Capital of France? It is […].',
        answer: 'It is Paris.',
        identityText: 'Paris',
      },
    ]);
  });

  it('reports an unclosed deletion at its file line, below the frontmatter', async () => {
    const text = '---\nid: x\ntags: [a]\n---\n\nFirst line.\nSecond {{c1::open\n';
    expect(problemOf(await parseNote(text, 'x.md'))).toMatchObject({ path: 'x.md', line: 7 });
    expect(problemOf(await parseNote(text, 'x.md'))?.message).toMatch(/unclosed cloze deletion/);
  });

  it('reports an unclosed deletion in a title at the title’s line', async () => {
    const text = '---\nid: x\n---\n\n# Title {{c1::open\n\nThe {{c2::rest}}.\n';
    expect(problemOf(await parseNote(text, 'x.md'))).toMatchObject({ line: 5 });
  });

  it('takes `{{c1:x}}` for text, not a deletion: without a heading the note has no question', async () => {
    expect(problemOf(await parseNote('Just {{c1:x}} text.\n', 'x.md'))).toEqual({
      path: 'x.md',
      line: 1,
      message: NO_QUESTION,
    });
    // With a heading it is a basic card whose answer keeps the braces.
    const [basic] = await cardsOf('# Q\n\nJust {{c1:x}} text.\n', 'x.md');
    expect(basic).toMatchObject({ id: 'x', kind: 'basic', answer: 'Just {{c1:x}} text.', identityText: '' });
  });
});

describe('cards of a basic note', () => {
  it('gives one basic card under the note’s id, at the heading’s line', async () => {
    const cards = await cardsOf('---\nid: geo/paris\n---\n\n# Capital of France?\n\nParis.\n');
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ id: 'geo/paris', note: 'geo/paris', kind: 'basic', line: 5 });
  });

  it('adds the reversed card with `reverse: true`: question and answer swapped, under `<note>#reverse`', async () => {
    const parsed = await parseNote(REVERSED, 'geo/paris.md');
    expect('warnings' in parsed).toBe(false);
    expect(view('cards' in parsed ? parsed.cards : [])).toEqual([
      {
        id: 'geo/paris',
        kind: 'basic',
        question: 'What is the capital of France?',
        answer: 'Paris.',
        identityText: '',
      },
      {
        id: 'geo/paris#reverse',
        kind: 'reversed',
        question: 'Paris.',
        answer: 'What is the capital of France?',
        identityText: '',
      },
    ]);
    expect('cards' in parsed && parsed.cards.map((card) => [card.note, card.line])).toEqual([
      ['geo/paris', 4],
      ['geo/paris', 4],
    ]);
  });

  it('warns that `reverse: true` does nothing on a cloze note, at its line, and yields only the cloze cards', async () => {
    const parsed = await parseNote(REVERSED_CLOZE, 'sky/sun.md');
    expect('cards' in parsed && parsed.cards.map((card) => card.id)).toEqual(['sky/sun#c1']);
    expect('warnings' in parsed && parsed.warnings).toEqual([
      { path: 'sky/sun.md', line: 3, message: '"reverse: true" does nothing on a cloze note' },
    ]);
  });

  it('reports `reverse: maybe` at its line', async () => {
    const parsed = await parseNote('---\nid: y\nreverse: maybe\n---\n# Q\n\nA\n', 'y.md');
    expect(problemOf(parsed)).toEqual({
      path: 'y.md',
      line: 3,
      message: 'reverse must be true or false (found "maybe")',
    });
  });

  it('gives `reverse: false` no reversed card', async () => {
    expect((await cardsOf('---\nreverse: false\n---\n# Q\n\nA\n')).map((card) => card.id)).toEqual(['bio/cell']);
  });
});

describe('the two parsers on notes', () => {
  const NOTES = [
    TWO,
    THREE,
    SHARED,
    TITLED,
    FRONTMATTER_QUESTION,
    REVERSED,
    REVERSED_CLOZE,
    `\n\n${TWO}`,
    '---\nid: x\ntags: [a]\n---\n\nFirst line.\nSecond {{c1::open\n',
    '---\nid: x\n---\n\n# Title {{c1::open\n\nThe {{c2::rest}}.\n',
    'Just {{c1:x}} text.\n',
    '# Q\n\nJust {{c1:x}} text.\n',
    '---\nid: y\nreverse: maybe\n---\n# Q\n\nA\n',
    '---\nreverse: false\n---\n# Q\n\nA\n',
    '{{c3::Late}} then {{c1::early}}.\n',
  ];

  it.each(NOTES)('agree on %j whenever the fast path reads it', (text) => {
    const simple = parseSimpleNote(text, 'deck/note.md');
    if (simple !== null) expect(simple).toEqual(parseFullNote(text, 'deck/note.md'));
  });

  it('reads the notes without frontmatter (and with plain `id:`/`tags:` fields) on the fast path', () => {
    const read = NOTES.filter((text) => parseSimpleNote(text, 'deck/note.md') !== null);
    // Cloze notes without a heading, titled ones, problems: all on the fast path, so the comparison covers them.
    expect(read).toEqual(expect.arrayContaining([TWO, THREE, SHARED, TITLED, `\n\n${TWO}`, 'Just {{c1:x}} text.\n']));
    expect(read.length).toBeGreaterThanOrEqual(10);
  });
});
