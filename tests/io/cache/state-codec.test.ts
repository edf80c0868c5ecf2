import { describe, expect, it } from 'vitest';
import { replayLog } from '../../../src/core/log/replay.js';
import type { LogEntry, Rating } from '../../../src/core/log/review-log.js';
import { createScheduler } from '../../../src/core/schedule/scheduler.js';
import {
  decodeBurials,
  decodeHistories,
  decodeStates,
  encodeBurials,
  encodeHistories,
  encodeState,
  isEncodedBurial,
  isEncodedState,
} from '../../../src/io/cache/state-codec.js';

// The state cache's one codec: what it writes reads back exactly, and what it cannot write exactly it refuses.

const DAY = 86_400_000;
const START = Date.parse('2026-01-05T09:00:00.000Z');
const iso = (time: number) => new Date(time).toISOString();

/** A replay with reviews of every rating, lapses, several cards, burials in force. */
function sample() {
  const log: LogEntry[] = [];
  ['a', 'b', 'c'].forEach((card, index) => {
    for (let step = 0; step < 6; step += 1) {
      const rating = (1 + ((step + index) % 5)) as Rating;
      log.push({ card, rating, at: iso(START + step * (index + 1) * DAY + index), seconds: 1.5 * step });
    }
  });
  log.push({ card: 'a', bury: iso(START + 40 * DAY), at: iso(START + 39 * DAY) });
  log.push({ card: 'd', bury: '2026-03-01T04:00:00+01:00', at: '2026-02-28T10:00:00.123+01:00' });
  return replayLog(log, createScheduler({ retention: 0.9 }));
}

describe('the state codec', () => {
  it('decode(encode(states)) gives the states back exactly', () => {
    const { states } = sample();
    const rows = [...states].map(([id, state]) => encodeState(id, state)!);
    expect(rows.every(isEncodedState)).toBe(true);
    // Through JSON, as the cache file holds them.
    expect(decodeStates(JSON.parse(JSON.stringify(rows)) as typeof rows)).toEqual(states);
  });

  it('decode(encode(burials)) gives the burials back exactly', () => {
    const { burials } = sample();
    expect(burials.size).toBe(2);
    const rows = encodeBurials(burials);
    expect(rows.every(isEncodedBurial)).toBe(true);
    expect(decodeBurials(JSON.parse(JSON.stringify(rows)) as typeof rows)).toEqual(burials);
  });

  it('decode(encode(histories)) gives the histories back exactly', () => {
    const { histories } = sample();
    const list = [...histories.values()];
    const decoded = decodeHistories(
      encodeHistories(list),
      list.map((history) => history.times.length),
    );
    const plain = (history: object) =>
      Object.fromEntries(Object.entries(history).map(([name, numbers]) => [name, [...(numbers as Iterable<number>)]]));
    expect(decoded?.map(plain)).toEqual(list.map(plain));
  });

  it('refuses a state with a field it does not know, rather than cut it short', () => {
    const [[id, state]] = [...sample().states] as [[string, Parameters<typeof encodeState>[1]]];
    expect(encodeState(id, { ...state, fsrs: { ...state.fsrs, extra: 1 } as typeof state.fsrs })).toBeNull();
  });

  it('refuses rows and numbers it did not write', () => {
    expect(isEncodedState(['a', 1, 9, 0, 0, ...Array(10).fill(0)])).toBe(false);
    expect(isEncodedState(['a', 1, 3, 0, 0])).toBe(false);
    expect(isEncodedBurial(['a', 'soon', '2026-01-01T00:00:00Z'])).toBe(false);
    const list = [...sample().histories.values()];
    const numbers = encodeHistories(list);
    expect(decodeHistories(numbers, [1])).toBeNull();
    numbers[list[0]!.times.length] = 7; // the first card's first rating
    expect(
      decodeHistories(
        numbers,
        list.map((history) => history.times.length),
      ),
    ).toBeNull();
  });
});
