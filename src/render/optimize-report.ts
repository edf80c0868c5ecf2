import type { ChalkInstance } from 'chalk';
import { formatCount } from '../core/markdown/text.js';
import type { Comparison, OptimizeReport } from '../core/optimize/report.js';

/** The message for a log too short to fit: how many more reviews are needed; says nothing changed. */
export function formatTooLittleHistory(reviews: number, needed: number): string {
  return [
    `Not enough history to optimise yet: ${formatCount(reviews, 'review')} FSRS can learn from, ${needed} needed.`,
    "(A card's first review, and its repeats on the same study day, do not count.)",
    `Keep studying: at least ${needed - reviews} more are needed. Nothing was changed.`,
  ].join('\n');
}

const percent = (value: number) => `${(value * 100).toFixed(2)}%`;

/** The human report of `flashdeck optimize`: the fit's size, default vs fitted scores, and whether it was saved. */
export function formatOptimizeReport(report: OptimizeReport, chalk: ChalkInstance): string {
  const row = (name: string, key: keyof Comparison) =>
    `  ${name.padEnd(9)}${report.logLoss[key].toFixed(4).padStart(8)}${percent(report.rmse[key]).padStart(13)}`;
  return [
    chalk.bold(`Fitted FSRS to ${report.reviews} reviews of ${report.cards} cards.`),
    chalk.dim(`  ${''.padEnd(9)}${'log loss'.padStart(8)}${'RMSE'.padStart(13)}   lower is better`),
    row('default', 'default'),
    row('fitted', 'fitted'),
    report.saved
      ? 'Saved: quiz, list and stats now schedule with these weights.\nUndo with `flashdeck config unset parameters`.'
      : 'Not saved (--dry-run): run `flashdeck optimize` to use them.',
  ].join('\n');
}
