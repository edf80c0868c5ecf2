import { fsrs, type FSRSState } from 'ts-fsrs';
import type { TrainingItem } from './training.js';

/** How well a set of FSRS weights predicts a history: log loss and the RMSE of predicted recall (lower is better). */
export interface FitQuality {
  logLoss: number;
  rmse: number;
}

// Predictions are clamped so one confident miss cannot make the log loss infinite.
const EPSILON = 1e-6;

/**
 * Scores `parameters` on training items: for each item, the memory state after all but its last review predicts the
 * recall of the last one (recalled = any grade above Again), as FSRS's own evaluation does.
 */
export function evaluateParameters(items: readonly TrainingItem[], parameters: readonly number[]): FitQuality {
  const engine = fsrs({ w: [...parameters], enable_short_term: false });
  let logLoss = 0;
  let squared = 0;
  let count = 0;
  for (const item of items) {
    const last = item.at(-1);
    if (!last || item.length < 2) continue;
    let memory: FSRSState | null = null;
    for (const review of item.slice(0, -1)) memory = engine.next_state(memory, review.deltaT, review.grade);
    if (!memory) continue;
    const predicted = Math.min(1 - EPSILON, Math.max(EPSILON, engine.forgetting_curve(last.deltaT, memory.stability)));
    const recalled = last.grade > 1 ? 1 : 0;
    logLoss -= recalled * Math.log(predicted) + (1 - recalled) * Math.log(1 - predicted);
    squared += (predicted - recalled) ** 2;
    count += 1;
  }
  return count === 0 ? { logLoss: 0, rmse: 0 } : { logLoss: logLoss / count, rmse: Math.sqrt(squared / count) };
}
