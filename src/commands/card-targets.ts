import type { CardInfo } from '../core/card/card.js';
import { FlashError, UsageError } from '../core/errors.js';
import type { CardFilter } from '../core/card/filter.js';
import { formatCount } from '../core/markdown/text.js';
import type { Deps } from '../deps.js';
import { describeUnknownId } from './show.js';
import type { LoadedCollection } from './collection.js';

/** How commands that change cards (forget, suspend, unsuspend) are told which: ids, or filters confirmed. */
export interface TargetOptions extends CardFilter {
  cardsRoot: string;
  ids: string[];
  /** Filters change every card they match without asking (for scripts). */
  yes: boolean;
}

/** What those commands need beyond the shared deps: a yes/no question in the terminal. */
export interface ConfirmDeps extends Deps {
  /** Asks `question`; throws a UsageError when there is no terminal to ask in. */
  confirm(question: string): Promise<boolean>;
}

function hasFilter(options: TargetOptions): boolean {
  return !!(options.decks?.length || options.tags?.length || options.difficulties?.length);
}

/**
 * The cards `options` name: each id must be a card (else exit 1 naming the closest ids, before anything is written);
 * filters need a confirmation, or `--yes`. Null when the learner said no.
 */
export async function selectTargets(
  options: TargetOptions,
  collection: LoadedCollection,
  action: string,
  deps: ConfirmDeps,
): Promise<CardInfo[] | null> {
  if (options.ids.length > 0) {
    if (hasFilter(options)) throw new UsageError(`name cards by id or by --deck, -t and -d, not both.`);
    const byId = new Map(collection.allCards.map((card) => [card.id, card]));
    const ids = [...new Set(options.ids)];
    const unknown = ids.find((id) => !byId.has(id));
    if (unknown !== undefined) throw new FlashError(describeUnknownId(unknown, [...byId.keys()]));
    return ids.map((id) => byId.get(id) as CardInfo);
  }
  if (!hasFilter(options)) throw new UsageError(`name the cards to ${action}: their ids, or --deck, -t or -d.`);
  const { cards } = collection;
  if (cards.length === 0) return [];
  if (options.yes) return cards;
  const agreed = await deps.confirm(
    `${action[0]?.toUpperCase()}${action.slice(1)} ${formatCount(cards.length, 'card')}?`,
  );
  return agreed ? cards : null;
}
