import { Chalk, type ChalkInstance } from 'chalk';

/** What decides how output looks: the stream it goes to and the environment. */
export interface TerminalInfo {
  isTTY?: boolean;
  columns?: number;
}

/** Output width: the terminal's on a TTY, else `COLUMNS`, else 80. */
export function getWidth(stream: TerminalInfo, env: NodeJS.ProcessEnv): number {
  if (stream.isTTY && stream.columns) return stream.columns;
  const fromEnv = Number.parseInt(env.COLUMNS ?? '', 10);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 80;
}

/** A chalk for `stream`: no colour into a pipe (unless `FORCE_COLOR`) or when `NO_COLOR` is set (chalk itself ignores it). */
export function createChalk(stream: TerminalInfo, env: NodeJS.ProcessEnv): ChalkInstance {
  if (env.NO_COLOR) return new Chalk({ level: 0 });
  // FORCE_COLOR (or --color) colours a pipe too, as chalk does: 1 for 16 colours, 2 for 256, 3 for true colour.
  const forced = Number.parseInt(env.FORCE_COLOR ?? '', 10);
  if (!stream.isTTY && forced > 0) return new Chalk({ level: Math.min(3, forced) as 1 | 2 | 3 });
  if (!stream.isTTY) return new Chalk({ level: 0 });
  if (env.FORCE_COLOR === '0' || env.TERM === 'dumb') return new Chalk({ level: 0 });
  return new Chalk({ level: env.COLORTERM === 'truecolor' ? 3 : 2 });
}

/** How output looks where it goes: a chalk with the right colours, and the width now (a terminal can be resized). */
export interface Screen {
  chalk: ChalkInstance;
  width(): number;
}

/** The screen for `stream`, deciding colour once; the width is read again on each call. */
export function createScreen(stream: TerminalInfo, env: NodeJS.ProcessEnv): Screen {
  return { chalk: createChalk(stream, env), width: () => getWidth(stream, env) };
}
