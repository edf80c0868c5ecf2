import { forgetting_curve } from 'ts-fsrs';
import type { Rating, ReviewEntry } from '../../src/core/log/review-log.js';
import { createScheduler, isLapse, type CardState } from '../../src/core/schedule/scheduler.js';
import { countStudyDaysBetween, getStudyDayEnd } from '../../src/core/schedule/study-day.js';
import { createRandom } from '../../scripts/seeded-random.mjs';

/** FSRS-6 weights of a learner far from FSRS's default one: low first stabilities, slow growth, a steep curve. */
export const LEARNER_PARAMETERS: readonly number[] = [
  0.1, 0.4, 0.9, 2.5, 7, 0.6, 2, 0.01, 1.1, 0.25, 0.9, 1, 0.1, 0.3, 1.5, 0.5, 2, 0, 0, 0, 0.45,
];

/** How the simulated learner studies. */
export interface LearnerOptions {
  cards: number;
  days: number;
  newPerDay: number;
  seed: number;
  /** The first session; later ones start at the same time of day. */
  start: Date;
  /** The weights of the learner's true memory. */
  parameters?: readonly number[];
}

const DAY = 86_400_000;

function pick<T>(random: () => number, choices: readonly T[]): T {
  return choices[Math.floor(random() * choices.length)] as T;
}

/**
 * Simulates months of flashdeck sessions: flashdeck (default weights) decides what is due, and the learner's
 * true memory (FSRS with `parameters`, in study days) decides whether each card is recalled. A card rated 1–2
 * comes back later in the session and is then rated 3–4, as the quiz does. Returns the log, oldest first.
 */
export function simulateLearner(options: LearnerOptions): ReviewEntry[] {
  const random = createRandom(options.seed);
  const truthParameters = options.parameters ?? LEARNER_PARAMETERS;
  const memory = createScheduler({ retention: 0.9, parameters: truthParameters });
  const app = createScheduler({ retention: 0.9 });
  const truth = new Map<string, CardState>();
  const scheduled = new Map<string, CardState>();
  const ids = Array.from({ length: options.cards }, (_, index) => `c${String(index).padStart(4, '0')}`);
  const log: ReviewEntry[] = [];
  let introduced = 0;
  const rate = (id: string, at: Date, rating: Rating) => {
    truth.set(id, memory.applyRating(truth.get(id), rating, at));
    scheduled.set(id, app.applyRating(scheduled.get(id), rating, at));
    log.push({ card: id, rating, at: at.toISOString(), seconds: 6 });
  };
  for (let day = 0; day < options.days; day += 1) {
    // Some days are skipped, so reviews also come late.
    if (day > 0 && random() < 0.15) continue;
    let clock = options.start.getTime() + day * DAY;
    const dayEnd = getStudyDayEnd(new Date(clock));
    const due = ids
      .slice(0, introduced)
      .filter((id) => (scheduled.get(id) as CardState).fsrs.due < dayEnd)
      .sort(
        (a, b) =>
          (scheduled.get(a) as CardState).fsrs.due.getTime() - (scheduled.get(b) as CardState).fsrs.due.getTime(),
      );
    const fresh = ids.slice(introduced, introduced + options.newPerDay);
    introduced += fresh.length;
    const lapsed: string[] = [];
    for (const id of [...due, ...fresh]) {
      clock += 20_000;
      const at = new Date(clock);
      const state = truth.get(id);
      let rating: Rating;
      if (state) {
        const elapsed = countStudyDaysBetween(state.lastReviewAt, at);
        const recall = forgetting_curve([...truthParameters], elapsed, state.fsrs.stability);
        rating = random() < recall ? pick(random, [3, 4, 4, 4, 5]) : pick(random, [1, 2]);
      } else {
        rating = pick(random, [1, 2, 3, 4, 4, 4, 5, 3]);
      }
      rate(id, at, rating);
      if (isLapse(rating)) lapsed.push(id);
    }
    for (const id of lapsed) {
      clock += 20_000;
      rate(id, new Date(clock), pick(random, [3, 4]));
    }
  }
  return log;
}

/** The log as reviews.jsonl text. */
export function toLogText(log: readonly ReviewEntry[]): string {
  return log.map((entry) => `${JSON.stringify(entry)}\n`).join('');
}
