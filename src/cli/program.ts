import { CommanderError, Option, type Command } from 'commander';
import type { Difficulty } from '../core/card/card.js';
import { WEAKEST_COUNT } from '../core/stats/weakest.js';
import type { ConfigOptions } from '../commands/config.js';
import type { OptimizeOptions } from '../commands/optimize.js';
import type { QuizOptions } from '../commands/quiz.js';
import type { StatsOptions } from '../commands/stats.js';
import type { Output } from '../deps.js';
import { ExitCode } from '../core/errors.js';
import { collect, collectTags, parseCount, parseDifficulties, resolveCardsRoot } from './options.js';
import { addBrowseCommands, addListCommand, type BrowseCommands } from './browse-program.js';
import { addCompletionCommands, type CompletionCommands } from './completion-program.js';
import { addManageCommands, type ManageCommands } from './manage-program.js';
import { addTransferCommands, type ProgramParts, type TransferCommands } from './transfer-program.js';
import { FlashCommand } from './usage-errors.js';
import { PACKAGE_VERSION } from '../io/package-root.js';

/** The commands the program dispatches to; each returns the exit code. */
export interface Commands extends TransferCommands, BrowseCommands, ManageCommands, CompletionCommands {
  quiz(options: QuizOptions): Promise<number>;
  stats(options: StatsOptions): Promise<number>;
  lint(options: { cardsRoot: string }): Promise<number>;
  config(options: ConfigOptions): Promise<number>;
  optimize(options: OptimizeOptions): Promise<number>;
}

interface RawOptions {
  cards?: string;
  difficulty?: Difficulty[];
  tag?: string[];
  deck?: string[];
  json?: boolean;
  limit?: number;
  new?: number;
  shuffle?: boolean;
  all?: boolean;
  type?: boolean;
  weakest?: number | true;
  ahead?: number;
  dryRun?: boolean;
}

const FILTER_HELP = `
Filters (shared by quiz, list, stats and export):
  -d easy,medium   or  -d 👶,⭐️     difficulty levels (👶 easy, ⭐️ medium, 🚀 hard)
  -t tag,tag       repeatable; a card matches any tag
  --deck name      repeatable; a folder and its subfolders`;

const CARDS_HELP = 'cards folder (default: $FLASHDECK_CARDS, else the bundled deck)';

function addDeckOptions(command: Command): Command {
  return command
    .option('--cards <dir>', CARDS_HELP)
    .option('-d, --difficulty <levels>', 'comma-separated levels: 👶/easy, ⭐️/medium, 🚀/hard', parseDifficulties)
    .option('-t, --tag <tags>', 'only cards with one of these tags (comma-separated, repeatable)', collectTags)
    .option('--deck <name>', 'only this deck folder and its subfolders (repeatable)', collect);
}

/** Builds the commander program; `exitOverride` and output go to every subcommand, so set them first. */
export function createProgram(
  commands: Commands,
  env: NodeJS.ProcessEnv,
  output: Output,
  setExitCode: (code: number) => void,
): Command {
  const write = (sink: (text: string) => void) => (text: string) => sink(text.replace(/\n$/, ''));
  const program = new FlashCommand('flashdeck')
    .exitOverride()
    .configureOutput({ writeOut: write(output.print), writeErr: write(output.warn) })
    // Our own suggestions go on the error's one line (see usage-errors.ts).
    .showSuggestionAfterError(false)
    // Options before the command name are the program's (`--cards`); after it, the command's.
    .enablePositionalOptions()
    .description('Flashcards from markdown files: quiz yourself, rate 1–5, and let FSRS schedule the next review.')
    .version(PACKAGE_VERSION, '-v, --version', 'print the version')
    .option(
      '--cards <dir>',
      'cards folder for whichever command follows (default: $FLASHDECK_CARDS, else the bundled deck)',
    )
    .addHelpText(
      'after',
      `
Every command also takes, before or after its name:
  --color, --no-color    colour even into a pipe, or none (beside NO_COLOR and FORCE_COLOR)
  --no-pager             print long output whole instead of through $PAGER (less -R)
  --quiet                leave out confirmations and warnings (results and errors stay)
\`flashdeck help format|keys|settings\` explains the card format, the quiz keys, the settings.

Cards come from --cards <dir>, else $FLASHDECK_CARDS, else the bundled deck.
Progress is kept in $FLASHDECK_HOME, else ~/.config/flashdeck.

Examples:
  flashdeck                          quiz on what is due (same as: flashdeck quiz)
  flashdeck --cards ~/notes/cards    quiz on your own cards
  flashdeck --cards ~/notes list     --cards may also come before the command
  flashdeck list -d hard             the hard cards and when they are due
  flashdeck stats                    mastery by difficulty and deck
  flashdeck optimize                 fit FSRS to your own review history
  flashdeck lint --cards ~/notes     check card files
  flashdeck config                   every setting and its value
  flashdeck config path              the folder that holds your progress
  flashdeck import deck.txt -o bio   cards from a Brainscape, Anki or CSV export
  flashdeck progress export          your reviews, to import on another machine`,
    );
  // -V, commander's own flag for the version, still works for those used to it.
  program.addOption(new Option('-V').hideHelp()).on('option:V', () => {
    output.print(PACKAGE_VERSION);
    throw new CommanderError(ExitCode.Ok, 'commander.version', PACKAGE_VERSION);
  });
  // `flashdeck --cards <dir> list` means `flashdeck list --cards <dir>`; a --cards after the command name wins.
  program.hook('preAction', (_program, command) => {
    const cards: unknown = program.getOptionValue('cards');
    if (cards !== undefined && command.getOptionValue('cards') === undefined) command.setOptionValue('cards', cards);
  });
  const deckOptions = (raw: RawOptions) => ({
    cardsRoot: resolveCardsRoot(raw.cards, env),
    difficulties: raw.difficulty,
    tags: raw.tag,
    decks: raw.deck,
  });
  const run = (promise: Promise<number>) => promise.then(setExitCode);
  const parts: ProgramParts = { env, run, addDeckOptions, readDeckOptions: deckOptions, filterHelp: FILTER_HELP };

  const quiz = program.defaultCommand('quiz');
  addDeckOptions(quiz.description('study the cards that are due (the default command)'))
    .option('-n, --limit <n>', 'at most this many distinct cards', parseCount(1))
    .option(
      '--new <n>',
      'at most this many new cards in this session (default: what is left of 20 a day)',
      parseCount(0),
    )
    .option('--shuffle', 'shuffle the session')
    .option('--all', 'cram: every matching card, regardless of schedule (still recorded)')
    .option('--type', 'type your answer before the real one is shown')
    .option('--ahead <days>', 'review ahead: cards due within the next days too (for an exam)', parseCount(1))
    .option(
      '--weakest [n]',
      `the n cards you are least likely to recall now (default ${WEAKEST_COUNT}), whatever their schedule`,
      parseCount(1),
    )
    .addHelpText(
      'after',
      `${FILTER_HELP}

Keys: Space/Enter show the answer · 1–5 rate (1 Not at all … 5 Perfectly) · u undo
      e edit · s skip · b bury until tomorrow · ? keys · q quit

Examples:
  flashdeck                          study what is due in the bundled deck
  flashdeck --cards ~/notes/cards    study your own cards
  flashdeck -d 👶 -n 5               five easy cards
  flashdeck --deck ml -t adam --all  cram every card tagged adam in ml/
  flashdeck --weakest                the ten cards you are most likely to have forgotten
  flashdeck --ahead 3                what is due before the exam in three days`,
    )
    .action((raw: RawOptions) =>
      run(
        commands.quiz({
          ...deckOptions(raw),
          limit: raw.limit,
          newLimit: raw.new,
          shuffle: !!raw.shuffle,
          all: !!raw.all,
          type: !!raw.type,
          weakest: raw.weakest === true ? WEAKEST_COUNT : raw.weakest,
          ahead: raw.ahead,
        }),
      ),
    );

  addListCommand(program, commands, parts);

  addDeckOptions(
    program
      .command('stats')
      .description('show progress: streaks, mastery, a review heatmap, what comes due, retention, the weakest cards'),
  )
    .option('--json', 'print a JSON object with the data behind every chart')
    .addHelpText(
      'after',
      `${FILTER_HELP}

Examples:
  flashdeck stats
  flashdeck stats -d hard                        progress on the hard cards only
  flashdeck stats --deck optimization-in-neural-networks --json
  flashdeck stats --json | jq '.forecast[0:7]'   what comes due this week`,
    )
    .action((raw: RawOptions) => run(commands.stats({ ...deckOptions(raw), json: !!raw.json })));

  program
    .command('lint')
    .description('check every card file; one line per problem, exit 1 if there is any')
    .option('--cards <dir>', CARDS_HELP)
    .addHelpText(
      'after',
      `
Examples:
  flashdeck lint --cards ~/notes/cards`,
    )
    .action((raw: RawOptions) => run(commands.lint({ cardsRoot: resolveCardsRoot(raw.cards, env) })));

  addConfigCommands(program, (options) => run(commands.config(options)));

  program
    .command('optimize')
    .description('fit the FSRS weights to your own review history and schedule with them')
    .option('--json', 'print a JSON object')
    .option('--dry-run', 'fit and compare, but keep the current weights')
    .addHelpText(
      'after',
      `
Learns from the whole review log (it needs 400 reviews made on a later day than
the card's previous one), compares the fitted weights with FSRS's defaults (log
loss and RMSE, lower is better) and saves them with your settings. Run it again
after a few hundred more reviews; \`flashdeck config unset parameters\` goes back
to the defaults.

Examples:
  flashdeck optimize
  flashdeck optimize --dry-run
  flashdeck optimize --json | jq .logLoss`,
    )
    .action((raw: RawOptions) => run(commands.optimize({ json: !!raw.json, dryRun: !!raw.dryRun })));

  addTransferCommands(program, commands, parts);
  addBrowseCommands(program, commands, parts);
  addManageCommands(program, commands, parts);
  addCompletionCommands(program, commands, parts, output);

  return program;
}

const SETTING_NAMES = 'new-per-day, reviews-per-day, retention or parameters';
const SETTABLE_NAMES = 'new-per-day, reviews-per-day or retention';

/** Wires `config` and its subcommands: `list` (the default), `get`, `set`, `unset` and `path`. */
function addConfigCommands(program: FlashCommand, runConfig: (options: ConfigOptions) => Promise<void>): void {
  const config = program
    .command('config')
    .description('show or change settings kept with your progress')
    .addHelpText(
      'after',
      `
Settings:
  new-per-day      new cards per study day (default 20)
  reviews-per-day  due cards per study day (default 200)
  retention        desired retention FSRS schedules for, 0.7 to 0.99 (default 0.9)
  parameters       FSRS weights fitted by \`flashdeck optimize\` (get or unset only)

Examples:
  flashdeck config                    every setting; * marks those changed from the default
  flashdeck config set new-per-day 10
  flashdeck config get retention
  flashdeck config unset new-per-day
  flashdeck config path               the folder that holds your progress and settings`,
    );
  config
    .defaultCommand('list')
    .description('every setting, its value and what it does (the default)')
    .action(() => runConfig({ action: 'list' }));
  config
    .command('get')
    .description('print one setting')
    .argument('[name]', SETTING_NAMES)
    .action((name?: string) => runConfig({ action: 'get', name }));
  config
    .command('set')
    .description('change one setting')
    .argument('[name]', SETTABLE_NAMES)
    .argument('[value]', 'the new value')
    .action((name?: string, value?: string) => runConfig({ action: 'set', name, value }));
  config
    .command('unset')
    .description('put one setting back to its default')
    .argument('[name]', SETTING_NAMES)
    .action((name?: string) => runConfig({ action: 'unset', name }));
  config
    .command('path')
    .description('print the folder that holds your progress and settings')
    .action(() => runConfig({ action: 'path' }));
}
