import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import {
  cardFile,
  cliEnv,
  type PtySession,
  readReviewLog,
  REVEAL,
  revealAndRate,
  runCli,
  startPty,
  testdir,
} from './helpers.js';

// Issue 3, case 5: two `flashdeck quiz` sessions at once on one store keep every rating of both, and every change
// to config.json of both.

/** Rates a card and waits until the rating is confirmed on screen. */
async function rate(t: PtySession, reveals: number, rating: string, rates = reveals): Promise<void> {
  await revealAndRate(t, reveals, rating, rates);
  await t.waitFor(`Rated ${rating}`);
}

it('keeps every rating and burial of two sessions running side by side', async () => {
  const cards = testdir({
    'a.md': cardFile('Alpha question', 'Alpha answer', 'id: alpha'),
    'b.md': cardFile('Bravo question', 'Bravo answer', 'id: bravo'),
    'c.md': cardFile('Charlie question', 'Charlie answer', 'id: charlie'),
    'd.md': cardFile('Delta question', 'Delta answer', 'id: delta'),
  });
  const home = testdir();
  const first = startPty(['--cards', cards], cliEnv(home));
  const second = startPty(['--cards', cards], cliEnv(home));

  // Turn by turn on the same cards: each append lands after the other session's.
  await rate(first, 1, '4');
  await rate(second, 1, '5');
  await rate(first, 2, '3');
  await rate(second, 2, '4');
  // The first session moves on to delta, so each session buries a different card, at the same moment.
  await first.waitFor(REVEAL, 3);
  first.pty.write('s');
  await first.waitFor(REVEAL, 4);
  await second.waitFor(REVEAL, 3);
  first.pty.write('b');
  second.pty.write('b');
  await first.waitFor('Buried until tomorrow.');
  await second.waitFor('Buried until tomorrow.');
  await rate(second, 4, '5', 3);
  expect(await first.exited).toBe(0);
  expect(await second.exited).toBe(0);

  const log = readReviewLog(home);
  expect(log.filter((line) => line.rating).map(({ card, rating }) => `${card} ${rating}`)).toEqual([
    'alpha 4',
    'alpha 5',
    'bravo 3',
    'bravo 4',
    'delta 5',
  ]);
  // Burials are lines of the log too: neither session took the settings lock.
  const buried = log.filter((line) => line.bury).map(({ card }) => card);
  expect(buried.sort()).toEqual(['charlie', 'delta']);
  expect(JSON.parse(readFileSync(path.join(home, 'config.json'), 'utf8'))).not.toHaveProperty('buried');
  expect(readdirSync(home).filter((name) => name.endsWith('.lock'))).toEqual([]);

  const stats = runCli(['stats', '--json', '--cards', cards], cliEnv(home));
  expect(JSON.parse(stats.stdout)).toMatchObject({ cards: 4, seen: 3, reviews: 5 });
  const list = JSON.parse(runCli(['list', '--json', '--cards', cards], cliEnv(home)).stdout) as {
    id: string;
    reviews: number;
    lastRating: number | null;
  }[];
  expect(list.map(({ id, reviews, lastRating }) => [id, reviews, lastRating])).toEqual([
    ['alpha', 2, 5],
    ['bravo', 2, 4],
    ['charlie', 0, null],
    ['delta', 1, 5],
  ]);
});
