import type { CardInfo, Note } from '../card/card.js';
import { clozeNumbers, findClozeDeletions } from '../card/cloze.js';
import { hashHashcardsCards } from '../formats/hashcards-hash.js';
import { findImportProblem } from './merge.js';
import type { Rating, ReviewEntry } from './review-log.js';

/** One row of hashcards' `reviews` table: the card's hash, when (local time, as hashcards writes it), the grade. */
export interface HashcardsReview {
  id: number;
  cardHash: string;
  reviewedAt: string;
  grade: string;
}

/** hashcards' four grades on flashdeck's 1–5 scale (FSRS Again, Hard, Good, Easy). */
export const HASHCARDS_RATINGS: ReadonlyMap<string, Rating> = new Map([
  ['forgot', 1],
  ['hard', 3],
  ['good', 4],
  ['easy', 5],
]);

/** A file of the collection in hashcards' format: its text, and its notes and cards as flashdeck read them. */
export interface HashcardsFile {
  text: string;
  notes: readonly Note[];
  cards: readonly CardInfo[];
}

/** The reviews that found their card, how many cards they are about, and how many found none. */
export type HashcardsHistory =
  { kind: 'reviews'; entries: ReviewEntry[]; cards: number; skipped: number } | { kind: 'bad review'; problem: string };

// hashcards' Timestamp: local time to the millisecond, without a zone (src/types/timestamp.rs).
const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})$/;

/**
 * flashdeck's card for each hash hashcards gives the cards of these files: a basic card by its block's line, a cloze
 * card by its block's line and the text its deletion hides. Identical cards share a hash; the first one takes it, as
 * hashcards keeps only one.
 */
export function mapHashcardsCards(files: readonly HashcardsFile[]): Map<string, CardInfo> {
  const byHash = new Map<string, CardInfo>();
  for (const file of files) {
    const notesByLine = new Map(file.notes.map((note) => [note.line, note]));
    const matchers = new Map<Note, (hidden: string | null) => CardInfo | undefined>();
    for (const { line, hash, hidden } of hashHashcardsCards(file.text)) {
      const note = notesByLine.get(line);
      if (!note || byHash.has(hash)) continue;
      if (!matchers.has(note)) matchers.set(note, matchNoteCards(note, file.cards));
      const card = matchers.get(note)?.(hidden);
      if (card) byHash.set(hash, card);
    }
  }
  return byHash;
}

/**
 * Finds a note's card for each of hashcards' cards of its block, in order: the basic card, or the cloze card whose
 * deletion hides the same text (each taken once, so a text hidden twice finds its two cards in turn).
 */
function matchNoteCards(note: Note, cards: readonly CardInfo[]): (hidden: string | null) => CardInfo | undefined {
  const own = cards.filter((card) => card.note === note.id);
  const deletions = findClozeDeletions(note.answer).deletions;
  const numbers = clozeNumbers(deletions);
  let next = 0;
  return (hidden) => {
    if (hidden === null) return own.find((card) => card.kind === 'basic');
    const found = deletions.findIndex((deletion, index) => index >= next && deletion.text === hidden);
    if (found < 0) return undefined;
    next = found + 1;
    const number = deletions[found]?.number ?? 0;
    return own.filter((card) => card.kind === 'cloze')[numbers.indexOf(number)];
  };
}

/**
 * hashcards' reviews as flashdeck's, each on its card, oldest first; reviews of cards no longer in the files are
 * skipped and counted. hashcards keeps no answer time: 0 seconds. A review with a grade or time hashcards never
 * writes (or one before 2000, or in the future at `now`) means the file is not what it seems: nothing is taken then.
 */
export function toReviewEntries(
  reviews: readonly HashcardsReview[],
  cardsByHash: ReadonlyMap<string, CardInfo>,
  now: Date,
): HashcardsHistory {
  const entries: ReviewEntry[] = [];
  const cards = new Set<string>();
  let skipped = 0;
  for (const review of reviews) {
    const rating = HASHCARDS_RATINGS.get(review.grade);
    if (rating === undefined) {
      const grades = [...HASHCARDS_RATINGS.keys()].join(', ');
      return { kind: 'bad review', problem: `review ${review.id} has the grade "${review.grade}" (not ${grades})` };
    }
    const at = readLocalTime(review.reviewedAt);
    if (at === null) return { kind: 'bad review', problem: `review ${review.id} has the time "${review.reviewedAt}"` };
    const card = cardsByHash.get(review.cardHash);
    if (!card) {
      skipped += 1;
      continue;
    }
    const entry: ReviewEntry = { card: card.id, rating, at, seconds: 0 };
    if (card.identityText) entry.text = card.identityText;
    const problem = findImportProblem(entry, now);
    if (problem) return { kind: 'bad review', problem: `review ${review.id}: ${problem}` };
    entries.push(entry);
    cards.add(card.id);
  }
  entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return { kind: 'reviews', entries, cards: cards.size, skipped };
}

/** A hashcards time (local, `2025-10-05T14:30:15.123`) as an ISO 8601 UTC time, or null when it is not one. */
export function readLocalTime(text: string): string | null {
  const parts = LOCAL_TIME.exec(text)?.slice(1).map(Number);
  if (!parts) return null;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millisecond = 0] = parts;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  return new Date(year, month - 1, day, hour, minute, second, millisecond).toISOString();
}
