import type { ChalkInstance } from 'chalk';
import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';
import { DIFFICULTIES, DIFFICULTY_EMOJI } from '../core/card/card.js';
import { FORECAST_DAYS } from '../core/stats/forecast.js';
import { MATURE_INTERVAL_DAYS, type Retention, type RetentionBucket } from '../core/stats/retention.js';
import type { GroupStats } from '../core/stats/mastery.js';
import type { StatsReport, WeakCard } from '../core/stats/report.js';
import { formatCount, sanitizeTerminalText } from '../core/markdown/text.js';
import { formatBar, formatRatingBars } from './bars.js';
import { fitHeatmapDays, formatForecast, formatHeatmap, formatHeatmapLegend } from './charts.js';
import { fitToWidth, formatHeading, joinToWidth, wrapIndented, wrapText } from './layout.js';
import { formatDue, formatSeconds } from './time.js';

/** Where the figures come from and how wide the screen is. */
export interface StatsContext {
  cardsRoot: string;
  store: string;
  now: Date;
  width: number;
  /** Lines of the FSRS memory section (knowledge, review load, calibration), shown before the footer. */
  memory?: string[];
  /** Whether some card is weak: the weakest cards are shown only then. */
  anyWeak: boolean;
  /** Matching cards suspended: counted apart, in no figure. */
  suspended?: number;
  /** Matching cards forgotten 8 times or more, suspended or not. */
  leeches?: { id: string; question: string; lapses: number; suspended: boolean }[];
}

/** The narrowest a bar gets on a narrow terminal. */
const MIN_BAR = 5;
/** The room a deck name keeps before the mastery bars get narrower. */
const NAME_ROOM = 16;

/** A percentage for the screen: `74%`, or `–` when there is nothing to divide. */
function formatPercent(rate: number | null): string {
  return rate === null ? '–' : `${Math.round(rate * 100)}%`;
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

/**
 * The human `stats` screen: headline figures, mastery by difficulty and deck, latest ratings, the review
 * heatmap, the forecast, retention and the weakest cards. Charts use shades and blocks, so they read without colour.
 * No line is wider than `context.width`: narrow terminals get shorter bars and fewer heatmap weeks. Before any card
 * is rated it is a few lines saying how to start.
 */
export function formatStats(report: StatsReport, context: StatsContext, chalk: ChalkInstance): string {
  if (report.seen === 0) return formatNothingStudied(report, context, chalk);
  const { width, now } = context;
  // The extra width of a wide terminal goes to the bars, up to twice their size at 80 columns.
  const barWidth = Math.max(10, Math.min(40, 20 + Math.floor((width - 80) / 2)));
  const heading = (title: string, note = '') => formatHeading(title, note, width, chalk);
  const heatmap = fitHeatmapDays(report.heatmap, width);
  const busiest = Math.max(0, ...heatmap.map((day) => day.reviews));
  const recentReviews = heatmap.reduce((total, day) => total + day.reviews, 0);
  const studiedDays = heatmap.filter((day) => day.reviews > 0).length;
  const coming = report.forecast.reduce((total, day) => total + day.due, 0);
  const next =
    report.nextDue && new Date(report.nextDue) > now
      ? [chalk.dim(`next due ${formatDue(new Date(report.nextDue), now)}`)]
      : [];
  return [
    ...joinToWidth(
      [
        chalk.bold(`Cards ${report.cards}`),
        `seen ${report.seen}`,
        `new ${report.new}`,
        `due today ${report.dueToday}`,
        `due this week ${report.dueWeek}`,
        ...(context.suspended ? [`suspended ${context.suspended}`] : []),
      ],
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
    ...joinToWidth(
      [`${chalk.bold('Mastery')} ${formatBar(report.mastery, 100, barWidth)} ${report.mastery}%`, ...next],
      width,
      '  ',
    ),
    '',
    ...formatGroups(report, width, barWidth, chalk),
    '',
    ...heading('Latest ratings', 'cards by their last rating'),
    ...formatRatingBars(report.latestRatings, chalk, barWidth),
    '',
    ...heading(
      `Reviews, last ${Math.ceil(heatmap.length / 7)} weeks`,
      `${formatCount(recentReviews, 'review')} on ${formatCount(studiedDays, 'day')}`,
    ),
    ...formatHeatmap(heatmap, chalk),
    ...formatHeatmapLegend(busiest, width, chalk),
    '',
    ...heading(`Coming due, next ${FORECAST_DAYS} days`, formatCount(coming, 'card')),
    ...(coming > 0 ? formatForecast(report.forecast, width, chalk) : ['  nothing comes due']),
    '',
    ...heading('Retention', 'share of reviews rated 3 or more'),
    ...formatRetention(report.retention, width, barWidth),
    '',
    ...(context.anyWeak
      ? [...heading('Weakest cards', 'least likely recalled now'), ...formatWeakest(report.weakest, width), '']
      : []),
    ...formatLeeches(context, chalk),
    ...(context.memory ? [...context.memory, ''] : []),
    ...formatFooter(context, chalk),
  ].join('\n');
}

/** The leeches, most forgotten first: the cards worth rewriting. None, no section. */
function formatLeeches(context: StatsContext, chalk: ChalkInstance): string[] {
  const leeches = [...(context.leeches ?? [])].sort((a, b) => b.lapses - a.lapses);
  if (leeches.length === 0) return [];
  const lines = leeches.map((leech) => {
    const mark = leech.suspended ? ' (suspended)' : '';
    return fitToWidth(`  ${leech.lapses}× ${sanitizeTerminalText(leech.question)}${mark}`, context.width).trimEnd();
  });
  return [
    ...formatHeading('Leeches', 'forgotten 8 times or more: rewrite, split or suspend them', context.width, chalk),
    ...lines,
    '',
  ];
}

/** The screen of cards never rated: how many there are, how to start, and where they and the progress live. */
function formatNothingStudied(report: StatsReport, context: StatsContext, chalk: ChalkInstance): string {
  return [
    `${chalk.bold(`Cards ${report.cards}`)}${context.suspended ? ` · suspended ${context.suspended}` : ''} · nothing studied yet`,
    ...wrapText('Run `flashdeck` to start a session: progress shows here once you rate cards.', context.width),
    '',
    ...formatFooter(context, chalk),
  ].join('\n');
}

/** The cards folder and the store, wrapped (a long path is cut into lines) to the width. */
function formatFooter(context: StatsContext, chalk: ChalkInstance): string[] {
  return [`Cards: ${context.cardsRoot}`, `Store: ${context.store}`].flatMap((line) =>
    wrapText(chalk.dim(sanitizeTerminalText(line)), context.width),
  );
}

/**
 * Mastery bars by difficulty (emoji last, so alignment never depends on its width) and by deck. On a narrow
 * terminal names shrink to NAME_ROOM columns first, then the bars; a name too long loses its middle.
 */
function formatGroups(report: StatsReport, width: number, barWidth: number, chalk: ChalkInstance): string[] {
  const decks = Object.keys(report.byDeck).map((deck) => sanitizeTerminalText(deck));
  const figures = stringWidth(`100%  ${report.cards}/${report.cards} seen  ${DIFFICULTY_EMOJI.medium}`);
  // What is left for the name and the bar: the indent, the gap after the name and the space before the figures go.
  const room = width - 2 - 2 - 1 - figures;
  const longestName = Math.max(...[...DIFFICULTIES, ...decks].map((name) => stringWidth(name)));
  const nameWidth = Math.max(6, Math.min(longestName, Math.max(room - barWidth, NAME_ROOM), room - MIN_BAR));
  const groupBar = clamp(room - nameWidth, MIN_BAR, barWidth);
  const line = (name: string, group: GroupStats, suffix = '') =>
    `  ${fitToWidth(name, nameWidth, 'middle')}  ${formatBar(group.mastery, 100, groupBar)} ${`${group.mastery}%`.padStart(4)}  ${group.seen}/${group.cards} seen${suffix}`;
  // A difficulty no card has would only be a bar of zeros.
  const levels = DIFFICULTIES.filter((level) => report.byDifficulty[level].cards > 0);
  const byDifficulty = levels.map((level) => line(level, report.byDifficulty[level], `  ${DIFFICULTY_EMOJI[level]}`));
  return [
    ...(levels.length ? [chalk.bold('Mastery by difficulty'), ...byDifficulty, ''] : []),
    chalk.bold('Mastery by deck'),
    ...Object.values(report.byDeck).map((group, index) => line(decks[index] ?? '', group)),
  ];
}

const RETENTION_ROWS: [keyof Retention, string][] = [
  ['last7', 'last 7 days'],
  ['last30', 'last 30 days'],
  ['all', 'all time'],
  ['young', 'young cards'],
  ['mature', 'mature cards'],
];

const YOUNG_NOTE = `interval < ${MATURE_INTERVAL_DAYS}d`;
const MATURE_NOTE = `interval ≥ ${MATURE_INTERVAL_DAYS}d`;

/**
 * One bar per retention bucket, with recalled/reviews; young and mature are explained on their lines, or in one
 * line below them when the width has no room for that.
 */
function formatRetention(retention: Retention, width: number, barWidth: number): string[] {
  const counts = RETENTION_ROWS.map(([key]) => `${retention[key].recalled}/${retention[key].reviews}`);
  const fixed = 2 + 13 + 1 + 1 + 4 + 2 + Math.max(...counts.map((count) => count.length));
  const noteWidth = 2 + stringWidth(MATURE_NOTE);
  const withNotes = width - fixed - noteWidth >= MIN_BAR;
  const bar = clamp(width - fixed - (withNotes ? noteWidth : 0), MIN_BAR, barWidth);
  const lines = RETENTION_ROWS.map(([key, label], index) => {
    const bucket: RetentionBucket = retention[key];
    const note = !withNotes ? '' : key === 'young' ? `  ${YOUNG_NOTE}` : key === 'mature' ? `  ${MATURE_NOTE}` : '';
    return `  ${label.padEnd(13)} ${formatBar(bucket.recalled, bucket.reviews, bar)} ${formatPercent(bucket.rate).padStart(4)}  ${counts[index]}${note}`;
  });
  return withNotes
    ? lines
    : [...lines, ...wrapIndented(`young: ${YOUNG_NOTE}, mature: ≥ ${MATURE_INTERVAL_DAYS}d`, width)];
}

/** Room the question keeps on a weakest-card line before the deck name gets any more. */
const QUESTION_ROOM = 48;

/** The weakest cards: recall now, deck and question, truncated to the width. */
function formatWeakest(weakest: readonly WeakCard[], width: number): string[] {
  const decks = weakest.map((card) => sanitizeTerminalText(card.deck));
  const deckWidth = Math.min(
    Math.max(...decks.map((deck) => stringWidth(deck))),
    Math.max(10, width - 10 - QUESTION_ROOM),
  );
  return weakest.map((card, index) => {
    // A long deck path keeps its start and its end: the outer and the innermost folders.
    const start = `  ${formatPercent(card.recall).padStart(4)}  ${fitToWidth(decks[index] ?? '', deckWidth, 'middle')}  `;
    return start + cliTruncate(sanitizeTerminalText(card.question), Math.max(10, width - stringWidth(start)));
  });
}
