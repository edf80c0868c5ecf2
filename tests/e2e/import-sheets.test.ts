import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCards } from '../../src/io/cards/card-files.js';
import { cliEnv, runCli, testdir } from './helpers.js';

// `flashdeck import` on the text and spreadsheet files learners have, as they run it (build first).

const FIXTURES = path.resolve('tests/fixtures/import');

/** Imports a file with no options into a new folder; the cards written, which `lint` must accept. */
async function importAndLint(file: string, args: string[] = []) {
  const out = path.join(testdir(), 'deck');
  const env = cliEnv(testdir());
  const imported = runCli(['import', file, '--out', out, ...args], env);
  const lint = runCli(['lint', '--cards', out], env);
  expect(lint.code).toBe(0);
  const { notes, problems } = await loadCards(out);
  expect(problems).toEqual([]);
  return { ...imported, notes, out };
}

describe('flashdeck import, text and spreadsheet files', () => {
  it('guesses a semicolon-separated vocabulary list and imports every row', async () => {
    const { code, stdout, stderr, notes } = await importAndLint(path.join(FIXTURES, 'semicolon-vocabulary.txt'));
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Imported 20 cards from .*semicolon-vocabulary\.txt \(csv, semicolon-separated\) into /);
    expect(notes.find((note) => note.question === 'Bereich')?.answer).toBe('område - area/section/field');
  });

  it('reads a TSV with unknown column names: its Tags column as tags, the other columns labelled', async () => {
    const { code, stderr, notes } = await importAndLint(path.join(FIXTURES, 'chinese-slang.tsv'));
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(notes).toHaveLength(12);
    expect(notes.find((note) => note.question === '菜鸟')).toMatchObject({
      answer: 'càiniǎo\n\n**English:** noob / newbie\n\n**Note:** Casual internet-style term. Can be teasing.',
      tags: ['slang', 'internet-slang', 'production-ready'],
    });
  });

  it("turns the Anki editor's HTML into markdown cards that hold no HTML", async () => {
    const { code, stderr, notes } = await importAndLint(path.join(FIXTURES, 'anki-editor-html.txt'));
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(notes).toHaveLength(12);
    expect(notes.filter((note) => /<\/?[a-z]|&nbsp;/i.test(note.question + note.answer))).toEqual([]);
    expect(notes.find((note) => note.id === 'Pbw<sL8z:?')?.answer).toBe('Adiós\\\nHasta luego');
  });

  it('reads a pipe-separated file with --separator and --columns, keeping LaTeX and sound as written', async () => {
    const dir = testdir({
      'physics.txt': String.raw`Formel|Name|Thema
\(E = mc^2\)|mass–energy equivalence|relativity
$F = m a$ [sound:newton.mp3]|Newton's second law|mechanics
`,
    });
    const { code, stdout, notes } = await importAndLint(path.join(dir, 'physics.txt'), [
      '--separator',
      'pipe',
      '--columns',
      'answer,question,tags',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('Imported 2 cards');
    expect(notes.map(({ question, answer, tags }) => ({ question, answer, tags }))).toEqual(
      expect.arrayContaining([
        { question: 'mass–energy equivalence', answer: String.raw`\(E = mc^2\)`, tags: ['relativity'] },
        { question: "Newton's second law", answer: '$F = m a$ [sound: newton.mp3](newton.mp3)', tags: ['mechanics'] },
      ]),
    );
  });

  it('reports a row whose card the card parser would refuse as a bad row, and writes the others', async () => {
    const dir = testdir({ 'deep.csv': `question,answer\nFine?,Yes\nDeep?,"${'> '.repeat(150)}quote"\n` });
    const { code, stderr, out } = await importAndLint(path.join(dir, 'deep.csv'));
    expect(code).toBe(0);
    expect(stderr).toContain(`deep.csv:3: its card would not load (markdown nested more than 100 levels deep`);
    expect(stderr).toContain('skipped 1 row with problems');
    expect(readdirSync(out)).toEqual(['fine.md']);
  });

  it('says what a binary file is instead of asking to save it as UTF-8, and writes nothing', () => {
    const dir = testdir();
    writeFileSync(path.join(dir, 'cards.pdf'), Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'));
    const out = path.join(dir, 'out');
    const { code, stderr } = runCli(['import', path.join(dir, 'cards.pdf'), '--out', out], cliEnv(testdir()));
    expect(code).toBe(2);
    expect(stderr).toBe(
      `error: ${dir}/cards.pdf is a PDF document, not a text export: import a CSV, TSV or text export of your cards.\n`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('suggests --separator for a file whose rows split too unevenly to guess, and refuses a bad --separator', () => {
    const dir = testdir({ 'notes.txt': 'Hund;dog\nThe dog barks at night.\nIt is loud.\nVery loud.\n' });
    const env = cliEnv(testdir());
    const unknown = runCli(['import', path.join(dir, 'notes.txt'), '--out', dir], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      `error: cannot tell the format of ${dir}/notes.txt: it looks like a semicolon-separated file, but most rows do not split; pass --separator ';' to read it so, or --format brainscape, csv, tsv, anki.\n`,
    );
    const bad = runCli(['import', path.join(dir, 'notes.txt'), '--out', dir, '--separator', 'dash'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'error: --separator "dash" is not a separator: use tab, comma, semicolon, pipe, colon, space or one character.\n',
    );
  });
});
