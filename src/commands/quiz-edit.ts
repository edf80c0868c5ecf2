import path from 'node:path';
import type { Card } from '../core/card/card.js';
import { formatProblem, loadCardFile } from '../io/cards/card-files.js';
import { runEditor } from '../io/terminal/editor.js';
import { formatReadOnlyDeck } from '../render/quiz-screen.js';
import { say } from './quiz-output.js';
import type { Session } from './quiz-session.js';

/**
 * Opens the card in the user's editor, then reloads it. The bundled deck is never edited; a failed editor is said,
 * and an edit that breaks the card can be reopened, or the version shown before is kept.
 */
export async function editCard(session: Session, card: Card): Promise<void> {
  const { terminal } = session;
  const { chalk } = session.screen;
  if (session.readOnly) {
    say(session, 'yellow', formatReadOnlyDeck(session.cardsRoot));
    return;
  }
  for (;;) {
    const failure = terminal.suspend(() =>
      runEditor(path.join(session.cardsRoot, card.path), session.deps.env, card.line),
    );
    if (failure) {
      say(session, 'yellow', `The card was not edited: ${failure}.`);
      return;
    }
    const reloaded = await loadCardFile(session.cardsRoot, card.path);
    if (!('problem' in reloaded)) {
      // The note's other cards in the queue change with it; a card the edit took away is shown as it was.
      const edited = new Map(reloaded.cards.map((fresh) => [fresh.id, fresh]));
      const queue = session.progress.queue.map((queued) =>
        queued.path === card.path ? (edited.get(queued.id) ?? queued) : queued,
      );
      session.progress = { ...session.progress, queue };
      say(session, 'dim', 'Reloaded the card.');
      return;
    }
    say(session, 'yellow', `The edited card is not valid: ${formatProblem(reloaded.problem)}.`);
    const key = await terminal.askKey(chalk.dim('e edits it again · Enter keeps the version shown before'), [
      'e',
      'enter',
    ]);
    if (key !== 'e') return;
  }
}
