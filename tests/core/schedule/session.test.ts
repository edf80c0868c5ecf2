import { describe, expect, it } from 'vitest';
import type { Card } from '../../../src/core/card/card.js';
import { createScheduler, type CardState } from '../../../src/core/schedule/scheduler.js';

const { applyRating } = createScheduler();
import {
  advanceQueue,
  countStudiedToday,
  createDueCheck,
  listRatings,
  planSession,
  RELEARN_GAP,
  shuffleCards,
  takeStep,
  undoStep,
  type SessionProgress,
} from '../../../src/core/schedule/session.js';
import { getStudyDayEnd, getStudyDayStart } from '../../../src/core/schedule/study-day.js';
import { makeCard } from '../../support/make-card.js';

const DAY = 86_400_000;
const now = new Date('2026-03-10T12:00:00Z'); // tests run with TZ=UTC
const card = (id: string): Card => makeCard({ id });
const ratedDaysAgo = (days: number, rating: 1 | 2 | 3 | 4 | 5 = 4): CardState =>
  applyRating(undefined, rating, new Date(now.getTime() - days * DAY));
const base = { now, newLimit: 20, reviewLimit: 200, all: false, burySiblings: true, shuffle: false, random: () => 0 };

describe('study days start at 04:00', () => {
  it('counts 03:59 as the day before', () => {
    expect(getStudyDayStart(new Date('2026-03-10T03:59:00Z'))).toEqual(new Date('2026-03-09T04:00:00Z'));
    expect(getStudyDayStart(new Date('2026-03-10T04:00:00Z'))).toEqual(new Date('2026-03-10T04:00:00Z'));
    expect(getStudyDayEnd(new Date('2026-03-10T23:00:00Z'))).toEqual(new Date('2026-03-11T04:00:00Z'));
  });
});

describe('planSession', () => {
  const cards = ['a', 'b', 'c', 'd', 'e'].map(card);

  it('puts due cards first, most overdue first, then new cards', () => {
    const states = new Map([
      ['b', ratedDaysAgo(3)], // due 0 days overdue (Good → 3d)
      ['d', ratedDaysAgo(10)], // 7 days overdue
      ['e', ratedDaysAgo(1, 5)], // Easy → 8d: not due
    ]);
    expect(planSession(cards, states, base).map((c) => c.id)).toEqual(['d', 'b', 'a', 'c']);
  });

  it('counts a card due later today (before 04:00 tomorrow) as due', () => {
    const dueTonight = applyRating(undefined, 4, new Date(now.getTime() - 3 * DAY + 10 * 3_600_000));
    expect(createDueCheck(now)(dueTonight)).toBe(true);
    expect(createDueCheck(now)(ratedDaysAgo(1, 5))).toBe(false);
    expect(createDueCheck(now)(undefined)).toBe(false);
  });

  it('counts a card due up to the last moment of the study day (04:00 tomorrow) as due, and not from then on', () => {
    const endOfDay = Date.parse('2026-03-11T04:00:00Z'); // TZ is UTC in tests
    const dueAt = (time: number) => {
      const state = ratedDaysAgo(3);
      return { ...state, fsrs: { ...state.fsrs, due: new Date(time) } };
    };
    expect(createDueCheck(now)(dueAt(endOfDay - 1))).toBe(true);
    expect(createDueCheck(now)(dueAt(endOfDay))).toBe(false);
  });

  it('caps new cards and distinct cards', () => {
    expect(planSession(cards, new Map(), { ...base, newLimit: 2 }).map((c) => c.id)).toEqual(['a', 'b']);
    expect(planSession(cards, new Map(), { ...base, newLimit: -3 })).toEqual([]);
    expect(planSession(cards, new Map(), { ...base, limit: 3 }).map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });

  it('takes every card with --all, ignoring schedule, limits and burials', () => {
    const states = new Map([['e', ratedDaysAgo(1, 5)]]);
    const buried = new Map([['a', new Date(now.getTime() + DAY)]]);
    expect(planSession(cards, states, { ...base, all: true, newLimit: 0, reviewLimit: 0, buried })).toHaveLength(5);
  });

  it('caps due cards at the review limit, most overdue kept', () => {
    const states = new Map([
      ['b', ratedDaysAgo(3)],
      ['d', ratedDaysAgo(10)],
    ]);
    expect(planSession(cards, states, { ...base, reviewLimit: 1, newLimit: 0 }).map((c) => c.id)).toEqual(['d']);
  });

  it('leaves out cards buried until later, and brings them back once the time has passed', () => {
    const buried = new Map([
      ['a', new Date(now.getTime() + DAY)],
      ['b', new Date(now.getTime() - 1)],
    ]);
    expect(planSession(cards, new Map(), { ...base, buried }).map((c) => c.id)).toEqual(['b', 'c', 'd', 'e']);
  });

  it('shuffles with the given random source, keeping every card', () => {
    let seed = 1;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const shuffled = planSession(cards, new Map(), { ...base, shuffle: true, random });
    expect(shuffled.map((c) => c.id).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(shuffled.map((c) => c.id)).not.toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(shuffleCards([1, 2, 3], () => 0.999)).toEqual([1, 2, 3]);
  });
});

describe('countStudiedToday', () => {
  it('counts cards first rated since 04:00 today, and older cards reviewed since then', () => {
    const today = applyRating(undefined, 3, new Date('2026-03-10T05:00:00Z'));
    const beforeFour = applyRating(undefined, 3, new Date('2026-03-10T03:00:00Z'));
    const reviewedToday = applyRating(ratedDaysAgo(4), 4, new Date('2026-03-10T06:00:00Z'));
    expect(countStudiedToday([today, beforeFour, ratedDaysAgo(2), reviewedToday], now)).toEqual({
      newCards: 1,
      reviews: 1,
    });
  });
});

describe('advanceQueue (relearning inside a session)', () => {
  const queue = ['a', 'b', 'c', 'd', 'e', 'f'].map(card);
  const ids = (q: readonly Card[]) => q.map((c) => c.id).join('');

  it('drops a card rated 3 or more', () => {
    for (const rating of [3, 4, 5] as const) expect(ids(advanceQueue(queue, rating))).toBe('bcdef');
  });

  it(`brings a card rated 1 or 2 back after ${RELEARN_GAP} others`, () => {
    expect(ids(advanceQueue(queue, 1))).toBe('bcdaef');
    expect(ids(advanceQueue(queue, 2))).toBe('bcdaef');
  });

  it('brings it back at the end when fewer cards are left, and alone it comes straight back', () => {
    expect(ids(advanceQueue(queue.slice(0, 2), 1))).toBe('ba');
    expect(ids(advanceQueue(queue.slice(0, 1), 2))).toBe('a');
    expect(advanceQueue([], 1)).toEqual([]);
  });
});

describe('session steps: rate, relearn, skip, bury and undo, in process', () => {
  const review = (id: string, rating: 1 | 2 | 3 | 4 | 5, minute: number) => ({
    card: id,
    rating,
    at: `2026-03-10T12:${String(minute).padStart(2, '0')}:00.000Z`,
    seconds: 2,
  });
  const bury = (id: string) => ({
    kind: 'bury' as const,
    bury: { card: id, bury: '2026-03-11T04:00:00.000Z', at: '2026-03-10T12:00:00.000Z' },
  });
  const start = (): SessionProgress => ({ queue: ['a', 'b', 'c', 'd', 'e', 'f'].map(card), history: [] });
  const ids = (progress: SessionProgress) => progress.queue.map((queued) => queued.id);
  const rate = (progress: SessionProgress, rating: 1 | 2 | 3 | 4 | 5, minute = 0) =>
    takeStep(progress, {
      kind: 'rating',
      review: review(progress.queue[0]!.id, rating, minute),
      stateBefore: undefined,
    });

  it('a rating of 3 or more moves on; a lapse brings the card back after a few others', () => {
    const afterGood = rate(start(), 4);
    expect(ids(afterGood)).toEqual(['b', 'c', 'd', 'e', 'f']);
    const afterLapse = rate(afterGood, 1);
    expect(ids(afterLapse)).toEqual(['c', 'd', 'e', 'b', 'f']);
    expect(listRatings(afterLapse.history).map((step) => [step.card.id, step.review.rating])).toEqual([
      ['a', 4],
      ['b', 1],
    ]);
  });

  it('a relearned card comes back until rated 3 or more, then leaves', () => {
    let progress: SessionProgress = { queue: ['a', 'b'].map(card), history: [] };
    progress = rate(progress, 1); // a back after b
    expect(ids(progress)).toEqual(['b', 'a']);
    progress = rate(progress, 5); // b done
    progress = rate(progress, 2); // a again, alone: stays in front
    expect(ids(progress)).toEqual(['a']);
    progress = rate(progress, 3);
    expect(ids(progress)).toEqual([]);
    expect(listRatings(progress.history)).toHaveLength(4);
  });

  it('skip and bury take the card out; neither is a rating', () => {
    const progress = takeStep(takeStep(start(), { kind: 'skip' }), bury('b'));
    expect(ids(progress)).toEqual(['c', 'd', 'e', 'f']);
    expect(progress.history.map((step) => [step.kind, step.card.id])).toEqual([
      ['skip', 'a'],
      ['bury', 'b'],
    ]);
    expect(listRatings(progress.history)).toEqual([]);
  });

  it('undo walks back over ratings, skips and burials, each card in front again', () => {
    const stateBefore = ratedDaysAgo(3);
    let progress = takeStep(start(), { kind: 'rating', review: review('a', 1, 0), stateBefore });
    progress = takeStep(progress, bury('b'));
    progress = takeStep(progress, { kind: 'skip' }); // c
    const steps: string[] = [];
    for (let taken = undoStep(progress); taken; taken = undoStep(progress)) {
      steps.push(`${taken.undone.kind} ${taken.undone.card.id} → ${ids(taken.progress)[0]}`);
      if (taken.undone.kind === 'rating') expect(taken.undone.stateBefore).toBe(stateBefore);
      progress = taken.progress;
    }
    expect(steps).toEqual(['skip c → c', 'bury b → b', 'rating a → a']);
    expect(progress).toEqual(start());
  });

  it('a burial undone and the card then rated: never both buried and rated', () => {
    let progress = takeStep(start(), bury('a'));
    progress = undoStep(progress)!.progress;
    progress = rate(progress, 5);
    expect(progress.history.map((step) => step.kind)).toEqual(['rating']);
  });

  it('nothing to undo at the start, nothing to step on an empty queue', () => {
    expect(undoStep(start())).toBeNull();
    const empty: SessionProgress = { queue: [], history: [] };
    expect(takeStep(empty, { kind: 'skip' })).toBe(empty);
  });
});
