import type { CardDraft, RowProblem } from './card-draft.js';
import { formatCardFile } from './card-file.js';
import { fitName, slugify } from './slug.js';
import { toPlainText } from '../markdown/text.js';
import { findClozeDeletions, plainCloze } from '../card/cloze.js';

/** One card file an import writes: its path under the output folder (`/` separators), its id and its text. */
export interface PlannedFile {
  path: string;
  id: string;
  text: string;
  /** Where the card starts in the import file. */
  line: number;
}

const EXTENSION = '.md';

/**
 * Names each card's file after its question (a readable slug, `-2`, `-3`… when two would clash) inside its deck
 * folder, and gives it an id: the one the source gave, else `<namespace>/<path without .md>`. A card whose id is
 * already taken by an earlier one is a problem, as two cards with one id would share their progress. Every name fits
 * the file system's limit (MAX_NAME_BYTES).
 */
export function planImport(
  cards: readonly CardDraft[],
  namespace: string,
): { files: PlannedFile[]; problems: RowProblem[] } {
  const names = new FolderNames();
  const idLines = new Map<string, number>();
  const files: PlannedFile[] = [];
  const problems: RowProblem[] = [];
  for (const card of cards) {
    const folder = names.claimDeck(card.deck);
    const fileName = names.find(folder, getQuestionSlug(card), EXTENSION, card);
    const stem = joinPath(folder, fileName.slice(0, -EXTENSION.length));
    const id = card.id ?? (namespace ? `${namespace}/${stem}` : stem);
    const earlier = idLines.get(id);
    if (earlier !== undefined) {
      problems.push({ line: card.line, message: `duplicate id "${id}" (already used by the card on line ${earlier})` });
      continue;
    }
    names.take(folder, fileName, card);
    idLines.set(id, card.line);
    files.push({ path: `${stem}${EXTENSION}`, id, line: card.line, text: formatCardFile({ ...card, id }) });
  }
  return { files, problems };
}

/**
 * Where a card's file goes, without `.md`: its deck folder and a slug of its question, each name cut to fit the file
 * system's limit, with `-<copy>` after the slug from the second copy on.
 */
export function getCardStem(card: Pick<CardDraft, 'deck' | 'question' | 'answer'>, copy = 1): string {
  const folders = card.deck ? card.deck.split('/').map((name) => fitName(name)) : [];
  const fileName = fitName(getQuestionSlug(card), `${copySuffix(copy)}${EXTENSION}`);
  return [...folders, fileName.slice(0, -EXTENSION.length)].join('/');
}

/**
 * The names an import gives in each of its folders, each with what it names (a deck, a card). Names are compared
 * without case, so two never clash on a case-insensitive disk.
 */
class FolderNames {
  private readonly owners = new Map<string, unknown>();

  /** The folder of a deck: each level keeps its name, cut to fit, and numbered when another name took it. */
  claimDeck(deck: string): string {
    let folder = '';
    for (const level of deck ? deck.split('/') : []) {
      const name = this.find(folder, level, '', level);
      this.take(folder, name, level);
      folder = joinPath(folder, name);
    }
    return folder;
  }

  /** The name `wanted` gets in `folder` for `owner`: itself when it fits, else cut; `-2`, `-3`… when another has it. */
  find(folder: string, wanted: string, extension: string, owner: unknown): string {
    for (let copy = 1; ; copy++) {
      const name = fitName(wanted, `${copySuffix(copy)}${extension}`);
      const holder = this.owners.get(nameKey(folder, name));
      if (holder === undefined || holder === owner) return name;
    }
  }

  take(folder: string, name: string, owner: unknown): void {
    this.owners.set(nameKey(folder, name), owner);
  }
}

/** A slug of the question, or of a cloze note's text (deletions as plain words) when it has none. */
function getQuestionSlug(card: Pick<CardDraft, 'question' | 'answer'>): string {
  const text = card.question || plainCloze(card.answer, findClozeDeletions(card.answer).deletions);
  return slugify(toPlainText(text)) || 'card';
}

function copySuffix(copy: number): string {
  return copy === 1 ? '' : `-${copy}`;
}

function joinPath(folder: string, name: string): string {
  return folder ? `${folder}/${name}` : name;
}

function nameKey(folder: string, name: string): string {
  return `${folder}/${name}`.toLowerCase();
}
