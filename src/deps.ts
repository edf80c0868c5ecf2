import type { TerminalInfo } from './render/terminal.js';

/** Where commands write: stdout for results, stderr for warnings and errors. */
export interface Output {
  /** Writes one line (a newline is added) to standard output. */
  print(text: string): void;
  /** Writes one line (a newline is added) to standard error. */
  warn(text: string): void;
}

/** The process's real output streams. */
export const stdio: Output = {
  print: (text) => process.stdout.write(`${text}\n`),
  warn: (text) => process.stderr.write(`${text}\n`),
};

/** Everything a command takes from the outside world, bound once here so tests can pass their own. */
export interface Deps {
  env: NodeJS.ProcessEnv;
  out: Output;
  /** The stream results go to, for width and colour decisions. */
  stdout: TerminalInfo;
  now(): Date;
  random(): number;
}

/** The real clock, randomness, environment and streams. */
export function createDeps(): Deps {
  return { env: process.env, out: stdio, stdout: process.stdout, now: () => new Date(), random: Math.random };
}
