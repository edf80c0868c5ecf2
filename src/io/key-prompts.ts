import { createPrompt, isEnterKey, isSpaceKey, useKeypress, useState } from '@inquirer/core';
import type { Rating } from '../core/review-log.js';

/** What the learner asked for at a prompt. */
export type KeyAnswer<T> = T | 'quit';

/** One line: Space or Enter reveals the answer, `q` quits; every other key is ignored. */
export const revealPrompt = createPrompt<KeyAnswer<'reveal'>, { message: string }>((config, done) => {
  const [finished, setFinished] = useState(false);
  useKeypress((key, rl) => {
    rl.clearLine(0); // keeps readline's line buffer from echoing typed keys on redraw
    if (finished) return;
    if (isEnterKey(key) || isSpaceKey(key) || key.name === 'q') {
      setFinished(true);
      done(key.name === 'q' ? 'quit' : 'reveal');
    }
  });
  return finished ? '' : config.message;
});

/** The rating prompt: keys 1–5 rate at once (no Enter), `q` quits; the chosen line stays as confirmation. */
export const ratePrompt = createPrompt<
  KeyAnswer<Rating>,
  { message: string; confirmations: Record<Rating, string> }
>((config, done) => {
  const [chosen, setChosen] = useState<KeyAnswer<Rating> | null>(null);
  useKeypress((key, rl) => {
    rl.clearLine(0);
    if (chosen !== null) return;
    const answer = key.name === 'q' ? 'quit' : toRating(key.name);
    if (answer === null) return;
    setChosen(answer);
    done(answer);
  });
  if (chosen === 'quit') return '';
  return chosen === null ? config.message : config.confirmations[chosen];
});

function toRating(keyName: string | undefined): Rating | null {
  const digit = Number(keyName);
  return Number.isInteger(digit) && digit >= 1 && digit <= 5 ? (digit as Rating) : null;
}
