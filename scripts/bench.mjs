// `npm run bench [-- --json]`: flashdeck at 10,000 and 100,000 cards (and notes, a third of them cloze), an Obsidian
// vault of 10,000 notes and 100,000 reviews, against what Node itself needs, and the import of an Anki package of
// 20,000 notes and 200,000 reviews. Generates everything in a temporary folder (removed at the end) from a seeded
// PRNG, so runs compare.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchAnkiPackage } from './bench-anki-package.mjs';
import { writeCards, writeReviewLog, writeVault } from './bench-data.mjs';
import { BIN, compare, measurePeakMemory, runNode, timeNode, timePty } from './bench-measure.mjs';

// Enough runs that a burst of load from the machine's neighbours moves no median (the runs alternate with the baseline).
const RUNS = 11;
const RUNS_100K = 5;
const WALK = fileURLToPath(new URL('./bench-baseline-walk.mjs', import.meta.url));
const asJson = process.argv.includes('--json');
const log = (line) => process.stderr.write(`${line}\n`);

const scratch = mkdtempSync(path.join(os.tmpdir(), 'flashdeck-bench-'));
try {
  const results = await runBench(scratch);
  process.stdout.write(asJson ? `${JSON.stringify(results, null, 2)}\n` : formatTable(results));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

async function runBench(dir) {
  const at = (name) => path.join(dir, name);
  log('generating 10,000 and 100,000 cards, the same with a third cloze notes, and 100,000 reviews…');
  const small = writeCards(at('cards-10k'), 10_000, 1);
  writeCards(at('cards-100k'), 100_000, 2);
  const cloze10k = writeCards(at('cloze-10k'), 10_000, 4, { cloze: true });
  const cloze100k = writeCards(at('cloze-100k'), 100_000, 5, { cloze: true });
  const vaultCards = writeVault(at('vault-10k'), 10_000, 6);
  writeReviewLog(at('home-reviews/reviews.jsonl'), small.ids, 100_000, new Date(), 3);
  for (const home of ['home-empty', 'home-append-empty', 'home-vault']) mkdirSync(at(home));
  mkdirSync(at('home-append-full'));
  copyFileSync(at('home-reviews/reviews.jsonl'), at('home-append-full/reviews.jsonl'));

  const env = (home) => {
    const base = { ...process.env, NO_COLOR: '1', FLASHDECK_HOME: at(home) };
    delete base.FLASHDECK_CARDS;
    delete base.FORCE_COLOR;
    return base;
  };
  const cli =
    (home, ...args) =>
    () =>
      timeNode([BIN, ...args], env(home));
  const walk = (cards) => () => timeNode([WALK, at(cards)], env('home-empty'));
  const rows = [];
  const add = (figure, result, extra) => {
    rows.push({ figure, ...extra, ...result, ratio: result.ratio ?? null });
    log(`  ${figure}: ${result.median.toFixed(1)} ${extra.unit}`);
  };

  log('first runs (no caches yet), checking the output…');
  const first = (home, cards, args, check) => {
    const start = performance.now();
    check(JSON.parse(runNode([BIN, ...args, '--json', '--cards', at(cards)], env(home))));
    return { median: performance.now() - start, baseline: null };
  };
  const expectEqual = (what, actual, expected) => {
    if (actual !== expected) throw new Error(`${what}: expected ${expected}, got ${actual}`);
  };
  const cold10k = first('home-empty', 'cards-10k', ['list'], (cards) => {
    expectEqual('cards listed', cards.length, 10_000);
    expectEqual('first question', cards[0].question, small.first.question);
  });
  const cold100k = first('home-empty', 'cards-100k', ['list'], (cards) =>
    expectEqual('cards listed', cards.length, 100_000),
  );
  // Cloze notes read as basic cards (or, without a heading, as problems) until cards support cloze: either count is right.
  const clozeCount = (made) => (cards) => {
    if (cards.length !== made.today) expectEqual('cards listed (cloze notes)', cards.length, made.cloze);
  };
  const coldCloze10k = first('home-empty', 'cloze-10k', ['list'], clozeCount(cloze10k.cards));
  first('home-empty', 'cloze-100k', ['list'], clozeCount(cloze100k.cards));
  first('home-vault', 'vault-10k', ['list'], (cards) => expectEqual('cards listed (vault)', cards.length, vaultCards));
  const coldStats = first('home-reviews', 'cards-10k', ['stats'], (stats) => {
    expectEqual('cards counted', stats.cards, 10_000);
    expectEqual('reviews counted', stats.reviews, 100_000);
  });

  log('measuring…');
  const ms = { unit: 'ms' };
  const node = () => timeNode(['-e', '0'], env('home-empty'));
  add('flashdeck --version', await compare(RUNS * 2, cli('home-empty', '--version'), node), {
    ...ms,
    baselineName: 'node -e 0',
    limit: 1.3,
  });
  add('flashdeck --help', await compare(RUNS * 2, cli('home-empty', '--help'), node), {
    ...ms,
    baselineName: 'node -e 0',
    limit: 1.3,
  });
  const list10k = await compare(
    RUNS,
    cli('home-empty', 'list', '--json', '--cards', at('cards-10k')),
    walk('cards-10k'),
  );
  add('list --json, 10k cards', list10k, { ...ms, baselineName: 'walk + read 10k', limit: 1.5 });
  add(
    'list --json, 100k cards',
    await compare(RUNS_100K, cli('home-empty', 'list', '--json', '--cards', at('cards-100k')), walk('cards-100k')),
    { ...ms, baselineName: 'walk + read 100k', limit: 1.5 },
  );
  add(
    'list --json, 10k notes, a third cloze',
    await compare(RUNS, cli('home-empty', 'list', '--json', '--cards', at('cloze-10k')), walk('cloze-10k')),
    { ...ms, baselineName: 'walk + read 10k notes', limit: 1.5 },
  );
  add(
    'list --json, 100k notes, a third cloze',
    await compare(RUNS_100K, cli('home-empty', 'list', '--json', '--cards', at('cloze-100k')), walk('cloze-100k')),
    { ...ms, baselineName: 'walk + read 100k notes', limit: 1.5 },
  );
  add(
    'list --json, 10k-note vault, a fifth with cards',
    await compare(RUNS, cli('home-vault', 'list', '--json', '--cards', at('vault-10k')), walk('vault-10k')),
    { ...ms, baselineName: 'walk + read 10k notes', limit: 1.5 },
  );
  // A first run each time: no cache, and the vault's schedules logged into an empty store.
  const firstVaultRun = () => {
    rmSync(at('home-vault-first'), { recursive: true, force: true });
    mkdirSync(at('home-vault-first'));
    return timeNode([BIN, 'list', '--json', '--cards', at('vault-10k')], env('home-vault-first'));
  };
  add('first list --json, 10k-note vault (no cache)', await compare(RUNS_100K, firstVaultRun, walk('vault-10k')), {
    ...ms,
    baselineName: 'walk + read 10k notes',
    limit: 3,
  });
  const memory = measurePeakMemory([BIN, 'list', '--json', '--cards', at('cards-100k')], env('home-empty'), dir);
  add('peak memory, list --json 100k', { median: memory, baseline: null }, { unit: 'MB', max: 300 });
  const quizArgs = [BIN, 'quiz', '--cards', at('cards-10k')];
  add(
    'quiz to first question, 10k cards',
    await compare(
      RUNS,
      () => timePty(quizArgs, env('home-empty'), small.first.question),
      () => timePty([WALK, at('cards-10k')], env('home-empty')),
    ),
    { ...ms, baselineName: 'walk + read 10k (pty)', limit: 1.5 },
  );
  const statsRun = cli('home-reviews', 'stats', '--json', '--cards', at('cards-10k'));
  add(
    'stats --json, 10k cards, 100k reviews',
    await compare(RUNS, statsRun, cli('home-empty', 'list', '--json', '--cards', at('cards-10k'))),
    { ...ms, baselineName: 'list --json 10k', limit: 2 },
  );
  add(
    'list --json, 10k cards, 100k reviews',
    await compare(RUNS, cli('home-reviews', 'list', '--json', '--cards', at('cards-10k'))),
    { ...ms, info: true },
  );
  const append = (home) =>
    JSON.parse(runNode([fileURLToPath(new URL('./bench-append.mjs', import.meta.url)), at(home), '200'], env(home)));
  const full = append('home-append-full');
  const empty = append('home-append-empty');
  add(
    'save one rating, 100k reviews in the log',
    { median: full.median, baseline: empty.median, p90: full.p90, ratio: full.median / empty.median },
    { unit: 'ms', baselineName: 'same, empty log', max: 10 },
  );

  // ---- Anki package import: 20,000 notes and 200,000 reviews, generated here (scripts/bench-anki-package.mjs) ----
  log('generating and importing an Anki package of 20,000 notes and 200,000 reviews…');
  await benchAnkiPackage(dir, env, add);
  // ---- end of the Anki package block ----

  add('first list --json 10k (no cache)', cold10k, { ...ms, info: true });
  add('first list --json 100k (no cache)', cold100k, { ...ms, info: true });
  add('first list --json 10k notes, a third cloze (no cache)', coldCloze10k, { ...ms, info: true });
  add('first stats --json, 100k reviews (no cache)', coldStats, { ...ms, info: true });
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    platform: `${os.platform()} ${os.arch()}`,
    rows,
  };
}

function formatTable({ date, node, cpus, platform, rows }) {
  const verdict = (row) => {
    if (row.info) return 'info';
    const ok = row.max !== undefined ? row.median < row.max : row.ratio <= row.limit;
    return ok ? 'met' : 'NOT met';
  };
  const target = (row) => (row.info ? '' : row.max !== undefined ? `< ${row.max} ${row.unit}` : `≤ ${row.limit}×`);
  const number = (value) => (value === null || value === undefined ? '' : value.toFixed(value < 10 ? 2 : 0));
  const lines = [
    `flashdeck bench, ${date.slice(0, 10)}, Node ${node}, ${cpus} cores, ${platform}; medians (a ratio: the median of each run over the baseline run beside it)`,
    '',
    '| figure | median | baseline | baseline median | ratio | target | result |',
    '| --- | ---: | --- | ---: | ---: | --- | --- |',
    ...rows.map(
      (row) =>
        `| ${row.figure} | ${number(row.median)} ${row.unit} | ${row.baselineName ?? ''} | ${row.baseline === null ? '' : `${number(row.baseline)} ${row.unit}`} | ${row.ratio === null ? '' : `${row.ratio.toFixed(2)}×`} | ${target(row)} | ${verdict(row)} |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
