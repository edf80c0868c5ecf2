import { default_w } from 'ts-fsrs';

/** FSRS's default weights, used until `flashdeck optimize` saves the learner's own. */
export const DEFAULT_PARAMETERS: readonly number[] = default_w;

/** The name of the fitted weights in config.json and in `flashdeck config`. */
export const PARAMETERS_SETTING = 'parameters';

/** Reads stored FSRS weights: 17, 19 or 21 finite numbers (FSRS 4.5, 5 or 6, which ts-fsrs accepts), else null. */
export function parseParameters(value: unknown): number[] | null {
  if (!Array.isArray(value) || ![17, 19, 21].includes(value.length)) return null;
  return value.every((weight) => typeof weight === 'number' && Number.isFinite(weight))
    ? [...(value as number[])]
    : null;
}

/** Weights rounded to 4 decimals, as Anki keeps them: the fit works in 32-bit floats, so more digits are noise. */
export function roundParameters(parameters: readonly number[]): number[] {
  return parameters.map((weight) => Math.round(weight * 10_000) / 10_000);
}
