import type { ChalkInstance } from 'chalk';
import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';
import { DIFFICULTIES, DIFFICULTY_EMOJI } from '../core/card.js';
import { FORECAST_DAYS } from '../core/forecast.js';
import { HEATMAP_DAYS } from '../core/history.js';
import { MATURE_INTERVAL_DAYS, type Retention, type RetentionBucket } from '../core/retention.js';
import type { GroupStats } from '../core/stats.js';
import type { StatsReport, WeakCard } from '../core/stats-report.js';
import { formatCount, sanitizeTerminalText } from '../core/text.js';
import { formatBar, formatRatingBars } from './bars.js';
import { formatForecast, formatHeatmap, formatHeatmapLegend } from './charts.js';
import { formatDue, formatSeconds } from './time.js';

/** Where the figures come from and how wide the screen is. */
export interface StatsContext {
  cardsRoot: string;
  store: string;
  now: Date;
  width: number;
  /** Lines of the FSRS memory section (knowledge, review load, calibration), shown before the footer. */
  memory?: string[];
}


/** Pads `text` to `width` columns by display width, truncating it if longer. */
function fitToWidth(text: string, width: number): string {
  const fitted = cliTruncate(text, width);
  return fitted + ' '.repeat(Math.max(0, width - stringWidth(fitted)));
}

/** Joins `items` with ` · `, starting a new line rather than going past `width`. */
function joinToWidth(items: readonly string[], width: number): string[] {
  const lines: string[] = [];
  for (const item of items) {
    const last = lines.at(-1);
    if (last !== undefined && stringWidth(`${last} · ${item}`) <= width) lines[lines.length - 1] = `${last} · ${item}`;
    else lines.push(item);
  }
  return lines;
}

/** A percentage for the screen: `74%`, or `–` when there is nothing to divide. */
function formatPercent(rate: number | null): string {
  return rate === null ? '–' : `${Math.round(rate * 100)}%`;
}

/**
 * The human `stats` screen: headline figures, mastery by difficulty and deck, latest ratings, the review
 * heatmap, the forecast, retention and the weakest cards. Charts use shades and blocks, so they read without colour.
 */
export function formatStats(report: StatsReport, context: StatsContext, chalk: ChalkInstance): string {
  const { width, now } = context;
  // The extra width of a wide terminal goes to the bars, up to twice their size at 80 columns.
  const barWidth = Math.max(10, Math.min(40, 20 + Math.floor((width - 80) / 2)));
  const heading = (text: string, note = '') => chalk.bold(text) + (note ? chalk.dim(` · ${note}`) : '');
  const busiest = Math.max(0, ...report.heatmap.map((day) => day.reviews));
  const recentReviews = report.heatmap.reduce((total, day) => total + day.reviews, 0);
  const studiedDays = report.heatmap.filter((day) => day.reviews > 0).length;
  const coming = report.forecast.reduce((total, day) => total + day.due, 0);
  const next = report.nextDue && new Date(report.nextDue) > now ? `  ${chalk.dim(`next due ${formatDue(new Date(report.nextDue), now)}`)}` : '';
  return [
    ...joinToWidth(
      [chalk.bold(`Cards ${report.cards}`), `seen ${report.seen}`, `new ${report.new}`, `due today ${report.dueToday}`, `due this week ${report.dueWeek}`],
      width,
    ),
    ...joinToWidth(
      [
        chalk.bold(`Reviews ${report.reviews}`),
        `studied ${formatSeconds(report.studySeconds)}`,
        `streak ${formatCount(report.streak.current, 'day')}`,
        `longest ${formatCount(report.streak.longest, 'day')}`,
      ],
      width,
    ),
    `${chalk.bold('Mastery')} ${formatBar(report.mastery, 100, barWidth)} ${report.mastery}%${next}`,
    '',
    ...formatGroups(report, width, barWidth, chalk),
    '',
    heading('Latest ratings', 'cards by their last rating'),
    ...formatRatingBars(report.latestRatings, chalk, barWidth),
    '',
    heading(`Reviews, last ${HEATMAP_DAYS / 7} weeks`, `${formatCount(recentReviews, 'review')} on ${formatCount(studiedDays, 'day')}`),
    ...formatHeatmap(report.heatmap, chalk),
    formatHeatmapLegend(busiest, chalk),
    '',
    heading(`Coming due, next ${FORECAST_DAYS} days`, formatCount(coming, 'card')),
    ...(coming > 0 ? formatForecast(report.forecast, width, chalk) : ['  nothing comes due']),
    '',
    heading('Retention', 'share of reviews rated 3 or more'),
    ...formatRetention(report.retention, barWidth),
    '',
    heading('Weakest cards', 'least likely recalled now'),
    ...(report.weakest.length ? formatWeakest(report.weakest, width) : ['  (no card rated yet)']),
    '',
    ...(context.memory ? [...context.memory, ''] : []),
    chalk.dim(`Cards: ${sanitizeTerminalText(context.cardsRoot)}`),
    chalk.dim(`Store: ${sanitizeTerminalText(context.store)}`),
  ].join('\n');
}

/** Mastery bars by difficulty (emoji last, so alignment never depends on its width) and by deck. */
function formatGroups(report: StatsReport, width: number, barWidth: number, chalk: ChalkInstance): string[] {
  const decks = Object.keys(report.byDeck).map((deck) => sanitizeTerminalText(deck));
  const longestFigures = `  100%  ${report.cards}/${report.cards} seen  👶`.length;
  const nameWidth = Math.max(6, Math.min(Math.max(...decks.map((deck) => stringWidth(deck))), width - barWidth - 4 - longestFigures));
  const line = (name: string, group: GroupStats, suffix = '') =>
    `  ${fitToWidth(name, nameWidth)}  ${formatBar(group.mastery, 100, barWidth)} ${`${group.mastery}%`.padStart(4)}  ${group.seen}/${group.cards} seen${suffix}`;
  return [
    chalk.bold('Mastery by difficulty'),
    ...DIFFICULTIES.map((level) => line(level, report.byDifficulty[level], `  ${DIFFICULTY_EMOJI[level]}`)),
    '',
    chalk.bold('Mastery by deck'),
    ...(decks.length ? Object.values(report.byDeck).map((group, index) => line(decks[index] ?? '', group)) : ['  (no cards)']),
  ];
}

const RETENTION_ROWS: [keyof Retention, string][] = [
  ['last7', 'last 7 days'],
  ['last30', 'last 30 days'],
  ['all', 'all time'],
  ['young', 'young cards'],
  ['mature', 'mature cards'],
];

/** One bar per retention bucket, with recalled/reviews; young and mature are explained on their lines. */
function formatRetention(retention: Retention, barWidth: number): string[] {
  return RETENTION_ROWS.map(([key, label]) => {
    const bucket: RetentionBucket = retention[key];
    const note = key === 'young' ? `  interval < ${MATURE_INTERVAL_DAYS}d` : key === 'mature' ? `  interval ≥ ${MATURE_INTERVAL_DAYS}d` : '';
    const bar = formatBar(bucket.recalled, bucket.reviews, barWidth);
    return `  ${label.padEnd(13)} ${bar} ${formatPercent(bucket.rate).padStart(4)}  ${bucket.recalled}/${bucket.reviews}${note}`;
  });
}

/** Room the question keeps on a weakest-card line before the deck name gets any more. */
const QUESTION_ROOM = 48;

/** The weakest cards: recall now, deck and question, truncated to the width. */
function formatWeakest(weakest: readonly WeakCard[], width: number): string[] {
  const decks = weakest.map((card) => sanitizeTerminalText(card.deck));
  const deckWidth = Math.min(Math.max(...decks.map((deck) => stringWidth(deck))), Math.max(10, width - 10 - QUESTION_ROOM));
  return weakest.map((card, index) => {
    // A long deck path keeps its end: the innermost folder tells decks apart.
    const deck = cliTruncate(decks[index] ?? '', deckWidth, { position: 'start' });
    const start = `  ${formatPercent(card.recall).padStart(4)}  ${fitToWidth(deck, deckWidth)}  `;
    return start + cliTruncate(sanitizeTerminalText(card.question), Math.max(10, width - stringWidth(start)));
  });
}
