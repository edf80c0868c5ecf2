import type { ChalkInstance } from 'chalk';
import type { Card } from '../core/card.js';
import type { Rating } from '../core/review-log.js';
import { RATINGS, type CardState, type Scheduler } from '../core/schedule.js';
import { advanceQueue, countNewToday, planSession, type SessionQueue } from '../core/session.js';
import { getStudyDayEnd } from '../core/study-day.js';
import { sanitizeTerminalText } from '../core/text.js';
import type { Deps } from '../deps.js';
import type { QuizTerminal, StopReason } from '../io/quiz-terminal.js';
import type { Store } from '../io/store.js';
import { renderMarkdown } from '../render/markdown.js';
import { formatCardHeader, formatRated, formatRatingChoices, formatSummary } from '../render/quiz-screen.js';
import { createChalk, getWidth } from '../render/terminal.js';
import { formatDue } from '../render/time.js';
import { loadProgress, type DeckOptions } from './load.js';

/** Options of `flashdeck quiz`. */
export interface QuizOptions extends DeckOptions {
  limit?: number;
  /** New cards at most in this session, instead of what is left of the daily limit. */
  newLimit?: number;
  shuffle: boolean;
  all: boolean;
}

/** What the quiz needs beyond the shared deps: a terminal to hold the session in. */
export interface QuizDeps extends Deps {
  /** Opens the interactive terminal; throws a UsageError when there is none. */
  openTerminal(): QuizTerminal;
}

const EXIT_CODES: Record<StopReason, number> = { quit: 0, EOF: 0, SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/** Runs an interactive session and returns the exit code. */
export async function runQuiz(options: QuizOptions, deps: QuizDeps): Promise<number> {
  const { cards, store, states, scheduler } = await loadProgress(options, deps);
  const now = deps.now();
  const dailyNewLeft = store.getSettings().newCardsPerDay - countNewToday(states.values(), now);
  const planned = planSession(cards, states, {
    now,
    limit: options.limit,
    newLimit: options.newLimit ?? dailyNewLeft,
    all: options.all,
    shuffle: options.shuffle,
    random: deps.random,
  });
  if (planned.length === 0) {
    deps.out.print(describeNothingToStudy(cards, states, now));
    return 0;
  }
  const terminal = deps.openTerminal();
  const session: Session = {
    store,
    states,
    scheduler,
    terminal,
    deps,
    chalk: createChalk(deps.stdout, deps.env),
    width: getWidth(deps.stdout, deps.env),
    rated: [],
  };
  terminal.print(`${planned.length} card${planned.length === 1 ? '' : 's'} from ${sanitizeTerminalText(options.cardsRoot)}`);
  let stopReason: StopReason | null;
  try {
    stopReason = await runCards(planned, session);
  } finally {
    terminal.close();
  }
  const end = deps.now();
  deps.out.print('');
  deps.out.print(
    formatSummary(
      {
        ratings: session.rated.map((entry) => entry.rating),
        cardsRated: new Set(session.rated.map((entry) => entry.card)).size,
        seconds: (end.getTime() - now.getTime()) / 1000,
        nextDue: findNextDue(planned, states),
        now: end,
      },
      session.chalk,
    ),
  );
  return stopReason ? EXIT_CODES[stopReason] : 0;
}

interface Session {
  store: Store;
  states: Map<string, CardState>;
  scheduler: Scheduler;
  terminal: QuizTerminal;
  deps: Deps;
  chalk: ChalkInstance;
  width: number;
  rated: { card: string; rating: Rating }[];
}

/** Shows cards until the queue is empty or the learner stops; returns why it stopped early, if it did. */
async function runCards(planned: readonly Card[], session: Session): Promise<StopReason | null> {
  const { terminal, chalk, width, states, deps } = session;
  let queue: SessionQueue = planned;
  const shown = new Set<string>();
  for (let index = 1; queue[0] !== undefined; index += 1) {
    const card: Card = queue[0];
    terminal.print('');
    terminal.print(
      formatCardHeader(card, { index, total: index - 1 + queue.length, repeat: shown.has(card.id) }, width, chalk),
    );
    terminal.print(chalk.bold(renderMarkdown(card.question, width, chalk)));
    shown.add(card.id);
    const shownAt = deps.now();
    const reveal = await terminal.askReveal(chalk.dim('Space or Enter shows the answer · q quits'));
    if (reveal !== 'reveal') return reveal;
    terminal.print('');
    terminal.print(renderMarkdown(card.answer, width, chalk));
    terminal.print('');
    const previewAt = deps.now();
    const due = session.scheduler.previewDue(states.get(card.id), previewAt);
    const confirmations = Object.fromEntries(
      RATINGS.map((rating) => [rating, chalk.dim(formatRated(rating, due[rating], previewAt))]),
    ) as Record<Rating, string>;
    const rating = await terminal.askRating(formatRatingChoices(due, previewAt, chalk), confirmations);
    if (typeof rating !== 'number') return rating;
    recordRating(session, card, rating, shownAt);
    queue = advanceQueue(queue, rating);
  }
  return null;
}

/** Appends the rating to the log (durable before returning) and moves the card's state on. */
function recordRating(session: Session, card: Card, rating: Rating, shownAt: Date): void {
  const at = session.deps.now();
  const seconds = Math.round((at.getTime() - shownAt.getTime()) / 100) / 10;
  session.store.append({ card: card.id, rating, at: at.toISOString(), seconds });
  session.states.set(card.id, session.scheduler.applyRating(session.states.get(card.id), rating, at));
  session.rated.push({ card: card.id, rating });
}

/** The earliest due time among the cards and how many are due by the end of that study day. */
function findNextDue(cards: readonly Card[], states: ReadonlyMap<string, CardState>): { at: Date; count: number } | null {
  const dues = cards.flatMap((card) => states.get(card.id)?.fsrs.due ?? []);
  if (dues.length === 0) return null;
  const at = new Date(Math.min(...dues.map((due) => due.getTime())));
  const dayEnd = getStudyDayEnd(at);
  return { at, count: dues.filter((due) => due < dayEnd).length };
}

function describeNothingToStudy(cards: readonly Card[], states: ReadonlyMap<string, CardState>, now: Date): string {
  if (cards.length === 0) return 'No cards match these filters.';
  const next = findNextDue(cards, states);
  const unseen = cards.some((card) => !states.has(card.id));
  const limitNote = unseen ? ' New cards for today are used up (`--new <n>` adds more, `--all` crams).' : '';
  if (!next) return `Nothing to study now.${limitNote}`;
  return `Nothing due now. Next card due ${formatDue(next.at, now)} (${next.at.toLocaleString()}).${limitNote}`;
}
