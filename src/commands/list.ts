import type { CardInfo } from '../core/card/card.js';
import { toListEntry } from '../core/card/list-entry.js';
import type { Deps } from '../deps.js';
import { formatJsonArrayPieces } from '../render/json.js';
import { loadCollection, type DeckOptions } from './collection.js';
import { ExitCode } from '../core/errors.js';

/** Options of `flashdeck list`. */
export interface ListOptions extends DeckOptions {
  json: boolean;
}

/** Prints the matching cards, as a table or as JSON; returns the exit code. */
export async function runList(options: ListOptions, deps: Deps): Promise<number> {
  const { cards, states } = await loadCollection(options, deps);
  const toEntry = (card: CardInfo) => toListEntry(card, states.get(card.id));
  if (options.json) {
    // Entries are made a piece at a time as they print: at 100,000 cards, never all of them in memory at once.
    for (const piece of formatJsonArrayPieces(cards, 100, toEntry)) deps.out.print(piece);
    return ExitCode.Ok;
  }
  const entries = cards.map(toEntry);
  // Width and colour code loads only for the table: scripts reading JSON never pay for it.
  const [{ formatCardList }, { chalk, width }] = await Promise.all([import('../render/list-screen.js'), deps.screen()]);
  // A terminal gets lines fitted to its width; into a pipe (grep, less, a file) every line is whole.
  deps.out.print(formatCardList(entries, deps.now(), deps.stdout.isTTY ? width() : Number.POSITIVE_INFINITY, chalk));
  return ExitCode.Ok;
}
