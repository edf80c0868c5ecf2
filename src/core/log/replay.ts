import {
  createCardHistory,
  recordReview,
  toGrowingHistory,
  type CardHistory,
  type GrowingCardHistory,
} from './card-history.js';
import { collectReviews } from './collect-reviews.js';
import { collectSchedules, collectSuspended } from './kept-marks.js';
import {
  getEntryKind,
  type BuryEntry,
  type KeptSchedule,
  type LogEntry,
  type ReviewEntry,
  type ScheduleEntry,
  type UnburyEntry,
  type UndoEntry,
} from './review-log.js';
import { getKeptScheduleStart, type CardState, type Scheduler } from '../schedule/scheduler.js';

// What each line of the log does to a card, written once: the quiz's session, the state cache and a full replay all
// go through these functions, so they cannot disagree.

/** A burial in force unless taken back: the card is hidden until `until`; `at` is the bury line's, which an unbury names. */
export interface Burial {
  until: Date;
  at: string;
}

/**
 * What the log says of every card: its schedule, its reviews (for statistics), its burials, whether it is suspended,
 * what it last hid and the schedule another tool last kept for it.
 */
export interface LogProgress {
  states: Map<string, CardState>;
  /** Kept by replays and the state cache; a quiz's session leaves them out (it never reads them). */
  histories?: Map<string, CardHistory>;
  burials: Map<string, Burial[]>;
  /** Suspended cards, each with the `at` of its suspend line. */
  suspended: Map<string, string>;
  /** The `text` of each card's latest review that had one: what finds its history again when its id changes. */
  texts?: Map<string, string>;
  /** The latest schedule carried over for each card: a file's schedule is logged again only when it changes. */
  schedules?: Map<string, KeptSchedule>;
}

/** Every part of a replay: the states, the histories, the burials, suspensions, texts and kept schedules. */
export interface FullLogProgress extends LogProgress {
  histories: Map<string, CardHistory>;
  texts: Map<string, string>;
  schedules: Map<string, KeptSchedule>;
}

/** Nothing rated, nothing buried, nothing suspended. */
export function createLogProgress(): FullLogProgress {
  return {
    states: new Map(),
    histories: new Map(),
    burials: new Map(),
    suspended: new Map(),
    texts: new Map(),
    schedules: new Map(),
  };
}

/**
 * Applies one log line, in log order, to `progress`. Returns false, leaving `progress` as it was, when only a full
 * replay (`replayLog`) gives the result exactly: an undo whose state before is not known (`undone`), a review older
 * than the card's last one (a merged log), a review of a card whose history is not at hand.
 */
export function applyEntry(
  progress: LogProgress,
  entry: LogEntry,
  scheduler: Scheduler,
  undone?: { stateBefore: CardState | undefined },
): boolean {
  switch (getEntryKind(entry)) {
    case 'rating':
      return applyReview(progress, entry as ReviewEntry, scheduler);
    case 'undo':
      return undone ? applyUndo(progress, entry as UndoEntry, undone.stateBefore) : false;
    case 'bury':
      applyBury(progress.burials, entry as BuryEntry);
      return true;
    case 'unbury':
      applyUnbury(progress.burials, entry as UnburyEntry);
      return true;
    case 'suspend':
      progress.suspended.set(entry.card, entry.at);
      return true;
    case 'unsuspend':
      progress.suspended.delete(entry.card);
      return true;
    case 'schedule':
      return applySchedule(progress, entry as ScheduleEntry, scheduler);
    case 'renamed':
    case 'forget':
      // Rare (an edit renumbered a card, a card reset by hand): a full replay moves or sets aside its history.
      return false;
  }
}

/** A review: the card's state after it (FSRS), its history grown by it. */
function applyReview(progress: LogProgress, review: ReviewEntry, scheduler: Scheduler): boolean {
  const { states, histories } = progress;
  const state = states.get(review.card);
  const at = new Date(review.at);
  // Replays run in time order: a review older than the card's last one belongs in the middle of its history.
  if (state && at.getTime() < state.lastReviewAt.getTime()) return false;
  if (state && histories && !histories.has(review.card)) return false;
  reviewCard(progress, review, scheduler);
  return true;
}

/** What a review does, whatever came before it. */
function reviewCard(progress: LogProgress, review: ReviewEntry, scheduler: Scheduler): void {
  const { states, histories, texts } = progress;
  if (review.text !== undefined) texts?.set(review.card, review.text);
  const state = states.get(review.card);
  const at = new Date(review.at);
  if (histories) {
    const known = histories.get(review.card);
    const history = known ? toGrowingHistory(known) : createCardHistory();
    recordReview(history, review, at.getTime(), state);
    histories.set(review.card, history);
  }
  states.set(review.card, scheduler.applyRating(state, review.rating, at));
}

/** An undo of the card's last review, whose state before it is known: that state again, the review out of its history. */
function applyUndo(progress: LogProgress, undo: UndoEntry, stateBefore: CardState | undefined): boolean {
  const { states, histories } = progress;
  const state = states.get(undo.card);
  if (!state || state.lastReviewAt.getTime() !== Date.parse(undo.undo)) return false;
  if (stateBefore) states.set(undo.card, stateBefore);
  else states.delete(undo.card);
  const known = histories?.get(undo.card);
  if (histories && known) {
    const history = toGrowingHistory(known);
    for (const list of Object.values(history) as number[][]) list.pop();
    // The first review has no interval nor stability before it: the lists were one shorter.
    if (history.times.length === 0) histories.delete(undo.card);
    else histories.set(undo.card, history);
  }
  return true;
}

/**
 * A schedule carried over from another tool: where the card starts unless flashdeck rated it since that tool last
 * did (then the reviews stand). Returns false when only a full replay can place it among the card's reviews.
 */
function applySchedule(progress: LogProgress, entry: ScheduleEntry, scheduler: Scheduler): boolean {
  const { states, schedules } = progress;
  const state = states.get(entry.card);
  // Reviews after the other tool's last one are replayed on top of its schedule: only a full replay knows them.
  if (state && state.lastReviewAt >= getKeptScheduleStart(entry.schedule)) return false;
  schedules?.set(entry.card, entry.schedule);
  startFromSchedule(progress, entry.card, entry.schedule, scheduler);
  return true;
}

/** The card's state from a kept schedule; reviews made here before it still count (its history keeps them). */
function startFromSchedule(progress: LogProgress, card: string, schedule: KeptSchedule, scheduler: Scheduler): void {
  const before = progress.states.get(card);
  const state = scheduler.fromKeptSchedule(schedule);
  progress.states.set(
    card,
    before ? { ...state, reviews: before.reviews, firstReviewAt: before.firstReviewAt } : state,
  );
}

/** A burial: the card hidden until its end. Burials that ended before it was made can no longer matter: dropped. */
function applyBury(burials: Map<string, Burial[]>, bury: BuryEntry): void {
  const madeAt = Date.parse(bury.at);
  const kept = (burials.get(bury.card) ?? []).filter((burial) => burial.until.getTime() > madeAt);
  burials.set(bury.card, [...kept, { until: new Date(bury.bury), at: bury.at }]);
}

/** An unburial: the burial made at `unbury` taken back, or every burial of the card (`true`). */
function applyUnbury(burials: Map<string, Burial[]>, unbury: UnburyEntry): void {
  const target = unbury.unbury === true ? null : Date.parse(unbury.unbury);
  const kept = (burials.get(unbury.card) ?? []).filter((burial) => target !== null && Date.parse(burial.at) !== target);
  if (kept.length > 0) burials.set(unbury.card, kept);
  else burials.delete(unbury.card);
}

/**
 * Replays a whole log: each card's reviews not undone, in time order (see `collectReviews`), and the burials in log
 * order. Every card's history is kept, cards whose file is gone included.
 */
export function replayLog(entries: readonly LogEntry[], scheduler: Scheduler): FullLogProgress {
  const progress = createLogProgress();
  const schedules = collectSchedules(entries);
  for (const [card, reviews] of collectReviews(entries)) {
    let schedule = schedules.get(card);
    for (const review of reviews) {
      // The other tool's schedule comes in among the reviews when its own last review was made.
      if (schedule && Date.parse(review.at) >= getKeptScheduleStart(schedule).getTime()) {
        startFromSchedule(progress, card, schedule, scheduler);
        schedule = undefined;
      }
      // A renamed card's older reviews carry its old id.
      reviewCard(progress, review.card === card ? review : { ...review, card }, scheduler);
    }
    if (schedule) startFromSchedule(progress, card, schedule, scheduler);
  }
  for (const [card, schedule] of schedules)
    if (!progress.states.has(card)) startFromSchedule(progress, card, schedule, scheduler);
  progress.schedules = schedules;
  progress.burials = collectBurials(entries);
  progress.suspended = collectSuspended(entries);
  return progress;
}

/** The burials in force after a whole log, each card's in log order (see `applyEntry`). */
export function collectBurials(entries: readonly LogEntry[]): Map<string, Burial[]> {
  const burials = new Map<string, Burial[]>();
  for (const entry of entries) {
    const kind = getEntryKind(entry);
    if (kind === 'bury') applyBury(burials, entry as BuryEntry);
    else if (kind === 'unbury') applyUnbury(burials, entry as UnburyEntry);
  }
  return burials;
}

/** Replays one card's reviews (oldest first): its final state and its history, as `replayLog` gives them. */
export function replayHistory(
  reviews: readonly ReviewEntry[],
  scheduler: Scheduler,
): { state: CardState | undefined; history: GrowingCardHistory } {
  const progress = createLogProgress();
  // One card, whatever ids the reviews carry.
  for (const review of reviews) reviewCard(progress, { ...review, card: '' }, scheduler);
  return {
    state: progress.states.get(''),
    history: toGrowingHistory(progress.histories.get('') ?? createCardHistory()),
  };
}

/**
 * The cards hidden at `now`, each until the end of its latest burial in force; `legacy` adds the burials that stores
 * before format 2 kept in config.json, until they end.
 */
export function findBuried(
  burials: ReadonlyMap<string, readonly Burial[]>,
  now: Date,
  legacy: ReadonlyMap<string, Date> = new Map(),
): Map<string, Date> {
  const buried = new Map<string, Date>();
  const add = (card: string, until: Date) => {
    const latest = buried.get(card);
    if (until > now && (!latest || until > latest)) buried.set(card, until);
  };
  for (const [card, list] of burials) for (const { until } of list) add(card, until);
  for (const [card, until] of legacy) add(card, until);
  return buried;
}
