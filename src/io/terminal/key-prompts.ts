import { createPrompt, isEnterKey, isSpaceKey, useKeypress, useState, type KeypressEvent } from '@inquirer/core';

/** The name of a key as the quiz binds it: `enter`, `space`, or the character typed (`1`, `q`, `?`). */
export function getKeyName(key: KeypressEvent & { sequence?: string }): string {
  if (isEnterKey(key)) return 'enter';
  if (isSpaceKey(key)) return 'space';
  return key.sequence ?? key.name;
}

/**
 * Waits for one of `keys`, at once (no Enter), ignoring every other key. The prompt leaves nothing on screen: what a
 * key did is told by the caller once it is done (a rating only after it is on disk).
 */
export const keyPrompt = createPrompt<string, { message: string; keys: readonly string[] }>((config, done) => {
  const [chosen, setChosen] = useState<string | null>(null);
  useKeypress((key, rl) => {
    rl.clearLine(0); // keeps readline's line buffer from echoing typed keys on redraw
    if (chosen !== null) return;
    const name = getKeyName(key);
    if (!config.keys.includes(name)) return;
    setChosen(name);
    done(name);
  });
  return chosen === null ? config.message : '';
});

/** What the learner typed, and whether they left typing with Esc (for the session's keys) instead of finishing it. */
export interface TypedAnswer {
  text: string;
  leftTyping: boolean;
}

/**
 * Multi-line text: Enter starts a new line, Enter on an empty line finishes (at once for no answer), Esc leaves typing.
 * `initial` is text typed before, shown as lines already entered.
 */
export const typedAnswerPrompt = createPrompt<TypedAnswer, { message: string; initial?: string }>((config, done) => {
  const [lines, setLines] = useState<readonly string[]>(() => (config.initial ? config.initial.split('\n') : []));
  const [current, setCurrent] = useState('');
  const [finished, setFinished] = useState(false);
  useKeypress((key, rl) => {
    if (finished) return;
    const finish = (leftTyping: boolean) => {
      setFinished(true);
      done({ text: [...lines, ...(leftTyping && current ? [current] : [])].join('\n'), leftTyping });
    };
    if (key.name === 'escape') return finish(true);
    if (!isEnterKey(key)) return setCurrent(rl.line);
    if (current === '') return finish(false);
    setLines([...lines, current]);
    setCurrent('');
  });
  if (finished) return '';
  // readline edits the last line; inquirer places the cursor after it.
  return [config.message, ...lines.map((line) => `> ${line}`), `> ${current}`].join('\n');
});
