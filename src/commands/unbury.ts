import { ExitCode, FlashError } from '../core/errors.js';
import { findBuried } from '../core/log/replay.js';
import type { LogEntry } from '../core/log/review-log.js';
import { formatCount, sanitizeTerminalText } from '../core/markdown/text.js';
import { printNote, type Deps } from '../deps.js';
import { loadCollection } from './collection.js';
import { describeUnknownId } from './show.js';

/** Options of `flashdeck unbury`. */
export interface UnburyOptions {
  cardsRoot: string;
  /** The cards to bring back; none: every buried card. */
  ids: string[];
}

/** Brings buried cards (all, or those named) back today: an unbury line each, appended. */
export async function runUnbury(options: UnburyOptions, deps: Deps): Promise<number> {
  const { allCards, store, burials } = await loadCollection({ cardsRoot: options.cardsRoot }, deps);
  const now = deps.now();
  const buried = findBuried(burials, now);
  const known = new Set(allCards.map((card) => card.id));
  const unknown = options.ids.find((id) => !known.has(id) && !buried.has(id));
  if (unknown !== undefined) throw new FlashError(describeUnknownId(unknown, [...known]));
  const named = options.ids.length > 0 ? [...new Set(options.ids)] : [...buried.keys()];
  const unburied = named.filter((id) => buried.has(id));
  if (unburied.length === 0) {
    printNote(deps, `Nothing to unbury: ${options.ids.length === 1 ? 'the card is not' : 'no card is'} buried.`);
    return ExitCode.Ok;
  }
  const at = now.toISOString();
  store.appendAll(unburied.map((card): LogEntry => ({ card, unbury: true, at })));
  const names = unburied.length === 1 ? sanitizeTerminalText(unburied[0] ?? '') : formatCount(unburied.length, 'card');
  printNote(deps, `Unburied ${names}: back in today's session.`);
  return ExitCode.Ok;
}
