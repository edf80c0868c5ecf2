import { spawn as spawnPty, type IPty } from 'node-pty';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { onTestFinished } from 'vitest';

/** The built CLI, as users run it. */
export const BIN = path.resolve('bin/flashdeck.js');

/** Creates a temporary folder tree from `{ 'relative/path': 'contents' }`, removed after the test. */
export function testdir(files: Record<string, string> = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), 'flashdeck-test-'));
  for (const [file, contents] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), contents);
  }
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  return root;
}

/** A small card file. */
export function cardFile(question: string, answer: string, front = ''): string {
  return `${front ? `---\n${front}\n---\n` : ''}# ${question}\n\n${answer}\n`;
}

/** The environment for a CLI run against a private store, without colour. */
export function cliEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, FLASHDECK_HOME: home, NO_COLOR: '1', ...extra };
  delete env.FORCE_COLOR;
  delete env.FLASHDECK_CARDS;
  return env;
}

/** Runs the CLI to completion without a terminal. */
export function runCli(args: string[], env: NodeJS.ProcessEnv, input = '') {
  const result = spawnSync(process.execPath, [BIN, ...args], { env, input, encoding: 'utf8', timeout: 20_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A CLI process in a real pseudo-terminal, with the screen text (escape sequences stripped) so far. */
export interface PtySession {
  pty: IPty;
  exited: Promise<number>;
  screen(): string;
  /** Every byte the process wrote so far, escape sequences included. */
  raw(): string;
  /** Waits until `text` has appeared `times` times on the screen in total. */
  waitFor(text: string, times?: number, ms?: number): Promise<void>;
  /** Waits until `text` shows after the last `anchor`: counts of a prompt break when a resize draws it again. */
  waitForAfter(anchor: string, text: string, ms?: number): Promise<void>;
}

/** Starts the CLI in a pseudo-terminal; killed after the test if still running. */
export function startPty(args: string[], env: NodeJS.ProcessEnv, cols = 80): PtySession {
  return startPtyCommand(process.execPath, [BIN, ...args], env, cols);
}

/** Starts any program (a shell running the CLI, say) in a pseudo-terminal; killed after the test if still running. */
export function startPtyCommand(file: string, args: string[], env: NodeJS.ProcessEnv, cols = 80): PtySession {
  const pty = spawnPty(file, args, { name: 'xterm-256color', cols, rows: 30, env: env as Record<string, string> });
  let screen = '';
  let raw = '';
  let running = true;
  pty.onData((data) => {
    raw += data;
    screen += stripVTControlCharacters(data);
  });
  const exited = new Promise<number>((resolve) =>
    pty.onExit(({ exitCode }) => {
      running = false;
      resolve(exitCode);
    }),
  );
  onTestFinished(() => {
    if (running) pty.kill();
  });
  const count = (text: string) => screen.split(text).length - 1;
  return {
    pty,
    exited,
    screen: () => screen,
    raw: () => raw,
    async waitFor(text, times = 1, ms = 10_000) {
      for (const end = Date.now() + ms; count(text) < times; await new Promise((r) => setTimeout(r, 20))) {
        if (Date.now() > end)
          throw new Error(`timed out waiting for ${JSON.stringify(text)} ×${times}; screen:\n${screen}`);
      }
    },
    async waitForAfter(anchor, text, ms = 10_000) {
      const shown = () => screen.includes(anchor) && screen.slice(screen.lastIndexOf(anchor)).includes(text);
      for (const end = Date.now() + ms; !shown(); await new Promise((r) => setTimeout(r, 20))) {
        if (Date.now() > end)
          throw new Error(
            `timed out waiting for ${JSON.stringify(text)} after ${JSON.stringify(anchor)}; screen:\n${screen}`,
          );
      }
    },
  };
}

/** Runs the CLI to completion without a terminal, from the folder `cwd`. */
export function runCliIn(cwd: string, args: string[], env: NodeJS.ProcessEnv, input = '') {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env, input, encoding: 'utf8', timeout: 20_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The quiz's reveal prompt, as it shows under each question. */
export const REVEAL = 'Space shows the answer';
/** The quiz's rating prompt, as it shows under each answer. */
export const RATE = 'How well did you know this?';

/** Reveals the card behind the `reveals`-th reveal prompt and rates it at the `rates`-th rating prompt. */
export async function revealAndRate(t: PtySession, reveals: number, rating: string, rates = reveals): Promise<void> {
  await t.waitFor(REVEAL, reveals);
  t.pty.write(' ');
  await t.waitFor(RATE, rates);
  t.pty.write(rating);
}

/** One line of a store's review log: a review, or an undo with `undo` set. */
export interface LogLine {
  card: string;
  rating?: number;
  undo?: string;
  bury?: string;
  unbury?: string | true;
  at: string;
  seconds?: number;
  text?: string;
  renamed?: string;
}

/** Every line of the review log in the store `home`, in file order; none when there is no log yet. */
export function readReviewLog(home: string): LogLine[] {
  const file = path.join(home, 'reviews.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LogLine);
}

/** What `tests/faults/inject.cjs` (FAULT_INJECTOR, loaded with `node --require`) is asked to do to a CLI run: kill it at a step, or fail one step with an errno. */
export interface FaultPlan {
  killAt?: number;
  fail?: { path?: string; op?: string; code: string; partial?: boolean; times?: number };
}

export const FAULT_INJECTOR = path.resolve('tests/faults/inject.cjs');

/**
 * Runs the CLI without a terminal with the fault injector loaded: `plan` says what it does to the process. Returns the
 * run, whether it was killed, and the file-system steps it took (the lines of the injector's trace).
 */
export function runCliWithFaults(args: string[], env: NodeJS.ProcessEnv, plan: FaultPlan, input = '') {
  const trace = path.join(mkdtempSync(path.join(tmpdir(), 'flashdeck-trace-')), 'steps');
  const result = spawnSync(process.execPath, ['--require', FAULT_INJECTOR, BIN, ...args], {
    env: { ...env, FAULT_INJECT: JSON.stringify(plan), FAULT_TRACE: trace },
    input,
    encoding: 'utf8',
    timeout: 20_000,
  });
  const steps = existsSync(trace) ? readFileSync(trace, 'utf8').split('\n').filter(Boolean) : [];
  rmSync(path.dirname(trace), { recursive: true, force: true });
  return {
    code: result.status,
    killed: result.signal === 'SIGKILL',
    stdout: result.stdout,
    stderr: result.stderr,
    steps,
  };
}
