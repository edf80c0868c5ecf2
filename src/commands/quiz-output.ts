import { wrapText } from '../render/layout.js';
import type { Session } from './quiz-session.js';

/** Prints a line about what just happened, wrapped at words to the terminal's width, dim or (for a problem) yellow. */
export function say(session: Session, style: 'dim' | 'yellow', text: string): void {
  const { chalk, width } = session.screen;
  session.terminal.print(
    wrapText(text, width())
      .map((line) => chalk[style](line))
      .join('\n'),
  );
}
