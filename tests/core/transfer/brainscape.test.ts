import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../../src/core/card/parse.js';
import { isBrainscape, parseBrainscape } from '../../../src/core/transfer/brainscape.js';

const SEED = readFileSync('tests/fixtures/import/brainscape-seed.txt', 'utf8');
const BUNDLED = 'cards/optimization-in-neural-networks';

/** The bundled deck's cards, read by the real card parser. */
async function readBundledDeck() {
  const names = readdirSync(BUNDLED)
    .filter((name) => name.endsWith('.md'))
    .sort();
  const cards = [];
  for (const name of names) {
    const parsed = await parseNote(readFileSync(path.join(BUNDLED, name), 'utf8'), name);
    if ('problem' in parsed) throw new Error(parsed.problem.message);
    cards.push(...parsed.cards);
  }
  return cards;
}

const WIDGET = 'How well did you know this?\n1\nNot at all\n2\n3\n4\n5\nPerfectly\n';

describe('parseBrainscape', () => {
  it('reads the seed export into the bundled deck’s questions, answers and difficulties, in order', async () => {
    const { cards, problems, title } = parseBrainscape(SEED);
    expect(problems).toEqual([]);
    expect(title).toBe('Optimization in neural networks');
    const bundled = await readBundledDeck();
    expect(bundled).toHaveLength(11);
    expect(cards.map(({ question, answer, difficulty }) => ({ question, answer, difficulty }))).toEqual(
      bundled.map(({ question, answer, difficulty }) => ({ question, answer, difficulty })),
    );
  });

  it('reads an export with Windows line endings and a byte-order mark the same way', () => {
    expect(parseBrainscape(`\uFEFF${SEED.replace(/\n/g, '\r\n')}`)).toEqual(parseBrainscape(SEED));
  });

  it('starts each card at its number line', () => {
    const lines = SEED.split('\n');
    const { cards } = parseBrainscape(SEED);
    for (const card of cards) expect(lines[card.line]).toBe('Q');
  });

  it('turns flattened lists into markdown lists, keeping marked and numbered items', () => {
    const text = `Lists Flashcards\n\n1\nQ\n\nWhat are the steps? 🚀\n\nA\n\nIntro line.\n\n• first\n* second\n1. numbered\nplain\n\n${WIDGET}`;
    const { cards } = parseBrainscape(text);
    expect(cards).toEqual([
      {
        line: 3,
        question: 'What are the steps?',
        answer: 'Intro line.\n\n- first\n- second\n1. numbered\n- plain',
        difficulty: 'hard',
        reverse: false,
        tags: [],
        deck: '',
      },
    ]);
  });

  it('keeps a question of several lines, and a card without the rating widget at the end', () => {
    const text = `T Flashcards\n\n1\nQ\n\nA question\non two lines? 👶\n\nA\n\nYes.`;
    expect(parseBrainscape(text).cards[0]).toMatchObject({
      question: 'A question\non two lines?',
      answer: 'Yes.',
      difficulty: 'easy',
      reverse: false,
    });
  });

  it('does not take a number and a Q line inside an answer for the next card', () => {
    const text = `T Flashcards\n\n1\nQ\n\nWhich?\n\nA\n\nSee\n\n7\nQ\n\n${WIDGET}2\nQ\n\nNext?\n\nA\n\nYes.\n`;
    const { cards } = parseBrainscape(text);
    expect(cards.map((card) => card.question)).toEqual(['Which?', 'Next?']);
    expect(cards[0]?.answer).toBe('See\n\n- 7\n- Q');
  });

  it('reports a card without an A line or with an empty answer by its line, and keeps the others', () => {
    const text = `T Flashcards\n\n1\nQ\n\nNo answer line\n\n${WIDGET}2\nQ\n\nEmpty answer?\n\nA\n\n${WIDGET}3\nQ\n\nGood?\n\nA\n\nGood.\n`;
    const { cards, problems } = parseBrainscape(text);
    expect(cards.map((card) => card.question)).toEqual(['Good?']);
    expect(problems).toEqual([
      { line: 3, message: 'card 1 has no "A" line between its question and its answer' },
      { line: 16, message: 'card 2: the answer is empty' },
    ]);
  });
});

describe('isBrainscape', () => {
  it('recognises the numbered Q blocks, and nothing else', () => {
    expect(isBrainscape(SEED)).toBe(true);
    expect(isBrainscape('question,answer\n1,Q\n')).toBe(false);
    expect(isBrainscape('front\tback\n')).toBe(false);
  });
});
