import { computeStats } from '../core/stats.js';
import type { Deps } from '../deps.js';
import { formatJson } from '../render/json.js';
import { formatStats } from '../render/stats-screen.js';
import { createChalk, getWidth } from '../render/terminal.js';
import { loadProgress, type DeckOptions } from './load.js';

/** Options of `flashdeck stats`. */
export interface StatsOptions extends DeckOptions {
  json: boolean;
}

/** Prints progress for the matching cards, as a screen of bars or as JSON; returns the exit code. */
export async function runStats(options: StatsOptions, deps: Deps): Promise<number> {
  const { cards, store, states } = await loadProgress(options, deps);
  const now = deps.now();
  const stats = computeStats(cards, states, now);
  if (options.json) {
    deps.out.print(formatJson({ ...stats, cardsRoot: options.cardsRoot, store: store.dir }));
  } else {
    const chalk = createChalk(deps.stdout, deps.env);
    const width = getWidth(deps.stdout, deps.env);
    deps.out.print(formatStats(stats, { cardsRoot: options.cardsRoot, store: store.dir, now, width }, chalk));
  }
  return 0;
}
