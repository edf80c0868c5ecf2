import { describe, expect, it } from 'vitest';
import { cardFile, cliEnv, runCli, testdir } from './helpers.js';

// `flashdeck show` through the built CLI (`npm run build` first), against real card files and a real store.

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const line = (entry: object) => `${JSON.stringify(entry)}\n`;

interface ShownCard {
  id: string;
  path: string;
  status: string;
  schedule: { due: string; stability: number; recall: number; interval: number; reviews: number } | null;
  reviews: { at: string; rating: number; status: string; intervalBefore: number | null; daysSince: number | null }[];
}

function setUp() {
  const cards = testdir({
    'bio/cell.md': cardFile('What powers the cell?', 'The **mitochondria**.', 'id: cell\ntags: [bio]'),
    'bio/dna.md': cardFile('What carries genes?', 'DNA.', 'id: dna'),
  });
  // One instant for the review and the undo naming it: two clock reads a millisecond apart would not match.
  const undone = ago(1);
  const home = testdir({
    'reviews.jsonl': [
      line({ card: 'cell', rating: 4, at: ago(20), seconds: 5 }),
      line({ card: 'cell', rating: 3, at: ago(10), seconds: 8 }),
      line({ card: 'cell', rating: 1, at: undone, seconds: 12 }),
      line({ card: 'cell', undo: undone, at: undone }),
    ].join(''),
  });
  return { cards, env: cliEnv(home) };
}

describe('flashdeck show', () => {
  it('--json: the card, its schedule and every review, the undone one marked', () => {
    const { cards, env } = setUp();
    const { code, stdout } = runCli(['show', 'cell', '--json', '--cards', cards], env);
    expect(code).toBe(0);
    const shown = JSON.parse(stdout) as ShownCard;
    expect(shown).toMatchObject({ id: 'cell', path: 'bio/cell.md', status: 'scheduled' });
    expect(shown.schedule?.reviews).toBe(2);
    expect(shown.schedule?.recall).toBeGreaterThan(0);
    expect(shown.schedule?.recall).toBeLessThanOrEqual(1);
    expect(shown.reviews.map((review) => [review.rating, review.status])).toEqual([
      [4, 'counted'],
      [3, 'counted'],
      [1, 'undone'],
    ]);
    expect(shown.reviews[1]?.daysSince).toBe(10);
    expect(shown.reviews[1]?.intervalBefore).toBeGreaterThan(0);
  });

  it('a new card: no schedule, no reviews', () => {
    const { cards, env } = setUp();
    const shown = JSON.parse(runCli(['show', 'dna', '--json', '--cards', cards], env).stdout) as ShownCard;
    expect(shown).toMatchObject({ status: 'new', schedule: null, reviews: [] });
  });

  it('on screen: where the card is, the card rendered, its schedule, its reviews and a chart of its intervals', () => {
    const { cards, env } = setUp();
    const { code, stdout } = runCli(['--cards', cards, 'show', 'cell'], env);
    expect(code).toBe(0);
    expect(stdout).toContain('bio/cell.md:');
    expect(stdout).toContain('#bio');
    expect(stdout).toContain('What powers the cell?');
    expect(stdout).toContain('The mitochondria.');
    expect(stdout).toMatch(/Recall now\s+\d+%/);
    expect(stdout).toMatch(/undone/);
    expect(stdout).toContain('Intervals');
  });

  it('an unknown id exits 1 naming the closest ids, and changes nothing', () => {
    const { cards, env } = setUp();
    const { code, stdout, stderr } = runCli(['show', 'cel', '--cards', cards], env);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^error: no card "cel"; closest: cell/);
  });

  it('without an id is a usage error', () => {
    const { cards, env } = setUp();
    expect(runCli(['show', '--cards', cards], env).code).toBe(2);
  });
});
