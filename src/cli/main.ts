import { CommanderError } from 'commander';
import { FlashError, UsageError } from '../core/errors.js';
import { createDeps, stdio, type Deps, type Output } from '../deps.js';
import { ExitCode } from '../core/errors.js';
import { applyColorFlag, BUNDLED_CARDS, takeGlobalFlags } from './options.js';
import { createPager } from '../io/terminal/pager.js';
import { createProgram, type Commands } from './program.js';

/** Interactive commands refuse, with `message`, when standard input is not a terminal (a script, a pipe). */
function requireTerminal(message: string): void {
  if (!process.stdin.isTTY) throw new UsageError(message);
}

/** The deps of a command that asks before changing many cards: a yes/no prompt, only in a terminal. */
function withConfirm(deps: Deps): Deps & { confirm(question: string): Promise<boolean> } {
  return {
    ...deps,
    confirm: async (message) => {
      requireTerminal('asking before changing the cards the filters match needs a terminal; pass --yes in scripts.');
      const { confirm } = await import('@inquirer/prompts');
      return confirm({ message, default: false });
    },
  };
}

/** The real commands, imported only when run so `--help` and `--version` stay fast. */
function createCommands(deps: Deps): Commands {
  return {
    quiz: async (options) => {
      const [{ runQuiz }, { openQuizTerminal }] = await Promise.all([
        import('../commands/quiz.js'),
        import('../io/terminal/quiz-terminal.js'),
      ]);
      return runQuiz(options, {
        ...deps,
        bundledCards: BUNDLED_CARDS,
        openTerminal: () => {
          requireTerminal(
            'the quiz needs an interactive terminal on standard input; use `flashdeck list` or `flashdeck stats` in scripts.',
          );
          return openQuizTerminal(process.stdin, process.stdout);
        },
      });
    },
    list: async (options) => (await import('../commands/list.js')).runList(options, deps),
    stats: async (options) => (await import('../commands/stats.js')).runStats(options, deps),
    show: async (options) => (await import('../commands/show.js')).runShow(options, deps),
    forget: async (options) => (await import('../commands/forget.js')).runForget(options, withConfirm(deps)),
    suspend: async (options) => (await import('../commands/suspend.js')).runSuspend(options, withConfirm(deps)),
    unbury: async (options) => (await import('../commands/unbury.js')).runUnbury(options, deps),
    help: async (options) => (await import('../commands/help.js')).runHelp(options, deps),
    completion: async (options) => (await import('../commands/completion.js')).runCompletion(options, deps),
    completionValues: async (kind, cardsRoot) =>
      (await import('../commands/completion.js')).listCompletionValues(kind, cardsRoot, deps),
    status: async (options) => (await import('../commands/status.js')).runStatus(options, deps),
    lint: async (options) => (await import('../commands/lint.js')).runLint(options, deps),
    config: async (options) => (await import('../commands/config.js')).runConfig(options, deps),
    optimize: async (options) => (await import('../commands/optimize.js')).runOptimize(options, deps),
    importCards: async (options) => (await import('../commands/import.js')).runImport(options, deps),
    exportCards: async (options) => (await import('../commands/export.js')).runExport(options, deps),
    exportProgress: async (options) => (await import('../commands/progress.js')).runProgressExport(options, deps),
    importProgress: async (options) => (await import('../commands/progress.js')).runProgressImport(options, deps),
    newCard: async (options) => {
      const [{ runNew }, { askCardAnswers }] = await Promise.all([
        import('../commands/new.js'),
        import('../io/terminal/card-prompts.js'),
      ]);
      return runNew(options, {
        ...deps,
        askCardAnswers: (given) => {
          requireTerminal(
            'flashdeck new asks its questions in a terminal; in scripts pass --question and --answer (and --difficulty, --tag, --deck).',
          );
          return askCardAnswers(given);
        },
      });
    },
  };
}

/** Runs flashdeck with `args` (without node and script) and returns the exit code; never throws. */
export async function run(
  args: readonly string[],
  commands: Commands,
  env: NodeJS.ProcessEnv,
  output: Output,
): Promise<number> {
  let exitCode: number = ExitCode.Ok;
  try {
    await createProgram(commands, env, output, (code) => (exitCode = code)).parseAsync([...args], { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, env, output);
  }
}

function reportError(error: unknown, env: NodeJS.ProcessEnv, output: Output): number {
  // commander has printed its message already (a usage error's is ours: see usage-errors.ts), and set the exit code.
  if (error instanceof CommanderError) return error.exitCode;
  if (error instanceof Error && error.name === 'ExitPromptError') return ExitCode.Interrupted;
  if (env.DEBUG && error instanceof Error) output.warn(error.stack ?? error.message);
  if (error instanceof FlashError) {
    output.warn(`error: ${error.message}`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  output.warn(`error: ${message}${env.DEBUG ? '' : ' (set DEBUG=1 to see where it happened)'}`);
  return ExitCode.Failure;
}

/**
 * The terminal hung up (its window closed): end as a hangup ends a program. Exiting normally would make Node 20 abort
 * while it restores the settings of a terminal that is gone.
 */
function endAfterHangup(): void {
  process.removeAllListeners('SIGHUP');
  process.kill(process.pid, 'SIGHUP');
}

/** The process entry point: runs with the real argv, environment and streams, and sets the exit code. */
export async function main(argv: readonly string[] = process.argv): Promise<void> {
  // `flashdeck list | head` closes the pipe early: stop quietly instead of crashing on the next write.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EIO') endAfterHangup();
      else if (error.code !== 'EPIPE') throw error;
      process.exit(process.exitCode ?? ExitCode.Ok);
    });
  }
  const { args, flags } = takeGlobalFlags(argv.slice(2));
  applyColorFlag(process.env, flags.color);
  const pager = flags.pager ? createPager(process.stdout, process.env) : undefined;
  const deps = createDeps({ quiet: flags.quiet, pager });
  // Quiet: warnings go, errors stay.
  const output: Output = flags.quiet
    ? { ...stdio, warn: (text) => text.startsWith('error') && stdio.warn(text) }
    : stdio;
  process.exitCode = await run(args, createCommands({ ...deps, out: output }), deps.env, output);
}
