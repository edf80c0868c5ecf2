import path from 'node:path';
import { DIFFICULTIES } from '../core/card/card.js';
import { SETTINGS } from '../core/schedule/settings.js';
import { PARAMETERS_SETTING } from '../core/schedule/parameters.js';
import type { Deps } from '../deps.js';
import { loadCardInfos } from '../io/cards/card-index.js';
import { resolveStoreDir } from '../io/store/store.js';
import { formatCompletionScript, type Shell } from '../render/completion-scripts.js';
import { ExitCode } from '../core/errors.js';

/** What a word may be, beside commands and options: names that come from the cards folder or from flashdeck. */
export type ValueKind = 'ids' | 'decks' | 'tags' | 'difficulties' | 'settings' | 'settable' | 'shells' | 'topics';

/** Prints the completion script for `shell`. */
export function runCompletion(options: { shell: Shell }, deps: Deps): Promise<number> {
  deps.out.print(formatCompletionScript(options.shell));
  return Promise.resolve(ExitCode.Ok);
}

/**
 * The names a completion may offer: card ids, decks and tags from `cardsRoot` (none when it is no cards folder, as a
 * half-typed path often is), setting names, shells and help topics.
 */
export async function listCompletionValues(kind: ValueKind, cardsRoot: () => string, deps: Deps): Promise<string[]> {
  switch (kind) {
    case 'settings':
      return [...SETTINGS.map((setting) => setting.name), PARAMETERS_SETTING];
    case 'settable':
      return SETTINGS.map((setting) => setting.name);
    case 'shells':
      return ['bash', 'zsh', 'fish'];
    case 'topics':
      return ['format', 'keys', 'settings'];
    case 'difficulties':
      return [...DIFFICULTIES];
    default: {
      let cards;
      try {
        ({ cards } = await loadCardInfos(cardsRoot(), path.join(resolveStoreDir(deps.env), 'cache')));
      } catch {
        return [];
      }
      if (kind === 'ids') return cards.map((card) => card.id);
      return kind === 'decks' ? cards.map((card) => card.deck) : cards.flatMap((card) => card.tags);
    }
  }
}
