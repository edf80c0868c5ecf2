import type { ChalkInstance } from 'chalk';
import type { FsrsStats } from '../core/stats/memory.js';
import { formatHeading, wrapIndented } from './layout.js';

/** What the FSRS section needs besides its own figures. */
export interface FsrsStatsContext {
  /** Matching cards rated at least once. */
  seen: number;
  /** The current desired retention. */
  retention: number;
  /** Columns the lines may take. */
  width: number;
}

const percent = (value: number) => `${Math.round(value * 100)}%`;

/** The `stats` section on memory: estimated knowledge, review load by retention, and calibration (once a card is seen). */
export function formatFsrsStats(fsrs: FsrsStats, context: FsrsStatsContext, chalk: ChalkInstance): string[] {
  const heading = (title: string, note: string) => formatHeading(title, note, context.width, chalk);
  // The workload rows are rounded to two decimals; so is the marker.
  const current = Math.round(context.retention * 100) / 100;
  const calibration = fsrs.calibration.length
    ? [
        chalk.dim(`  ${'band'.padEnd(9)}${'predicted'.padStart(9)}${'actual'.padStart(8)}${'reviews'.padStart(9)}`),
        ...fsrs.calibration.map(
          (bucket) =>
            `  ${bucket.bucket.padEnd(9)}${percent(bucket.predicted).padStart(9)}${percent(bucket.actual).padStart(8)}${String(bucket.reviews).padStart(9)}`,
        ),
      ]
    : wrapIndented('nothing to compare yet: it takes cards reviewed again on a later day', context.width);
  const hint = wrapIndented('change it with `flashdeck config set retention <0.7–0.99>`', context.width);
  return [
    ...heading('Estimated knowledge', 'sum of recall chances now'),
    `  ${fsrs.knowledge} of ${context.seen} seen cards`,
    '',
    ...heading('Daily reviews by desired retention', 'estimate for the seen cards'),
    ...fsrs.workload.map(
      ({ retention, reviewsPerDay }) =>
        `  ${percent(retention).padStart(4)}  ${reviewsPerDay.toFixed(1).padStart(7)} a day${retention === current ? '  ← current' : ''}`,
    ),
    ...hint.map((line) => chalk.dim(line)),
    '',
    ...heading('Calibration', 'predicted vs actual recall of past reviews'),
    ...calibration,
  ];
}
