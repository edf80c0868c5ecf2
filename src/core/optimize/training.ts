import type { Grade } from 'ts-fsrs';
import type { ReviewEntry } from '../log/review-log.js';
import { toGrade } from '../schedule/scheduler.js';
import { countStudyDaysBetween } from '../schedule/study-day.js';

/** Fewer training reviews than this make a fit that follows noise rather than the learner. */
export const MIN_TRAINING_REVIEWS = 400;

/** One review as FSRS trains on it: the grade and the whole study days since the card's previous one (0 at first). */
export interface TrainingReview {
  grade: Grade;
  deltaT: number;
}

/** A card's history up to one review: FSRS learns to predict the last review from the ones before it. */
export type TrainingItem = TrainingReview[];

/** What the optimiser learns from: one item per review it can predict, and how many cards they come from. */
export interface TrainingSet {
  items: TrainingItem[];
  cards: number;
}

/**
 * A card's reviews as FSRS sees them: the first review of each study day, with the study days since the
 * previous one. A repeat later in the same day (after a 1 or 2 in a session) tests nothing about long-term
 * memory, so it is left out, as FSRS's own converter keeps only the first review of each day.
 */
export function toTrainingReviews(reviews: readonly ReviewEntry[]): TrainingReview[] {
  const kept: TrainingReview[] = [];
  let previous: Date | undefined;
  for (const review of reviews) {
    const at = new Date(review.at);
    const deltaT = previous ? countStudyDaysBetween(previous, at) : 0;
    if (previous && deltaT === 0) continue;
    kept.push({ grade: toGrade(review.rating), deltaT });
    previous = at;
  }
  return kept;
}

/** Turns every card's reviews (oldest first, undone ones removed) into FSRS training items. */
export function toTrainingSet(reviewsByCard: ReadonlyMap<string, readonly ReviewEntry[]>): TrainingSet {
  const items: TrainingItem[] = [];
  let cards = 0;
  for (const reviews of reviewsByCard.values()) {
    const history = toTrainingReviews(reviews);
    // The first review has nothing before it to predict it from.
    for (let end = 2; end <= history.length; end += 1) items.push(history.slice(0, end));
    if (history.length > 1) cards += 1;
  }
  return { items, cards };
}
