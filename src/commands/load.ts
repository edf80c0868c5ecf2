import type { Card } from '../core/card.js';
import { filterCards, type CardFilter } from '../core/filter.js';
import { collectReviews } from '../core/review-log.js';
import { createScheduler, type CardState, type Scheduler } from '../core/schedule.js';
import type { Deps } from '../deps.js';
import { loadCards, warnAboutProblems } from '../io/card-files.js';
import { openStore, resolveStoreDir, type Store } from '../io/store.js';

/** The options every reading command shares. */
export interface DeckOptions extends CardFilter {
  cardsRoot: string;
}

/** The matching cards, the store and every card's replayed state. */
export interface LoadedProgress {
  cards: Card[];
  store: Store;
  states: Map<string, CardState>;
  scheduler: Scheduler;
}

/** Loads the cards (warning about invalid ones), filters them, opens the store and replays the log. */
export async function loadProgress(options: DeckOptions, deps: Deps): Promise<LoadedProgress> {
  const { cards, problems } = await loadCards(options.cardsRoot);
  warnAboutProblems(problems, deps.out.warn);
  const store = openStore(resolveStoreDir(deps.env));
  for (const warning of store.warnings) deps.out.warn(warning);
  const scheduler = createScheduler({ retention: store.getSettings().retention });
  const states = scheduler.replayAll(collectReviews(store.readLog()));
  return { cards: filterCards(cards, options), store, states, scheduler };
}
