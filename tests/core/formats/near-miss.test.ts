import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../src/core/card/parse.js';
import { findSharedQuestions } from '../../../src/core/formats/near-miss.js';
import { makeCard } from '../../support/make-card.js';

/** The problem `lint` reports for a file, as parseFile gives it. */
async function problemOf(text: string): Promise<string> {
  const parsed = await parseFile(text, 'deck.md');
  if (!('problem' in parsed)) throw new Error(`no problem: ${JSON.stringify(parsed)}`);
  return `${parsed.problem.line}: ${parsed.problem.message}`;
}

describe('a file that is nearly a card of another tool', () => {
  it.each([
    [
      'a Q: without an A:',
      'Intro\n\nQ: What is 2+2?\n\nNotes\n',
      '3: looks like a hashcards deck but no "A:" line follows its "Q:"',
    ],
    [
      'a Front heading without a Back',
      '## Front\n\nWhat is X?\n',
      '1: looks like a Front/Back note but has no "Back" heading',
    ],
    [
      'a note tagged for flashcards that holds none',
      '---\ntags: [flashcards]\n---\nJust prose.\n',
      '1: looks like an Obsidian spaced-repetition note but holds no card: write question::answer on one line, or a "?" line between question and answer',
    ],
    [
      "a reader's own problem",
      'C: nothing hidden here\n',
      '1: looks like a hashcards deck: This C: card hides nothing: put the hidden part in brackets, as in "C: The capital of France is [Paris]."',
    ],
  ])('names the tool and what is missing: %s', async (_name, text, expected) => {
    expect(await problemOf(text)).toBe(expected);
  });

  it("keeps flashdeck's own message for a file that looks like no other tool's", async () => {
    expect(await problemOf('Just a note.\n')).toMatch(/^1: no question: start the card with a "# Question" heading/);
  });
});

describe('findSharedQuestions', () => {
  const asked = (path: string, question: string, line: number) =>
    makeCard({ id: `${path}#${line}`, path, questionText: question, line });

  it('finds a file where three cards or more, half of its cards at least, ask one question', () => {
    const cards = [
      asked('ki.md', 'Note', 1),
      asked('ki.md', 'note', 9),
      asked('ki.md', 'Note', 17),
      asked('ki.md', 'What is DNA?', 25),
      asked('fine.md', 'Note', 1),
      asked('fine.md', 'Note', 5),
    ];
    expect(findSharedQuestions(cards)).toEqual([{ path: 'ki.md', line: 1, question: 'Note', cards: 3, of: 4 }]);
  });

  it('leaves alone a file where few of many cards share a question, and cloze cards of one sentence', () => {
    const many = Array.from({ length: 10 }, (_, index) => asked('big.md', index < 3 ? 'Define' : `Q${index}`, index));
    const cloze = Array.from({ length: 4 }, (_, index) =>
      makeCard({ id: `n#c${index + 1}`, kind: 'cloze', path: 'n.md', questionText: 'The [...] of [...]' }),
    );
    expect(findSharedQuestions([...many, ...cloze])).toEqual([]);
  });
});
