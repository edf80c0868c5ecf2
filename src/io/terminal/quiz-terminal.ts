import { PassThrough } from 'node:stream';
import type { TypedAnswer } from './key-prompts.js';

let prompts: Promise<typeof import('./key-prompts.js')> | undefined;
// The prompt library (@inquirer/core) loads while the first card is already on screen.
const loadPrompts = () => (prompts ??= import('./key-prompts.js'));

/** Why a session stopped early: the `q` key, a signal, or the end of input (Ctrl+D, or stdin closed). */
export type StopReason = 'quit' | 'SIGINT' | 'SIGTERM' | 'SIGHUP' | 'EOF';

/** What the quiz needs from a terminal: print text, wait for keys or typed text, hand the screen to an editor. */
export interface QuizTerminal {
  print(text: string): void;
  /** Height of the screen in lines (24 when unknown). */
  rows(): number;
  /** Waits for one of `keys` (names as `getKeyName` gives them); the prompt is cleared once a key is chosen. */
  askKey(message: string, keys: readonly string[]): Promise<string | StopReason>;
  /** Reads a multi-line answer, finished by an empty line or left with Esc; `initial` is text typed before. */
  askText(message: string, initial: string): Promise<TypedAnswer | StopReason>;
  /** Gives the terminal to another program (an editor) while `run` runs, then takes it back. */
  suspend<T>(run: () => T): T;
  /** Restores the terminal; safe to call more than once. */
  close(): void;
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const CTRL_C = 0x03;
const CTRL_D = 0x04;

/**
 * The real terminal. One raw-mode reader owns stdin for the whole session and passes keys to a prompt only
 * while one is on screen, so keys pressed before a card shows are discarded instead of rating it.
 */
export function openQuizTerminal(stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream): QuizTerminal {
  const keys = new PassThrough();
  let active: AbortController | null = null;
  let stopReason: StopReason | null = null;

  const stop = (reason: StopReason) => {
    stopReason ??= reason;
    active?.abort();
  };
  const onData = (chunk: Buffer) => {
    // Ctrl+D ends the session as `q` does. It never reaches a prompt: its readline would close and leave it waiting.
    if (chunk.includes(CTRL_D)) stop('EOF');
    else if (active) keys.write(chunk);
    else if (chunk.includes(CTRL_C)) stop('SIGINT'); // between two prompts
  };
  const onEnd = () => stop('EOF');
  const onSignal = (signal: NodeJS.Signals) => stop(signal as StopReason);
  const attach = () => {
    stdin.setRawMode(true);
    stdin.on('data', onData);
    stdin.resume();
  };
  const detach = () => {
    stdin.off('data', onData);
    try {
      if (stdin.isTTY) stdin.setRawMode(false);
    } catch (error) {
      // After a hangup the terminal is gone, and with it the mode to restore.
      if ((error as NodeJS.ErrnoException).code !== 'EIO') throw error;
    }
    stdin.pause();
  };

  attach();
  stdin.on('end', onEnd);
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);

  type PromptContext = { input: PassThrough; output: NodeJS.WriteStream; signal: AbortSignal };
  async function ask<T>(run: (context: PromptContext) => Promise<T>): Promise<T | StopReason> {
    if (stopReason) return stopReason;
    active = new AbortController();
    try {
      return await run({ input: keys, output: stdout, signal: active.signal });
    } catch (error) {
      // Ctrl+C inside a prompt reaches readline as a key and rejects with ExitPromptError.
      if (error instanceof Error && error.name === 'ExitPromptError') stop('SIGINT');
      if (stopReason) return stopReason;
      throw error;
    } finally {
      active = null;
    }
  }

  let closed = false;
  return {
    print: (text) => stdout.write(`${text}\n`),
    rows: () => stdout.rows || 24,
    askKey: async (message, names) => {
      const answer = await ask(async (context) =>
        (await loadPrompts()).keyPrompt({ message, keys: names }, { ...context, clearPromptOnDone: true }),
      );
      return answer === 'q' ? 'quit' : answer;
    },
    askText: (message, initial) =>
      ask(async (context) =>
        (await loadPrompts()).typedAnswerPrompt({ message, initial }, { ...context, clearPromptOnDone: true }),
      ),
    suspend(run) {
      detach();
      try {
        return run();
      } finally {
        attach();
      }
    },
    close() {
      if (closed) return;
      closed = true;
      for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
      stdin.off('end', onEnd);
      detach();
      stdout.write('\u001b[?25h'); // the prompts hide the cursor; make sure it is back
    },
  };
}
