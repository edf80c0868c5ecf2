import { appendFileSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardFile, cliEnv, runCli, testdir } from './helpers.js';

// The parse cache and the state cache live in the store's `cache` folder; nothing a user sees may depend on them.

const review = (card: string, rating: number, at: string) => `${JSON.stringify({ card, rating, at, seconds: 3 })}\n`;

function listJson(
  cards: string,
  home: string,
): { id: string; question: string; reviews: number; lastRating: number | null; due: string | null }[] {
  const result = runCli(['list', '--json', '--cards', cards], cliEnv(home));
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as ReturnType<typeof listJson>;
}

describe('caches', () => {
  it('shows an edit made within the same second that keeps the size and the modification time', () => {
    const cards = testdir({ 'deck/a.md': cardFile('Question one', 'Answer one.') });
    const home = testdir();
    const file = path.join(cards, 'deck/a.md');
    const { atime, mtime } = statSync(file);
    expect(listJson(cards, home).map((card) => card.question)).toEqual(['Question one']);
    writeFileSync(file, cardFile('Question two', 'Answer one.'));
    utimesSync(file, atime, mtime);
    expect(listJson(cards, home).map((card) => card.question)).toEqual(['Question two']);
  });

  it('warns about an invalid card on every run', () => {
    const cards = testdir({ 'good.md': cardFile('Q', 'A'), 'bad.md': '# No answer\n' });
    const home = testdir();
    for (let run = 0; run < 2; run += 1) {
      const result = runCli(['list', '--json', '--cards', cards], cliEnv(home));
      expect(result.stderr).toContain('warning: bad.md:1: empty answer');
    }
  });

  it('gives the same progress with its caches as after they are deleted, as the log grows', () => {
    const cards = testdir({ 'a.md': cardFile('A', 'a'), 'b.md': cardFile('B', 'b') });
    const home = testdir();
    const log = path.join(home, 'reviews.jsonl');
    writeFileSync(log, review('a', 4, '2026-01-01T10:00:00.000Z'));
    const first = listJson(cards, home);
    appendFileSync(log, review('a', 2, '2026-01-05T10:00:00.000Z') + review('b', 5, '2026-01-05T10:01:00.000Z'));
    const cached = listJson(cards, home);
    expect(cached).not.toEqual(first);
    rmSync(path.join(home, 'cache'), { recursive: true });
    expect(listJson(cards, home)).toEqual(cached);
    const stats = () =>
      JSON.parse(runCli(['stats', '--json', '--cards', cards], cliEnv(home)).stdout) as Record<string, unknown>;
    const withCache = stats();
    rmSync(path.join(home, 'cache'), { recursive: true });
    expect(stats()).toEqual(withCache);
    expect(readFileSync(log, 'utf8').split('\n')).toHaveLength(4);
  });
});
