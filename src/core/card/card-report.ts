import type { CardInfo } from './card.js';
import type { CardReview } from '../log/card-reviews.js';
import type { Rating } from '../log/review-log.js';
import { createDueCheck } from '../schedule/session.js';
import { isLeech } from '../schedule/leech.js';
import type { CardState, Scheduler } from '../schedule/scheduler.js';
import { describeCard } from './list-entry.js';

/** Where a card stands now: never rated, due in the current study day, hidden, kept out until unsuspended, or waiting for its day. */
export type CardStatus = 'new' | 'due' | 'buried' | 'scheduled' | 'suspended';

/** A rated card's schedule now. */
export interface CardSchedule {
  due: string;
  /** FSRS's memory stability, in days. */
  stability: number;
  /** FSRS's difficulty, 1 (easy) to 10 (hard). */
  difficulty: number;
  /** The chance of recalling the card now, 0–1. */
  recall: number;
  /** Days the schedule set at the latest review. */
  interval: number;
  reviews: number;
  /** Times the card was forgotten after it had been learnt, as FSRS and Anki count them. */
  lapses: number;
  lastRating: Rating;
  lastReview: string;
}

/** Everything `show` tells of one card, in the shape of `show --json`. */
export interface CardReport extends Pick<
  CardInfo,
  'id' | 'note' | 'kind' | 'deck' | 'path' | 'line' | 'difficulty' | 'tags'
> {
  question: string;
  status: CardStatus;
  /** Until when the card is buried, when it is. */
  buriedUntil: string | null;
  /** When the card was suspended, when it is. */
  suspendedAt: string | null;
  /** Forgotten 8 times or more (see core/schedule/leech.ts). */
  leech: boolean;
  schedule: CardSchedule | null;
  reviews: CardReview[];
}

/** What the report is made from, beside the card. */
export interface CardReportInput {
  state: CardState | undefined;
  reviews: CardReview[];
  buriedUntil: Date | undefined;
  /** When the card was suspended, if it is. */
  suspendedAt: string | undefined;
  scheduler: Scheduler;
  now: Date;
}

/** The report of `card` at `now`. */
export function createCardReport(card: CardInfo, input: CardReportInput): CardReport {
  const { state, reviews, buriedUntil, suspendedAt, scheduler, now } = input;
  const status: CardStatus = suspendedAt
    ? 'suspended'
    : buriedUntil
      ? 'buried'
      : !state
        ? 'new'
        : createDueCheck(now)(state)
          ? 'due'
          : 'scheduled';
  return {
    ...describeCard(card),
    status,
    buriedUntil: buriedUntil?.toISOString() ?? null,
    suspendedAt: suspendedAt ?? null,
    leech: isLeech(state),
    schedule: state ? describeSchedule(state, scheduler, now) : null,
    reviews,
  };
}

function describeSchedule(state: CardState, scheduler: Scheduler, now: Date): CardSchedule {
  const { fsrs } = state;
  return {
    due: fsrs.due.toISOString(),
    stability: round(fsrs.stability, 2),
    difficulty: round(fsrs.difficulty, 2),
    recall: round(scheduler.getRetrievability(state, now), 3),
    interval: fsrs.scheduled_days,
    reviews: state.reviews,
    lapses: fsrs.lapses,
    lastRating: state.lastRating,
    lastReview: state.lastReviewAt.toISOString(),
  };
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
