import { forgetKey } from './kept-marks.js';
import {
  isReview,
  isUndo,
  type ForgetEntry,
  type LogEntry,
  type RenameEntry,
  type ReviewEntry,
  type UndoEntry,
} from './review-log.js';

/**
 * Reviews per card id that were not undone nor forgotten, oldest first (ties keep file order). A rename moves the
 * reviews of its old id to its new one; renames with one `at` move together, so ids may swap. A forget sets aside the
 * card's reviews up to its time; an undo naming it brings them back.
 */
export function collectReviews(entries: readonly LogEntry[]): Map<string, ReviewEntry[]> {
  const byCard = new Map<string, ReviewEntry[]>();
  const forgotten = new Map<string, ReviewEntry[]>();
  for (let index = 0; index < entries.length; index += 1) {
    const entry = entries[index] as LogEntry;
    if ('renamed' in entry) {
      index = applyRenames(byCard, entries, index) - 1;
      continue;
    }
    if ('forget' in entry) {
      forget(byCard, forgotten, entry);
      continue;
    }
    if (!isReview(entry) && !isUndo(entry)) continue;
    const reviews = byCard.get(entry.card) ?? [];
    if (isUndo(entry)) {
      const found = reviews.findLastIndex((review) => review.at === entry.undo);
      if (found >= 0) reviews.splice(found, 1);
      else reviews.unshift(...takeForgotten(forgotten, entry));
    } else {
      reviews.push(entry);
    }
    byCard.set(entry.card, reviews);
  }
  for (const [card, reviews] of byCard) {
    // A card whose every review was undone has never been seen.
    if (reviews.length === 0) byCard.delete(card);
    else sortByTime(reviews);
  }
  return byCard;
}

/** Applies the run of renames with one `at` that starts at `start`; returns the index after it. */
function applyRenames(byCard: Map<string, ReviewEntry[]>, entries: readonly LogEntry[], start: number): number {
  const run: RenameEntry[] = [];
  const at = (entries[start] as RenameEntry).at;
  let end = start;
  for (let entry = entries[end]; entry && 'renamed' in entry && entry.at === at; entry = entries[++end])
    run.push(entry);
  const moved = run.map((rename) => byCard.get(rename.renamed));
  for (const rename of run) byCard.delete(rename.renamed);
  run.forEach((rename, index) => {
    const reviews = moved[index];
    // The new id's own reviews, if any were left to it, stay beside the moved ones.
    if (reviews) byCard.set(rename.card, [...(byCard.get(rename.card) ?? []), ...reviews]);
  });
  return end;
}

/** Sorts in place by instant (not by string: times may carry different zone offsets), stable; a log in order stays as is. */
function sortByTime(reviews: ReviewEntry[]): void {
  const times = reviews.map((review) => Date.parse(review.at));
  if (times.every((time, index) => index === 0 || (times[index - 1] ?? time) <= time)) return;
  const ordered = reviews.map((review, index) => ({ review, time: times[index] ?? 0 })).sort((a, b) => a.time - b.time);
  ordered.forEach(({ review }, index) => {
    reviews[index] = review;
  });
}

/** Sets aside the card's reviews up to the forget's time, where an undo of the forget finds them. */
function forget(byCard: Map<string, ReviewEntry[]>, forgotten: Map<string, ReviewEntry[]>, entry: ForgetEntry): void {
  const time = Date.parse(entry.at);
  const reviews = byCard.get(entry.card) ?? [];
  forgotten.set(
    forgetKey(entry.card, entry.at),
    reviews.filter((review) => Date.parse(review.at) <= time),
  );
  byCard.set(
    entry.card,
    reviews.filter((review) => Date.parse(review.at) > time),
  );
}

/** The reviews a forget named by `undo` set aside, if it did (they are handed back once). */
function takeForgotten(forgotten: Map<string, ReviewEntry[]>, undo: UndoEntry): ReviewEntry[] {
  const key = forgetKey(undo.card, undo.undo);
  const reviews = forgotten.get(key) ?? [];
  forgotten.delete(key);
  return reviews;
}
