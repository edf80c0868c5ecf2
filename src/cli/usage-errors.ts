import { Command, type ErrorOptions } from 'commander';
import { ExitCode } from '../core/errors.js';
import { getEditDistance } from '../core/suggest.js';

/**
 * A flashdeck command: commander's usage errors come out as one line that says what to do, with exit code 2.
 * Subcommands made with `.command()` are FlashCommands too.
 */
export class FlashCommand extends Command {
  /** Runs when its parent is given no command name; a word it was given then was meant as one. */
  runsByDefault = false;

  override createCommand(name?: string): FlashCommand {
    return new FlashCommand(name);
  }

  /** Adds the subcommand that runs when no command name is given (`flashdeck` runs `quiz`). */
  defaultCommand(name: string): FlashCommand {
    const command = this.command(name, { isDefault: true });
    command.runsByDefault = true;
    return command;
  }

  override error(message: string, options: ErrorOptions = {}): never {
    return super.error(describeUsageError(this, message, options.code), { ...options, exitCode: ExitCode.Usage });
  }
}

/** commander's message for a usage error in `command`, reworded where commander's own says what went wrong but not what to do. */
function describeUsageError(command: FlashCommand, message: string, code: string | undefined): string {
  if (code === 'commander.unknownOption' || code === 'commander.excessArguments') {
    return (
      describeMisplacedCommand(command) ??
      (code === 'commander.unknownOption' ? describeUnknownOption(command, message) : describeExtraArgument(command))
    );
  }
  if (code === 'commander.missingArgument') return describeMissingArgument(command, message);
  return message;
}

/** `flashdeck stat`, `flashdeck config stet`, `flashdeck -n 5 list`: the word that was meant as a command name, explained. */
function describeMisplacedCommand(command: FlashCommand): string | undefined {
  const parent = findCommandNamer(command);
  if (!parent) return undefined;
  // `__complete`, which completion scripts call, is no command to offer.
  const names = parent.commands.map((subcommand) => subcommand.name()).filter((name) => !name.startsWith('_'));
  // `config ` before a subcommand's name, nothing before a top-level one.
  const prefix = commandPath(parent)
    .split(' ')
    .slice(1)
    .map((name) => `${name} `)
    .join('');
  const placed = command.args.find((word) => names.includes(word));
  if (placed && parent !== command) {
    return `error: '${placed}' is a command: name it first (flashdeck ${prefix}${placed} …); only --cards goes before it`;
  }
  const [word] = command.args;
  if (word === undefined || word.startsWith('-')) return undefined;
  const similar = findSimilar(word, names);
  const unknown = `error: unknown command '${prefix}${word}'`;
  if (similar.length > 0) return `${unknown} (did you mean ${similar.map((name) => prefix + name).join(' or ')}?)`;
  return `${unknown}: use one of ${names.join(', ')}`;
}

/** The command whose subcommands a stray word may have meant: this one, or the parent that ran it by default. */
function findCommandNamer(command: FlashCommand): Command | null {
  if (command.commands.length > 0) return command;
  const { parent } = command;
  // `flashdeck extra` runs quiz by default, and 'extra' was meant as a command; `flashdeck quiz extra` names quiz.
  return command.runsByDefault && parent && parent.args[0] !== command.name() ? parent : null;
}

function describeUnknownOption(command: Command, message: string): string {
  const flag = /^error: unknown option '(.*)'$/s.exec(message)?.[1];
  if (flag === undefined) return message;
  const path = commandPath(command);
  if (/^--cards(=|$)/.test(flag)) return `error: ${path} reads no cards folder: leave out --cards`;
  const longFlags = [
    ...command.options.filter((option) => !option.hidden).map((option) => option.long ?? ''),
    '--help',
  ];
  const similar = flag.startsWith('--') ? findSimilar(flag.replace(/=.*/s, ''), longFlags) : [];
  if (similar.length > 0) return `error: unknown option '${flag}' (did you mean ${similar.join(' or ')}?)`;
  return `error: unknown option '${flag}': \`${path} --help\` lists the options`;
}

function describeExtraArgument(command: Command): string {
  const takes = command.registeredArguments.map(formatArgument).join(' ');
  const extra = command.args[command.registeredArguments.length];
  const path = commandPath(command);
  if (takes === '') return `error: ${path} takes options only, not '${extra}' (see \`${path} --help\`)`;
  return `error: ${path} takes ${takes} only, not also '${extra}' (see \`${path} --help\`)`;
}

function describeMissingArgument(command: Command, message: string): string {
  const argument = command.registeredArguments.find((candidate) => message.endsWith(`'${candidate.name()}'`));
  if (!argument) return message;
  return `error: ${commandPath(command)} needs ${formatArgument(argument)}: ${argument.description}`;
}

function formatArgument(argument: Command['registeredArguments'][number]): string {
  return argument.required ? `<${argument.name()}>` : `[${argument.name()}]`;
}

/** `flashdeck config get`: the command's name with its parents'. */
function commandPath(command: Command): string {
  return command.parent ? `${commandPath(command.parent)} ${command.name()}` : command.name();
}

const MAX_EDITS = 2;

/** The candidates nearest `word` by at most two edits (a swap of neighbours counts as one), sharing more than 40 % of it. */
function findSimilar(word: string, candidates: readonly string[]): string[] {
  let best = MAX_EDITS;
  let nearest: string[] = [];
  const bare = (text: string) => text.replace(/^--/, '');
  for (const candidate of new Set(candidates)) {
    const distance = getEditDistance(bare(word), bare(candidate), MAX_EDITS);
    const length = Math.max(bare(word).length, bare(candidate).length);
    if (distance > best || (length - distance) / length <= 0.4) continue;
    if (distance < best) [best, nearest] = [distance, []];
    nearest.push(candidate);
  }
  return nearest;
}
