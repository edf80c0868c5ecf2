import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { formatFsrsStats } from '../../src/render/memory-section.js';
import { formatOptimizeReport, formatTooLittleHistory } from '../../src/render/optimize-report.js';

const chalk = new Chalk({ level: 0 });

describe('the memory section of stats', () => {
  it('shows knowledge, the load by retention with the current one marked, and the calibration table', () => {
    const lines = formatFsrsStats(
      {
        knowledge: 42.3,
        workload: [
          { retention: 0.85, reviewsPerDay: 3 },
          { retention: 0.9, reviewsPerDay: 4.2 },
          { retention: 0.95, reviewsPerDay: 7.9 },
        ],
        calibration: [
          { bucket: '80-90%', predicted: 0.864, actual: 0.81, reviews: 140 },
          { bucket: '90-100%', predicted: 0.951, actual: 0.94, reviews: 410 },
        ],
      },
      { seen: 120, retention: 0.9, width: 80 },
      chalk,
    );
    expect(lines.join('\n')).toMatchInlineSnapshot(`
      "Estimated knowledge · sum of recall chances now
        42.3 of 120 seen cards

      Daily reviews by desired retention · estimate for the seen cards
         85%      3.0 a day
         90%      4.2 a day  ← current
         95%      7.9 a day
        change it with \`flashdeck config set retention <0.7–0.99>\`

      Calibration · predicted vs actual recall of past reviews
        band     predicted  actual  reviews
        80-90%         86%     81%      140
        90-100%        95%     94%      410"
    `);
  });

  it('says so when nothing can be compared yet', () => {
    const lines = formatFsrsStats(
      { knowledge: 1, workload: [{ retention: 0.875, reviewsPerDay: 1 }], calibration: [] },
      { seen: 1, retention: 0.875, width: 80 },
      chalk,
    );
    expect(lines.at(-1)).toBe('  nothing to compare yet: it takes cards reviewed again on a later day');
    expect(lines.join('\n')).not.toContain('current');
  });
});

describe('the optimize report', () => {
  const report = {
    reviews: 1208,
    cards: 120,
    parameters: [],
    logLoss: { default: 0.5818, fitted: 0.5354 },
    rmse: { default: 0.1697, fitted: 0.1078 },
  };

  it('compares default and fitted weights and says whether they were saved', () => {
    expect(formatOptimizeReport({ ...report, saved: true }, chalk)).toMatchInlineSnapshot(`
      "Fitted FSRS to 1208 reviews of 120 cards.
                 log loss         RMSE   lower is better
        default    0.5818       16.97%
        fitted     0.5354       10.78%
      Saved: quiz, list and stats now schedule with these weights.
      Undo with \`flashdeck config unset parameters\`."
    `);
    expect(formatOptimizeReport({ ...report, saved: false }, chalk)).toContain('Not saved (--dry-run)');
  });

  it('says how many more reviews a fit needs', () => {
    expect(formatTooLittleHistory(120, 400)).toContain('at least 280 more are needed. Nothing was changed.');
  });
});
