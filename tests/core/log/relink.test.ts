import { describe, expect, it } from 'vitest';
import type { Card } from '../../../src/core/card/card.js';
import { parseNote } from '../../../src/core/card/parse.js';
import { findRenames } from '../../../src/core/log/relink.js';
import { replayLog } from '../../../src/core/log/replay.js';
import { collectReviews } from '../../../src/core/log/collect-reviews.js';
import { type LogEntry, type ReviewEntry } from '../../../src/core/log/review-log.js';
import { createScheduler } from '../../../src/core/schedule/scheduler.js';
import { makeCard } from '../../support/make-card.js';

const AT = '2026-03-10T12:00:00.000Z';

/** A cloze card of note `note`, number `number`, hiding `text`. */
const cloze = (note: string, number: number, text: string): Card =>
  makeCard({ id: `${note}#c${number}`, note, kind: 'cloze', identityText: text, path: `${note}.md` });

/** What the log says: the last rated text of each card; every card in it has a history. */
function logOf(texts: Record<string, string>, extra: readonly string[] = []) {
  const map = new Map(Object.entries(texts));
  const rated = new Set([...map.keys(), ...extra]);
  return { texts: map, hasHistory: (id: string) => rated.has(id) };
}

const renames = (cards: readonly Card[], texts: Record<string, string>, extra: readonly string[] = []) => {
  const log = logOf(texts, extra);
  return findRenames(cards, log.texts, log.hasHistory, AT);
};

/** The cards of a note text, as the parser gives them. */
async function cardsOf(text: string, path = 'bio/cell.md'): Promise<Card[]> {
  const parsed = await parseNote(text, path);
  if (!('cards' in parsed)) throw new Error(JSON.stringify(parsed.problem));
  return parsed.cards;
}

describe('findRenames: histories that follow their card', () => {
  it('follows a deletion renumbered when one is inserted before it: c1→c2 and c2→c3 as one run', async () => {
    const before = await cardsOf('The {{c1::powerhouse}} makes {{c2::ATP}}.\n');
    const texts = Object.fromEntries(before.map((card) => [card.id, card.identityText]));
    expect(texts).toEqual({ 'bio/cell#c1': 'powerhouse', 'bio/cell#c2': 'ATP' });
    const after = await cardsOf('The {{c1::mitochondria}} is the {{c2::powerhouse}} that makes {{c3::ATP}}.\n');
    const found = renames(after, texts);
    expect(found).toHaveLength(2);
    expect(found).toEqual(
      expect.arrayContaining([
        { card: 'bio/cell#c2', renamed: 'bio/cell#c1', at: AT },
        { card: 'bio/cell#c3', renamed: 'bio/cell#c2', at: AT },
      ]),
    );
  });

  it('follows a typo fixed inside the deletion while it was renumbered', () => {
    const cards = [cloze('bio/cell', 1, 'nucleus'), cloze('bio/cell', 2, 'mitochondria')];
    expect(renames(cards, { 'bio/cell#c1': 'mitochondira' })).toEqual([
      { card: 'bio/cell#c2', renamed: 'bio/cell#c1', at: AT },
    ]);
  });

  it('sets case, accents and spacing aside', () => {
    const cards = [cloze('n', 1, 'new one'), cloze('n', 2, 'Café  au lait')];
    expect(renames(cards, { 'n#c1': 'cafe au LAIT' })).toEqual([{ card: 'n#c2', renamed: 'n#c1', at: AT }]);
  });

  it('follows a card that moved within its note and kept its text', () => {
    const cards = [cloze('n', 1, 'Oxygen'), cloze('n', 5, 'ATP')];
    expect(renames(cards, { 'n#c2': 'ATP' })).toEqual([{ card: 'n#c5', renamed: 'n#c2', at: AT }]);
  });

  it('swaps two cards whose numbers were swapped as a new one was added, both histories moving', () => {
    const cards = [cloze('n', 1, 'Berlin'), cloze('n', 2, 'Paris'), cloze('n', 3, 'Rome')];
    const found = renames(cards, { 'n#c1': 'Paris', 'n#c2': 'Berlin' });
    expect(found).toHaveLength(2);
    expect(found).toEqual(
      expect.arrayContaining([
        { card: 'n#c2', renamed: 'n#c1', at: AT },
        { card: 'n#c1', renamed: 'n#c2', at: AT },
      ]),
    );
  });
});

describe('findRenames: nothing moves unless it is certain', () => {
  it('never lets two similar cards swap or share histories: a look-alike makes the match uncertain', () => {
    // "mitochondria" and "mitochondrion" are each within a typo of the other; a new deletion renumbered both.
    const texts = { 'n#c1': 'mitochondria', 'n#c2': 'mitochondrion' };
    const cards = [cloze('n', 1, 'nucleus'), cloze('n', 2, 'mitochondria'), cloze('n', 3, 'mitochondrion')];
    const found = renames(cards, texts);
    // Never c1 ("mitochondria") onto c3 ("mitochondrion") while c2 keeps "mitochondrion"'s: a swap of histories.
    expect(found).not.toContainEqual({ card: 'n#c3', renamed: 'n#c1', at: AT });
    expect(found).toEqual([]);
  });

  it('keeps a typo fixed in place on its card, and is unsure when a new look-alike appears beside it', () => {
    expect(renames([cloze('n', 1, 'mitochondria'), cloze('n', 2, 'nucleus')], { 'n#c1': 'mitochondira' })).toEqual([]);
    const lookAlike = [cloze('n', 1, 'mitochondria'), cloze('n', 2, 'mitochondrian')];
    expect(renames(lookAlike, { 'n#c1': 'mitochondira' })).toEqual([]);
  });

  it('gives an ambiguous match no rename: a rated card whose text two new cards share', () => {
    const cards = [cloze('n', 2, 'ATP'), cloze('n', 3, 'ATP')];
    expect(renames(cards, { 'n#c1': 'ATP' })).toEqual([]);
    const similar = [cloze('n', 2, 'mitochondria'), cloze('n', 3, 'mitochondrion')];
    expect(renames(similar, { 'n#c1': 'mitochondria' })).toEqual([]);
  });

  it('gives two rated cards with the same text nothing when both ids are gone', () => {
    const cards = [cloze('n', 3, 'ATP'), cloze('n', 4, 'ATP')];
    expect(renames(cards, { 'n#c1': 'ATP', 'n#c2': 'ATP' })).toEqual([]);
  });

  it('gives one new card two rated cards could be nothing', () => {
    const cards = [cloze('n', 3, 'mitochondria')];
    expect(renames(cards, { 'n#c1': 'mitochondria', 'n#c2': 'mitochondrion' })).toEqual([]);
  });

  it('moves nothing onto a card with a history of its own that stays', () => {
    // c1 was "Paris" and is now "Berlin": its own history is not moving anywhere ("Paris" is gone).
    const cards = [cloze('n', 1, 'Berlin'), cloze('n', 3, 'Rome')];
    expect(renames(cards, { 'n#c1': 'Paris', 'n#c2': 'Berlin' })).toEqual([]);
  });

  it('moves nothing for a review logged without a text', () => {
    const cards = [cloze('n', 1, 'nucleus'), cloze('n', 2, 'mitochondria')];
    // n#c1 has a history but no text (a store from before texts were written).
    expect(renames(cards, {}, ['n#c1'])).toEqual([]);
    expect(renames(cards, { 'n#c1': '' })).toEqual([]);
  });

  it('never matches cards of another note', () => {
    const cards = [cloze('a', 1, 'nucleus'), cloze('b', 2, 'mitochondria')];
    expect(renames(cards, { 'a#c2': 'mitochondria' })).toEqual([]);
    // Nor a note whose id only starts like another's.
    expect(renames([cloze('ab', 2, 'ATP')], { 'a#c1': 'ATP' })).toEqual([]);
  });

  it('does no work when nothing in the note is new', () => {
    const cards = [cloze('n', 1, 'nucleus'), cloze('n', 2, 'mitochondria')];
    const texts = new Map([
      ['n#c1', 'mitochondria'],
      ['n#c2', 'nucleus'],
    ]);
    let asked = 0;
    // Every card has a history: no card is new, so nothing is matched (not even the texts that look swapped).
    const hasHistory = () => {
      asked += 1;
      return true;
    };
    expect(findRenames(cards, texts, hasHistory, AT)).toEqual([]);
    expect(asked).toBeLessThanOrEqual(cards.length);
    expect(findRenames(cards, new Map(), () => false, AT)).toEqual([]);
  });

  it('leaves basic and reversed cards (no identity text) alone', () => {
    const cards = [makeCard({ id: 'n', note: 'n' }), makeCard({ id: 'n#reverse', note: 'n', kind: 'reversed' })];
    expect(renames(cards, { 'n#c1': 'n' })).toEqual([]);
  });
});

describe('renames in the log: histories land on the right ids', () => {
  const scheduler = createScheduler();
  const review = (card: string, at: string, text?: string): ReviewEntry => ({
    card,
    rating: 3,
    at,
    seconds: 2,
    ...(text === undefined ? {} : { text }),
  });
  const timesOf = (reviews: Map<string, ReviewEntry[]>) =>
    Object.fromEntries([...reviews].map(([card, list]) => [card, list.map((entry) => entry.at)]));

  it('moves a renumbered chain (c1→c2, c2→c3) in one run, neither history merged into the other', async () => {
    const entries: LogEntry[] = [
      review('n#c1', '2026-03-01T10:00:00.000Z', 'powerhouse'),
      review('n#c2', '2026-03-01T10:01:00.000Z', 'ATP'),
      review('n#c1', '2026-03-05T10:00:00.000Z', 'powerhouse'),
    ];
    const progress = replayLog(entries, scheduler);
    const cards = [cloze('n', 1, 'mitochondria'), cloze('n', 2, 'powerhouse'), cloze('n', 3, 'ATP')];
    const found = findRenames(cards, progress.texts, (id) => progress.states.has(id), AT);
    const log = [...entries, ...found];
    expect(timesOf(collectReviews(log))).toEqual({
      'n#c2': ['2026-03-01T10:00:00.000Z', '2026-03-05T10:00:00.000Z'],
      'n#c3': ['2026-03-01T10:01:00.000Z'],
    });
    const replayed = replayLog(log, scheduler);
    expect([...replayed.states.keys()].sort()).toEqual(['n#c2', 'n#c3']);
    expect(replayed.histories.get('n#c2')?.times).toHaveLength(2);
    expect(replayed.histories.get('n#c3')?.times).toHaveLength(1);
    expect(replayed.states.get('n#c2')).toEqual(progress.states.get('n#c1'));
    expect(replayed.states.get('n#c3')).toEqual(progress.states.get('n#c2'));
    expect(replayed.texts.get('n#c2')).toBe('powerhouse');
    expect(replayed.texts.get('n#c3')).toBe('ATP');
  });

  it('swaps c1 and c2 in one run of renames with the same `at`', () => {
    const entries: LogEntry[] = [
      review('n#c1', '2026-03-01T10:00:00.000Z', 'Paris'),
      review('n#c2', '2026-03-02T10:00:00.000Z', 'Berlin'),
      review('n#c2', '2026-03-04T10:00:00.000Z', 'Berlin'),
      { card: 'n#c2', renamed: 'n#c1', at: AT },
      { card: 'n#c1', renamed: 'n#c2', at: AT },
    ];
    expect(timesOf(collectReviews(entries))).toEqual({
      'n#c2': ['2026-03-01T10:00:00.000Z'],
      'n#c1': ['2026-03-02T10:00:00.000Z', '2026-03-04T10:00:00.000Z'],
    });
    const replayed = replayLog(entries, scheduler);
    expect(replayed.histories.get('n#c1')?.times).toHaveLength(2);
    expect(replayed.histories.get('n#c2')?.times).toHaveLength(1);
    expect(replayed.texts.get('n#c1')).toBe('Berlin');
    expect(replayed.texts.get('n#c2')).toBe('Paris');
  });

  it('applies renames with different `at`s one after the other: a swap split in two merges instead', () => {
    const entries: LogEntry[] = [
      review('n#c1', '2026-03-01T10:00:00.000Z'),
      review('n#c2', '2026-03-02T10:00:00.000Z'),
      { card: 'n#c2', renamed: 'n#c1', at: AT },
      { card: 'n#c1', renamed: 'n#c2', at: '2026-03-10T12:00:01.000Z' },
    ];
    // The first moves c1 onto c2; the second then moves all of c2 (both) to c1.
    expect(timesOf(collectReviews(entries))).toEqual({
      'n#c1': ['2026-03-01T10:00:00.000Z', '2026-03-02T10:00:00.000Z'],
    });
  });

  it('keeps reviews made under the new id after a rename, after the moved ones', () => {
    const entries: LogEntry[] = [
      review('n#c1', '2026-03-01T10:00:00.000Z', 'powerhouse'),
      { card: 'n#c2', renamed: 'n#c1', at: AT },
      review('n#c2', '2026-03-11T10:00:00.000Z', 'powerhouse'),
      review('n#c1', '2026-03-11T10:05:00.000Z', 'mitochondria'),
    ];
    expect(timesOf(collectReviews(entries))).toEqual({
      'n#c2': ['2026-03-01T10:00:00.000Z', '2026-03-11T10:00:00.000Z'],
      'n#c1': ['2026-03-11T10:05:00.000Z'],
    });
    const replayed = replayLog(entries, scheduler);
    expect(replayed.histories.get('n#c2')?.times).toEqual([
      Date.parse('2026-03-01T10:00:00.000Z'),
      Date.parse('2026-03-11T10:00:00.000Z'),
    ]);
    expect(replayed.states.get('n#c1')?.firstReviewAt).toEqual(new Date('2026-03-11T10:05:00.000Z'));
    expect(replayed.texts.get('n#c1')).toBe('mitochondria');
  });

  it('moves nothing for a rename of a card without reviews, and leaves the others as they are', () => {
    const entries: LogEntry[] = [review('n#c2', '2026-03-01T10:00:00.000Z'), { card: 'n#c2', renamed: 'n#c9', at: AT }];
    expect(timesOf(collectReviews(entries))).toEqual({ 'n#c2': ['2026-03-01T10:00:00.000Z'] });
  });
});

describe('findRenames: a file read in place, renamed within its folder', () => {
  /** A card of a file read in place: `file#question`, its question as its identity text. */
  const asked = (file: string, question: string): Card =>
    makeCard({
      id: `${file}#${question.toLowerCase().replaceAll(' ', '-')}`,
      note: `${file}#${question.toLowerCase().replaceAll(' ', '-')}`,
      identityText: question,
      path: `${file}.md`,
    });

  it('moves the histories of its cards to the same cards under the new name', () => {
    const cards = [asked('bio/cells', 'What makes ATP'), asked('bio/cells', 'What is DNA'), asked('bio/other', 'Why')];
    expect(renames(cards, { 'bio/cell#what-makes-atp': 'What makes ATP', 'bio/other#why': 'Why' })).toEqual([
      { card: 'bio/cells#what-makes-atp', renamed: 'bio/cell#what-makes-atp', at: AT },
    ]);
  });

  it('never looks in another folder, in a file that has a history, or while the old file is still there', () => {
    const rated = { 'bio/cell#what-makes-atp': 'What makes ATP' };
    expect(renames([asked('chem/cells', 'What makes ATP')], rated)).toEqual([]);
    expect(
      renames([asked('bio/cells', 'What makes ATP'), asked('bio/cells', 'Why')], rated, ['bio/cells#why']),
    ).toEqual([]);
    expect(renames([asked('bio/cells', 'What makes ATP'), asked('bio/cell', 'Other')], rated)).toEqual([]);
  });

  it('is unsure, and moves nothing, when two new files hold the same question', () => {
    const cards = [asked('bio/a', 'What makes ATP'), asked('bio/b', 'What makes ATP')];
    expect(renames(cards, { 'bio/cell#what-makes-atp': 'What makes ATP' })).toEqual([]);
  });
});
