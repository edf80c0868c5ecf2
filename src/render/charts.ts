import type { ChalkInstance } from 'chalk';
import type { DayDue } from '../core/stats/forecast.js';
import type { DayReviews } from '../core/stats/days.js';
import { formatCount } from '../core/markdown/text.js';
import { joinToWidth } from './layout.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Heatmap shades, none to busiest: they read without colour, and colour only adds to them. */
export const HEATMAP_SHADES = ['·', '░', '▒', '▓', '█'] as const;
const INDENT = '  ';
/** Where the heatmap's first column starts: the indent and a weekday name. */
const GRID_START = INDENT.length + 4;
/** Columns a month name takes from its week's column on. */
const MONTH_WIDTH = 3;

/** A calendar date `YYYY-MM-DD` as a UTC instant, so weekday and month never depend on the time zone. */
function toCalendarDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** The shade level (0–4) of a day: 0 without reviews, else the quarter of the busiest day's count it reaches. */
export function getHeatmapLevel(reviews: number, busiest: number): number {
  return reviews === 0 || busiest === 0 ? 0 : Math.ceil((4 * reviews) / busiest);
}

/**
 * The most recent of `days` whose calendar fits `width` columns, month names included: whole weeks are dropped
 * from the start.
 */
export function fitHeatmapDays(days: readonly DayReviews[], width: number): DayReviews[] {
  const last = days.at(-1);
  if (!last) return [];
  const weeks = Math.max(1, Math.floor((width - GRID_START - MONTH_WIDTH) / 2) + 1);
  const daysInLastWeek = ((toCalendarDay(last.date).getUTCDay() + 6) % 7) + 1;
  return days.slice(-((weeks - 1) * 7 + daysInLastWeek));
}

/**
 * A review calendar: one row per weekday (Monday first), one column per calendar week, month names above
 * the week each month starts in. The first and last weeks are cut at the ends of `days`.
 */
export function formatHeatmap(days: readonly DayReviews[], chalk: ChalkInstance): string[] {
  const first = days[0];
  if (!first) return [];
  const offset = (toCalendarDay(first.date).getUTCDay() + 6) % 7;
  const weeks = Math.ceil((offset + days.length) / 7);
  const busiest = Math.max(...days.map((day) => day.reviews));
  // Days outside the window (before its first day, after today) stay blank.
  const shade = (day: DayReviews | undefined) => (day ? tintShade(getHeatmapLevel(day.reviews, busiest), chalk) : ' ');
  const rows = WEEKDAYS.map((name, weekday) => {
    const cells = Array.from({ length: weeks }, (_, week) => shade(days[week * 7 + weekday - offset]));
    return `${INDENT}${name} ${cells.join(' ')}`.trimEnd();
  });
  return [formatMonthLabels(days, offset, weeks), ...rows];
}

/** Month names over the columns: at the week holding the month's 1st, and over the first week if there is room. */
function formatMonthLabels(days: readonly DayReviews[], offset: number, weeks: number): string {
  const labels: { column: number; text: string }[] = [];
  for (let week = 0; week < weeks; week += 1) {
    const inWeek = days.slice(Math.max(0, week * 7 - offset), week * 7 - offset + 7);
    const starting = week === 0 ? inWeek[0] : inWeek.find((day) => day.date.endsWith('-01'));
    if (starting)
      labels.push({ column: GRID_START + week * 2, text: MONTHS[toCalendarDay(starting.date).getUTCMonth()] ?? '' });
  }
  let line = '';
  for (const [index, label] of labels.entries()) {
    const next = labels[index + 1];
    // The first week's label only stands when the next month's label leaves room for it.
    if (index === 0 && next && next.column < label.column + label.text.length + 1) continue;
    line = line.padEnd(label.column) + label.text;
  }
  return line;
}

/** A level's shade: days without reviews dimmed, the others in the terminal's own green, so any theme reads it. */
function tintShade(level: number, chalk: ChalkInstance): string {
  const char = HEATMAP_SHADES[level] ?? ' ';
  return level === 0 ? chalk.dim(char) : chalk.green(char);
}

/** The legend under the heatmap: what each shade means, and the busiest day's count (on a line of its own if need be). */
export function formatHeatmapLegend(busiest: number, width: number, chalk: ChalkInstance): string[] {
  const shades = HEATMAP_SHADES.map((_, level) => tintShade(level, chalk)).join(' ');
  const parts = [`less ${shades} more`, ...(busiest > 0 ? [`busiest day ${formatCount(busiest, 'review')}`] : [])];
  return joinToWidth(parts, width - GRID_START).map((line) => `${' '.repeat(GRID_START)}${line}`);
}

const EIGHTHS = ['', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const FORECAST_HEIGHT = 6;

/**
 * A vertical bar per study day (today first, overdue cards included), in eighths of a row so small counts
 * still show; the tallest bar is labelled on the axis, dates every week below.
 */
export function formatForecast(days: readonly DayDue[], width: number, chalk: ChalkInstance): string[] {
  const most = Math.max(0, ...days.map((day) => day.due));
  const labelWidth = String(most).length;
  const chartStart = INDENT.length + labelWidth + 3;
  // Wider terminals get wider bars; a narrow one still gets one column per day.
  const columnWidth = Math.max(1, Math.min(3, Math.floor((width - chartStart) / days.length)));
  const barWidth = columnWidth === 1 ? 1 : columnWidth - 1;
  const heights = days.map((day) =>
    day.due === 0 ? 0 : Math.max(1, Math.round((day.due / most) * FORECAST_HEIGHT * 8)),
  );
  const rows = Array.from({ length: FORECAST_HEIGHT }, (_, index) => {
    const row = FORECAST_HEIGHT - 1 - index;
    const cells = heights.map((height, day) => {
      const char = EIGHTHS[Math.max(0, Math.min(8, height - row * 8))] ?? '';
      const bar = char ? (day === 0 ? chalk.yellow : chalk.cyan)(char.repeat(barWidth)) : ' '.repeat(barWidth);
      return bar + ' '.repeat(columnWidth - barWidth);
    });
    const label = row === FORECAST_HEIGHT - 1 ? String(most) : '';
    return `${INDENT}${label.padStart(labelWidth)} ${row === FORECAST_HEIGHT - 1 ? '┤' : '│'} ${cells.join('')}`.trimEnd();
  });
  const axis = `${INDENT}${'0'.padStart(labelWidth)} └${'─'.repeat(days.length * columnWidth + 1)}`;
  return [...rows, axis, formatDateLabels(days, chartStart, columnWidth)];
}

/** `today` under the first bar, then the date under every seventh. */
function formatDateLabels(days: readonly DayDue[], indent: number, columnWidth: number): string {
  let line = ' '.repeat(indent);
  for (let day = 0; day < days.length; day += 7) {
    const date = toCalendarDay(days[day]?.date ?? '');
    const text = day === 0 ? 'today' : `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
    const column = indent + day * columnWidth;
    // Skip a label that would run into the one before it or past the chart.
    if (line.length > column || column + text.length > indent + days.length * columnWidth + 2) continue;
    line = line.padEnd(column) + text;
  }
  return line;
}
