import type { CardDraft, RowProblem } from './card-draft.js';

/** What an import format read from a file: its cards, its bad rows, and the deck title when the format has one. */
export interface ImportResult {
  cards: CardDraft[];
  problems: RowProblem[];
  title?: string;
  /** The separator a delimited file was read with. */
  separator?: string;
}
