import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCards } from '../../src/io/cards/card-files.js';
import { makeAnkiPackage, type FixturePackage, type FixtureNote } from '../support/anki-package.js';
import { cliEnv, runCli, testdir } from './helpers.js';

// `flashdeck import <package>` as users run it (build first), on packages made the way Anki makes them.

const NOTES: FixtureNote[] = [
  {
    guid: 'bA1|x+2',
    type: 'basic',
    fields: ['What is <b>ATP</b>?', 'The cell&#x27;s energy currency.'],
    tags: ['bio::cells', 'exam'],
    deck: 'Biology::Cells',
  },
  { guid: 'rV9#q', type: 'reversed', fields: ['chat', 'cat'], deck: 'French' },
  {
    guid: 'cZ3',
    type: 'cloze',
    fields: ['{{c1::Paris}} is the capital of {{c2::France}}.', 'Since 508.'],
    deck: 'Geography',
  },
  { guid: 'vK7', type: 'vocabulary', fields: ['Hund', 'dog', 'Der Hund bellt.'], deck: 'German' },
  {
    guid: 'mT1',
    type: 'basic',
    fields: ['Euler: \\(e^{i\\pi} + 1 = 0\\) and $a_1 * b_2$', 'yes'],
    deck: 'Biology::Cells',
  },
];

async function writePackage(dir: string, spec: FixturePackage, name = 'deck.apkg'): Promise<string> {
  const file = path.join(dir, name);
  writeFileSync(file, await makeAnkiPackage(spec));
  return file;
}

async function readDeck(root: string) {
  const { cards, problems } = await loadCards(root);
  expect(problems).toEqual([]);
  return cards;
}

describe('flashdeck import <Anki package>', () => {
  it('turns a legacy package into note files: decks as folders, guids as ids, tags, reverse and cloze notes', async () => {
    const dir = testdir();
    const file = await writePackage(dir, { version: 'legacy1', notes: NOTES });
    const out = path.join(dir, 'out');
    const { code, stdout, stderr } = runCli(['import', file, '--out', out], cliEnv(testdir()));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(
      `Imported 7 notes (9 cards: 6 basic, 1 reversed, 2 cloze), 0 media files and 0 reviews from ${file} (Anki package) into ${out}.\n`,
    );
    expect(readFileSync(path.join(out, 'Biology/Cells/what-is-atp.md'), 'utf8')).toBe(
      "---\nid: bA1|x+2\ntags: [bio::cells, exam]\n---\n\n# What is **ATP**?\n\nThe cell's energy currency.\n",
    );
    expect(readFileSync(path.join(out, 'French/chat.md'), 'utf8')).toBe(
      '---\nid: rV9#q\nreverse: true\n---\n\n# chat\n\ncat\n',
    );
    expect(readFileSync(path.join(out, 'Geography/paris-is-the-capital-of-france-since-508.md'), 'utf8')).toBe(
      '---\nid: cZ3\n---\n\n{{c1::Paris}} is the capital of {{c2::France}}.\n\nSince 508.\n',
    );
    expect(readFileSync(path.join(out, 'Biology/Cells/euler-e-i-pi-1-0-and-a-1-b-2.md'), 'utf8')).toContain(
      '# Euler: \\(e^{i\\pi} + 1 = 0\\) and $a_1 * b_2$\n',
    );
    const cards = await readDeck(out);
    expect(cards.map((card) => card.id).sort()).toEqual(
      ['bA1|x+2', 'rV9#q', 'rV9#q#reverse', 'cZ3#c1', 'cZ3#c2', 'vK7', 'vK7#card2', 'vK7#card3', 'mT1'].sort(),
    );
    const word = cards.find((card) => card.id === 'vK7');
    expect(word?.answer).toBe('**Meaning**\n\ndog\n\n**Example**\n\nDer Hund bellt.');
    expect(cards.find((card) => card.id === 'vK7#card2')?.question).toBe('dog');
    expect(cards.find((card) => card.id === 'vK7#card3')?.question).toBe('Der Hund bellt.');
  });
});
