import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardFile, cliEnv, RATE, readReviewLog, REVEAL, runCli, startPty, testdir } from './helpers.js';

/** Four cards whose order (by path) is a, b, c, d. */
function deck() {
  return testdir({
    'a.md': cardFile('Alpha question', 'Alpha **answer**', 'id: alpha\ndifficulty: easy'),
    'b.md': cardFile('Bravo question', '- bravo item one\n- bravo item two', 'id: bravo'),
    'c.md': cardFile('Charlie question ⭐️', 'Charlie `answer`', 'id: charlie'),
    'd.md': cardFile('Delta question', 'Delta answer', 'id: delta'),
  });
}

describe('quiz in a real terminal', () => {
  it('reveals and rates three cards, quits with q, and stores exactly those ratings', async () => {
    const cards = deck();
    const home = testdir();
    const t = startPty(['--cards', cards], cliEnv(home));
    await t.waitFor('Alpha question');
    await t.waitFor(REVEAL);
    t.pty.write(' ');
    await t.waitFor('Alpha answer');
    await t.waitFor(RATE);
    expect(t.screen()).toMatch(/1 Not at all … 5 Perfectly\s+1 now\s+2 now\s+3 2d\s+4 3d\s+5 8d/);
    t.pty.write('4');
    await t.waitFor('Bravo question');
    await t.waitFor(REVEAL, 2);
    t.pty.write('\r');
    await t.waitFor('bravo item two');
    await t.waitFor(RATE, 2);
    t.pty.write('5');
    await t.waitFor('Charlie question');
    await t.waitFor(REVEAL, 3);
    t.pty.write(' ');
    await t.waitFor(RATE, 3);
    t.pty.write('3');
    await t.waitFor('Delta question');
    await t.waitFor(REVEAL, 4);
    t.pty.write('q');
    expect(await t.exited).toBe(0);
    expect(t.screen()).toContain('3 cards rated');

    expect(readReviewLog(home).map((r) => [r.card, r.rating])).toEqual([
      ['alpha', 4],
      ['bravo', 5],
      ['charlie', 3],
    ]);
    const stats = JSON.parse(runCli(['stats', '--json', '--cards', cards], cliEnv(home)).stdout);
    expect(stats).toMatchObject({ cards: 4, seen: 3, reviews: 3, due: 0, mastery: Math.round((100 * 12) / 20) });
    const list = JSON.parse(runCli(['list', '--json', '--cards', cards], cliEnv(home)).stdout);
    expect(list.map((c: { lastRating: number | null }) => c.lastRating)).toEqual([4, 5, 3, null]);
  });

  it('keeps earlier ratings on Ctrl+C, prints the summary and exits 130', async () => {
    const cards = deck();
    const home = testdir();
    const t = startPty(['--cards', cards], cliEnv(home));
    for (const [i, rating] of ['2', '4'].entries()) {
      await t.waitFor(REVEAL, i + 1);
      t.pty.write(' ');
      await t.waitFor(RATE, i + 1);
      t.pty.write(rating);
    }
    await t.waitFor(REVEAL, 3);
    t.pty.write('\x03');
    expect(await t.exited).toBe(130);
    expect(t.screen()).toContain('2 cards rated');
    expect(readReviewLog(home).map((r) => [r.card, r.rating])).toEqual([
      ['alpha', 2],
      ['bravo', 4],
    ]);
  });

  it('ignores keys sent with the reveal: a rating needs the answer on screen first', async () => {
    const cards = deck();
    const home = testdir();
    const t = startPty(['--cards', cards, '-n', '2'], cliEnv(home));
    await t.waitFor(REVEAL);
    t.pty.write(' 5'); // the 5 arrives before the rating prompt exists
    await t.waitFor(RATE);
    await new Promise((r) => setTimeout(r, 300));
    expect(readReviewLog(home)).toEqual([]);
    t.pty.write('4 4'); // rates alpha; the rest must not reveal or rate bravo
    await t.waitFor('Bravo question');
    await t.waitFor(REVEAL, 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(t.screen()).not.toContain('bravo item one');
    expect(readReviewLog(home).map((r) => r.rating)).toEqual([4]);
    t.pty.write('q');
    expect(await t.exited).toBe(0);
  });

  it('brings a card rated 1 back in the same session until it is rated 3 or more, then finishes by itself', async () => {
    const cards = testdir({
      'a.md': cardFile('Alpha question', 'Alpha answer', 'id: alpha'),
      'b.md': cardFile('Bravo question', 'Bravo answer', 'id: bravo'),
    });
    const home = testdir();
    const t = startPty(['--cards', cards], cliEnv(home));
    const ratings = ['1', '4', '2', '5']; // alpha 1, bravo 4, alpha again 2, alpha again 5
    for (const [i, rating] of ratings.entries()) {
      await t.waitFor(REVEAL, i + 1);
      t.pty.write(' ');
      await t.waitFor(RATE, i + 1);
      t.pty.write(rating);
    }
    expect(await t.exited).toBe(0);
    expect(t.screen()).toContain('again in this session');
    expect(t.screen()).toContain('2 cards rated (4 ratings)');
    expect(readReviewLog(home).map((r) => [r.card, r.rating])).toEqual([
      ['alpha', 1],
      ['bravo', 4],
      ['alpha', 2],
      ['alpha', 5],
    ]);
    expect(readReviewLog(home).every((r) => typeof r.seconds === 'number' && !Number.isNaN(Date.parse(r.at)))).toBe(
      true,
    );
  });

  it('keeps ratings and restores the terminal on SIGTERM', async () => {
    const cards = deck();
    const home = testdir();
    const t = startPty(['--cards', cards], cliEnv(home));
    await t.waitFor(REVEAL);
    t.pty.write(' ');
    await t.waitFor(RATE);
    t.pty.write('3');
    await t.waitFor(REVEAL, 2);
    t.pty.kill('SIGTERM');
    await t.exited;
    expect(t.screen()).toContain('1 card rated');
    expect(readReviewLog(home).map((r) => r.rating)).toEqual([3]);
  });

  it('shows the difficulty emoji last on the header line and wraps the answer to a 40-column terminal', async () => {
    const long = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    const cards = testdir({ 'deck/a.md': cardFile('Wide question 🚀', `- ${long}`, 'id: wide\ntags: [one, two]') });
    const home = testdir();
    const t = startPty(['--cards', cards], cliEnv(home), 40);
    await t.waitFor(REVEAL);
    expect(t.screen()).toMatch(/deck · 1\/1 · 1 left · #one #two · 🚀/);
    t.pty.write(' ');
    await t.waitFor(RATE);
    const answerLines = t
      .screen()
      .split(/\r?\n/)
      .filter((line) => line.includes('word'));
    expect(answerLines.length).toBeGreaterThan(3);
    expect(answerLines.every((line) => line.length <= 40)).toBe(true);
    t.pty.write('q');
    expect(await t.exited).toBe(0);
  });
});

describe('quiz --weakest', () => {
  it('quizzes the seen cards least likely recalled now, whatever their schedule', async () => {
    const cards = deck();
    const home = testdir();
    const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    const log = [
      { card: 'alpha', rating: 5, at: ago(1), seconds: 2 }, // recalled easily, not due
      { card: 'bravo', rating: 1, at: ago(20), seconds: 9 }, // forgotten long ago
      { card: 'charlie', rating: 4, at: ago(2), seconds: 4 },
    ];
    writeFileSync(path.join(home, 'reviews.jsonl'), log.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
    const t = startPty(['--cards', cards, '--weakest', '2'], cliEnv(home));
    await t.waitFor(REVEAL);
    expect(t.screen()).toContain('2 cards from');
    expect(t.screen()).toContain('Bravo question');
    t.pty.write('q');
    expect(await t.exited).toBe(0);
    const none = runCli(['--cards', testdir({ 'x.md': cardFile('X', 'Y') }), '--weakest'], cliEnv(testdir()));
    expect(none).toMatchObject({ code: 0, stdout: 'No matching card has been rated yet, so none is weakest.\n' });
  });
});
