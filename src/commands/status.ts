import { findBuried } from '../core/log/replay.js';
import { computeStatus } from '../core/schedule/status.js';
import type { Deps } from '../deps.js';
import { formatDue } from '../render/time.js';
import { loadCollection, type DeckOptions } from './collection.js';
import { ExitCode } from '../core/errors.js';

/** Options of `flashdeck status`. */
export interface StatusOptions extends DeckOptions {
  json: boolean;
}

/** Prints one line for a shell prompt or a status bar: due now, new available, next due. Kept to few imports: it runs often. */
export async function runStatus(options: StatusOptions, deps: Deps): Promise<number> {
  const { cards, store, states, burials, suspended } = await loadCollection(options, deps);
  const now = deps.now();
  const scheduled = cards.filter((card) => !suspended.has(card.id));
  const status = computeStatus(scheduled, states, {
    now,
    settings: store.getSettings(),
    buried: findBuried(burials, now, store.getLegacyBurials()),
  });
  if (options.json) {
    deps.out.print(JSON.stringify({ ...status, nextDue: status.nextDue?.toISOString() ?? null }));
  } else {
    const next = status.nextDue ? ` · next ${formatDue(status.nextDue, now)}` : '';
    deps.out.print(`${status.due} due · ${status.new} new${next}`);
  }
  return ExitCode.Ok;
}
