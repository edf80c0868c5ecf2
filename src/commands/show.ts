import { createCardReport } from '../core/card/card-report.js';
import { ExitCode, FlashError } from '../core/errors.js';
import { listCardReviews } from '../core/log/card-reviews.js';
import { findBuried } from '../core/log/replay.js';
import { sanitizeTerminalText } from '../core/markdown/text.js';
import { listClosest } from '../core/suggest.js';
import { printLong, type Deps } from '../deps.js';
import { loadFullCards } from '../io/cards/card-index.js';
import { formatJson } from '../render/json.js';
import { loadCollection } from './collection.js';

/** Options of `flashdeck show`. */
export interface ShowOptions {
  cardsRoot: string;
  id: string;
  json: boolean;
}

/** Prints one card, its schedule now and every review of it; an unknown id exits 1 naming the closest ids. */
export async function runShow(options: ShowOptions, deps: Deps): Promise<number> {
  const { cards, store, states, burials, suspended, scheduler } = await loadCollection(
    { cardsRoot: options.cardsRoot },
    deps,
  );
  const card = cards.find((candidate) => candidate.id === options.id);
  if (!card)
    throw new FlashError(
      describeUnknownId(
        options.id,
        cards.map((candidate) => candidate.id),
      ),
    );
  const now = deps.now();
  const report = createCardReport(card, {
    state: states.get(card.id),
    reviews: listCardReviews(store.readLog(), card.id, scheduler),
    buriedUntil: findBuried(burials, now, store.getLegacyBurials()).get(card.id),
    suspendedAt: suspended.get(card.id),
    scheduler,
    now,
  });
  if (options.json) {
    deps.out.print(formatJson(report));
    return ExitCode.Ok;
  }
  const [[full], { formatCardReport }, { renderMarkdown }, screen] = await Promise.all([
    loadFullCards(options.cardsRoot, [card], deps.out.warn),
    import('../render/show-screen.js'),
    import('../render/markdown.js'),
    deps.screen(),
  ]);
  // The file changed since it was listed and no longer holds the card: loadFullCards has said so.
  if (!full) return ExitCode.Failure;
  const { chalk } = screen;
  const width = screen.width();
  const rendered = {
    question: renderMarkdown(full.question, width, chalk),
    answer: renderMarkdown(full.answer, width, chalk),
  };
  printLong(deps, formatCardReport(report, rendered, { now, width }, chalk));
  return ExitCode.Ok;
}

/** `no card "x"`, with the closest ids to pick from (`flashdeck list` shows them all). */
export function describeUnknownId(id: string, ids: readonly string[]): string {
  const closest = listClosest(id, ids);
  const hint = closest.length > 0 ? `; closest: ${closest.map(sanitizeTerminalText).join(', ')}` : '';
  return `no card "${sanitizeTerminalText(id)}"${hint} (\`flashdeck list\` shows every id).`;
}
