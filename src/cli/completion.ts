import type { Command, Option } from 'commander';
import type { ValueKind } from '../commands/completion.js';

/** The names a kind of value may take; those from the cards folder are loaded only when a word asks for them. */
export type ValueSource = (kind: ValueKind, cardsFolder: string | undefined) => Promise<readonly string[]>;

/** Options whose value is a name flashdeck can list. */
const OPTION_VALUES: Record<string, ValueKind> = {
  '--deck': 'decks',
  '--tag': 'tags',
  '--difficulty': 'difficulties',
};

/** What the positional arguments of a command are, for those whose values flashdeck can list. */
export type PositionalKinds = ReadonlyMap<Command, ValueKind>;

/**
 * The completions of the last of `words` (the words after `flashdeck`, the last one being typed, maybe empty): the
 * command names, options or values that fit where it stands, that start with what is typed. None for a file or a
 * folder (the shell completes those).
 */
export async function complete(
  program: Command,
  words: readonly string[],
  positionals: PositionalKinds,
  values: ValueSource,
): Promise<string[]> {
  const typed = words.at(-1) ?? '';
  let command = program;
  let cardsFolder: string | undefined;
  let awaiting: Option | undefined;
  let positionalCount = 0;
  for (const word of words.slice(0, -1)) {
    if (awaiting) {
      if (awaiting.long === '--cards') cardsFolder = word;
      awaiting = undefined;
      continue;
    }
    if (word.startsWith('-')) {
      const option = findOption(command, word);
      if (option && (option.required || option.optional) && !word.includes('=')) awaiting = option;
      continue;
    }
    const sub = command.commands.find((candidate) => candidate.name() === word || candidate.aliases().includes(word));
    if (sub && positionalCount === 0) command = sub;
    else positionalCount += 1;
  }
  if (awaiting) return completeValue(awaiting, typed, cardsFolder, values);
  if (typed.startsWith('-')) return startingWith(listOptions(command), typed);
  const names = positionalCount === 0 ? listCommands(command) : [];
  const kind = positionals.get(command);
  // Commands that take ids take many; the others one value.
  const takesValue = kind !== undefined && (kind === 'ids' || positionalCount === 0);
  const found = takesValue ? await values(kind, cardsFolder) : [];
  return startingWith([...names, ...found], typed);
}

async function completeValue(
  option: Option,
  typed: string,
  cardsFolder: string | undefined,
  values: ValueSource,
): Promise<string[]> {
  if (option.argChoices) return startingWith(option.argChoices, typed);
  const kind = OPTION_VALUES[option.long ?? ''];
  if (!kind) return [];
  const names = await values(kind, cardsFolder);
  // `-t a,b` and `-d easy,hard` take lists: complete the last item.
  const head = typed.slice(0, typed.lastIndexOf(',') + 1);
  return startingWith(names, typed.slice(head.length)).map((name) => head + name);
}

function findOption(command: Command, word: string): Option | undefined {
  const flag = word.split('=')[0];
  const own = command.options.find((option) => option.long === flag || option.short === flag);
  return own ?? (command.parent ? findOption(command.parent, word) : undefined);
}

/** The long options of `command` (the default command's too when it runs by default), `--help` included. */
function listOptions(command: Command): string[] {
  const defaultCommand = command.commands.find((sub) => (sub as { runsByDefault?: boolean }).runsByDefault);
  const options = [...command.options, ...(defaultCommand?.options ?? [])];
  return [
    ...new Set([
      ...options.filter((option) => !option.hidden && option.long).map((option) => option.long as string),
      '--help',
    ]),
  ];
}

function listCommands(command: Command): string[] {
  return command.commands.map((sub) => sub.name()).filter((name) => !name.startsWith('_'));
}

function startingWith(names: readonly string[], typed: string): string[] {
  return [...new Set(names.filter((name) => name.startsWith(typed)))].sort();
}
