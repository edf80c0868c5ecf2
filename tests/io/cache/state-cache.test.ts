import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../../src/core/errors.js';
import { formatLogLine, type LogEntry, type Rating, type ReviewEntry } from '../../../src/core/log/review-log.js';
import { collectReviews } from '../../../src/core/log/collect-reviews.js';
import { toGrowingHistory, type CardHistory } from '../../../src/core/log/card-history.js';
import { collectBurials, replayLog } from '../../../src/core/log/replay.js';
import {
  createScheduler,
  type CardState,
  type ScheduleSettings,
  type Scheduler,
} from '../../../src/core/schedule/scheduler.js';
import { loadCardStates } from '../../../src/io/cache/state-cache.js';
import { openStore, type Store } from '../../../src/io/store/store.js';

let dir: string;
let cacheDir: string;
let store: Store;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flashdeck-states-'));
  cacheDir = path.join(dir, 'cache');
  store = openStore(dir);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const SETTINGS: ScheduleSettings = { retention: 0.9 };
const DAY = 86_400_000;
const START = Date.parse('2025-01-01T09:00:00.000Z');

const review = (card: string, rating: Rating, at: number): LogEntry => ({
  card,
  rating,
  at: new Date(at).toISOString(),
  seconds: 3,
});
const append = (...entries: LogEntry[]) => fs.appendFileSync(store.logPath, entries.map(formatLogLine).join(''));

/** A card's state after its reviews in time order, rating by rating: written here apart from the code under test. */
function replayReviews(scheduler: Scheduler, reviews: readonly ReviewEntry[]): CardState | undefined {
  let state: CardState | undefined;
  for (const entry of reviews) state = scheduler.applyRating(state, entry.rating, new Date(entry.at));
  return state;
}

/** What a full replay of the whole log gives: the reference every cached load must equal. */
function replayAll(settings = SETTINGS) {
  const scheduler = createScheduler(settings);
  const reviewsByCard = collectReviews(store.readLog());
  const histories = new Map<string, CardHistory>();
  for (const [id, reviews] of reviewsByCard) {
    // Each review after the first, with the state the card had just before it.
    const before = reviews.slice(1).map((_, index) => replayReviews(scheduler, reviews.slice(0, index + 1))!.fsrs);
    histories.set(id, {
      times: reviews.map((entry) => Date.parse(entry.at)),
      ratings: reviews.map((entry) => entry.rating),
      seconds: reviews.map((entry) => entry.seconds),
      intervals: before.map((card) => card.scheduled_days),
      stabilities: before.map((card) => card.stability),
    });
  }
  // Burials have no replay but the one in core: the log read whole is the reference.
  const states = new Map([...reviewsByCard].map(([id, reviews]) => [id, replayReviews(scheduler, reviews)!]));
  return { states, histories, burials: collectBurials(store.readLog()) };
}

/**
 * The states and histories as loaded, the histories as plain lists (the cache gives views of its file's numbers).
 * `now` is the file system's clock: ten seconds on, a log just written is old enough for its key to be trusted.
 */
function load(settings = SETTINGS, now = Date.now()) {
  const { states, histories, burials } = loadCardStates(store, createScheduler(settings), settings, cacheDir, now);
  return {
    states,
    histories: new Map([...histories].map(([id, history]) => [id, toGrowingHistory(history)])),
    burials,
  };
}

const later = () => load(SETTINGS, Date.now() + 10_000);

/**
 * Changes the cached state of `card` so that a load served from the cache shows it; with `logHash`, the hash of the
 * log too, so that only a load that trusts the log's key without reading it can use the cache.
 */
function tamperWithCache(card: string, logHash?: string): void {
  const file = path.join(cacheDir, 'states.json');
  const cache = JSON.parse(fs.readFileSync(file, 'utf8')) as { states: [string, number, number][]; logHash: string };
  // Each state is a row starting [id, reviews, lastRating, …]; the review count must keep matching the histories.
  for (const state of cache.states) if (state[0] === card) state[2] = 1;
  if (logHash !== undefined) cache.logHash = logHash;
  fs.writeFileSync(file, JSON.stringify(cache));
}

describe('loadCardStates', () => {
  it('gives exactly the states and burials of a full replay as the log grows, with undos, burials and merged, out-of-order reviews', () => {
    let seed = 3;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const cards = Array.from({ length: 12 }, (_, index) => `deck/card-${index}`);
    const given: LogEntry[] = [];
    let clock = START;
    for (let session = 0; session < 60; session += 1) {
      const chunk: LogEntry[] = [];
      for (let step = Math.floor(random() * 6); step >= 0; step -= 1) {
        clock += Math.floor(random() * 3 * DAY);
        const roll = random();
        const card = cards[Math.floor(random() * cards.length)] as string;
        const reviews = given.filter((entry): entry is LogEntry & { rating: Rating } => 'rating' in entry);
        const earlier = reviews[Math.floor(random() * reviews.length)];
        const at = new Date(clock).toISOString();
        const burials = given.filter((entry): entry is LogEntry & { bury: string } => 'bury' in entry);
        const burial = burials[Math.floor(random() * burials.length)];
        if (roll < 0.1) chunk.push({ card, bury: new Date(clock + Math.floor(random() * 4 * DAY)).toISOString(), at });
        else if (roll < 0.15 && burial)
          chunk.push({ card: burial.card, unbury: random() < 0.8 ? burial.at : true, at });
        else if (roll < 0.25 && earlier) chunk.push({ card: earlier.card, undo: earlier.at, at });
        // A review from another device, merged in later: older than what the card already has.
        else if (roll < 0.35)
          chunk.push(review(card, (1 + Math.floor(random() * 5)) as Rating, clock - Math.floor(random() * 90 * DAY)));
        // The same time twice: ties keep file order.
        else if (roll < 0.4 && earlier) chunk.push(review(earlier.card, 4, Date.parse(earlier.at)));
        else chunk.push(review(card, (1 + Math.floor(random() * 5)) as Rating, clock));
      }
      given.push(...chunk);
      append(...chunk);
      expect(load(), `after session ${session}`).toEqual(replayAll());
      expect(later(), `after session ${session}, the log unread`).toEqual(replayAll());
    }
    expect(given.filter((entry) => 'bury' in entry).length).toBeGreaterThan(5);
    expect(given.filter((entry) => 'unbury' in entry).length).toBeGreaterThan(2);
  });

  it('gives what a full replay gives with forgets, suspensions and schedules carried over, cached or not', () => {
    const scheduler = createScheduler(SETTINGS);
    const at = (time: number) => new Date(time).toISOString();
    const steps: LogEntry[][] = [
      [{ card: 'a', schedule: { due: '2026-03-01', interval: 30, ease: 250 }, at: at(START) }, review('b', 4, START)],
      [review('a', 4, Date.parse('2026-03-02T10:00:00Z')), { card: 'b', suspend: true, at: at(START + DAY) }],
      [{ card: 'c', schedule: { due: '2026-04-01', interval: 10, ease: 230 }, at: at(START + 2 * DAY) }],
      [
        { card: 'b', forget: true, at: at(START + 3 * DAY) },
        { card: 'b', unsuspend: true, at: at(START + 3 * DAY) },
      ],
      [{ card: 'b', undo: at(START + 3 * DAY), at: at(START + 4 * DAY) }],
    ];
    for (const step of steps) {
      append(...step);
      const expected = replayLog(store.readLog(), scheduler);
      for (const loaded of [
        loadCardStates(store, scheduler, SETTINGS, cacheDir),
        loadCardStates(store, scheduler, SETTINGS, cacheDir, Date.now() + 10_000),
      ]) {
        const { states, burials, suspended, texts, schedules } = loaded;
        expect({ states, burials, suspended, texts, schedules }).toEqual({ ...expected, histories: undefined });
        expect(new Map([...loaded.histories].map(([id, history]) => [id, toGrowingHistory(history)]))).toEqual(
          expected.histories,
        );
      }
    }
    expect(replayLog(store.readLog(), scheduler).states.get('c')?.reviews).toBe(0);
  });

  it('extends the cached burials with bury and unbury lines, without a full replay', () => {
    const bury = (card: string, at: number) => ({
      card,
      bury: new Date(at + DAY).toISOString(),
      at: new Date(at).toISOString(),
    });
    append(review('a', 4, START), bury('b', START));
    load();
    tamperWithCache('a');
    append(bury('c', START + DAY), {
      card: 'b',
      unbury: new Date(START).toISOString(),
      at: new Date(START + DAY).toISOString(),
    });
    const { states, burials } = load();
    expect(states.get('a')?.lastRating).toBe(1);
    expect(burials).toEqual(
      new Map([['c', [{ until: new Date(START + 2 * DAY), at: new Date(START + DAY).toISOString() }]]]),
    );
  });

  it('extends the cached states with reviews appended in time order', () => {
    append(review('a', 4, START), review('b', 3, START + DAY));
    load();
    tamperWithCache('a');
    append(review('b', 5, START + 3 * DAY), review('c', 2, START + 3 * DAY));
    const { states, histories } = load();
    expect(states.get('a')?.lastRating).toBe(1);
    expect(states.get('b')).toEqual(replayAll().states.get('b'));
    expect(states.get('c')).toEqual(replayAll().states.get('c'));
    expect(histories.get('b')).toEqual(replayAll().histories.get('b'));
    expect(histories.get('b')?.intervals).toHaveLength(1);
    expect(histories.get('c')).toEqual({
      times: [START + 3 * DAY],
      ratings: [2],
      seconds: [3],
      intervals: [],
      stabilities: [],
    });
  });

  it.each([
    [
      'an undo',
      (): LogEntry => ({
        card: 'b',
        undo: new Date(START + DAY).toISOString(),
        at: new Date(START + 2 * DAY).toISOString(),
      }),
    ],
    ['a review older than the card’s last one', () => review('b', 1, START)],
  ])('replays the whole log after %s', (_, entry) => {
    append(review('a', 4, START), review('b', 3, START + DAY));
    load();
    tamperWithCache('a');
    append(entry());
    expect(load()).toEqual(replayAll());
  });

  it('replays the whole log when it was rewritten, even to the same size', () => {
    append(review('a', 4, START), review('a', 3, START + 3 * DAY), review('b', 5, START));
    load();
    const text = fs.readFileSync(store.logPath, 'utf8');
    fs.writeFileSync(store.logPath, text.replace('"rating":3', '"rating":1'));
    expect(load().states.get('a')?.lastRating).toBe(1);
    expect(load()).toEqual(replayAll());
  });

  it('keeps states per scheduler settings', () => {
    append(review('a', 4, START), review('a', 4, START + 3 * DAY));
    const strict: ScheduleSettings = { retention: 0.97 };
    expect(load()).toEqual(replayAll());
    expect(load(strict)).toEqual(replayAll(strict));
    expect(load(strict).states.get('a')?.fsrs.due).not.toEqual(load().states.get('a')?.fsrs.due);
  });

  it('reports a damaged line appended later exactly as the store does', () => {
    append(review('a', 4, START));
    load();
    fs.appendFileSync(store.logPath, 'not a review\n');
    append(review('a', 4, START + DAY));
    expect(() => load()).toThrow(StoreError);
    expect(() => load()).toThrow(/damaged at line 2/);
  });

  it('leaves an unfinished last line (another session mid-write) out, as the store does', () => {
    append(review('a', 4, START));
    load();
    fs.appendFileSync(store.logPath, '{"card":"a","rat');
    expect(load()).toEqual(replayAll());
    expect(load().states.get('a')?.reviews).toBe(1);
  });

  it.each([
    ['cut short', (bytes: Buffer) => bytes.subarray(0, bytes.length - 8)],
    [
      'stamped for another log',
      (bytes: Buffer) => {
        // Another log's histories: the same shape, another time for the first review.
        const copy = Buffer.concat([Buffer.from('0'.repeat(40)), bytes.subarray(40)]);
        copy.writeDoubleLE(START - DAY, 40);
        return copy;
      },
    ],
    [
      'holding a rating that is not 1–5',
      (bytes: Buffer) => {
        // The first card's ratings follow its times: a first rating of 7.
        const copy = Buffer.from(bytes);
        copy.writeDoubleLE(7, 40 + 8 * 2);
        return copy;
      },
    ],
  ])('falls back to replaying histories from a file %s, keeping the states', (_, damage) => {
    append(review('a', 4, START), review('a', 3, START + 3 * DAY), review('b', 5, START));
    load();
    const file = path.join(cacheDir, 'histories.bin');
    fs.writeFileSync(file, damage(fs.readFileSync(file)));
    tamperWithCache('b');
    const { states, histories } = load();
    // The states still come from the cache (tampered with), the histories from the log.
    expect(states.get('b')?.lastRating).toBe(1);
    expect(histories).toEqual(replayAll().histories);
    // The next review replays the whole log rather than extend what does not fit.
    append(review('a', 4, START + 9 * DAY));
    expect(load()).toEqual(replayAll());
  });

  it('does not read a log unchanged since the cache was written, once it is old enough to vouch for it', () => {
    append(review('a', 4, START), review('b', 3, START + DAY));
    later();
    // The hash no longer matches: a load that reads the log replays it, one that trusts its key uses the cache.
    tamperWithCache('a', 'not the hash');
    expect(later().states.get('a')?.lastRating).toBe(1);
    expect(load().states.get('a')?.lastRating).toBe(1);
  });

  it('reads a log changed only a moment before the cache was written, and stores its key once it is older', () => {
    append(review('a', 4, START), review('b', 3, START + DAY));
    load();
    tamperWithCache('a', 'not the hash');
    expect(load()).toEqual(replayAll());
    // Unchanged and old now: read once more, then trusted by its key.
    expect(later()).toEqual(replayAll());
    tamperWithCache('a', 'not the hash');
    expect(later().states.get('a')?.lastRating).toBe(1);
  });

  it('reads the log again when it was rewritten in place to the same size, its modification time set back', () => {
    append(review('a', 4, START), review('a', 3, START + 3 * DAY), review('b', 5, START));
    // A whole second, which every file system stores exactly: after the rewrite only the change time differs.
    const second = Math.floor(Date.now() / 1000) - 60;
    fs.utimesSync(store.logPath, second, second);
    later();
    const text = fs.readFileSync(store.logPath, 'utf8');
    fs.writeFileSync(store.logPath, text.replace('"rating":3', '"rating":1'));
    fs.utimesSync(store.logPath, second, second);
    expect(later().states.get('a')?.lastRating).toBe(1);
    expect(later()).toEqual(replayAll());
  });

  it('reads the log again when it was replaced by another file of the same size', () => {
    append(review('a', 4, START), review('a', 3, START + 3 * DAY));
    later();
    const text = fs.readFileSync(store.logPath, 'utf8');
    const replacement = `${store.logPath}.new`;
    fs.writeFileSync(replacement, text.replace('"rating":3', '"rating":2'));
    fs.renameSync(replacement, store.logPath);
    expect(later().states.get('a')?.lastRating).toBe(2);
  });

  it('starts afresh from a damaged cache, and without a log', () => {
    expect(load()).toEqual({ states: new Map(), histories: new Map(), burials: new Map() });
    append(review('a', 4, START));
    load();
    fs.writeFileSync(path.join(cacheDir, 'states.json'), '{"format":1,"states":');
    expect(load()).toEqual(replayAll());
  });
});
