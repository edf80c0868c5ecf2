import { computeFsrsStats } from '../core/fsrs-stats.js';
import { createCachedObserver } from '../core/review-observations.js';
import { computeStatsReport } from '../core/stats-report.js';
import { sanitizeTerminalText } from '../core/text.js';
import type { Deps } from '../deps.js';
import { formatJson } from '../render/json.js';
import { formatFsrsStats } from '../render/fsrs-stats.js';
import { formatStats } from '../render/stats-screen.js';
import { createChalk, getWidth } from '../render/terminal.js';
import { loadProgress, type DeckOptions } from './load.js';

/** Options of `flashdeck stats`. */
export interface StatsOptions extends DeckOptions {
  json: boolean;
}

/** Prints progress for the matching cards, as a screen of bars and charts or as JSON; returns the exit code. */
export async function runStats(options: StatsOptions, deps: Deps): Promise<number> {
  const { cards, store, states, observations, scheduler, reviews, scheduleSettings } = await loadProgress(options, deps);
  const now = deps.now();
  // Retention and calibration tally the observations the state cache keeps instead of replaying every card twice.
  const observe = createCachedObserver(observations, states, scheduler);
  const report = computeStatsReport(cards, states, reviews, scheduler, now, observe);
  const fsrs = computeFsrsStats(cards, states, reviews, scheduleSettings, now, observe);
  if (options.json) {
    deps.out.print(formatJson({ ...report, ...fsrs, cardsRoot: options.cardsRoot, store: store.dir }));
  } else if (cards.length === 0) {
    deps.out.print(`No cards match these filters in ${sanitizeTerminalText(options.cardsRoot)}.`);
  } else {
    const chalk = createChalk(deps.stdout, deps.env);
    const width = getWidth(deps.stdout, deps.env);
    const memory = formatFsrsStats(fsrs, { seen: report.seen, retention: scheduleSettings.retention }, chalk);
    deps.out.print(formatStats(report, { cardsRoot: options.cardsRoot, store: store.dir, now, width, memory }, chalk));
  }
  return 0;
}
