import { describe, expect, it } from 'vitest';
import {
  applyEntry,
  collectBurials,
  createLogProgress,
  findBuried,
  replayLog,
  type LogProgress,
} from '../../../src/core/log/replay.js';
import type { BuryEntry, LogEntry, Rating, ReviewEntry } from '../../../src/core/log/review-log.js';
import { createScheduler } from '../../../src/core/schedule/scheduler.js';

// What each line of the log does to a card, in one place: applied line by line (a session, the state cache) it gives
// exactly what a replay of the whole log gives.

const scheduler = createScheduler({ retention: 0.9 });
const DAY = 86_400_000;
const START = Date.parse('2026-01-05T09:00:00.000Z');
const iso = (time: number) => new Date(time).toISOString();
const review = (card: string, rating: Rating, time: number): ReviewEntry => ({
  card,
  rating,
  at: iso(time),
  seconds: 2,
});
const bury = (card: string, time: number, until = time + DAY): BuryEntry => ({ card, bury: iso(until), at: iso(time) });

/** Applies each line in turn, as the state cache does, replaying the whole log when a line asks for it. */
function applyAll(entries: readonly LogEntry[]): LogProgress {
  let progress: LogProgress = createLogProgress();
  entries.forEach((entry, index) => {
    if (!applyEntry(progress, entry, scheduler)) progress = replayLog(entries.slice(0, index + 1), scheduler);
  });
  return progress;
}

describe('applyEntry', () => {
  it('a review: the state FSRS gives and the history grown by it, as a replay gives them', () => {
    const log = [review('a', 4, START), review('b', 1, START), review('a', 2, START + 3 * DAY)];
    const progress = createLogProgress();
    for (const entry of log) expect(applyEntry(progress, entry, scheduler)).toBe(true);
    expect(progress).toEqual(replayLog(log, scheduler));
    expect(progress.states.get('a')).toEqual(
      scheduler.applyRating(scheduler.applyRating(undefined, 4, new Date(START)), 2, new Date(START + 3 * DAY)),
    );
    expect(progress.histories.get('a')).toMatchObject({ ratings: [4, 2], intervals: [expect.any(Number)] });
  });

  it('leaves to a full replay what only it gives exactly: an undo, a review older than the card’s last', () => {
    const progress = createLogProgress();
    applyEntry(progress, review('a', 4, START + DAY), scheduler);
    const before = structuredClone(progress);
    expect(applyEntry(progress, { card: 'a', undo: iso(START + DAY), at: iso(START + 2 * DAY) }, scheduler)).toBe(
      false,
    );
    expect(applyEntry(progress, review('a', 3, START), scheduler)).toBe(false);
    expect(progress).toEqual(before);
  });

  it('an undo whose state before is known (a session’s) gives what a replay of the log with the undo gives', () => {
    const log: LogEntry[] = [review('a', 4, START), review('a', 1, START + 2 * DAY), review('b', 5, START + 2 * DAY)];
    for (const [undone, card] of [
      [log[1] as ReviewEntry, 'a'],
      [log[2] as ReviewEntry, 'b'],
    ] as const) {
      const progress = replayLog(log, scheduler);
      const stateBefore = replayLog(
        log.filter((entry) => entry !== undone),
        scheduler,
      ).states.get(card);
      const undo = { card, undo: undone.at, at: iso(START + 3 * DAY) };
      expect(applyEntry(progress, undo, scheduler, { stateBefore })).toBe(true);
      expect(progress).toEqual(replayLog([...log, undo], scheduler));
    }
  });

  it('a session keeps no histories: states and burials change alike', () => {
    const session: LogProgress = { states: new Map(), burials: new Map(), suspended: new Map() };
    const log = [review('a', 4, START), bury('b', START)];
    for (const entry of log) applyEntry(session, entry, scheduler);
    const { states, burials, suspended } = replayLog(log, scheduler);
    expect(session).toEqual({ states, burials, suspended });
  });
});

describe('burials', () => {
  it('a bury hides the card until its end; an unbury takes back the burial whose time it names', () => {
    const log: LogEntry[] = [bury('a', START), bury('a', START + 1000, START + 2 * DAY), bury('b', START)];
    expect(findBuried(collectBurials(log), new Date(START + 10))).toEqual(
      new Map([
        ['a', new Date(START + 2 * DAY)],
        ['b', new Date(START + DAY)],
      ]),
    );
    // Taking back the later burial leaves the earlier one in force.
    const unburied = [...log, { card: 'a', unbury: iso(START + 1000), at: iso(START + 2000) }];
    expect(findBuried(collectBurials(unburied), new Date(START + 10)).get('a')).toEqual(new Date(START + DAY));
    // `true` takes back every burial of the card.
    const all = [...log, { card: 'a', unbury: true as const, at: iso(START + 2000) }];
    expect([...findBuried(collectBurials(all), new Date(START + 10)).keys()]).toEqual(['b']);
    // Once ended, a burial hides nothing.
    expect(findBuried(collectBurials(log), new Date(START + 3 * DAY))).toEqual(new Map());
  });

  it('an unbury of an instant written with another zone offset still names the burial', () => {
    const log: LogEntry[] = [
      { card: 'a', bury: '2026-01-06T04:00:00+01:00', at: '2026-01-05T10:00:00+01:00' },
      { card: 'a', unbury: '2026-01-05T09:00:00.000Z', at: '2026-01-05T09:01:00Z' },
    ];
    expect(collectBurials(log)).toEqual(new Map());
  });

  it('drops a card’s burials that ended before its next burial was made', () => {
    const log = [bury('a', START), bury('a', START + 2 * DAY)];
    expect(collectBurials(log).get('a')).toEqual([{ until: new Date(START + 3 * DAY), at: iso(START + 2 * DAY) }]);
  });

  it('adds the burials config.json kept before store format 2, until they end', () => {
    const legacy = new Map([
      ['c', new Date(START + DAY)],
      ['d', new Date(START - DAY)],
      ['a', new Date(START + 5 * DAY)],
    ]);
    expect(findBuried(collectBurials([bury('a', START)]), new Date(START), legacy)).toEqual(
      new Map([
        ['a', new Date(START + 5 * DAY)],
        ['c', new Date(START + DAY)],
      ]),
    );
  });
});

describe('line by line equals a replay of the whole log', () => {
  it('for random logs of reviews, undos, burials, unburials and merged, older reviews', () => {
    let seed = 17;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const cards = ['a', 'b', 'c', 'd', 'e'];
    for (let trial = 0; trial < 30; trial += 1) {
      const log: LogEntry[] = [];
      let clock = START;
      for (let step = 0; step < 40; step += 1) {
        clock += Math.floor(random() * 2 * DAY);
        const card = cards[Math.floor(random() * cards.length)] as string;
        const roll = random();
        const reviews = log.filter((entry): entry is ReviewEntry => 'rating' in entry);
        const burials = log.filter((entry): entry is BuryEntry => 'bury' in entry);
        const earlier = reviews[Math.floor(random() * reviews.length)];
        const burial = burials[Math.floor(random() * burials.length)];
        if (roll < 0.15) log.push(bury(card, clock, clock + Math.floor(random() * 3 * DAY)));
        else if (roll < 0.22 && burial) log.push({ card: burial.card, unbury: burial.at, at: iso(clock) });
        else if (roll < 0.3 && earlier) log.push({ card: earlier.card, undo: earlier.at, at: iso(clock) });
        else if (roll < 0.36) log.push(review(card, 3, clock - Math.floor(random() * 30 * DAY)));
        else log.push(review(card, (1 + Math.floor(random() * 5)) as Rating, clock));
      }
      expect(applyAll(log), `trial ${trial}`).toEqual(replayLog(log, scheduler));
    }
  });
});

describe('forget, suspend and schedules carried over', () => {
  const forget = (card: string, time: number): LogEntry => ({ card, forget: true, at: iso(time) });
  const kept = { due: '2026-02-01', interval: 20, ease: 250 };
  const schedule = (card: string, time: number, value = kept): LogEntry => ({ card, schedule: value, at: iso(time) });

  it('a forget makes the card new again; reviews after it start afresh; an undo of it brings the history back', () => {
    const before = [review('a', 4, START), review('a', 4, START + 3 * DAY)];
    const forgotten = [...before, forget('a', START + 4 * DAY)];
    expect(replayLog(forgotten, scheduler).states.has('a')).toBe(false);
    expect(replayLog(forgotten, scheduler).histories.has('a')).toBe(false);
    const after = [...forgotten, review('a', 4, START + 5 * DAY)];
    expect(replayLog(after, scheduler).states.get('a')).toEqual(
      replayLog([review('a', 4, START + 5 * DAY)], scheduler).states.get('a'),
    );
    const undone = [...forgotten, { card: 'a', undo: iso(START + 4 * DAY), at: iso(START + 4 * DAY + 1) }];
    expect(replayLog(undone, scheduler)).toEqual(replayLog(before, scheduler));
    expect(applyAll(after)).toEqual(replayLog(after, scheduler));
  });

  it('a suspension holds until an unsuspend, line by line as in a replay', () => {
    const log: LogEntry[] = [
      { card: 'a', suspend: true, at: iso(START) },
      { card: 'b', suspend: true, at: iso(START) },
      { card: 'a', unsuspend: true, at: iso(START + DAY) },
    ];
    expect(replayLog(log, scheduler).suspended).toEqual(new Map([['b', iso(START)]]));
    expect(applyAll(log)).toEqual(replayLog(log, scheduler));
  });

  it('a card with a schedule carried over is due that day, with that interval as its stability', () => {
    const state = replayLog([schedule('a', START)], scheduler).states.get('a');
    expect(state?.fsrs.due).toEqual(new Date(2026, 1, 1, 4));
    expect(state?.fsrs.stability).toBe(20);
    expect(state?.lastReviewAt).toEqual(new Date(2026, 0, 12, 4));
    expect(state?.reviews).toBe(0);
    // An easier card (higher ease) gets a lower difficulty, as Anki turns SM-2 cards over to FSRS.
    const easy = replayLog([schedule('a', START, { ...kept, ease: 300 })], scheduler).states.get('a');
    const hard = replayLog([schedule('a', START, { ...kept, ease: 130 })], scheduler).states.get('a');
    expect(easy?.fsrs.difficulty).toBeLessThan(state?.fsrs.difficulty ?? 0);
    expect(hard?.fsrs.difficulty).toBeGreaterThan(state?.fsrs.difficulty ?? 0);
  });

  it('a review after the carried-over schedule builds on it, not on a new card', () => {
    const rated = review('a', 4, Date.parse('2026-02-01T10:00:00Z'));
    const log = [schedule('a', START), rated];
    const state = replayLog(log, scheduler).states.get('a');
    expect(state?.fsrs.stability).toBeGreaterThan(20);
    expect(state?.reviews).toBe(1);
    expect(applyAll(log)).toEqual(replayLog(log, scheduler));
  });

  it("the other tool's later schedule wins over older reviews; older schedules give way to newer reviews", () => {
    const early = review('a', 1, Date.parse('2026-01-02T10:00:00Z'));
    const newer = replayLog([early, schedule('a', START)], scheduler).states.get('a');
    expect(newer?.fsrs.stability).toBe(20);
    const late = review('a', 1, Date.parse('2026-03-01T10:00:00Z'));
    const log = [late, schedule('a', START)];
    expect(replayLog(log, scheduler).states.get('a')?.lastReviewAt).toEqual(new Date(late.at));
    expect(applyAll(log)).toEqual(replayLog(log, scheduler));
  });

  it('a forget drops the carried-over schedule too', () => {
    expect(replayLog([schedule('a', START), forget('a', START + DAY)], scheduler).states.has('a')).toBe(false);
  });
});

describe('the reviews made before a schedule carried over', () => {
  it('still count: the state numbers them and the history keeps them', () => {
    const early = review('a', 1, Date.parse('2026-01-02T10:00:00Z'));
    const progress = replayLog(
      [early, { card: 'a', schedule: { due: '2026-02-01', interval: 20, ease: 250 }, at: iso(START) }],
      scheduler,
    );
    expect(progress.states.get('a')).toMatchObject({ reviews: 1, firstReviewAt: new Date(early.at) });
    expect(progress.histories.get('a')?.times).toEqual([Date.parse(early.at)]);
  });
});
