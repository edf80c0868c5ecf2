import { PassThrough } from 'node:stream';
import type { Rating } from '../core/review-log.js';
import { ratePrompt, revealPrompt } from './key-prompts.js';

/** Why a session stopped early: the `q` key, a signal, or the end of input. */
export type StopReason = 'quit' | 'SIGINT' | 'SIGTERM' | 'SIGHUP' | 'EOF';

/** What the quiz needs from a terminal: print text, ask for the reveal and the rating. */
export interface QuizTerminal {
  print(text: string): void;
  askReveal(message: string): Promise<'reveal' | StopReason>;
  askRating(message: string, confirmations: Record<Rating, string>): Promise<Rating | StopReason>;
  /** Restores the terminal; safe to call more than once. */
  close(): void;
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

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
    if (active) keys.write(chunk);
    else if (chunk.includes(0x03)) stop('SIGINT'); // Ctrl+C between two prompts
  };
  const onEnd = () => stop('EOF');
  const onSignal = (signal: NodeJS.Signals) => stop(signal as StopReason);

  stdin.setRawMode(true);
  stdin.on('data', onData);
  stdin.on('end', onEnd);
  stdin.resume();
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);

  async function ask<T>(run: (context: { input: PassThrough; output: NodeJS.WriteStream; signal: AbortSignal }) => Promise<T | 'quit'>): Promise<T | StopReason> {
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
    askReveal: (message) => ask((context) => revealPrompt({ message }, { ...context, clearPromptOnDone: true })),
    askRating: (message, confirmations) => ask((context) => ratePrompt({ message, confirmations }, context)),
    close() {
      if (closed) return;
      closed = true;
      for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      if (stdin.isTTY) stdin.setRawMode(false);
      stdin.pause();
      stdout.write('\u001b[?25h'); // the prompts hide the cursor; make sure it is back
    },
  };
}
