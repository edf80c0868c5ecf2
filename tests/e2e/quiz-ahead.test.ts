import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardFile, cliEnv, readReviewLog, revealAndRate, runCli, startPty, testdir } from './helpers.js';

// `quiz --ahead <days>` through the built CLI (`npm run build` first), in a real terminal.

const HOUR = 3_600_000;

/** Two cards rated an hour ago: alpha (4) comes back in 3 days, bravo (5) in 8. */
function setUp() {
  const cards = testdir({
    'a.md': cardFile('Alpha question', 'Alpha answer', 'id: alpha'),
    'b.md': cardFile('Bravo question', 'Bravo answer', 'id: bravo'),
  });
  const home = testdir();
  const at = new Date(Date.now() - HOUR).toISOString();
  const log = [
    { card: 'alpha', rating: 4, at, seconds: 2 },
    { card: 'bravo', rating: 5, at, seconds: 2 },
  ];
  writeFileSync(path.join(home, 'reviews.jsonl'), log.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
  return { cards, home };
}

describe('quiz --ahead', () => {
  it('studies the cards due within the next days, recorded when they are reviewed', async () => {
    const { cards, home } = setUp();
    expect(runCli(['--cards', cards], cliEnv(home)).stdout).toMatch(/^Nothing due now\. Next card due in/);
    const before = Date.now();
    const t = startPty(['--cards', cards, '--ahead', '4'], cliEnv(home));
    await t.waitFor('Alpha question');
    expect(t.screen()).toContain('1 card from');
    await revealAndRate(t, 1, '4');
    expect(await t.exited).toBe(0);
    const last = readReviewLog(home).at(-1);
    expect(last).toMatchObject({ card: 'alpha', rating: 4 });
    expect(Date.parse(last?.at ?? '')).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(last?.at ?? '')).toBeLessThanOrEqual(Date.now());
  });

  it('says when nothing is due within those days', () => {
    const { cards, home } = setUp();
    expect(runCli(['--cards', cards, '--ahead', '1'], cliEnv(home)).stdout).toMatch(
      /^Nothing due in the next 1 day\. Next card due in \d+d/,
    );
  });

  it('takes a whole number of days, at least 1', () => {
    const { cards, home } = setUp();
    expect(runCli(['--cards', cards, '--ahead', '0'], cliEnv(home)).code).toBe(2);
    expect(runCli(['--cards', cards, '--ahead', 'soon'], cliEnv(home)).code).toBe(2);
  });
});
