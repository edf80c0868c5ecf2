import { Argument, type Command } from 'commander';
import type { ValueKind } from '../commands/completion.js';
import { SHELLS, type Shell } from '../render/completion-scripts.js';
import { HELP_TOPICS, type HelpTopic } from '../render/help-topic-names.js';
import { UsageError } from '../core/errors.js';
import { complete } from './completion.js';
import { resolveCardsRoot } from './options.js';
import type { ProgramParts } from './transfer-program.js';
import type { Output } from '../deps.js';

/** `completion`, the words its scripts ask for, and `help`'s topics. */
export interface CompletionCommands {
  help(options: { topic: HelpTopic }): Promise<number>;
  completion(options: { shell: Shell }): Promise<number>;
  /** The names of `kind`, read from the cards folder `cardsRoot()` names when they come from one. */
  completionValues(kind: ValueKind, cardsRoot: () => string): Promise<string[]>;
}

/** The commands whose positional arguments are names flashdeck can list, by their path (`config set`). */
const POSITIONALS: [string[], ValueKind][] = [
  [['show'], 'ids'],
  [['forget'], 'ids'],
  [['suspend'], 'ids'],
  [['unsuspend'], 'ids'],
  [['unbury'], 'ids'],
  [['config', 'get'], 'settings'],
  [['config', 'unset'], 'settings'],
  [['config', 'set'], 'settable'],
  [['completion'], 'shells'],
  [['help'], 'topics'],
];

/** Wires `completion <shell>` and the hidden `__complete -- <words…>` its scripts call; add it after every other command. */
export function addCompletionCommands(
  program: Command,
  commands: CompletionCommands,
  parts: ProgramParts,
  output: Output,
): void {
  const { env, run } = parts;
  program
    .command('completion')
    .description('print a completion script for bash, zsh or fish (commands, options, settings, decks, tags, ids)')
    .addArgument(new Argument('<shell>', SHELLS.join(', ')).choices(SHELLS))
    .addHelpText(
      'after',
      `
Install:
  bash  echo 'source <(flashdeck completion bash)' >> ~/.bashrc
  zsh   echo 'source <(flashdeck completion zsh)' >> ~/.zshrc
  fish  flashdeck completion fish > ~/.config/fish/completions/flashdeck.fish`,
    )
    .action((shell: Shell) => run(commands.completion({ shell })));
  program.helpCommand(false);
  program
    .command('help')
    .description('help on a topic (format, keys, settings) or a command')
    .argument('[topic]', `${HELP_TOPICS.join(', ')}, or a command`)
    .action((topic?: string) => {
      if (topic === undefined) return program.outputHelp();
      if ((HELP_TOPICS as readonly string[]).includes(topic)) return run(commands.help({ topic: topic as HelpTopic }));
      const command = program.commands.find((sub) => sub.name() === topic && !topic.startsWith('_'));
      if (!command) throw new UsageError(`no help on "${topic}": name ${HELP_TOPICS.join(', ')} or a command.`);
      return command.outputHelp();
    });
  const positionals = new Map<Command, ValueKind>();
  for (const [path, kind] of POSITIONALS) {
    const command = path.reduce<Command | undefined>(
      (parent, name) => parent?.commands.find((sub) => sub.name() === name),
      program,
    );
    if (command) positionals.set(command, kind);
  }
  program
    .command('__complete', { hidden: true })
    .argument('[words...]')
    .action(async (words: string[]) => {
      const found = await complete(program, words.length > 0 ? words : [''], positionals, (kind, folder) =>
        commands.completionValues(kind, () => resolveCardsRoot(folder, env)),
      );
      if (found.length > 0) output.print(found.join('\n'));
    });
}
