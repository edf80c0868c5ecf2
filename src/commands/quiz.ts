import type { CardInfo } from '../core/card/card.js';
import type { CardState } from '../core/schedule/scheduler.js';
import { findBuried } from '../core/log/replay.js';
import { countStudiedToday, findWaitingSiblings, listRatings, planSession } from '../core/schedule/session.js';
import { computeMastery } from '../core/stats/mastery.js';
import { getStudyDayEnd, getStudyDayStart } from '../core/schedule/study-day.js';
import { selectWeakest } from '../core/stats/weakest.js';
import { formatCount, sanitizeTerminalText } from '../core/markdown/text.js';
import type { Deps } from '../deps.js';
import { loadFullCards } from '../io/cards/card-index.js';
import type { QuizTerminal, StopReason } from '../io/terminal/quiz-terminal.js';
import { formatSummary } from '../render/quiz-screen.js';
import { detectImageOutput } from '../render/terminal-image.js';
import { formatDue, formatStudyDayStart } from '../render/time.js';
import { loadCollection, type DeckOptions } from './collection.js';
import { runSession, type Session } from './quiz-session.js';
import { ExitCode } from '../core/errors.js';

/** Options of `flashdeck quiz`. */
export interface QuizOptions extends DeckOptions {
  limit?: number;
  /** New cards at most in this session, instead of what is left of the daily limit. */
  newLimit?: number;
  shuffle: boolean;
  all: boolean;
  /** Type an answer before the real one is shown. */
  type: boolean;
  /** Quiz the n seen cards least likely recalled now, whatever their schedule. */
  weakest?: number;
  /** Review ahead: cards due within this many days count as due now (their reviews are recorded when they are made). */
  ahead?: number;
}

/** What the quiz needs beyond the shared deps: a terminal to hold the session in. */
export interface QuizDeps extends Deps {
  /** Opens the interactive terminal; throws a UsageError when there is none. */
  openTerminal(): QuizTerminal;
  /** The deck that ships with flashdeck, which the quiz never edits. */
  bundledCards: string;
}

const EXIT_CODES: Record<StopReason, ExitCode> = {
  quit: ExitCode.Ok,
  EOF: ExitCode.Ok,
  SIGINT: ExitCode.Interrupted,
  SIGTERM: ExitCode.Terminated,
  SIGHUP: ExitCode.HungUp,
};

/** Runs an interactive session and returns the exit code. */
export async function runQuiz(options: QuizOptions, deps: QuizDeps): Promise<number> {
  const collection = await loadCollection(options, deps);
  const { store, states, burials, suspended, scheduler } = collection;
  // Suspended cards are never quizzed, not even with --all.
  const cards = collection.cards.filter((card) => !suspended.has(card.id));
  const now = deps.now();
  const settings = store.getSettings();
  const today = countStudiedToday(states.values(), now);
  const weakest =
    options.weakest === undefined ? undefined : selectWeakest(cards, states, scheduler, now, options.weakest);
  const planned = planSession(weakest ?? cards, states, {
    now,
    limit: options.limit,
    newLimit: options.newLimit ?? settings.newCardsPerDay - today.newCards,
    reviewLimit: settings.reviewsPerDay - today.reviews,
    buried: findBuried(burials, now, store.getLegacyBurials()),
    // The weakest cards are chosen regardless of schedule, like a cram session.
    all: options.all || weakest !== undefined,
    burySiblings: settings.burySiblings,
    aheadDays: options.ahead,
    shuffle: options.shuffle,
    random: deps.random,
  });
  if (planned.length === 0) {
    deps.out.print(
      weakest
        ? 'No matching card has been rated yet, so none is weakest.'
        : describeNothingToStudy(cards, states, now, settings.burySiblings, options.ahead),
    );
    return ExitCode.Ok;
  }
  const queue = await loadFullCards(options.cardsRoot, planned, deps.out.warn);
  const terminal = deps.openTerminal();
  const screen = await deps.screen();
  const { chalk } = screen;
  const masteryBefore = computeMastery(cards, states);
  const session: Session = {
    cardsRoot: options.cardsRoot,
    readOnly: options.cardsRoot === deps.bundledCards,
    typeAnswers: options.type,
    store,
    log: { states, burials, suspended },
    scheduler,
    terminal,
    deps,
    screen,
    imageOutput: detectImageOutput(deps.env, settings.images),
    progress: { queue, history: [] },
  };
  terminal.print(`${formatCount(queue.length, 'card')} from ${sanitizeTerminalText(options.cardsRoot)}`);
  let stopReason: StopReason | null;
  try {
    stopReason = await runSession(session);
  } finally {
    terminal.close();
  }
  const end = deps.now();
  const rated = listRatings(session.progress.history);
  deps.out.print('');
  deps.out.print(
    formatSummary(
      {
        ratings: rated.map((step) => step.review.rating),
        cardsRated: new Set(rated.map((step) => step.card.id)).size,
        seconds: (end.getTime() - now.getTime()) / 1000,
        mastery: { before: masteryBefore, after: computeMastery(cards, states) },
        nextDue: findNextDue(planned, states),
        now: end,
      },
      chalk,
    ),
  );
  return stopReason ? EXIT_CODES[stopReason] : ExitCode.Ok;
}

/**
 * When the next cards become available: the start of the study day of the earliest due time (a card is shown from the
 * start of its due day, not at FSRS's exact instant), and how many are due by the end of that study day.
 */
function findNextDue(
  cards: readonly CardInfo[],
  states: ReadonlyMap<string, CardState>,
): { at: Date; count: number } | null {
  const dues = cards.flatMap((card) => states.get(card.id)?.fsrs.due ?? []);
  if (dues.length === 0) return null;
  const earliest = new Date(Math.min(...dues.map((due) => due.getTime())));
  const dayEnd = getStudyDayEnd(earliest);
  return { at: getStudyDayStart(earliest), count: dues.filter((due) => due < dayEnd).length };
}

function describeNothingToStudy(
  cards: readonly CardInfo[],
  states: ReadonlyMap<string, CardState>,
  now: Date,
  burySiblings: boolean,
  ahead: number | undefined,
): string {
  if (cards.length === 0) return 'No cards match these filters.';
  const next = findNextDue(cards, states);
  const waiting = burySiblings ? findWaitingSiblings(cards, states, now) : new Set<string>();
  const unseen = cards.some((card) => !states.has(card.id) && !waiting.has(card.id));
  const notes = [
    unseen ? ' New cards for today are used up (`--new <n>` adds more, `--all` crams).' : '',
    waiting.size > 0
      ? ` ${formatCount(waiting.size, 'card')} wait${waiting.size === 1 ? 's' : ''} for tomorrow: another card of ${waiting.size === 1 ? 'its' : 'their'} note was rated today (\`--all\` shows them).`
      : '',
  ].join('');
  if (!next) return `Nothing to study now.${notes}`;
  const within = ahead ? ` in the next ${formatCount(ahead, 'day')}` : ' now';
  return `Nothing due${within}. Next card due ${formatDue(next.at, now)} (${formatStudyDayStart(next.at)}).${notes}`;
}
