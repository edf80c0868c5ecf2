import type { Screen, TerminalInfo } from './render/terminal.js';

/** Where commands write: stdout for results, stderr for warnings and errors. */
export interface Output {
  /** Writes one line (a newline is added) to standard output. */
  print(text: string): void;
  /** Writes one line (a newline is added) to standard error. */
  warn(text: string): void;
  /** Shows a line of progress that the next one replaces, on a terminal's standard error only; '' clears it. */
  progress?(text: string): void;
}

/** The process's real output streams. */
export const stdio: Output = {
  print: (text) => process.stdout.write(`${text}\n`),
  warn: (text) => process.stderr.write(`${text}\n`),
  // In a pipe or a log file a count that rewrites itself is noise: nothing is written there.
  progress: (text) => process.stderr.isTTY && process.stderr.write(`\r${text}\x1b[K`),
};

/** Everything a command takes from the outside world, bound once here so tests can pass their own. */
export interface Deps {
  env: NodeJS.ProcessEnv;
  out: Output;
  /** The stream results go to: whether it is a terminal, its width. */
  stdout: TerminalInfo;
  /** Colour and width for screens, decided once for the process; loaded at first use, so JSON output never loads it. */
  screen(): Promise<Screen>;
  now(): Date;
  random(): number;
  /** Shows long output through a pager when it should (see io/terminal/pager.ts); absent, text is printed. */
  pager?: (text: string) => boolean;
  /** `--quiet`: confirmations and notes are left out; results and errors are not. */
  quiet?: boolean;
}

/** Prints long output (lists, screens), through the pager when there is one and the text needs it. */
export function printLong(deps: Deps, text: string): void {
  if (!deps.pager?.(text)) deps.out.print(text);
}

/** Prints a confirmation or a note, unless `--quiet`. */
export function printNote(deps: Deps, text: string): void {
  if (!deps.quiet) deps.out.print(text);
}

/** The real clock, randomness, environment and streams; `pager` when long output may be paged. */
export function createDeps(options: { quiet: boolean; pager?: (text: string) => boolean }): Deps {
  const { env, stdout } = process;
  return {
    env,
    out: stdio,
    stdout,
    screen: screenLoader(stdout, env),
    now: () => new Date(),
    random: Math.random,
    ...options,
  };
}

/** `Deps.screen` for a stream: the screen module loads, and colour is decided, at the first call only. */
export function screenLoader(stdout: TerminalInfo, env: NodeJS.ProcessEnv): () => Promise<Screen> {
  let screen: Promise<Screen> | undefined;
  return () => (screen ??= import('./render/terminal.js').then(({ createScreen }) => createScreen(stdout, env)));
}
