import type { ChalkInstance } from 'chalk';
import { DIFFICULTY_EMOJI } from '../core/card/card.js';
import type { CardReport } from '../core/card/card-report.js';
import type { CardReview } from '../core/log/card-reviews.js';
import { formatCount, sanitizeTerminalText } from '../core/markdown/text.js';
import { formatHeading, joinToWidth } from './layout.js';
import { formatDateTime, formatDue, formatSeconds } from './time.js';

/** The card as the quiz renders it: its question and answer, already drawn for the terminal. */
export interface RenderedCard {
  question: string;
  answer: string;
}

const SPARKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** `show`'s screen: where the card is, the card as it renders, its schedule now, every review and its intervals. */
export function formatCardReport(
  report: CardReport,
  rendered: RenderedCard,
  context: { now: Date; width: number },
  chalk: ChalkInstance,
): string {
  const { now, width } = context;
  const place = [
    sanitizeTerminalText(report.id),
    `${sanitizeTerminalText(report.path)}:${report.line}`,
    report.kind === 'basic' ? 'basic' : `${report.kind} of ${sanitizeTerminalText(report.note)}`,
    ...report.tags.map((tag) => `#${sanitizeTerminalText(tag)}`),
  ];
  if (report.difficulty) place.push(DIFFICULTY_EMOJI[report.difficulty]);
  const rule = chalk.dim('─'.repeat(Math.min(width, 60)));
  return [
    ...joinToWidth(place, width - 3).map((line) => chalk.dim(line)),
    rule,
    chalk.bold(rendered.question),
    '',
    rendered.answer,
    rule,
    ...formatSchedule(report, now, chalk),
    '',
    ...formatReviews(report.reviews, width, chalk),
  ].join('\n');
}

function formatSchedule(report: CardReport, now: Date, chalk: ChalkInstance): string[] {
  const { schedule } = report;
  const notes = report.buriedUntil ? [`Buried until ${formatDateTime(new Date(report.buriedUntil))}`] : [];
  if (report.suspendedAt)
    notes.unshift(
      `${chalk.bold('Suspended')} since ${formatDateTime(new Date(report.suspendedAt))}: never scheduled until \`flashdeck unsuspend\`.`,
    );
  if (!schedule) return [...notes, `${chalk.bold('New')}: never rated (or forgotten); it comes with the new cards.`];
  const due = new Date(schedule.due);
  return [
    ...notes,
    `${chalk.bold('Due')}         ${report.status === 'due' ? 'now' : formatDue(due, now)} (${formatDateTime(due)})${report.suspendedAt ? ' if unsuspended' : ''}`,
    `${chalk.bold('Recall now')}  ${Math.round(schedule.recall * 100)}%`,
    `${chalk.bold('Stability')}   ${formatDays(schedule.stability)}`,
    `${chalk.bold('Difficulty')}  ${schedule.difficulty.toFixed(1)} of 10`,
    `${chalk.bold('Interval')}    ${formatDays(schedule.interval)}`,
    `${chalk.bold('Reviews')}     ${schedule.reviews}, ${formatCount(schedule.lapses, 'lapse')}${report.leech ? chalk.yellow(' · a leech: rewrite it, split it, or suspend it') : ''}`,
  ];
}

function formatDays(days: number): string {
  const rounded = days < 10 ? Math.round(days * 10) / 10 : Math.round(days);
  return `${rounded} ${rounded === 1 ? 'day' : 'days'}`;
}

function formatReviews(reviews: readonly CardReview[], width: number, chalk: ChalkInstance): string[] {
  if (reviews.length === 0) return [chalk.bold('Reviews'), '  none yet'];
  const counted = reviews.filter((review) => review.status === 'counted');
  const header = chalk.dim(`  ${'WHEN'.padEnd(16)}  RATING  ${'TIME'.padStart(6)}  AFTER`);
  const lines = reviews.map((review) => {
    const when = formatDateTime(new Date(review.at));
    const after =
      review.status !== 'counted'
        ? chalk.dim(review.status)
        : review.daysSince === null
          ? 'first'
          : `${review.daysSince}d (set ${review.intervalBefore ?? 0}d)`;
    const line = `  ${when.padEnd(16)}  ${String(review.rating).padStart(6)}  ${formatSeconds(review.seconds).padStart(6)}  ${after}`;
    return review.status === 'counted' ? line : chalk.dim(line);
  });
  const heading = formatHeading('Reviews', 'AFTER: days since the one before (the interval it had set)', width, chalk);
  return [...heading, header, ...lines, ...formatIntervalChart(counted, chalk)];
}

/** The interval each counted review set, oldest first, as one row of bars scaled to the longest. */
function formatIntervalChart(counted: readonly CardReview[], chalk: ChalkInstance): string[] {
  const intervals = counted.map((review) => review.intervalAfter ?? 0);
  if (intervals.length < 2) return [];
  const longest = Math.max(...intervals);
  const bars = intervals.map((days) => SPARKS[longest > 0 ? Math.round((days / longest) * (SPARKS.length - 1)) : 0]);
  return [
    '',
    chalk.bold('Intervals'),
    `  ${chalk.cyan(bars.join(''))}  ${intervals[0]}d → ${intervals.at(-1)}d (longest ${longest}d)`,
  ];
}
