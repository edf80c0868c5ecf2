import { computeFsrsStats } from '../core/stats/memory.js';
import { computeStatsReport } from '../core/stats/report.js';
import { sanitizeTerminalText } from '../core/markdown/text.js';
import { hasWeakCard } from '../core/stats/weakest.js';
import { isLeech } from '../core/schedule/leech.js';
import { printLong, type Deps } from '../deps.js';
import { formatJson } from '../render/json.js';
import { loadCollection, type DeckOptions } from './collection.js';
import { ExitCode } from '../core/errors.js';

/** Options of `flashdeck stats`. */
export interface StatsOptions extends DeckOptions {
  json: boolean;
}

/** Prints progress for the matching cards, as a screen of bars and charts or as JSON; returns the exit code. */
export async function runStats(options: StatsOptions, deps: Deps): Promise<number> {
  const collection = await loadCollection(options, deps);
  const { cards, store, states, histories, scheduler, scheduleSettings, suspended } = collection;
  // Suspended cards keep their place in the figures (their history is theirs) and are also counted apart.
  const suspendedCount = cards.filter((card) => suspended.has(card.id)).length;
  // Leeches are listed whether suspended or not: `suspend-leeches` suspends them, and they still need rewriting.
  const leeches = cards.flatMap((card) => {
    const state = states.get(card.id);
    if (!state || !isLeech(state)) return [];
    return [{ id: card.id, question: card.questionText, lapses: state.fsrs.lapses, suspended: suspended.has(card.id) }];
  });
  const now = deps.now();
  const report = computeStatsReport(cards, states, histories, scheduler, now);
  const fsrs = computeFsrsStats(cards, states, histories, scheduleSettings, now);
  if (options.json) {
    deps.out.print(
      formatJson({
        ...report,
        ...fsrs,
        suspended: suspendedCount,
        leeches,
        cardsRoot: options.cardsRoot,
        store: store.dir,
      }),
    );
  } else if (cards.length === 0) {
    deps.out.print(`No cards match these filters in ${sanitizeTerminalText(options.cardsRoot)}.`);
  } else {
    // The screen's code loads only for the screen: scripts reading JSON never pay for it.
    const [{ formatFsrsStats }, { formatStats }, screen] = await Promise.all([
      import('../render/memory-section.js'),
      import('../render/stats-screen.js'),
      deps.screen(),
    ]);
    const { chalk } = screen;
    const width = screen.width();
    const memory = formatFsrsStats(fsrs, { seen: report.seen, retention: scheduleSettings.retention, width }, chalk);
    const anyWeak = hasWeakCard(cards, states, scheduler, now);
    printLong(
      deps,
      formatStats(
        report,
        {
          cardsRoot: options.cardsRoot,
          store: store.dir,
          now,
          width,
          memory,
          anyWeak,
          suspended: suspendedCount,
          leeches,
        },
        chalk,
      ),
    );
  }
  return ExitCode.Ok;
}
