import { FlashError } from '../core/errors.js';
import type { TrainingItem } from '../core/optimize/training.js';

/** The FSRS optimiser, ready to work on one training set. */
export interface Optimizer {
  /** Fits FSRS weights to the training set (same set, same weights). */
  fitParameters(): Promise<number[]>;
}

type Binding = typeof import('@open-spaced-repetition/binding');

// The binding ships a native module per platform; load it only when optimising, so the other commands never need it.
async function importBinding(): Promise<Binding> {
  // Without a native build the binding falls back to WASI, and Node 20 warns that WASI is experimental:
  // noise beside the one line we print, so that warning alone is held back while it loads.
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: never[]) => {
    if (!String(warning).includes('WASI')) emitWarning.call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return await import('@open-spaced-repetition/binding');
  } catch (error) {
    const missing = new FlashError(
      `the FSRS optimiser is not available for ${process.platform}-${process.arch} in this installation; reinstall flashdeck with npm so it fetches @open-spaced-repetition/binding for this system. Scheduling works without it, with the default FSRS weights.`,
    );
    missing.cause = error;
    throw missing;
  } finally {
    process.emitWarning = emitWarning;
  }
}

/** Loads FSRS's own optimiser (fsrs-rs) and hands it the training items; fails with one clear line where it is missing. */
export async function prepareOptimizer(items: readonly TrainingItem[]): Promise<Optimizer> {
  const binding = await importBinding();
  const trainSet = items.map(
    (item) =>
      new binding.FSRSBindingItem(item.map((review) => new binding.FSRSBindingReview(review.grade, review.deltaT))),
  );
  return {
    async fitParameters() {
      try {
        // Short-term weights stay unused: flashdeck schedules in whole days.
        return await binding.computeParameters(trainSet, { enableShortTerm: false });
      } catch (error) {
        const failed = new FlashError(
          `the FSRS optimiser failed (${error instanceof Error ? error.message : String(error)}); your settings are unchanged.`,
        );
        failed.cause = error;
        throw failed;
      }
    },
  };
}
