import { describe, expect, it } from 'vitest';
import type { Card } from '../../../src/core/card/card.js';
import { createScheduler, type CardState } from '../../../src/core/schedule/scheduler.js';

const { applyRating } = createScheduler();
import { computeMastery, computeStats, countRatings } from '../../../src/core/stats/mastery.js';
import { makeCard } from '../../support/make-card.js';

const now = new Date('2026-03-10T12:00:00Z');
const DAY = 86_400_000;
const card = (id: string, deck: string, difficulty: Card['difficulty']): Card =>
  makeCard({ id, deck, path: `${deck}/${id}.md`, difficulty });
const cards = [card('a', 'x', 'easy'), card('b', 'x', 'easy'), card('c', 'y', 'hard'), card('d', 'y', null)];
const rate = (ratings: (1 | 2 | 3 | 4 | 5)[], daysAgo: number): CardState => {
  let state: CardState | undefined;
  for (const r of ratings) state = applyRating(state, r, new Date(now.getTime() - daysAgo * DAY));
  return state as CardState;
};

describe('mastery', () => {
  it('is 100 × Σ latest rating / (5 × cards), unseen cards counting 0', () => {
    const states = new Map([
      ['a', rate([1, 5], 1)],
      ['c', rate([3], 1)],
    ]);
    expect(computeMastery(cards, states)).toBe(Math.round((100 * (5 + 3)) / 20));
    expect(computeMastery([], states)).toBe(0);
  });
});

describe('computeStats', () => {
  const states = new Map([
    ['a', rate([1, 4], 10)], // 2 reviews, due long ago
    ['c', rate([5], 0)], // not due
    ['gone', rate([5], 0)], // a deleted card: not counted
  ]);
  const stats = computeStats(cards, states, now);

  it('counts cards, seen, reviews, due and new for the given cards only', () => {
    expect(stats).toMatchObject({ cards: 4, seen: 2, reviews: 3, due: 1, new: 2, dueWeek: 1 });
    expect(stats.mastery).toBe(Math.round((100 * 9) / 20));
  });

  it('groups by difficulty (all three always present) and by deck', () => {
    expect(stats.byDifficulty).toEqual({
      easy: { cards: 2, seen: 1, mastery: 40 },
      medium: { cards: 0, seen: 0, mastery: 0 },
      hard: { cards: 1, seen: 1, mastery: 100 },
    });
    expect(stats.byDeck).toEqual({ x: { cards: 2, seen: 1, mastery: 40 }, y: { cards: 2, seen: 1, mastery: 50 } });
  });

  it('counts latest ratings and gives the earliest due time', () => {
    expect(stats.latestRatings).toEqual(countRatings([4, 5]));
    expect(stats.nextDue).toBe(states.get('a')?.fsrs.due.toISOString());
  });

  it('is all zeros for no cards', () => {
    expect(computeStats([], new Map(), now)).toMatchObject({
      cards: 0,
      seen: 0,
      reviews: 0,
      due: 0,
      mastery: 0,
      nextDue: null,
    });
  });
});
