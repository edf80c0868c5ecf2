// The Anki package case of `npm run bench`: a current-format package of 20,000 notes (two thirds Basic, a sixth
// reversed, a sixth cloze) with 200,000 reviews, written by the tests' package writer (dist/test/anki-package.js,
// built with the CLI), imported by the built CLI into an empty folder and store.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BIN, compare, measurePeakMemory, runNode } from './bench-measure.mjs';

const NOTES = 20_000;
const REVIEWS = 200_000;
const RUNS = 3;
const DAY = 86_400_000;

/** Writes the package into `dir`; returns its path and what an import must report. */
export async function writeBenchPackage(dir) {
  const { makeAnkiPackage } = await import('../dist/test/anki-package.js');
  const start = Date.UTC(2024, 0, 1, 8);
  const notes = [];
  let reviews = 0;
  for (let index = 0; index < NOTES; index++) {
    const type = index % 6 === 0 ? 'cloze' : index % 6 === 1 ? 'reversed' : 'basic';
    const fields =
      type === 'cloze'
        ? [`Note ${index}: {{c1::alpha ${index}}} and {{c2::beta}}`, '']
        : [`Question ${index} <b>bold</b>?`, `Answer ${index}<br>second line`];
    const cardCount = type === 'basic' ? 1 : 2;
    const cards = Array.from({ length: cardCount }, (_, ord) => ({ ord, reviews: [] }));
    // Ten reviews a note, spread over its cards, a day or more apart.
    for (let review = 0; review < REVIEWS / NOTES; review++) {
      const card = cards[review % cardCount];
      card.reviews.push({
        at: start + review * DAY + index * 1000 + card.ord,
        ease: 1 + ((index + review) % 4),
        type: review ? 1 : 0,
      });
      reviews++;
    }
    notes.push({ guid: `bench${index}`, type, fields, deck: `Bench::Deck ${index % 20}`, tags: ['bench'], cards });
  }
  const file = path.join(dir, 'bench-20k.apkg');
  writeFileSync(file, await makeAnkiPackage({ version: 'latest', notes }));
  return { file, notes: NOTES, reviews };
}

/** Times the import (fresh folder and store each run) and its peak memory; `add` records a row of the bench. */
export async function benchAnkiPackage(dir, env, add) {
  const made = await writeBenchPackage(dir);
  let run = 0;
  const importOnce = () => {
    run++;
    const home = path.join(dir, `anki-home-${run}`);
    mkdirSync(home);
    const started = performance.now();
    const output = runNode([BIN, 'import', made.file, '--out', path.join(dir, `anki-out-${run}`)], env(home));
    const elapsed = performance.now() - started;
    const expected = `Imported ${made.notes} notes`;
    if (!output.startsWith(expected) || !output.includes(` and ${made.reviews} reviews`)) {
      throw new Error(`import of the bench package said: ${output}`);
    }
    return elapsed;
  };
  add('import .apkg, 20k notes, 200k reviews', await compare(RUNS, importOnce), { unit: 'ms', max: 30_000 });
  const home = path.join(dir, 'anki-home-memory');
  mkdirSync(home);
  const memory = measurePeakMemory(
    [BIN, 'import', made.file, '--out', path.join(dir, 'anki-out-memory')],
    env(home),
    dir,
  );
  add('peak memory, import .apkg 20k notes', { median: memory, baseline: null }, { unit: 'MB', max: 500 });
}
