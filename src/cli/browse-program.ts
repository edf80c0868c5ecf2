import { Option, type Command } from 'commander';
import type { ListOptions } from '../commands/list.js';
import type { ShowOptions } from '../commands/show.js';
import type { StatusOptions } from '../commands/status.js';
import { resolveCardsRoot } from './options.js';
import type { ProgramParts } from './transfer-program.js';

/** The commands that look at cards without changing them; each returns the exit code. */
export interface BrowseCommands {
  list(options: ListOptions): Promise<number>;
  show(options: ShowOptions): Promise<number>;
  status(options: StatusOptions): Promise<number>;
}

interface RawListOptions {
  json?: boolean;
  search?: string;
  due?: boolean;
  new?: boolean;
  suspended?: boolean;
  leeches?: boolean;
  decks?: boolean;
  tags?: boolean;
}

const CARDS_HELP = 'cards folder (default: $FLASHDECK_CARDS, else the bundled deck)';

/** Wires `list`, with the filters every reading command has and its own. */
export function addListCommand(program: Command, commands: BrowseCommands, parts: ProgramParts): void {
  const { run, addDeckOptions, readDeckOptions, filterHelp } = parts;
  addDeckOptions(program.command('list').description('list the matching cards with their progress'))
    .option('--json', 'print a JSON array')
    .option('-s, --search <text>', 'only cards whose question or answer holds the text (case and accents aside)')
    .option('--due', 'only cards due now')
    .option('--new', 'only cards never rated')
    .option('--suspended', 'only suspended cards')
    .option('--leeches', 'only leeches: cards forgotten 8 times')
    .addOption(new Option('--decks', 'the decks of the matching cards, with their counts').conflicts('tags'))
    .option('--tags', 'the tags of the matching cards, with their counts')
    .addHelpText(
      'after',
      `${filterHelp}

Examples:
  flashdeck list
  flashdeck list -s gradient         cards that mention gradients
  flashdeck list --due --deck ml     what is due in ml/
  flashdeck list --tags              every tag and how many cards have it
  flashdeck list -d hard --json | jq '.[].question'`,
    )
    .action((raw: RawListOptions) =>
      run(
        commands.list({
          ...readDeckOptions(raw),
          json: !!raw.json,
          search: raw.search,
          due: !!raw.due,
          onlyNew: !!raw.new,
          onlySuspended: !!raw.suspended,
          onlyLeeches: !!raw.leeches,
          groupBy: raw.decks ? 'deck' : raw.tags ? 'tag' : undefined,
        }),
      ),
    );
}

/** Wires `show` and `status`. */
export function addBrowseCommands(program: Command, commands: BrowseCommands, parts: ProgramParts): void {
  const { env, run, addDeckOptions, readDeckOptions } = parts;
  program
    .command('show')
    .description('one card: where it is, how it renders, its schedule now and every review')
    .argument('<id>', 'the card’s id (as `flashdeck list` shows it)')
    .option('--cards <dir>', CARDS_HELP)
    .option('--json', 'print a JSON object with a `reviews` array')
    .addHelpText(
      'after',
      `
Examples:
  flashdeck show nn-opt/adam
  flashdeck show my-note#c2 --json | jq '.reviews[].rating'`,
    )
    .action((id: string, raw: { cards?: string; json?: boolean }) =>
      run(commands.show({ cardsRoot: resolveCardsRoot(raw.cards, env), id, json: !!raw.json })),
    );

  addDeckOptions(
    program.command('status').description('one line for a shell prompt or status bar: due now, new today, next due'),
  )
    .option('--json', 'print a JSON object: { "due", "new", "nextDue" }')
    .addHelpText(
      'after',
      `
The counts are what \`flashdeck\` would study now (the daily limits, burials and
waiting siblings applied); "next" is when the next card after them comes due.

Examples:
  flashdeck status                   3 due · 20 new · next in 14h
  PS1='[$(flashdeck status)] $ '     in a bash prompt`,
    )
    .action((raw: { json?: boolean }) => run(commands.status({ ...readDeckOptions(raw), json: !!raw.json })));
}
