import path from 'node:path';
import type { Card, CardInfo, CardProblem, Note } from '../core/card/card.js';
import { StoreError, UsageError } from '../core/errors.js';
import { filterCards, type CardFilter } from '../core/card/filter.js';
import type { CardHistory } from '../core/log/card-history.js';
import type { Burial } from '../core/log/replay.js';
import type { KeptSchedule, ScheduleEntry } from '../core/log/review-log.js';
import { formatCount, sanitizeTerminalText } from '../core/markdown/text.js';
import { createScheduler, type CardState, type ScheduleSettings, type Scheduler } from '../core/schedule/scheduler.js';
import type { Deps } from '../deps.js';
import { loadCards, warnAboutProblems } from '../io/cards/card-files.js';
import { formatLintCommand } from '../io/cards/cards-folder.js';
import { loadCardInfos } from '../io/cards/card-index.js';
import { loadCardStates, type ReplayedProgress } from '../io/cache/state-cache.js';
import { findRenames } from '../core/log/relink.js';
import { openStore, resolveStoreDir, type Store } from '../io/store/store.js';

/** The options every reading command shares. */
export interface DeckOptions extends CardFilter {
  cardsRoot: string;
}

/** The matching cards (without answers: `loadFullCards` reads those), the store and every card's replayed state. */
export interface LoadedCollection {
  cards: CardInfo[];
  /** Every card of the folder, whatever the filters: what a message names when none matches. */
  allCards: CardInfo[];
  store: Store;
  states: Map<string, CardState>;
  /** Burials from the log (in force or not): `findBuried` tells which hide a card now. */
  burials: Map<string, Burial[]>;
  /** Suspended cards (by id, with when): never scheduled nor quizzed. */
  suspended: Map<string, string>;
  scheduler: Scheduler;
  /** What the scheduler was built from: the retention setting and the fitted weights (if any). */
  scheduleSettings: ScheduleSettings;
  /** Every reviewed card's history (cards whose file is gone included), from the same replay as `states`; decoded when first used. */
  readonly histories: Map<string, CardHistory>;
}

/** Opens the store that FLASHDECK_HOME (or the default folder) names, and reports what opening it found (a torn line set aside). */
export function openReportedStore(deps: Deps): Store {
  const store = openStore(resolveStoreDir(deps.env));
  for (const warning of store.warnings) deps.out.warn(warning);
  return store;
}

/** Every note of a folder and its cards (for writing them out), warning about invalid ones as the other commands do. */
export async function loadNotesWarning(cardsRoot: string, deps: Deps): Promise<{ notes: Note[]; cards: Card[] }> {
  const { notes, cards, problems } = await loadCards(cardsRoot);
  warnAboutProblems(problems, cardsRoot, deps.out.warn);
  return { notes, cards };
}

/**
 * The collection every reading command starts from. Loads the cards (warning about invalid ones), filters them, opens the store and replays the log. A folder holding no
 * valid card at all is a usage error, before any command could say that no card matches its filters.
 */
export async function loadCollection(options: DeckOptions, deps: Deps): Promise<LoadedCollection> {
  const storeDir = resolveStoreDir(deps.env);
  // Parsed cards and replayed states are cached beside the store; deleting the folder is always safe.
  const cacheDir = path.join(storeDir, 'cache');
  const { cards, problems } = await loadCardInfos(options.cardsRoot, cacheDir, { progress: deps.out.progress });
  warnAboutProblems(problems, options.cardsRoot, deps.out.warn);
  if (cards.length === 0) throw new UsageError(describeEmptyFolder(options.cardsRoot, problems));
  const store = openReportedStore(deps);
  const scheduleSettings: ScheduleSettings = {
    retention: store.getSettings().retention,
    parameters: store.getParameters(),
  };
  const scheduler = createScheduler(scheduleSettings);
  const load = () => loadCardStates(store, scheduler, scheduleSettings, cacheDir);
  let replayed = load();
  if (relinkCards(cards, replayed, store, deps)) replayed = load();
  if (carryOverSchedules(cards, replayed, store, deps)) replayed = load();
  return {
    cards: filterCards(cards, options),
    allCards: cards,
    store,
    states: replayed.states,
    burials: replayed.burials,
    suspended: replayed.suspended,
    scheduler,
    scheduleSettings,
    // Only `stats` needs the whole history; the other commands never decode it.
    get histories() {
      return replayed.histories;
    },
  };
}

/**
 * Gives cards whose id an edit changed their history back (see core/log/relink.ts), by appending renames to the log,
 * and says so. False when there was nothing to rename, or the log could not take it (the cards start afresh then).
 */
function relinkCards(cards: readonly CardInfo[], progress: ReplayedProgress, store: Store, deps: Deps): boolean {
  const renames = findRenames(cards, progress.texts, (id) => progress.states.has(id), deps.now().toISOString());
  if (renames.length === 0) return false;
  try {
    store.appendAll(renames);
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    deps.out.warn(`warning: cards whose ids an edit changed start afresh this time: ${error.message}`);
    return false;
  }
  for (const { renamed, card } of renames) {
    deps.out.warn(
      `${sanitizeTerminalText(renamed)} is now ${sanitizeTerminalText(card)} (its text moved); its history moves with it.`,
    );
  }
  return true;
}

/**
 * Logs the schedules other tools keep in the cards' files (Obsidian's comments) that the log does not have yet, so a
 * card starts where that tool left it and keeps its place when the comment goes. False when there was none to log,
 * or the log could not take them (the cards then start as new this time, and are logged next time).
 */
function carryOverSchedules(cards: readonly CardInfo[], progress: ReplayedProgress, store: Store, deps: Deps): boolean {
  const at = deps.now().toISOString();
  const entries: ScheduleEntry[] = [];
  for (const { id, keptSchedule } of cards) {
    if (keptSchedule && !isSameSchedule(keptSchedule, progress.schedules.get(id)))
      entries.push({ card: id, schedule: keptSchedule, at });
  }
  if (entries.length === 0) return false;
  try {
    store.appendAll(entries);
    return true;
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    deps.out.warn(`warning: schedules kept in the card files are not carried over this time: ${error.message}`);
    return false;
  }
}

function isSameSchedule(a: KeptSchedule, b: KeptSchedule | undefined): boolean {
  return b !== undefined && a.due === b.due && a.interval === b.interval && a.ease === b.ease;
}

// A folder without a single card is the wrong folder, or cards that all need fixing: never "no card matches".
function describeEmptyFolder(root: string, problems: readonly CardProblem[]): string {
  if (problems.length === 0) {
    return `no cards in ${sanitizeTerminalText(root)}: a card is a .md file with a "# question" heading and the answer below it (see \`flashdeck new\`).`;
  }
  const files = new Set(problems.map((problem) => problem.path)).size;
  return `${formatCount(files, 'file')}, none of them a card: run \`${formatLintCommand(root)}\` to see why.`;
}
