import { describe, expect, it } from 'vitest';
import { cardFile, cliEnv, runCli, testdir } from './helpers.js';

// `flashdeck status` through the built CLI (`npm run build` first).

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const line = (entry: object) => `${JSON.stringify(entry)}\n`;

function setUp(log: object[]) {
  const cards = testdir(
    Object.fromEntries(
      ['a', 'b', 'c', 'd'].map((id) => [`${id}.md`, cardFile(`Question ${id}`, 'Answer', `id: ${id}`)]),
    ),
  );
  return { cards, env: cliEnv(testdir({ 'reviews.jsonl': log.map(line).join('') })) };
}

describe('flashdeck status', () => {
  it('one line: due now, new available today, when the next card comes due', () => {
    const { cards, env } = setUp([
      { card: 'a', rating: 1, at: ago(30), seconds: 2 },
      { card: 'b', rating: 5, at: ago(0.5), seconds: 2 },
    ]);
    const { code, stdout, stderr } = runCli(['status', '--cards', cards], env);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^1 due · 2 new · next in \d+(d|h)\n$/);
  });

  it('--json: the same figures, the next due time in ISO 8601', () => {
    const { cards, env } = setUp([{ card: 'b', rating: 5, at: ago(0.5), seconds: 2 }]);
    const status = JSON.parse(runCli(['status', '--json', '--cards', cards], env).stdout) as Record<string, unknown>;
    expect(status).toMatchObject({ due: 0, new: 3 });
    expect(Date.parse(status.nextDue as string)).toBeGreaterThan(Date.now());
  });

  it('counts as the quiz plans: the daily new-card limit and burials apply', () => {
    const tomorrow = new Date(Date.now() + DAY).toISOString();
    const { cards, env } = setUp([
      { card: 'a', rating: 1, at: ago(30), seconds: 2 },
      { card: 'a', bury: tomorrow, at: ago(0) },
    ]);
    expect(runCli(['config', 'set', 'new-per-day', '1'], env).code).toBe(0);
    const status = JSON.parse(runCli(['status', '--json', '--cards', cards], env).stdout) as Record<string, unknown>;
    expect(status).toEqual({ due: 0, new: 1, nextDue: null });
  });

  it('a fresh store: every card new, nothing scheduled', () => {
    const { cards, env } = setUp([]);
    expect(runCli(['--cards', cards, 'status'], env).stdout).toBe('0 due · 4 new\n');
  });
});
