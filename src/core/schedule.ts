import { createEmptyCard, fsrs, Rating as Grade, type Card as FsrsCard, type Grade as FsrsGrade } from 'ts-fsrs';
import type { Rating, ReviewEntry } from './review-log.js';

/** Every rating, lowest first. */
export const RATINGS: readonly Rating[] = [1, 2, 3, 4, 5];

/** Ratings that mean "not recalled": the card comes back in the same session. */
export function isLapse(rating: Rating): boolean {
  return rating <= 2;
}

/** Maps the learner's 1–5 rating onto FSRS: 1–2 Again (FSRS counts Hard as recalled), 3 Hard, 4 Good, 5 Easy. */
export function toGrade(rating: Rating): FsrsGrade {
  if (rating <= 2) return Grade.Again;
  if (rating === 3) return Grade.Hard;
  return rating === 4 ? Grade.Good : Grade.Easy;
}

/** What the schedule knows of a card that has been rated at least once. */
export interface CardState {
  fsrs: FsrsCard;
  reviews: number;
  lastRating: Rating;
  firstReviewAt: Date;
  lastReviewAt: Date;
}

// Whole days between sessions; relearning inside a session is the session's job, not FSRS's.
const scheduler = fsrs({ request_retention: 0.9, enable_short_term: false, enable_fuzz: false });

/** The state after rating a card (`state` undefined for a new card) at `at`. */
export function applyRating(state: CardState | undefined, rating: Rating, at: Date): CardState {
  const before: FsrsCard = state ? state.fsrs : createEmptyCard(at);
  return {
    fsrs: scheduler.next(before, at, toGrade(rating)).card,
    reviews: (state?.reviews ?? 0) + 1,
    lastRating: rating,
    firstReviewAt: state?.firstReviewAt ?? at,
    lastReviewAt: at,
  };
}

/** Rebuilds a card's state by replaying its reviews in time order; undefined when it has none. */
export function replayReviews(reviews: readonly ReviewEntry[]): CardState | undefined {
  let state: CardState | undefined;
  for (const review of reviews) state = applyRating(state, review.rating, new Date(review.at));
  return state;
}

/** Rebuilds every card's state from its reviews. */
export function replayAll(reviewsByCard: ReadonlyMap<string, readonly ReviewEntry[]>): Map<string, CardState> {
  const states = new Map<string, CardState>();
  for (const [id, reviews] of reviewsByCard) {
    const state = replayReviews(reviews);
    if (state) states.set(id, state);
  }
  return states;
}

/** When the card would next be due for each rating given at `now`. */
export function previewDue(state: CardState | undefined, now: Date): Record<Rating, Date> {
  const due = (rating: Rating) => applyRating(state, rating, now).fsrs.due;
  return { 1: due(1), 2: due(2), 3: due(3), 4: due(4), 5: due(5) };
}

/** How likely the learner still recalls the card at `now` (0–1), by FSRS. */
export function getRetrievability(state: CardState, now: Date): number {
  return scheduler.get_retrievability(state.fsrs, now, false);
}
