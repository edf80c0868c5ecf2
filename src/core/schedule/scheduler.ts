import { createEmptyCard, fsrs, Rating as Grade, State, type Card as FsrsCard, type Grade as FsrsGrade } from 'ts-fsrs';
import type { KeptSchedule } from '../log/review-log.js';
import type { Rating } from '../log/review-log.js';
import { countStudyDaysBetween, STUDY_DAY_START_HOUR } from './study-day.js';

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

/** What shapes the schedule: the recall probability aimed for, and FSRS weights (defaults when absent). */
export interface ScheduleSettings {
  retention: number;
  parameters?: readonly number[];
}

/** The default desired retention, as in Anki. */
export const DEFAULT_RETENTION = 0.9;

/** FSRS with one set of settings: every state is derived through the same scheduler; core/log/replay.ts replays logs. */
export interface Scheduler {
  /** The state after rating a card (`state` undefined for a new card) at `at`. */
  applyRating(state: CardState | undefined, rating: Rating, at: Date): CardState;
  /** When the card would next be due for each rating given at `now`. */
  previewDue(state: CardState | undefined, now: Date): Record<Rating, Date>;
  /** How likely the learner still recalls the card at `now` (0–1). */
  getRetrievability(state: CardState, now: Date): number;
  /** The recall FSRS predicts for a review at `at`, counting whole study days since the last review, as its optimiser does. */
  predictRecall(state: CardState, at: Date): number;
  /** The same prediction from a stability and the whole study days since the last review. */
  predictRecallAfter(days: number, stability: number): number;
  /** Days between reviews FSRS gives a memory as stable as this card's, at this scheduler's retention. */
  getIntervalDays(state: CardState): number;
  /** Where a card starts from a schedule another tool kept: due that day, last reviewed an interval before. */
  fromKeptSchedule(schedule: KeptSchedule): CardState;
}

/** When the review that set a kept schedule was made: the start of the study day an interval before it was due. */
export function getKeptScheduleStart(schedule: KeptSchedule): Date {
  return getKeptScheduleDay(schedule, Math.round(schedule.interval));
}

/** The start (local time) of the study day `daysBefore` the day the kept schedule names; the date rolls over itself. */
function getKeptScheduleDay(schedule: KeptSchedule, daysBefore = 0): Date {
  const [year = 1970, month = 1, day = 1] = schedule.due.split('-').map(Number);
  return new Date(year, month - 1, day - daysBefore, STUDY_DAY_START_HOUR);
}

/** A scheduler in whole days between sessions; relearning inside a session is the session's job, not FSRS's. */
export function createScheduler(settings: ScheduleSettings = { retention: DEFAULT_RETENTION }): Scheduler {
  const engine = fsrs({
    request_retention: settings.retention,
    ...(settings.parameters ? { w: [...settings.parameters] } : {}),
    enable_short_term: false,
    enable_fuzz: false,
  });
  const weights = engine.parameters.w;
  const applyRating = (state: CardState | undefined, rating: Rating, at: Date): CardState => {
    const before: FsrsCard = state ? state.fsrs : createEmptyCard(at);
    return {
      fsrs: engine.next(before, at, toGrade(rating)).card,
      reviews: (state?.reviews ?? 0) + 1,
      lastRating: rating,
      firstReviewAt: state?.firstReviewAt ?? at,
      lastReviewAt: at,
    };
  };
  return {
    applyRating,
    previewDue(state, now) {
      const due = (rating: Rating) => applyRating(state, rating, now).fsrs.due;
      return { 1: due(1), 2: due(2), 3: due(3), 4: due(4), 5: due(5) };
    },
    getRetrievability: (state, now) => engine.get_retrievability(state.fsrs, now, false),
    predictRecall: (state, at) =>
      engine.forgetting_curve(countStudyDaysBetween(state.lastReviewAt, at), state.fsrs.stability),
    predictRecallAfter: (days, stability) => engine.forgetting_curve(days, stability),
    getIntervalDays: (state) => engine.next_interval(state.fsrs.stability, 0),
    fromKeptSchedule: (schedule) => {
      const lastReview = getKeptScheduleStart(schedule);
      const interval = Math.max(schedule.interval, 0);
      // The tool's interval was meant to be recalled at about 90 %: FSRS calls that interval the stability.
      const stability = Math.max(interval, MIN_STABILITY);
      const fsrsCard: FsrsCard = {
        ...createEmptyCard(lastReview),
        due: getKeptScheduleDay(schedule),
        stability,
        difficulty: estimateDifficulty(schedule.ease / 100, stability, weights),
        scheduled_days: Math.round(interval),
        state: State.Review,
        last_review: lastReview,
      };
      // No review of flashdeck's: counted as none, rated as recalled (the tool scheduled it on).
      return { fsrs: fsrsCard, reviews: 0, lastRating: 4, firstReviewAt: lastReview, lastReviewAt: lastReview };
    },
  };
}

const MIN_STABILITY = 0.1;
const SM2_RETENTION = 0.9;

/**
 * FSRS difficulty (1–10) from an SM-2 ease factor (2.5 = 250 %), as Anki does when it turns a card scheduled by SM-2
 * over to FSRS (fsrs-rs `memory_state_from_sm2`).
 */
function estimateDifficulty(ease: number, stability: number, w: readonly number[]): number {
  const [w8 = 0, w9 = 0, w10 = 0] = w.slice(8, 11);
  const growth = Math.exp(w8) * stability ** -w9 * Math.expm1((1 - SM2_RETENTION) * w10);
  const difficulty = 11 - (ease - 1) / growth;
  return Math.min(Math.max(Number.isFinite(difficulty) ? difficulty : 5, 1), 10);
}
