import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/core/card/card.js';
import { loadCards } from '../../src/io/cards/card-files.js';
import { cardFile, cliEnv, runCli, testdir } from './helpers.js';

// `flashdeck import` and `flashdeck export` as users run them (build first): real files, a private store.

const FIXTURES = path.resolve('tests/fixtures/import');
const SEED = path.join(FIXTURES, 'brainscape-seed.txt');

/** Every card under `root`, keyed fields only, sorted by question; fails on any invalid card file. */
async function readDeck(root: string, fields: (keyof Card)[]) {
  const { cards, problems } = await loadCards(root);
  expect(problems).toEqual([]);
  return cards
    .map((card) => Object.fromEntries(fields.map((field) => [field, card[field]])))
    .sort((a, b) => String(a.question).localeCompare(String(b.question)));
}

describe('flashdeck import', () => {
  it('imports the Brainscape seed into cards equal to the bundled deck (question, answer, difficulty)', async () => {
    const out = path.join(testdir(), 'nn');
    const { code, stdout, stderr } = runCli(['import', SEED, '--out', out], cliEnv(testdir()));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(`Imported 11 cards from ${SEED} (brainscape) into ${out}.\n`);
    const fields: (keyof Card)[] = ['question', 'answer', 'difficulty'];
    expect(await readDeck(out, fields)).toEqual(await readDeck('cards/optimization-in-neural-networks', fields));
    expect(readFileSync(path.join(out, 'whats-the-learning-rate.md'), 'utf8')).toBe(
      '---\nid: optimization-in-neural-networks/whats-the-learning-rate\ndifficulty: easy\n---\n\n# What’s the learning rate?\n\n' +
        'The learning rate is an important hyperparameter that controls how quickly the model is adapted to the problem during the training. ' +
        'It can be seen as the “step width” during the parameter updates, i.e. how far the weights are moved into the direction of the minimum of our optimization problem.\n',
    );
  });

  it('keeps existing files unless --force, and --dry-run writes nothing', () => {
    const out = testdir();
    const env = cliEnv(testdir());
    const preview = runCli(['import', SEED, '--out', out, '--dry-run'], env);
    expect(preview.code).toBe(0);
    expect(readdirSync(out)).toEqual([]);
    expect(preview.stdout).toContain(`==> ${path.join(out, 'how-to-set-the-learning-rate.md')} (new) <==\n---\nid: `);
    expect(preview.stdout).toMatch(/Dry run: would import 11 cards .* nothing was written\.\n$/);

    expect(runCli(['import', SEED, '--out', out], env).code).toBe(0);
    const file = path.join(out, 'how-to-set-the-learning-rate.md');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, '# Edited\n\nby hand\n');
    const again = runCli(['import', SEED, '--out', out], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Imported 0 cards');
    expect(again.stderr).toMatch(/^warning: kept 11 existing files \(--force replaces them\): .* and 6 more\n$/);
    expect(readFileSync(file, 'utf8')).toBe('# Edited\n\nby hand\n');
    expect(runCli(['import', SEED, '--out', out, '--dry-run', '--force'], env).stdout).toContain(
      '(replaces the existing file)',
    );
    expect(runCli(['import', SEED, '--out', out, '--force'], env).stdout).toContain('Imported 11 cards');
    expect(readFileSync(file, 'utf8')).toBe(original);
  });

  it('imports a CSV, reporting each bad row by its line and keeping the good ones', async () => {
    const out = path.join(testdir(), 'words');
    const { code, stdout, stderr } = runCli(['import', path.join(FIXTURES, 'cards.csv'), '-o', out], cliEnv(testdir()));
    expect(code).toBe(0);
    expect(stdout).toContain('Imported 4 cards');
    expect(stderr.split('\n')).toEqual([
      `warning: ${FIXTURES}/cards.csv:5: expected a question and an answer separated by a comma, found 1 field`,
      `warning: ${FIXTURES}/cards.csv:7: the question is empty`,
      `warning: ${FIXTURES}/cards.csv:8: unknown difficulty "extreme": use 👶/easy, ⭐️/medium or 🚀/hard`,
      'warning: skipped 3 rows with problems (listed above)',
      '',
    ]);
    expect(await readDeck(out, ['id', 'question', 'answer', 'tags', 'difficulty'])).toEqual([
      {
        id: `words/has-quotes`,
        question: 'Has "quotes"?',
        answer: 'Yes: "like this"',
        tags: ['quotes', 'csv'],
        difficulty: 'hard',
      },
      {
        id: `words/name-two-primes`,
        question: 'Name two primes',
        answer: '- 2\n- 3',
        tags: ['math'],
        difficulty: null,
      },
      { id: `words/trailing-emoji`, question: 'Trailing emoji', answer: 'A hard one', tags: [], difficulty: 'hard' },
      {
        id: `words/what-is-2-plus-2`,
        question: 'What is 2, plus 2?',
        answer: 'Four, of course.\n\n**Notes:** ignored',
        tags: ['math', 'arithmetic'],
        difficulty: 'easy',
      },
    ]);
  });

  it('imports an Anki notes export into deck folders, with the guid as id and Cloze notes as cloze notes', async () => {
    const out = testdir();
    const { code, stderr } = runCli(['import', path.join(FIXTURES, 'anki-notes.txt'), '--out', out], cliEnv(testdir()));
    expect(code).toBe(0);
    expect(stderr).toBe(
      `warning: ${FIXTURES}/anki-notes.txt:10: the answer is empty\nwarning: skipped 1 row with problems (listed above)\n`,
    );
    const { notes, cards } = await loadCards(out);
    expect(
      notes
        .map(({ id, deck, question, answer }) => ({ id, deck, question, answer }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    ).toEqual([
      { id: 'a1B2c3', deck: 'Spanish/Verbs', question: '**hablar**', answer: 'to speak\\\nto talk' },
      { id: 'd4E5f6', deck: 'Spanish/Verbs', question: 'comer', answer: 'to eat\n\n- como\n- comes' },
      { id: 'g7H8i9', deck: 'Spanish', question: '', answer: '{{c1::ser}} is to be' },
      { id: 'm4N5o6', deck: 'Spanish', question: 'multi line & *quoted*', answer: 'answer here\n\nsecond `para`' },
    ]);
    expect(cards.find((card) => card.note === 'g7H8i9')).toMatchObject({ id: 'g7H8i9#c1', kind: 'cloze' });
  });

  it('reads standard input with -, and --format overrides the guess', () => {
    const out = testdir();
    const { code, stdout } = runCli(
      ['import', '-', '--out', out, '--format', 'tsv'],
      cliEnv(testdir()),
      'One, two?\tThree\n',
    );
    expect(code).toBe(0);
    expect(stdout).toBe(`Imported 1 card from standard input (tsv) into ${out}.\n`);
    expect(readdirSync(out)).toEqual(['one-two.md']);
  });

  it.each([
    [['import', 'nope.csv', '--out', 'x'], 2, 'error: cannot read nope.csv (no such file): name a file to read.'],
    [['import', SEED], 2, "error: required option '-o, --out <dir>' not specified"],
    [
      ['import', SEED, '--out', 'x', '--format', 'xml'],
      2,
      "error: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are brainscape, csv, tsv, anki.",
    ],
  ])('%j exits %i with one message', (args, exitCode, message) => {
    const { code, stderr } = runCli(args, cliEnv(testdir()));
    expect(code).toBe(exitCode);
    expect(stderr.split('\n')[0]).toBe(message);
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it('exits 2 when the format cannot be guessed, and 1 when no row is a card', () => {
    const dir = testdir({ 'notes.txt': 'Just prose.\n', 'bad.csv': 'question,answer\n,\nonly\n' });
    const unknown = runCli(['import', path.join(dir, 'notes.txt'), '--out', dir], cliEnv(testdir()));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      `error: cannot tell the format of ${dir}/notes.txt: no separator (tab, pipe, semicolon, comma) splits its lines into a question and an answer; pass --separator or --format brainscape, csv, tsv, anki.\n`,
    );
    const empty = runCli(['import', path.join(dir, 'bad.csv'), '--out', path.join(dir, 'out')], cliEnv(testdir()));
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('bad.csv:3: expected a question and an answer');
    expect(empty.stderr).toMatch(
      /error: no card could be imported from .*bad\.csv \(read as csv\); nothing was written\.\n$/,
    );
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});

/** A deck with the card features an export must carry: folders, ids, tags, difficulty, markdown, a multi-line question. */
const DECK = {
  'intro.md': cardFile(
    'What does **bold** look like?',
    'Like **this**, with `code`:\n\n```js\nconst a = "b,\tc";\n```',
    'tags: [basics, "machine learning"]\ndifficulty: easy',
  ),
  'ml/adam.md': cardFile(
    'What does Adam adapt? ⭐️',
    'A learning rate per parameter.\n\n- fast\n- robust',
    'id: adam-optimizer\ntags: adam, optimizers',
  ),
  'ml/deep/backprop.md':
    '---\nquestion: |-\n  Two lines,\n  one "question"\ndifficulty: hard\n---\n\nThe chain rule, applied layer by layer.\n',
};
const CARD_FIELDS: (keyof Card)[] = ['id', 'deck', 'difficulty', 'tags', 'question', 'answer'];

describe('flashdeck export', () => {
  it('exports to TSV and imports back to the same cards', async () => {
    const cards = testdir(DECK);
    const dir = testdir();
    const env = cliEnv(testdir());
    const exported = runCli(['export', '--cards', cards, '--format', 'tsv', '--out', path.join(dir, 'deck.tsv')], env);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toBe(`Exported 3 notes (3 cards) to ${dir}/deck.tsv (tsv).\n`);
    const imported = runCli(['import', path.join(dir, 'deck.tsv'), '--out', path.join(dir, 'again')], env);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('Imported 3 cards');
    expect(await readDeck(path.join(dir, 'again'), CARD_FIELDS)).toEqual(await readDeck(cards, CARD_FIELDS));
  });

  it('writes CSV to standard output for the matching cards only', () => {
    const { code, stdout } = runCli(
      ['export', '--cards', testdir(DECK), '--format', 'csv', '-d', 'hard'],
      cliEnv(testdir()),
    );
    expect(code).toBe(0);
    expect(stdout).toBe(
      'question,answer,tags,difficulty,id,deck,reverse\n"Two lines,\none ""question""","The chain rule, applied layer by layer.",,hard,ml/deep/backprop,ml/deep,false\n',
    );
  });

  it('writes an Anki file with HTML answers, and takes the format from the --out extension', () => {
    const dir = testdir();
    const { code } = runCli(
      ['export', '--cards', testdir(DECK), '--deck', 'ml', '--out', path.join(dir, 'ml.txt')],
      cliEnv(testdir()),
    );
    expect(code).toBe(0);
    const text = readFileSync(path.join(dir, 'ml.txt'), 'utf8');
    expect(text).toMatch(/^#separator:tab\n#html:true\n/);
    expect(text).toContain(
      'adam-optimizer\tBasic\tWhat does Adam adapt?\t"<p>A learning rate per parameter.</p>\n<ul>\n<li>fast</li>\n<li>robust</li>\n</ul>"\tadam optimizers\n',
    );
  });

  it('never replaces an existing --out file without --force, and needs a format', () => {
    const dir = testdir({ 'out.csv': 'mine' });
    const cards = testdir(DECK);
    const refused = runCli(['export', '--cards', cards, '--out', path.join(dir, 'out.csv')], cliEnv(testdir()));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `error: ${dir}/out.csv already exists: pass --force to replace it, or choose another --out.\n`,
    );
    expect(readFileSync(path.join(dir, 'out.csv'), 'utf8')).toBe('mine');
    expect(
      runCli(['export', '--cards', cards, '--out', path.join(dir, 'out.csv'), '--force'], cliEnv(testdir())).code,
    ).toBe(0);
    expect(readFileSync(path.join(dir, 'out.csv'), 'utf8')).toMatch(/^question,answer/);
    const noFormat = runCli(['export', '--cards', cards], cliEnv(testdir()));
    expect(noFormat.code).toBe(2);
    expect(noFormat.stderr).toBe('error: name the format with --format csv, tsv, anki.\n');
  });

  it.each([['tsv'], ['anki']])(
    'exports reversed and cloze notes as %s and imports them back into the same cards',
    (format) => {
      const cards = testdir({
        'capital.md': '---\nreverse: true\n---\n\n# Capital of France?\n\nParis\n',
        'geo/rivers.md': '# Rivers\n\nThe {{c1::Seine}} flows through {{c2::Paris}}.\n',
        'geo/plain.md': '---\nid: plain-cloze\ntags: [geo]\n---\n\n{{c1::Rome}} is in {{c2::Italy::a country}}.\n',
      });
      const dir = testdir();
      const env = cliEnv(testdir());
      const file = path.join(dir, `deck.${format === 'anki' ? 'txt' : format}`);
      const exported = runCli(['export', '--cards', cards, '--out', file], env);
      expect(exported.stdout).toBe(`Exported 3 notes (6 cards) to ${file} (${format}).\n`);
      expect(runCli(['import', file, '--out', path.join(dir, 'again')], env).stderr).toBe('');
      const listed = (root: string) =>
        (JSON.parse(runCli(['list', '--json', '--cards', root], env).stdout) as { id: string; kind: string }[])
          .map(({ id, kind }) => `${id} ${kind}`)
          .sort();
      expect(listed(cards)).toEqual([
        'capital basic',
        'capital#reverse reversed',
        'geo/rivers#c1 cloze',
        'geo/rivers#c2 cloze',
        'plain-cloze#c1 cloze',
        'plain-cloze#c2 cloze',
      ]);
      expect(listed(path.join(dir, 'again'))).toEqual(listed(cards));
    },
  );
});
