/** A default-versus-fitted pair of one measure. */
export interface Comparison {
  default: number;
  fitted: number;
}

/** What `flashdeck optimize` found: the `--json` object. */
export interface OptimizeReport {
  /** Reviews the fit learned from: each card's first review of a study day, after its first ever. */
  reviews: number;
  cards: number;
  parameters: number[];
  logLoss: Comparison;
  rmse: Comparison;
  saved: boolean;
}
