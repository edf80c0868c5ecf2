import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CardProblem } from '../core/card/card.js';
import type { Deps } from '../deps.js';
import { formatProblem, loadCards } from '../io/cards/card-files.js';
import { isMissingMedia, resolveMediaTarget } from '../io/cards/media-files.js';
import { findLineOf, findMedia } from '../core/markdown/media.js';
import { findUnbalancedMath } from '../core/markdown/math-check.js';
import { formatCount } from '../core/markdown/text.js';
import { findSharedQuestions } from '../core/formats/near-miss.js';
import { ExitCode } from '../core/errors.js';

/** Options of `flashdeck lint`. */
export interface LintOptions {
  cardsRoot: string;
}

/** Checks every card file: one `path:line: message` line per problem on stdout, a summary on stderr; 1 if any problem. */
export async function runLint(options: LintOptions, { out }: Pick<Deps, 'out'>): Promise<number> {
  const { cards, problems: cardProblems } = await loadCards(options.cardsRoot);
  const cardPaths = [...new Set(cards.map((card) => card.path))];
  const problems = [...cardProblems, ...cardPaths.flatMap((file) => checkContent(options.cardsRoot, file))].sort(
    (a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line),
  );
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

/** What a valid card file shows wrongly: pictures and sounds whose files are missing, formulas left open. */
function checkContent(cardsRoot: string, file: string): CardProblem[] {
  let text: string;
  try {
    text = readFileSync(path.join(cardsRoot, file), 'utf8');
  } catch {
    return []; // it was read a moment ago; a file that vanished since is the next run's problem
  }
  const missing = findMedia(text).flatMap((medium) =>
    isMissingMedia(resolveMediaTarget(cardsRoot, file, medium.target))
      ? [
          {
            path: file,
            line: findLineOf(text, medium.target),
            message: `${medium.kind} file not found: ${medium.target}`,
          },
        ]
      : [],
  );
  const math = findUnbalancedMath(text).map((problem) => ({ path: file, ...problem }));
  return [...missing, ...math];
}
