import path from 'node:path';
import { isRowProblem, readCardDraft } from '../core/transfer/card-draft.js';
import { formatCardFile } from '../core/transfer/card-file.js';
import { ExitCode, UsageError } from '../core/errors.js';
import { getCardStem } from '../core/transfer/import-plan.js';
import { sanitizeTerminalText, toPlainText } from '../core/markdown/text.js';
import type { Deps } from '../deps.js';
import { loadCards } from '../io/cards/card-files.js';
import type { CardAnswers } from '../io/terminal/card-prompts.js';
import { writeFileUnder } from '../io/cards/text-files.js';

/** Options of `flashdeck new`: fields given on the command line are not asked for. */
export interface NewOptions extends Partial<CardAnswers> {
  /** The cards folder; undefined when neither --cards nor FLASHDECK_CARDS names one. */
  cardsRoot?: string;
  /** `--reverse`: the note also yields a card asking the answer. */
  reverse?: boolean;
}

/** What `new` needs beyond the shared deps: a way to ask for the fields not given. */
export interface NewDeps extends Deps {
  /** Asks for the missing fields, null when the learner ends input; throws a UsageError when there is no terminal. */
  askCardAnswers(given: Partial<CardAnswers>): Promise<CardAnswers | null>;
}

/**
 * Writes one new card file under the cards folder, named after its question, with an `id` no other card has.
 * With both --question and --answer nothing is asked (for scripts); otherwise the missing fields are asked for.
 */
export async function runNew(options: NewOptions, deps: NewDeps): Promise<number> {
  const { cardsRoot, reverse, ...given } = options;
  if (!cardsRoot) {
    throw new UsageError('name the cards folder to add the card to: pass --cards <dir> or set FLASHDECK_CARDS.');
  }
  const { notes } = await loadCards(cardsRoot);
  const scripted = given.question !== undefined && given.answer !== undefined;
  const answers = scripted ? { difficulty: '', tags: [], deck: '', ...given } : await deps.askCardAnswers(given);
  if (!answers) {
    deps.out.print('No card written.');
    return ExitCode.Ok;
  }
  const draft = readCardDraft({ ...(answers as CardAnswers), reverse: !!reverse }, 1);
  if (isRowProblem(draft)) throw new UsageError(`cannot write the card: ${draft.message}.`);
  const question = toPlainText(draft.question).toLowerCase();
  // A cloze note asks no question of its own: nothing to compare.
  const twin = question ? notes.find((note) => toPlainText(note.question).toLowerCase() === question) : undefined;
  if (twin)
    deps.out.warn(
      `warning: ${sanitizeTerminalText(twin.path)} already asks this question; writing another card anyway.`,
    );
  const ids = new Set(notes.map((note) => note.id));
  for (let copy = 1; ; copy++) {
    const id = getCardStem(draft, copy);
    const file = `${id}.md`;
    if (ids.has(id) || !writeFileUnder(cardsRoot, file, formatCardFile({ ...draft, id }), false)) continue;
    deps.out.print(`Wrote ${sanitizeTerminalText(path.join(cardsRoot, file))} (id: ${sanitizeTerminalText(id)})`);
    return ExitCode.Ok;
  }
}
