import type { ChalkInstance } from 'chalk';
import type { Rating } from '../core/log/review-log.js';
import { RATINGS } from '../core/schedule/scheduler.js';

/** The learner's words for the ends of the scale; the middle ratings are bare numbers. */
export const RATING_LABELS: Record<Rating, string> = { 1: 'Not at all', 2: '', 3: '', 4: '', 5: 'Perfectly' };

/** Brainscape's scale of colours, red for "not at all" to blue for "perfectly". */
const RATING_COLORS: Record<Rating, (chalk: ChalkInstance) => ChalkInstance> = {
  1: (chalk) => chalk.red,
  2: (chalk) => chalk.hex('#ff8c00'),
  3: (chalk) => chalk.yellow,
  4: (chalk) => chalk.green,
  5: (chalk) => chalk.blue,
};

/** A bar of `width` cells, `value / max` of them filled; the empty part is shaded so it reads without colour. */
export function formatBar(value: number, max: number, width: number): string {
  const filled = max > 0 ? Math.round((Math.min(value, max) / max) * width) : 0;
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

/** One line per rating with a bar scaled to the largest count, coloured red to blue. */
export function formatRatingBars(counts: Record<Rating, number>, chalk: ChalkInstance, width = 20): string[] {
  const most = Math.max(...RATINGS.map((rating) => counts[rating]));
  return RATINGS.map((rating) => {
    const filled = most > 0 ? Math.round((counts[rating] / most) * width) : 0;
    const bar = RATING_COLORS[rating](chalk)('█'.repeat(filled)) + ' '.repeat(width - filled);
    return `  ${rating} ${RATING_LABELS[rating].padEnd(10)} ${bar} ${counts[rating]}`;
  });
}
