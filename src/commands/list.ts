import type { CardInfo } from '../core/card/card.js';
import { toListEntry } from '../core/card/list-entry.js';
import { countBy, searchCards } from '../core/card/search.js';
import { sanitizeTerminalText } from '../core/markdown/text.js';
import { createDueCheck } from '../core/schedule/session.js';
import { isLeech } from '../core/schedule/leech.js';
import type { CardState } from '../core/schedule/scheduler.js';
import { printLong, type Deps } from '../deps.js';
import { loadFullCards } from '../io/cards/card-index.js';
import { formatJson, formatJsonArrayPieces } from '../render/json.js';
import { loadCollection, type DeckOptions } from './collection.js';
import { ExitCode } from '../core/errors.js';

/** Options of `flashdeck list`. */
export interface ListOptions extends DeckOptions {
  json: boolean;
  /** Only cards whose question or answer holds this text. */
  search?: string;
  /** Only cards due now. */
  due?: boolean;
  /** Only cards never rated. */
  onlyNew?: boolean;
  /** Only suspended cards. */
  onlySuspended?: boolean;
  /** Only leeches. */
  onlyLeeches?: boolean;
  /** The decks or the tags of the matching cards, with their counts, instead of the cards. */
  groupBy?: 'deck' | 'tag';
}

/** Prints the matching cards (or their decks or tags), as a table or as JSON; returns the exit code. */
export async function runList(options: ListOptions, deps: Deps): Promise<number> {
  const { cards: filtered, allCards, states, suspended } = await loadCollection(options, deps);
  const cards = await narrow(filtered, { states, suspended }, options, deps);
  if (options.groupBy) return printGroups(cards, options, deps);
  const toEntry = (card: CardInfo) => toListEntry(card, states.get(card.id), suspended.has(card.id));
  if (options.json) {
    // Entries are made a piece at a time as they print: at 100,000 cards, never all of them in memory at once.
    for (const piece of formatJsonArrayPieces(cards, 100, toEntry)) deps.out.print(piece);
    return ExitCode.Ok;
  }
  if (cards.length === 0) {
    deps.out.print(describeNoMatch(allCards));
    return ExitCode.Ok;
  }
  const entries = cards.map(toEntry);
  // Width and colour code loads only for the table: scripts reading JSON never pay for it.
  const [{ formatCardList }, { chalk, width }] = await Promise.all([import('../render/list-screen.js'), deps.screen()]);
  // A terminal gets lines fitted to its width; into a pipe (grep, less, a file) every line is whole.
  printLong(deps, formatCardList(entries, deps.now(), deps.stdout.isTTY ? width() : Number.POSITIVE_INFINITY, chalk));
  return ExitCode.Ok;
}

/** The cards the schedule filters and the search keep; answers are read only for a search. */
async function narrow(
  cards: CardInfo[],
  progress: { states: ReadonlyMap<string, CardState>; suspended: ReadonlyMap<string, string> },
  options: ListOptions,
  deps: Deps,
): Promise<CardInfo[]> {
  const { states, suspended } = progress;
  const isDue = createDueCheck(deps.now());
  // A suspended card is never due, whatever its schedule says.
  let kept = cards.filter(
    (card) =>
      (!options.due || (isDue(states.get(card.id)) && !suspended.has(card.id))) &&
      (!options.onlyNew || !states.has(card.id)) &&
      (!options.onlySuspended || suspended.has(card.id)) &&
      (!options.onlyLeeches || isLeech(states.get(card.id))),
  );
  if (options.search !== undefined) {
    const full = await loadFullCards(options.cardsRoot, kept, deps.out.warn);
    const found = new Set(searchCards(full, options.search).map((card) => card.id));
    kept = kept.filter((card) => found.has(card.id));
  }
  return kept;
}

function printGroups(cards: readonly CardInfo[], options: ListOptions, deps: Deps): number {
  const groups = countBy(cards, (card) => (options.groupBy === 'deck' ? [card.deck] : card.tags));
  const key = options.groupBy === 'deck' ? 'deck' : 'tag';
  if (options.json) {
    deps.out.print(formatJson(groups.map((group) => ({ [key]: group.name, cards: group.cards }))));
    return ExitCode.Ok;
  }
  if (groups.length === 0) deps.out.print(`No ${key}s: no matching card has ${key === 'tag' ? 'a tag' : 'a deck'}.`);
  const width = Math.max(...groups.map((group) => String(group.cards).length), 1);
  for (const group of groups)
    deps.out.print(`${String(group.cards).padStart(width)}  ${sanitizeTerminalText(group.name)}`);
  return ExitCode.Ok;
}

/** "No cards match", with the decks and tags there are and their counts, so the next try can name one of them. */
export function describeNoMatch(allCards: readonly CardInfo[]): string {
  const names = (groups: { name: string; cards: number }[]) =>
    groups.map((group) => `${sanitizeTerminalText(group.name)} (${group.cards})`).join(', ') || 'none';
  return [
    'No cards match these filters.',
    `Decks: ${names(countBy(allCards, (card) => [card.deck]))}`,
    `Tags: ${names(countBy(allCards, (card) => card.tags))}`,
  ].join('\n');
}
