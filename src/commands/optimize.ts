import { DEFAULT_PARAMETERS, roundParameters } from '../core/schedule/parameters.js';
import { MIN_TRAINING_REVIEWS, toTrainingSet } from '../core/optimize/training.js';
import { collectReviews } from '../core/log/collect-reviews.js';
import type { Deps } from '../deps.js';
import { evaluateParameters, type FitQuality } from '../core/optimize/evaluation.js';
import { prepareOptimizer } from '../io/fsrs-optimizer.js';
import { formatJson } from '../render/json.js';
import type { OptimizeReport } from '../core/optimize/report.js';
import { formatOptimizeReport, formatTooLittleHistory } from '../render/optimize-report.js';
import { openReportedStore } from './collection.js';
import { ExitCode } from '../core/errors.js';

/** Options of `flashdeck optimize`. */
export interface OptimizeOptions {
  json: boolean;
  dryRun: boolean;
}

// Four decimals keep the JSON short and identical from run to run; the fit itself works in 32-bit floats.
const round = (value: number) => Math.round(value * 10_000) / 10_000;

function compare(key: keyof FitQuality, before: FitQuality, after: FitQuality) {
  return { default: round(before[key]), fitted: round(after[key]) };
}

/** Fits FSRS weights to the review log, compares them with the defaults and saves them unless `dryRun`; returns the exit code. */
export async function runOptimize(options: OptimizeOptions, deps: Deps): Promise<number> {
  const store = openReportedStore(deps);
  const { items, cards } = toTrainingSet(collectReviews(store.readLog()));
  if (items.length < MIN_TRAINING_REVIEWS) {
    const message = formatTooLittleHistory(items.length, MIN_TRAINING_REVIEWS);
    if (options.json) {
      deps.out.print(
        formatJson({ reviews: items.length, cards, parameters: null, logLoss: null, rmse: null, saved: false }),
      );
      deps.out.warn(message);
    } else {
      deps.out.print(message);
    }
    return ExitCode.Ok;
  }
  const optimizer = await prepareOptimizer(items);
  const parameters = roundParameters(await optimizer.fitParameters());
  const before = evaluateParameters(items, DEFAULT_PARAMETERS);
  const after = evaluateParameters(items, parameters);
  if (!options.dryRun) store.setParameters(parameters);
  const report: OptimizeReport = {
    reviews: items.length,
    cards,
    parameters,
    logLoss: compare('logLoss', before, after),
    rmse: compare('rmse', before, after),
    saved: !options.dryRun,
  };
  deps.out.print(options.json ? formatJson(report) : formatOptimizeReport(report, (await deps.screen()).chalk));
  return ExitCode.Ok;
}
