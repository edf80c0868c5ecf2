import { describe, expect, it } from 'vitest';
import type { AnkiCard, AnkiRevlogRow } from '../../../../src/core/transfer/anki-package/collection.js';
import { PackageHistory } from '../../../../src/core/transfer/anki-package/history.js';
import type { CardTarget } from '../../../../src/core/transfer/anki-package/notes.js';

const T = Date.UTC(2025, 2, 1, 8);
const at = (offset: number) => new Date(T + offset).toISOString();
const targets = new Map<number, CardTarget>([
  [1, { id: 'note', note: 'note', kind: 'basic' }],
  [2, { id: 'cloze#c2', note: 'cloze', kind: 'cloze', identityText: 'France' }],
]);
const row = (offset: number, ease: number, type: number, extra: Partial<AnkiRevlogRow> = {}): AnkiRevlogRow => ({
  id: T + offset,
  cardId: 1,
  ease,
  factor: 2500,
  time: 6240,
  type,
  ...extra,
});
const card = (extra: Partial<AnkiCard>): AnkiCard => ({
  id: 1,
  noteId: 1,
  deckId: 1,
  ord: 0,
  type: 2,
  queue: 2,
  modified: T / 1000,
  due: 400,
  interval: 30,
  factor: 2350,
  ...extra,
});
// Made 2024-01-31 04:00 UTC: its cards' due day 400 is 2025-03-06.
const modern = { created: Date.UTC(2024, 0, 31, 4) / 1000, threeButtonLearning: false };

describe('PackageHistory', () => {
  it('records answers as reviews (Again 1, Hard 3, Good 4, Easy 5) and leaves reschedules and cramming out', () => {
    const history = new PackageHistory(targets, modern);
    [
      row(0, 1, 0),
      row(1, 3, 0, { time: 0 }),
      row(2, 2, 1),
      row(3, 4, 2),
      row(4, 3, 3),
      row(5, 3, 3, { factor: 0 }),
      row(6, 0, 4, { factor: 2500 }),
      row(7, 0, 5),
      row(8, 3, 1, { cardId: 2 }),
      row(9, 3, 1, { cardId: 99 }),
    ].forEach((each) => history.add(each));
    expect(history.entries).toEqual([
      { card: 'note', rating: 1, at: at(0), seconds: 6.2 },
      { card: 'note', rating: 4, at: at(1), seconds: 0 },
      { card: 'note', rating: 3, at: at(2), seconds: 6.2 },
      { card: 'note', rating: 5, at: at(3), seconds: 6.2 },
      { card: 'note', rating: 4, at: at(4), seconds: 6.2 },
      { card: 'cloze#c2', rating: 4, at: at(8), seconds: 6.2, text: 'France' },
    ]);
    expect(history.reviews).toBe(6);
    expect([...history.skipped]).toEqual([
      ['in filtered decks that do not reschedule', 1],
      ['reschedules, not answers', 2],
      ['of cards that were not imported', 1],
    ]);
  });

  it("reads Anki's first scheduler's learning buttons (2 Good, 3 Easy) when the collection used it", () => {
    const history = new PackageHistory(targets, { ...modern, threeButtonLearning: true });
    [row(0, 2, 0), row(1, 3, 2), row(2, 2, 1)].forEach((each) => history.add(each));
    expect(history.entries.map((entry) => ('rating' in entry ? entry.rating : null))).toEqual([4, 5, 3]);
  });

  it('turns a reset into a forget, and ends with the suspension and the old-style reset the card shows', () => {
    const history = new PackageHistory(targets, modern);
    [row(0, 3, 1), row(1000, 0, 4, { factor: 0 }), row(2000, 3, 0)].forEach((each) => history.add(each));
    history.finish(card({ queue: -1, modified: (T + 1500) / 1000 }));
    expect(history.entries).toEqual([
      { card: 'note', rating: 4, at: at(0), seconds: 6.2 },
      { card: 'note', forget: true, at: at(1000) },
      { card: 'note', rating: 4, at: at(2000), seconds: 6.2 },
      { card: 'note', suspend: true, at: at(2001) },
    ]);
    const old = new PackageHistory(targets, modern);
    old.add(row(0, 3, 1));
    old.finish(card({ type: 0, queue: 0, modified: (T + 60_000) / 1000 }));
    expect(old.entries.slice(1)).toEqual([{ card: 'note', forget: true, at: at(60_000) }]);
    const untouched = new PackageHistory(targets, modern);
    untouched.finish(card({ type: 0, queue: 0 }));
    expect(untouched.entries).toEqual([]);
  });

  it('carries over the schedule of a card in review that has no review history', () => {
    const history = new PackageHistory(targets, modern);
    history.finish(card({}));
    history.finish(card({ id: 2, type: 0, queue: 0 }));
    expect(history.entries).toEqual([
      { card: 'note', schedule: { due: '2025-03-06', interval: 30, ease: 235 }, at: at(0) },
    ]);
    expect(history.schedules).toBe(1);
  });
});
