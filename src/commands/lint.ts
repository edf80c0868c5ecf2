import type { Deps } from '../deps.js';
import { formatProblem, loadCards } from '../io/cards/card-files.js';
import { formatCount } from '../core/markdown/text.js';
import { findSharedQuestions } from '../core/formats/near-miss.js';
import { ExitCode } from '../core/errors.js';

/** Options of `flashdeck lint`. */
export interface LintOptions {
  cardsRoot: string;
}

/** Checks every card file: one `path:line: message` line per problem on stdout, a summary on stderr; 1 if any problem. */
export async function runLint(options: LintOptions, { out }: Pick<Deps, 'out'>): Promise<number> {
  const { cards, problems } = await loadCards(options.cardsRoot);
  for (const problem of problems) out.print(formatProblem(problem));
  const shared = findSharedQuestions(cards);
  for (const { path, line, question, cards: count, of } of shared) {
    const asked = question.length > 60 ? `${question.slice(0, 59)}…` : question;
    const message = `warning: ${count} of its ${of} cards ask "${asked}": is the file in another tool's format? (name it in a .flashdeck file)`;
    out.print(formatProblem({ path, line, message }));
  }
  if (problems.length === 0) {
    const warned = shared.length > 0 ? ` (${formatCount(shared.length, 'warning')})` : '';
    out.warn(`all ${formatCount(cards.length, 'card')} valid${warned}`);
    return ExitCode.Ok;
  }
  // A card with an unknown field is both a card and a file with a problem.
  const files = new Set([...cards, ...problems].map((entry) => entry.path)).size;
  out.warn(`${formatCount(problems.length, 'problem')} in ${formatCount(files, 'card file')}`);
  return ExitCode.Failure;
}
