import { CommanderError } from 'commander';
import { FlashError, UsageError } from '../core/errors.js';
import { createDeps, stdio, type Deps, type Output } from '../deps.js';
import { ExitCode } from './exit-code.js';
import { createProgram, type Commands } from './program.js';

const USAGE_ERRORS = new Set([
  'commander.unknownOption',
  'commander.unknownCommand',
  'commander.invalidArgument',
  'commander.missingArgument',
  'commander.missingMandatoryOptionValue',
  'commander.optionMissingArgument',
  'commander.excessArguments',
  'commander.conflictingOption',
]);

/** The real commands, imported only when run so `--help` and `--version` stay fast. */
function createCommands(deps: Deps): Commands {
  return {
    quiz: async (options) => {
      const [{ runQuiz }, { openQuizTerminal }] = await Promise.all([
        import('../commands/quiz.js'),
        import('../io/quiz-terminal.js'),
      ]);
      return runQuiz(options, {
        ...deps,
        openTerminal: () => {
          if (!process.stdin.isTTY) {
            throw new UsageError('the quiz needs an interactive terminal on standard input; use `flashdeck list` or `flashdeck stats` in scripts.');
          }
          return openQuizTerminal(process.stdin, process.stdout);
        },
      });
    },
    list: async (options) => (await import('../commands/list.js')).runList(options, deps),
    stats: async (options) => (await import('../commands/stats.js')).runStats(options, deps),
    lint: async (options) => (await import('../commands/lint.js')).runLint(options, deps.out),
    config: async (options) => (await import('../commands/config.js')).runConfig(options, deps),
  };
}

/** Runs flashdeck with `args` (without node and script) and returns the exit code; never throws. */
export async function run(args: readonly string[], commands: Commands, env: NodeJS.ProcessEnv, output: Output): Promise<number> {
  let exitCode: number = ExitCode.Ok;
  try {
    await createProgram(commands, env, output, (code) => (exitCode = code)).parseAsync([...args], { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, env, output);
  }
}

function reportError(error: unknown, env: NodeJS.ProcessEnv, output: Output): number {
  if (error instanceof CommanderError) {
    // commander has already printed its message; only the exit code is ours to decide.
    return USAGE_ERRORS.has(error.code) ? ExitCode.Usage : error.exitCode;
  }
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

/** The process entry point: runs with the real argv, environment and streams, and sets the exit code. */
export async function main(argv: readonly string[] = process.argv): Promise<void> {
  // `flashdeck list | head` closes the pipe early: stop quietly instead of crashing on the next write.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'EIO') throw error;
      process.exit(process.exitCode ?? ExitCode.Ok);
    });
  }
  const deps = createDeps();
  process.exitCode = await run(argv.slice(2), createCommands(deps), deps.env, stdio);
}
