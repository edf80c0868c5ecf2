import type { ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import { DIFFICULTIES, DIFFICULTY_EMOJI } from '../core/card.js';
import type { GroupStats, Stats } from '../core/stats.js';
import { sanitizeTerminalText } from '../core/text.js';
import { formatBar, formatRatingBars } from './bars.js';
import { formatDue } from './time.js';

/** Where the figures come from and how wide the screen is. */
export interface StatsContext {
  cardsRoot: string;
  store: string;
  now: Date;
  width: number;
}

const BAR_WIDTH = 20;

function formatGroupLine(name: string, nameWidth: number, group: GroupStats, suffix = ''): string {
  const pad = ' '.repeat(Math.max(0, nameWidth - stringWidth(name)));
  const figures = `${String(group.mastery).padStart(3)}%  ${group.seen}/${group.cards} seen`;
  return `  ${name}${pad}  ${formatBar(group.mastery, 100, BAR_WIDTH)} ${figures}${suffix}`;
}

/** The human `stats` screen: headline figures, mastery bars by difficulty and deck, latest ratings. */
export function formatStats(stats: Stats, context: StatsContext, chalk: ChalkInstance): string {
  const deckNames = Object.keys(stats.byDeck);
  const nameWidth = Math.min(
    Math.max(6, ...deckNames.map((deck) => stringWidth(sanitizeTerminalText(deck)))),
    Math.max(6, context.width - BAR_WIDTH - 24),
  );
  const next = stats.nextDue ? `next due ${formatDue(new Date(stats.nextDue), context.now)}` : 'nothing scheduled yet';
  const lines = [
    chalk.bold(`Cards ${stats.cards}`) +
      ` · seen ${stats.seen} · new ${stats.new} · due now ${stats.due} · due this week ${stats.dueWeek} · reviews ${stats.reviews}`,
    `${chalk.bold('Mastery')} ${formatBar(stats.mastery, 100, BAR_WIDTH)} ${stats.mastery}%  ${chalk.dim(next)}`,
    '',
    chalk.bold('By difficulty'),
    ...DIFFICULTIES.map((level) =>
      formatGroupLine(level, nameWidth, stats.byDifficulty[level], `  ${DIFFICULTY_EMOJI[level]}`),
    ),
    '',
    chalk.bold('By deck'),
    ...(deckNames.length
      ? deckNames.map((deck) =>
          formatGroupLine(sanitizeTerminalText(deck), nameWidth, stats.byDeck[deck] as GroupStats),
        )
      : ['  (no cards)']),
    '',
    chalk.bold('Latest ratings'),
    ...formatRatingBars(stats.latestRatings, chalk),
    '',
    chalk.dim(`Cards: ${sanitizeTerminalText(context.cardsRoot)}`),
    chalk.dim(`Store: ${sanitizeTerminalText(context.store)}`),
  ];
  return lines.join('\n');
}
