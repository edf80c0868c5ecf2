import { describe, expect, it } from 'vitest';
import type { Card } from '../../../src/core/card/card.js';
import type { Rating } from '../../../src/core/log/review-log.js';
import { createScheduler, type CardState } from '../../../src/core/schedule/scheduler.js';
import { hasWeakCard, selectWeakest } from '../../../src/core/stats/weakest.js';
import { makeCard } from '../../support/make-card.js';

const scheduler = createScheduler();
const DAY = 86_400_000;
const now = new Date('2026-03-10T15:00:00Z');
const card = (id: string): Card => makeCard({ id, deck: 'd', path: `d/${id}.md` });
/** A card rated `ratings` one after another, the last `daysAgo` days before now. */
const rated = (daysAgo: number, ...ratings: Rating[]): CardState => {
  let state: CardState | undefined;
  for (const rating of ratings) state = scheduler.applyRating(state, rating, new Date(now.getTime() - daysAgo * DAY));
  return state as CardState;
};
const ids = (cards: Card[]) => cards.map((entry) => entry.id);

describe('selectWeakest', () => {
  const cards = ['fresh', 'old', 'lapsed', 'never', 'solid'].map(card);
  const states = new Map([
    ['fresh', rated(0, 3)], // just reviewed: recall near 1
    ['old', rated(40, 4)], // long overdue
    ['lapsed', rated(5, 1)], // forgotten 5 days ago
    ['solid', rated(2, 5, 5)],
  ]);

  it('orders seen cards by recall now, lowest first, and never picks an unseen card', () => {
    const weakest = selectWeakest(cards, states, scheduler, now, 10);
    expect(ids(weakest)).not.toContain('never');
    expect(weakest).toHaveLength(4);
    const recalls = weakest.map((entry) => scheduler.getRetrievability(states.get(entry.id) as CardState, now));
    expect(recalls).toEqual([...recalls].sort((a, b) => a - b));
    expect(ids(weakest).at(-1)).toBe('fresh');
  });

  it('takes at most `count` cards', () => {
    expect(selectWeakest(cards, states, scheduler, now, 2)).toHaveLength(2);
    expect(selectWeakest(cards, states, scheduler, now, 0)).toEqual([]);
  });

  it('breaks ties by the lower latest rating, then by the order of the cards', () => {
    // 1 and 2 are both Again to FSRS: rated at the same moment, the cards have the same recall.
    const tied = ['b', 'a', 'c'].map(card);
    const tiedStates = new Map([
      ['b', rated(3, 2)],
      ['a', rated(3, 1)],
      ['c', rated(3, 2)],
    ]);
    const recalls = [...tiedStates.values()].map((state) => scheduler.getRetrievability(state, now));
    expect(new Set(recalls).size).toBe(1);
    expect(ids(selectWeakest(tied, tiedStates, scheduler, now, 3))).toEqual(['a', 'b', 'c']);
  });
});

describe('hasWeakCard', () => {
  it('finds a card forgotten once, last rated 1 or 2, or under 90% recall now; not one just recalled', () => {
    const weak = (state: CardState) => hasWeakCard([card('x')], new Map([['x', state]]), scheduler, now);
    expect(weak(rated(0, 4))).toBe(false);
    expect(weak(rated(0, 5, 5))).toBe(false);
    expect(weak(rated(0, 2))).toBe(true);
    expect(weak(rated(40, 4))).toBe(true);
    expect(weak(rated(0, 4, 1, 4))).toBe(true);
    expect(hasWeakCard([card('never')], new Map(), scheduler, now)).toBe(false);
  });
});
