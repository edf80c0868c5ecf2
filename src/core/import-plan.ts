import type { CardDraft, RowProblem } from './card-draft.js';
import { formatCardFile } from './card-file.js';
import { slugify } from './slug.js';
import { toPlainText } from './text.js';

/** One card file an import writes: its path under the output folder (`/` separators), its id and its text. */
export interface PlannedFile {
  path: string;
  id: string;
  text: string;
  /** Where the card starts in the import file. */
  line: number;
}

/**
 * Names each card's file after its question (a readable slug, `-2`, `-3`… when two would clash) inside its deck
 * folder, and gives it an id: the one the source gave, else `<namespace>/<path without .md>`. A card whose id is
 * already taken by an earlier one is a problem, as two cards with one id would share their progress.
 */
export function planImport(cards: readonly CardDraft[], namespace: string): { files: PlannedFile[]; problems: RowProblem[] } {
  const stems = new Set<string>();
  const idLines = new Map<string, number>();
  const files: PlannedFile[] = [];
  const problems: RowProblem[] = [];
  for (const card of cards) {
    const base = getCardStem(card);
    let stem = base;
    // Compared without case, so two files never clash on a case-insensitive disk.
    for (let copy = 2; stems.has(stem.toLowerCase()); copy++) stem = `${base}-${copy}`;
    const id = card.id ?? (namespace ? `${namespace}/${stem}` : stem);
    const earlier = idLines.get(id);
    if (earlier !== undefined) {
      problems.push({ line: card.line, message: `duplicate id "${id}" (already used by the card on line ${earlier})` });
      continue;
    }
    stems.add(stem.toLowerCase());
    idLines.set(id, card.line);
    files.push({ path: `${stem}.md`, id, line: card.line, text: formatCardFile({ ...card, id }) });
  }
  return { files, problems };
}

/** Where a card's file goes, without `.md`: its deck folder and a slug of its question (`card` when none is left). */
export function getCardStem(card: Pick<CardDraft, 'deck' | 'question'>): string {
  return `${card.deck ? `${card.deck}/` : ''}${slugify(toPlainText(card.question)) || 'card'}`;
}
