import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import {
  BIN,
  cardFile,
  cliEnv,
  FAULT_INJECTOR,
  RATE,
  readReviewLog,
  REVEAL,
  revealAndRate,
  runCli,
  startPty,
  startPtyCommand,
  testdir,
} from './helpers.js';

// A rating is confirmed on screen ("Rated N") only once it is on disk: killed at any moment, a confirmed rating is in
// the log; a rating that could not be written is never confirmed, and its card stays in the session.

function deck(): string {
  return testdir({
    'a.md': cardFile('Alpha question', 'Alpha answer', 'id: alpha'),
    'b.md': cardFile('Bravo question', 'Bravo answer', 'id: bravo'),
    'c.md': cardFile('Charlie question', 'Charlie answer', 'id: charlie'),
  });
}

const confirmedRatings = (screen: string) => [...screen.matchAll(/Rated (\d)/g)].map((match) => Number(match[1]));

describe('kill -9 right after a rating key', () => {
  // Two rounds of trials, each killed 0–5 ms after its second rating key.
  it.each([0, 1])(
    'never loses a rating shown as saved (round %i)',
    async (round) => {
      const cards = deck();
      for (let trial = 0; trial < 8; trial++) {
        const home = testdir();
        const t = startPty(['--cards', cards], cliEnv(home));
        await revealAndRate(t, 1, '4');
        await revealAndRate(t, 2, '5');
        await sleep((trial + round * 8) % 6);
        t.pty.kill('SIGKILL');
        await t.exited;
        const confirmed = confirmedRatings(t.screen());
        const logged = readReviewLog(home).map((line) => line.rating);
        // Every confirmed rating is in the log, in order; the log may hold one more, written but not yet confirmed.
        expect(logged.slice(0, confirmed.length), `trial ${trial}`).toEqual(confirmed);
        expect(logged.length - confirmed.length).toBeLessThanOrEqual(1);
        expect(logged.length).toBeGreaterThanOrEqual(1);
        expect(runCli(['list', '--json', '--cards', cards], cliEnv(home)).code).toBe(0);
      }
    },
    60_000,
  );
});

describe('a rating that cannot be written', () => {
  it('a full disk: says the rating was not saved, never "Rated", keeps the card, and the log stays loadable', async () => {
    const cards = deck();
    const home = testdir();
    const plan = { fail: { path: 'reviews.jsonl', op: 'write', code: 'ENOSPC', partial: true, times: 2 } };
    const t = startPtyCommand(
      process.execPath,
      ['--require', FAULT_INJECTOR, BIN, '--cards', cards],
      cliEnv(home, { FAULT_INJECT: JSON.stringify(plan) }),
    );
    await revealAndRate(t, 1, '4');
    await t.waitFor('Rating 4 was not saved: only part of a review reached');
    expect(t.screen()).not.toContain('Rated 4');
    // The same card again: the learner can rate it once there is room.
    await t.waitFor('Alpha question', 2);
    await revealAndRate(t, 2, '3');
    await t.waitFor('Rating 3 was not saved');
    await t.waitFor('Alpha question', 3);
    await revealAndRate(t, 3, '5');
    await t.waitFor('Rated 5');
    await t.waitFor('Bravo question');
    await t.waitFor(REVEAL, 4);
    t.pty.write('q');
    expect(await t.exited).toBe(0);
    expect(t.screen()).toContain('1 card rated (1 rating)');
    expect(readReviewLog(home).map((line) => [line.card, line.rating])).toEqual([['alpha', 5]]);
  });

  it('a log that is a link: the rating is refused with the reason, and the session ends normally on q', async () => {
    const cards = deck();
    const home = testdir();
    const outside = testdir({ 'log.jsonl': '' });
    await import('node:fs').then((fs) => fs.symlinkSync(`${outside}/log.jsonl`, `${home}/reviews.jsonl`));
    const result = runCli(['list', '--cards', cards], cliEnv(home));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/reviews\.jsonl \(ELOOP\)\. It is a symbolic link/);
    const t = startPty(['--cards', cards], cliEnv(home));
    expect(await t.exited).toBe(1);
    expect(t.screen()).toMatch(/It is a symbolic link/);
    expect(t.screen()).not.toContain(RATE);
  });
});
