import type { CardInfo } from '../card/card.js';
import { getEditDistance } from '../suggest.js';
import type { RenameEntry } from './review-log.js';

/** How alike two identity texts must be (1 − edits ÷ length) for one card to be taken for the other: a typo or two. */
export const RELINK_SIMILARITY = 0.8;

/**
 * The renames that give rated cards back their history after an edit changed their ids (a deletion renumbered, a
 * card moved within its file, a file read in place renamed within its folder). Only cards with an identity text take part, within their note or file: a card of the log whose
 * id is gone, or whose card now hides something else, is matched with a card that is new (or that changed too) when
 * its last rated text and that card's text are the same or nearly (RELINK_SIMILARITY), and neither has another such
 * match. Anything less certain is left alone: a history never moves to a card it may not belong to.
 */
export function findRenames(
  cards: readonly CardInfo[],
  texts: ReadonlyMap<string, string>,
  hasHistory: (id: string) => boolean,
  at: string,
): RenameEntry[] {
  const newGroups = new Set(cards.filter((card) => card.identityText && !hasHistory(card.id)).map(groupOf));
  if (newGroups.size === 0 || texts.size === 0) return [];
  const ratedByGroup = groupBy(
    [...texts.keys()].filter((id) => hasHistory(id) && newGroups.has(groupOf({ id }))),
    (id) => groupOf({ id }),
  );
  const cardsByGroup = groupBy(
    cards.filter((card) => ratedByGroup.has(groupOf(card))),
    groupOf,
  );
  const renames: RenameEntry[] = [];
  for (const [group, rated] of ratedByGroup) {
    for (const [from, to] of matchNote(rated, cardsByGroup.get(group) ?? [], texts, hasHistory)) {
      renames.push({ card: to, renamed: from, at });
    }
  }
  for (const [from, to] of matchRenamedFiles(cards, texts, hasHistory)) renames.push({ card: to, renamed: from, at });
  return renames;
}

/**
 * A file renamed within its folder changes the ids of all its cards (`file#question`): the rated cards of files that
 * are gone are looked for among the cards of files that are new in the same folder, by their texts, as within a note.
 */
function matchRenamedFiles(
  cards: readonly CardInfo[],
  texts: ReadonlyMap<string, string>,
  hasHistory: (id: string) => boolean,
): Map<string, string> {
  const present = new Set(cards.map(groupOf));
  const gone = [...texts.keys()].filter((id) => isReadInPlace(id) && hasHistory(id) && !present.has(groupOf({ id })));
  if (gone.length === 0) return new Map();
  const rated = new Set(cards.filter((card) => hasHistory(card.id)).map(groupOf));
  const fresh = cards.filter((card) => card.identityText && isReadInPlace(card.id) && !rated.has(groupOf(card)));
  const freshByFolder = groupBy(fresh, (card) => folderOf(groupOf(card)));
  const pairs = new Map<string, string>();
  for (const [folder, lost] of groupBy(gone, (id) => folderOf(groupOf({ id })))) {
    for (const [from, to] of matchNote(lost, freshByFolder.get(folder) ?? [], texts, hasHistory)) pairs.set(from, to);
  }
  return pairs;
}

/** Whether an id is one a file read in place gives (`file#question`), not a flashdeck note's (`n`, `n#c2`, `n#reverse`). */
function isReadInPlace(id: string): boolean {
  const hash = id.indexOf('#');
  return hash !== -1 && !/^(?:reverse|c\d+)$/.test(id.slice(hash + 1));
}

function folderOf(group: string): string {
  return group.slice(0, Math.max(group.lastIndexOf('/'), 0));
}

/**
 * Where a card's history may be looked for: the cards whose ids start alike, up to the first `#` (a note's cards,
 * `n`, `n#reverse`, `n#c2`; or the cards of a file read in place, `file#question`).
 */
function groupOf(card: { id: string }): string {
  const hash = card.id.indexOf('#');
  return hash === -1 ? card.id : card.id.slice(0, hash);
}

/** Old id → new id for one note's cards, each pair certain. */
function matchNote(
  rated: readonly string[],
  cards: readonly CardInfo[],
  texts: ReadonlyMap<string, string>,
  hasHistory: (id: string) => boolean,
): Map<string, string> {
  const current = new Map(cards.map((card) => [card.id, card]));
  // Still itself when it hides just what it hid: a card only alike may be the look-alike of another card's text.
  const stillItself = (id: string) => {
    const card = current.get(id);
    return card !== undefined && isSame(texts.get(id) ?? '', card.identityText);
  };
  const lost = rated.filter((id) => !stillItself(id));
  const open = cards.filter((card) => card.identityText && (!hasHistory(card.id) || !stillItself(card.id)));
  // Its own card among them: a typo fixed in place keeps its history, and a look-alike elsewhere makes it uncertain.
  const candidates = (from: string) => open.filter((card) => isAlike(texts.get(from) ?? '', card.identityText));
  let pairs = new Map<string, string>();
  for (const from of lost) {
    const [only, other] = candidates(from);
    if (!only || other || only.id === from) continue;
    // Certain both ways: no other lost card could be this one either.
    if (lost.filter((rival) => rival !== only.id && isAlike(texts.get(rival) ?? '', only.identityText)).length === 1)
      pairs.set(from, only.id);
  }
  // A card with a history of its own takes another only when its own moves away too; else both would be merged.
  for (let changed = true; changed;) {
    const moving = new Set(pairs.keys());
    const kept = [...pairs].filter(([, to]) => !hasHistory(to) || moving.has(to));
    changed = kept.length !== pairs.size;
    pairs = new Map(kept);
  }
  return pairs;
}

/** Whether two identity texts are equal once case, accents and spacing are set aside. */
function isSame(a: string, b: string): boolean {
  const x = normalize(a);
  return x !== '' && x === normalize(b);
}

/** Whether two identity texts are the same card's: equal once case, accents and spacing are set aside, or nearly. */
function isAlike(a: string, b: string): boolean {
  const [x, y] = [normalize(a), normalize(b)];
  if (x === y) return x !== '';
  const longest = Math.max(x.length, y.length);
  const allowed = Math.floor(longest * (1 - RELINK_SIMILARITY));
  return allowed > 0 && getEditDistance(x, y, allowed) <= allowed;
}

function normalize(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
