import { appendFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { formatReviewLog, generateReviewHistory } from '../fixtures/review-history.js';
import { cardFile, cliEnv, runCli, testdir } from './helpers.js';

// The built CLI on the bundled deck (no --cards) with a generated history ending now, as a user would run it.
function storeWithHistory(): string {
  const bundled = JSON.parse(runCli(['list', '--json'], cliEnv(testdir())).stdout) as { id: string }[];
  const history = generateReviewHistory(
    bundled.map((card) => card.id),
    new Date(),
    { seed: 3, days: 120, newPerDay: 1, memory: 0.85 },
  );
  return testdir({ 'reviews.jsonl': formatReviewLog(history) });
}

describe('flashdeck stats on the bundled deck', () => {
  it.each([80, 120])('prints every section within %i columns, without colour into a pipe', (width) => {
    const env = cliEnv(storeWithHistory(), { COLUMNS: String(width), TERM: 'xterm-256color' });
    delete env.NO_COLOR;
    const result = runCli(['stats'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('\u001b');
    expect(result.stdout).toMatch(/^Cards 11 · seen 11 /);
    for (const heading of [
      'Mastery by difficulty',
      'Mastery by deck',
      'Latest ratings',
      'Reviews, last 26 weeks',
      'Coming due, next 30 days',
      'Retention',
      'Weakest cards',
    ]) {
      expect(result.stdout).toContain(heading);
    }
    expect(Math.max(...result.stdout.split('\n').map((line) => stringWidth(line)))).toBeLessThanOrEqual(width);
  });

  it.each([40, 60, 80])('fits a terminal %i columns wide: no line wider, the deck name cut in its middle', (width) => {
    const result = runCli(['stats'], cliEnv(storeWithHistory(), { COLUMNS: String(width) }));
    expect(result.code).toBe(0);
    for (const line of result.stdout.trimEnd().split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
    // "optimization-in-neural-networks" keeps its start and its end, in the mastery bars and the weakest cards.
    expect(result.stdout).toMatch(/^ {2}optim\S*rks {2}█*░* +\d+%/m);
    expect(result.stdout).toMatch(/^ +\d+% {2}optim\S*rks {2}\S/m);
    expect(result.stdout).toMatch(/^Reviews, last \d+ weeks/m);
    expect(result.stdout).toContain('Weakest cards');
  });

  it('--json carries the chart data: 182 heatmap days, 30 forecast days, streaks, retention, weakest cards', () => {
    const result = runCli(['stats', '--json'], cliEnv(storeWithHistory()));
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Record<string, unknown> & {
      heatmap: unknown[];
      forecast: unknown[];
      weakest: unknown[];
    };
    expect(report).toMatchObject({
      cards: 11,
      dueToday: expect.any(Number),
      streak: { current: expect.any(Number), longest: expect.any(Number) },
      studySeconds: expect.any(Number),
      retention: {
        last7: expect.any(Object),
        last30: expect.any(Object),
        all: expect.any(Object),
        young: expect.any(Object),
        mature: expect.any(Object),
      },
    });
    expect(report.heatmap).toHaveLength(182);
    expect(report.heatmap[0]).toEqual({
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      reviews: expect.any(Number),
    });
    expect(report.forecast).toHaveLength(30);
    expect(report.forecast[0]).toEqual({ date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), due: report.dueToday });
    expect(report.weakest).toHaveLength(10);
    expect(report.weakest[0]).toEqual({
      id: expect.any(String),
      deck: 'optimization-in-neural-networks',
      question: expect.any(String),
      recall: expect.any(Number),
      lastRating: expect.any(Number),
    });
  });

  it('--json gives the same figures from the caches, extended as the log grows, as without them', () => {
    const bundled = JSON.parse(runCli(['list', '--json'], cliEnv(testdir())).stdout) as { id: string }[];
    const history = generateReviewHistory(
      bundled.map((card) => card.id),
      new Date(),
      { seed: 5, days: 150, newPerDay: 2, memory: 0.8 },
    );
    const home = testdir();
    const log = path.join(home, 'reviews.jsonl');
    const stats = () => {
      const result = runCli(['stats', '--json'], cliEnv(home));
      expect(result.stderr).toBe('');
      return JSON.parse(result.stdout) as { retention: { mature: { reviews: number } }; calibration: unknown[] };
    };
    // Sessions appended one after another, each `stats` extending the cache; an undo in the middle replays it all.
    const middle = Math.floor(history.length / 2);
    const undone = history[middle]!;
    const chunks = [history.slice(0, middle - 50), history.slice(middle - 50, middle + 1), history.slice(middle + 1)];
    for (const [index, chunk] of chunks.entries()) {
      appendFileSync(log, formatReviewLog(chunk));
      if (index === 1)
        appendFileSync(log, `${JSON.stringify({ card: undone.card, undo: undone.at, at: undone.at })}\n`);
      stats();
    }
    const cached = stats();
    rmSync(path.join(home, 'cache'), { recursive: true });
    expect(stats()).toEqual(cached);
    expect(cached.retention.mature.reviews).toBeGreaterThan(0);
    expect(cached.calibration.length).toBeGreaterThan(1);
  });

  it('shows a fresh store as a short screen: how many cards, how to start, where they and the store are', () => {
    const cards = testdir({
      'a.md': cardFile('First?', 'Yes.'),
      'deck/b.md': cardFile('Second?', 'Yes.', 'difficulty: hard'),
    });
    const home = testdir();
    const result = runCli(['stats', '--cards', cards], cliEnv(home));
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      'Cards 2 · nothing studied yet',
      'Run `flashdeck` to start a session: progress shows here once you rate cards.',
      '',
      `Cards: ${cards}`,
      `Store: ${home}`,
    ]);
  });

  it('leaves out difficulties no card has, and the weakest cards until one is weak', () => {
    const cards = testdir({
      'a.md': cardFile('A?', 'a', 'difficulty: easy'),
      'b.md': cardFile('B?', 'b', 'difficulty: easy'),
      'c.md': cardFile('C?', 'c'),
    });
    const justNow = new Date(Date.now() - 60_000).toISOString();
    const review = (card: string, rating: number) => `${JSON.stringify({ card, rating, at: justNow, seconds: 5 })}\n`;
    const home = testdir({ 'reviews.jsonl': review('a', 4) + review('b', 5) });
    const screen = () => runCli(['stats', '--cards', cards], cliEnv(home)).stdout;

    const recalled = screen();
    expect(recalled).toMatch(/^ {2}easy .* 2\/2 seen/m);
    expect(recalled).not.toMatch(/^ {2}(medium|hard) /m);
    expect(recalled).not.toContain('Weakest cards');
    // The JSON keeps every field: the weakest cards are still listed there.
    const report = JSON.parse(runCli(['stats', '--json', '--cards', cards], cliEnv(home)).stdout) as {
      weakest: unknown[];
      byDifficulty: object;
    };
    expect(report.weakest).toHaveLength(2);
    expect(Object.keys(report.byDifficulty)).toEqual(['easy', 'medium', 'hard']);

    appendFileSync(path.join(home, 'reviews.jsonl'), review('c', 2));
    expect(screen()).toMatch(/^Weakest cards[^]*C\?/m);
  });
});
