import type { Card } from '../core/card/card.js';
import { StoreError } from '../core/errors.js';
import { MAX_REVIEW_SECONDS } from '../core/log/merge.js';
import type { Rating, ReviewEntry } from '../core/log/review-log.js';
import { getTypedAnswer } from '../core/card/note-cards.js';
import { applyEntry, type LogProgress } from '../core/log/replay.js';
import { RATINGS, type Scheduler } from '../core/schedule/scheduler.js';
import { listRatings, takeStep, undoStep, type SessionProgress } from '../core/schedule/session.js';
import { getStudyDayEnd } from '../core/schedule/study-day.js';
import { becameLeech } from '../core/schedule/leech.js';
import { noteLeech } from './quiz-leech.js';
import { toPlainText } from '../core/markdown/text.js';
import type { Deps } from '../deps.js';
import type { TypedAnswer } from '../io/terminal/key-prompts.js';
import type { QuizTerminal, StopReason } from '../io/terminal/quiz-terminal.js';
import type { Store } from '../io/store/store.js';
import { renderMarkdown } from '../render/markdown.js';
import {
  formatCardHeader,
  formatKeyHelp,
  formatMorePrompt,
  formatRated,
  formatRatingChoices,
  formatRevealPrompt,
  formatTypedAnswer,
} from '../render/quiz-screen.js';
import type { ImageOutput } from '../render/terminal-image.js';
import type { Screen } from '../render/terminal.js';
import { listShownMedia, openShownMedia, showMedia, type ShownMedia } from './quiz-media.js';
import { editCard } from './quiz-edit.js';
import { say } from './quiz-output.js';

/** Everything a running session reads and changes. */
export interface Session {
  cardsRoot: string;
  /** The deck that ships with flashdeck: its files are never edited. */
  readOnly: boolean;
  typeAnswers: boolean;
  store: Store;
  /** The cards' states and burials: changed only through core's `applyEntry`, with each line the session appends. */
  log: LogProgress;
  scheduler: Scheduler;
  terminal: QuizTerminal;
  deps: Deps;
  /** Colour and the terminal's width (read again for each card, so a resize shows). */
  screen: Screen;
  /** How pictures are drawn on this terminal; null when they are only named. */
  imageOutput: ImageOutput | null;
  /** The cards still to show and the steps taken: changed only through core's `takeStep` and `undoStep`. */
  progress: SessionProgress;
  /** Text typed for a card before leaving typing with Esc, kept while the card stays on screen (through an edit). */
  draft?: { cardId: string; text: string };
}

type Action = 'reveal' | Rating | 'undo' | 'edit' | 'skip' | 'bury' | 'suspend' | StopReason;

const COMMAND_KEYS: Record<string, Action> = { u: 'undo', e: 'edit', s: 'skip', b: 'bury', '!': 'suspend' };
const REVEAL_KEYS: Record<string, Action> = { space: 'reveal', enter: 'reveal', ...COMMAND_KEYS };
const RATING_BINDINGS: Record<string, Action> = Object.fromEntries(RATINGS.map((r) => [String(r), r]));
const RATING_KEYS: Record<string, Action> = { ...RATING_BINDINGS, ...COMMAND_KEYS };

/** Shows cards until the queue is empty or the learner stops; returns why it stopped early, if it did. */
export async function runSession(session: Session): Promise<StopReason | null> {
  for (let card = session.progress.queue[0]; card !== undefined; card = session.progress.queue[0]) {
    const action = await showCard(session, card);
    const stop = await applyAction(session, card, action);
    if (stop) return stop;
  }
  return null;
}

async function showCard(session: Session, card: Card): Promise<Action> {
  const { terminal, deps } = session;
  const { chalk } = session.screen;
  const { queue, history } = session.progress;
  const width = session.screen.width();
  const rated = listRatings(history);
  const position = {
    index: rated.length + 1,
    total: rated.length + queue.length,
    left: queue.length,
    repeat: rated.some((step) => step.card.id === card.id),
  };
  terminal.print('');
  terminal.print(formatCardHeader(card, position, width, chalk));
  terminal.print(chalk.bold(renderMarkdown(card.question, width, chalk)));
  const questionMedia = listShownMedia(session, card, [card.question]);
  showMedia(session, questionMedia);
  const shownAt = deps.now();
  const typed = session.typeAnswers ? await askTypedAnswer(session, card) : null;
  if (typeof typed === 'string') return typed;
  if (typed === null || typed.leftTyping) {
    const reveal = await askAction(session, REVEAL_KEYS, formatRevealPrompt(chalk, width), questionMedia);
    if (reveal !== 'reveal') return reveal;
  }
  session.draft = undefined;
  terminal.print('');
  if (typed !== null) terminal.print(formatTypedAnswer(typed.text, getTypedAnswer(card), chalk));
  const paged = await printPaged(session, renderMarkdown(card.answer, width, chalk));
  const media = listShownMedia(session, card, [card.question, card.answer]);
  if (paged === null) showMedia(session, listShownMedia(session, card, [card.answer]));
  const choices = formatRatingChoices(previewDue(session, card), deps.now(), chalk, width);
  const action = paged ?? (terminal.print(''), await askAction(session, RATING_KEYS, choices, media));
  if (typeof action === 'number') recordRating(session, card, action, shownAt);
  return action;
}

/** Reads a typed answer, starting from what was typed for this card before an edit; a stop reason ends the session. */
async function askTypedAnswer(session: Session, card: Card): Promise<TypedAnswer | StopReason> {
  const initial = session.draft?.cardId === card.id ? session.draft.text : '';
  const typed = await session.terminal.askText(session.screen.chalk.dim(TYPING_PROMPT), initial);
  if (typeof typed !== 'string' && typed.leftTyping) session.draft = { cardId: card.id, text: typed.text };
  return typed;
}

const TYPING_PROMPT = 'Type your answer; an empty line shows the real one, Esc the keys:';

function previewDue(session: Session, card: Card): Record<Rating, Date> {
  return session.scheduler.previewDue(session.log.states.get(card.id), session.deps.now());
}

/**
 * Asks for one of `bindings`' keys (plus `?`, `q`, and `o`/`p` when the screen shows `media`); `?`, opening media and
 * an impossible undo are answered in place.
 */
async function askAction(
  session: Session,
  bindings: Record<string, Action>,
  message: string,
  media: readonly ShownMedia[],
): Promise<Action> {
  const { terminal } = session;
  const { chalk } = session.screen;
  const mediaKeys = media.length === 0 ? [] : media.some((medium) => medium.kind === 'sound') ? ['o', 'p'] : ['o'];
  for (;;) {
    const key = await terminal.askKey(message, [...Object.keys(bindings), ...mediaKeys, '?', 'q']);
    if (key === '?') terminal.print(formatKeyHelp(chalk, session.screen.width()));
    else if (key === 'o' || key === 'p') openShownMedia(session, media, key === 'p' ? 'sound' : undefined);
    else if (bindings[key] === 'undo' && session.progress.history.length === 0)
      say(session, 'dim', 'Nothing to undo yet.');
    else return bindings[key] ?? (key as StopReason);
  }
}

/**
 * Prints a long answer a screenful at a time. A rating key rates at once, without the rest; `q` leaves the pager for
 * the rating prompt. Returns that rating, a stop reason (Ctrl+C, Ctrl+D), or null to ask for the rating.
 */
async function printPaged(session: Session, text: string): Promise<Rating | StopReason | null> {
  const lines = text.split('\n');
  const pageSize = Math.max(5, session.terminal.rows() - 6);
  for (let start = 0; start < lines.length; start += pageSize) {
    session.terminal.print(lines.slice(start, start + pageSize).join('\n'));
    const shown = Math.min(start + pageSize, lines.length);
    if (shown === lines.length) break;
    const key = await session.terminal.askKey(
      formatMorePrompt(shown, lines.length, session.screen.chalk, session.screen.width()),
      ['space', 'enter', 'q', ...Object.keys(RATING_BINDINGS)],
    );
    if (key === 'quit') return null;
    const rating = RATING_BINDINGS[key];
    if (typeof rating === 'number') return rating;
    if (key !== 'space' && key !== 'enter') return key as StopReason;
  }
  return null;
}

/**
 * Appends the rating to the log and, once it is on disk, confirms it and moves the card and the queue on. A rating
 * that could not be saved is never confirmed: the learner is told, and the card stays to be rated again.
 */
function recordRating(session: Session, card: Card, rating: Rating, shownAt: Date): void {
  const at = session.deps.now();
  // A card left on screen overnight is a long answer, but no longer than other machines' imports take.
  const seconds = Math.min(MAX_REVIEW_SECONDS, Math.round((at.getTime() - shownAt.getTime()) / 100) / 10);
  const review: ReviewEntry = { card: card.id, rating, at: at.toISOString(), seconds };
  if (card.identityText) review.text = card.identityText;
  if (!saveOrSay(session, `Rating ${rating} was not saved`, () => session.store.append(review))) return;
  const stateBefore = session.log.states.get(card.id);
  // A review older than the card's last one (a clock set back) takes its place at the next replay.
  applyEntry(session.log, review, session.scheduler);
  const due = session.log.states.get(card.id)?.fsrs.due ?? at;
  session.progress = takeStep(session.progress, { kind: 'rating', review, stateBefore });
  say(session, 'dim', formatRated(rating, due, at));
  if (becameLeech(stateBefore, session.log.states.get(card.id))) say(session, 'yellow', noteLeech(session, card));
}

/** Runs a write to the store; when it fails, says so with `what` and the reason, and returns false. */
function saveOrSay(session: Session, what: string, write: () => void): boolean {
  try {
    write();
    return true;
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    say(session, 'yellow', `${what}: ${error.message}`);
    return false;
  }
}

async function applyAction(session: Session, card: Card, action: Action): Promise<StopReason | null> {
  const { deps } = session;
  switch (action) {
    case 'undo':
      undoLastStep(session);
      return null;
    case 'edit':
      await editCard(session, card);
      return null;
    case 'skip':
      session.progress = takeStep(session.progress, { kind: 'skip' });
      say(session, 'dim', 'Skipped for this session.');
      return null;
    case 'bury': {
      const now = deps.now();
      const bury = { card: card.id, bury: getStudyDayEnd(now).toISOString(), at: now.toISOString() };
      if (!saveOrSay(session, 'The card was not buried', () => session.store.append(bury))) return null;
      applyEntry(session.log, bury, session.scheduler);
      session.progress = takeStep(session.progress, { kind: 'bury', bury });
      say(session, 'dim', 'Buried until tomorrow.');
      return null;
    }
    case 'suspend': {
      const suspend = { card: card.id, suspend: true as const, at: deps.now().toISOString() };
      if (!saveOrSay(session, 'The card was not suspended', () => session.store.append(suspend))) return null;
      applyEntry(session.log, suspend, session.scheduler);
      session.progress = takeStep(session.progress, { kind: 'suspend', suspend });
      say(session, 'dim', 'Suspended: out of every session until `flashdeck unsuspend` (u takes it back).');
      return null;
    }
    case 'reveal':
      return null;
    default:
      return typeof action === 'number' ? null : action;
  }
}

/** Takes back the last rating, skip or burial in the store, then in the session (its card in front again). */
function undoLastStep(session: Session): void {
  const taken = undoStep(session.progress);
  if (!taken) return;
  const { undone } = taken;
  const { store } = session;
  const at = session.deps.now().toISOString();
  if (undone.kind === 'rating') {
    const undo = { card: undone.card.id, undo: undone.review.at, at };
    if (!saveOrSay(session, 'The rating was not taken back', () => store.append(undo))) return;
    applyEntry(session.log, undo, session.scheduler, { stateBefore: undone.stateBefore });
  } else if (undone.kind !== 'skip') {
    const line =
      undone.kind === 'bury'
        ? { card: undone.card.id, unbury: undone.bury.at, at }
        : { card: undone.card.id, unsuspend: true as const, at };
    const still = `The card is still ${undone.kind === 'bury' ? 'buried' : 'suspended'}`;
    if (!saveOrSay(session, still, () => store.append(line))) return;
    applyEntry(session.log, line, session.scheduler);
  }
  session.progress = taken.progress;
  const question = `“${toPlainText(undone.card.question)}”`;
  const what =
    undone.kind === 'rating'
      ? `rating ${undone.review.rating} of`
      : `the ${{ skip: 'skip', bury: 'burial', suspend: 'suspension' }[undone.kind]} of`;
  say(session, 'dim', `Took back ${what} ${question}.`);
}
