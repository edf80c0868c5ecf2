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
  spreadSiblings,
  takeStep,
  undoStep,
  type SessionProgress,
} from '../../../src/core/schedule/session.js';
import { getStudyDayEnd, getStudyDayStart } from '../../../src/core/schedule/study-day.js';
import { makeCard } from '../../support/make-card.js';
import { createRandom } from '../../../scripts/seeded-random.mjs';

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

describe('siblings (cards of one note)', () => {
  const sibling = (note: string, number: number): Card =>
    makeCard({ id: `${note}#c${number}`, note, kind: 'cloze', path: `${note}.md` });
  /** Notes with their numbers of cards, each note's cards in a row, as a deck lists them. */
  const notesOf = (sizes: Record<string, number>): Card[] =>
    Object.entries(sizes).flatMap(([note, size]) =>
      Array.from({ length: size }, (_, index) => sibling(note, index + 1)),
    );
  const ids = (cards: readonly Card[]) => cards.map((c) => c.id);
  /** The places where a card follows its sibling. */
  const besideSibling = (cards: readonly Card[]) =>
    cards.flatMap((c, index) => (index > 0 && cards[index - 1]?.note === c.note ? [index] : []));
  const deck = notesOf({ a: 4, b: 3, c: 2, d: 2, e: 3, f: 2 });

  it('never puts siblings back to back with --all, every card kept', () => {
    const planned = planSession(deck, new Map(), { ...base, all: true, burySiblings: false });
    expect(planned).toHaveLength(deck.length);
    expect(new Set(ids(planned))).toEqual(new Set(ids(deck)));
    expect(besideSibling(planned)).toEqual([]);
  });

  it('never puts siblings back to back without bury-siblings: every new card of every note, apart', () => {
    const planned = planSession(deck, new Map(), { ...base, burySiblings: false });
    expect(planned).toHaveLength(deck.length);
    expect(besideSibling(planned)).toEqual([]);
  });

  it('keeps siblings apart in shuffled sessions too, whatever the seed', () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      for (const all of [true, false]) {
        const planned = planSession(deck, new Map(), {
          ...base,
          all,
          burySiblings: false,
          shuffle: true,
          random: createRandom(seed),
        });
        expect(planned, `seed ${seed}`).toHaveLength(deck.length);
        expect(besideSibling(planned), `seed ${seed}: ${ids(planned).join(' ')}`).toEqual([]);
      }
    }
  });

  it('shuffles differently with different seeds (the shuffle is not undone by spreading)', () => {
    const order = (seed: number) =>
      ids(planSession(deck, new Map(), { ...base, all: true, shuffle: true, random: createRandom(seed) }));
    expect(order(1)).not.toEqual(order(2));
    expect(order(3)).toEqual(order(3));
  });

  it('plans one card per note with bury-siblings: the first of each note', () => {
    const planned = planSession(deck, new Map(), { ...base, burySiblings: true });
    expect(ids(planned)).toEqual(['a#c1', 'b#c1', 'c#c1', 'd#c1', 'e#c1', 'f#c1']);
  });

  it('with bury-siblings, a note with a due card gives that one, not also a new sibling', () => {
    const cards = notesOf({ a: 3, b: 2 });
    const states = new Map([['a#c2', ratedDaysAgo(10)]]);
    const planned = planSession(cards, states, { ...base, burySiblings: true });
    expect(ids(planned)).toEqual(['a#c2', 'b#c1']);
    // Without it, every card comes, the due one first, siblings apart.
    const all = planSession(cards, states, { ...base, burySiblings: false });
    expect(all[0]?.id).toBe('a#c2');
    expect(all).toHaveLength(5);
    expect(besideSibling(all)).toEqual([]);
  });

  it('with bury-siblings, a note rated today gives none of its other cards today; the rated card still comes if due', () => {
    const cards = notesOf({ a: 3, b: 2 });
    const anHourAgo = new Date(now.getTime() - 3_600_000);
    // Rated an hour ago and due again today (the scheduler works in whole days, so the due time is set by hand).
    const ratedToday = applyRating(undefined, 1, anHourAgo);
    const lapsedToday = { ...ratedToday, fsrs: { ...ratedToday.fsrs, due: now } };
    expect(createDueCheck(now)(lapsedToday)).toBe(true);
    expect(ids(planSession(cards, new Map([['a#c2', lapsedToday]]), base))).toEqual(['a#c2', 'b#c1']);
    // Known an hour ago: not due, and its siblings wait for tomorrow all the same.
    const knownToday = applyRating(undefined, 4, anHourAgo);
    expect(ids(planSession(cards, new Map([['a#c2', knownToday]]), base))).toEqual(['b#c1']);
    // Rated before today's 04:00: its siblings are free again.
    const lastNight = applyRating(undefined, 4, new Date('2026-03-10T03:30:00Z'));
    expect(ids(planSession(cards, new Map([['a#c2', lastNight]]), base))).toEqual(['a#c1', 'b#c1']);
    // Without bury-siblings, a sibling rated today holds back nothing.
    expect(ids(planSession(cards, new Map([['a#c2', knownToday]]), { ...base, burySiblings: false }))).toEqual([
      'a#c1',
      'b#c1',
      'a#c3',
      'b#c2',
    ]);
  });

  it('with --all, shows the siblings of a note rated today anyway', () => {
    const cards = notesOf({ a: 3 });
    const knownToday = applyRating(undefined, 4, new Date(now.getTime() - 3_600_000));
    expect(planSession(cards, new Map([['a#c2', knownToday]]), { ...base, all: true })).toHaveLength(3);
  });

  it('spreadSiblings keeps an order without siblings side by side as it is', () => {
    const cards = [sibling('a', 1), sibling('b', 1), sibling('a', 2), sibling('c', 1), sibling('b', 2)];
    expect(spreadSiblings(cards)).toEqual(cards);
    expect(spreadSiblings([])).toEqual([]);
  });

  it('spreadSiblings moves a card following its sibling to just after the next card of another note', () => {
    const cards = [sibling('a', 1), sibling('a', 2), sibling('b', 1), sibling('c', 1), sibling('d', 1)];
    expect(ids(spreadSiblings(cards))).toEqual(['a#c1', 'b#c1', 'a#c2', 'c#c1', 'd#c1']);
    const three = [sibling('a', 1), sibling('a', 2), sibling('a', 3), sibling('b', 1), sibling('c', 1)];
    expect(ids(spreadSiblings(three))).toEqual(['a#c1', 'b#c1', 'a#c2', 'c#c1', 'a#c3']);
  });

  it('spreadSiblings leaves siblings side by side only when nothing else is left to put between them', () => {
    const cards = [sibling('a', 1), sibling('a', 2), sibling('a', 3), sibling('b', 1)];
    expect(ids(spreadSiblings(cards))).toEqual(['a#c1', 'b#c1', 'a#c2', 'a#c3']);
    const alone = [sibling('a', 1), sibling('a', 2)];
    expect(ids(spreadSiblings(alone))).toEqual(['a#c1', 'a#c2']);
  });

  it('spreadSiblings brings a note holding most of the cards left forward, so its cards can still be kept apart', () => {
    const cards = [sibling('b', 1), sibling('c', 1), sibling('a', 1), sibling('a', 2), sibling('a', 3)];
    expect(ids(spreadSiblings(cards))).toEqual(['a#c1', 'b#c1', 'a#c2', 'c#c1', 'a#c3']);
    // Only when it must: with room to spare, the order stays.
    const roomy = [sibling('b', 1), sibling('c', 1), sibling('a', 1), sibling('d', 1), sibling('a', 2)];
    expect(spreadSiblings(roomy)).toEqual(roomy);
    // When no order keeps them apart, every card is still there.
    const crowded = [sibling('b', 1), sibling('a', 1), sibling('a', 2), sibling('a', 3)];
    expect(ids(spreadSiblings(crowded)).sort()).toEqual(['a#c1', 'a#c2', 'a#c3', 'b#c1']);
  });

  it('advanceQueue never brings a lapsed card back beside a sibling while there is room', () => {
    const queue = [sibling('a', 1), card('x'), card('y'), sibling('a', 2), card('z'), card('w')];
    const after = advanceQueue(queue, 1);
    expect(ids(after)).toEqual(['x', 'y', 'a#c2', 'z', 'a#c1', 'w']);
    expect(besideSibling(after)).toEqual([]);
    // A sibling just after the usual place pushes it on too.
    const next = [sibling('a', 1), card('x'), card('y'), card('z'), sibling('a', 2), card('w'), card('v')];
    expect(ids(advanceQueue(next, 2))).toEqual(['x', 'y', 'z', 'a#c2', 'w', 'a#c1', 'v']);
    // Two siblings in a row ahead: past both.
    const two = [sibling('a', 1), card('x'), card('y'), sibling('a', 2), sibling('a', 3), card('z'), card('w')];
    const twoAfter = advanceQueue(two, 1);
    expect(besideSibling(twoAfter.filter((c) => c.id !== 'a#c3'))).toEqual([]);
    expect(twoAfter.indexOf(two[0] as Card)).toBeGreaterThan(twoAfter.indexOf(two[4] as Card) + 1);
  });

  it('advanceQueue puts a lapsed card beside its sibling only when no place is free of one', () => {
    const queue = [sibling('a', 1), card('x'), card('y'), sibling('a', 2)];
    expect(ids(advanceQueue(queue, 1))).toEqual(['x', 'y', 'a#c2', 'a#c1']);
    // A rating of 3 or more drops it, siblings or not.
    expect(ids(advanceQueue(queue, 3))).toEqual(['x', 'y', 'a#c2']);
  });
});
