import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardFile, cliEnv, readReviewLog, revealAndRate, runCli, startPty, testdir } from './helpers.js';

// Leeches through the built CLI (`npm run build` first): a card forgotten 8 times after it was learnt.

const DAY = 86_400_000;

/** `lapses` lapses of `card`: learnt (4), then forgotten (1) and relearnt (4) each time, a day apart, ending long ago. */
function lapsingLog(card: string, lapses: number, endDaysAgo = 30): object[] {
  const start = Date.now() - (endDaysAgo + 2 * lapses + 1) * DAY;
  const at = (day: number) => new Date(start + day * DAY).toISOString();
  const log: object[] = [{ card, rating: 4, at: at(0), seconds: 2 }];
  for (let lapse = 1; lapse <= lapses; lapse += 1) {
    log.push(
      { card, rating: 1, at: at(2 * lapse - 1), seconds: 2 },
      { card, rating: 4, at: at(2 * lapse), seconds: 2 },
    );
  }
  return log;
}

function setUp(log: object[]) {
  const cards = testdir({
    'hard.md': cardFile('Hard question', 'Hard answer', 'id: hard'),
    'easy.md': cardFile('Easy question', 'Easy answer', 'id: easy'),
  });
  const home = testdir();
  writeFileSync(path.join(home, 'reviews.jsonl'), log.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
  const env: NodeJS.ProcessEnv = { ...cliEnv(home), FLASHDECK_CARDS: cards };
  return { cards, home, env };
}

describe('leeches', () => {
  it('a card forgotten 8 times is flagged in list, show and stats', () => {
    const { env } = setUp(lapsingLog('hard', 8));
    const entries = JSON.parse(runCli(['list', '--json'], env).stdout) as { id: string; leech?: true }[];
    expect(entries.find((entry) => entry.id === 'hard')?.leech).toBe(true);
    expect(entries.find((entry) => entry.id === 'easy')?.leech).toBeUndefined();
    expect(runCli(['list', '--leeches'], env).stdout).toContain('leech: Hard question');
    const shown = JSON.parse(runCli(['show', 'hard', '--json'], env).stdout) as { leech: boolean; schedule: object };
    expect(shown).toMatchObject({ leech: true, schedule: { lapses: 8 } });
    expect(JSON.parse(runCli(['stats', '--json'], env).stdout)).toMatchObject({
      leeches: [{ id: 'hard', lapses: 8, suspended: false }],
    });
    expect(runCli(['stats'], env).stdout).toMatch(/Leeches[\s\S]*8× Hard question/);
  });

  it('seven lapses are not a leech yet', () => {
    const { env } = setUp(lapsingLog('hard', 7));
    expect(runCli(['list', '--leeches', '--json'], env).stdout).toBe('[]\n');
  });

  it('the quiz says when a card has just become a leech, and suspends it with suspend-leeches', async () => {
    // Seven lapses, then relearnt long ago: due now, and one more "not at all" makes the eighth.
    const { cards, home, env } = setUp(lapsingLog('hard', 7));
    expect(runCli(['config', 'set', 'suspend-leeches', 'true'], env).code).toBe(0);
    const session = startPty(['--cards', cards, '--deck', '.', '-n', '1'], env);
    await session.waitFor('Hard question');
    await revealAndRate(session, 1, '1');
    await session.waitFor('now a leech');
    expect(await session.exited).toBe(0);
    expect(readReviewLog(home).at(-1)).toMatchObject({ card: 'hard', suspend: true });
    expect(JSON.parse(runCli(['show', 'hard', '--json'], env).stdout)).toMatchObject({
      status: 'suspended',
      leech: true,
    });
  }, 30_000);
});
