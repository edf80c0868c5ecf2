import type { Command } from 'commander';
import type { ForgetOptions } from '../commands/forget.js';
import type { SuspendOptions } from '../commands/suspend.js';
import type { UnburyOptions } from '../commands/unbury.js';
import { resolveCardsRoot } from './options.js';
import type { ProgramParts } from './transfer-program.js';

/** The commands that change how cards are scheduled, by lines appended to the log; each returns the exit code. */
export interface ManageCommands {
  forget(options: ForgetOptions): Promise<number>;
  suspend(options: SuspendOptions): Promise<number>;
  unbury(options: UnburyOptions): Promise<number>;
}

interface RawManageOptions {
  cards?: string;
  yes?: boolean;
  undo?: boolean;
}

const BY_FILTER = `
Cards are named by id (as \`flashdeck list\` shows them), or by --deck, -t and -d:
then flashdeck asks first, unless --yes is given (for scripts).`;

/** Wires `forget`, `suspend`, `unsuspend` and `unbury`. */
export function addManageCommands(program: Command, commands: ManageCommands, parts: ProgramParts): void {
  const { env, run, addDeckOptions, readDeckOptions } = parts;
  const targets = (ids: string[], raw: RawManageOptions) => ({ ...readDeckOptions(raw), ids, yes: !!raw.yes });
  addDeckOptions(
    program
      .command('forget')
      .description('make cards new again (their reviews stay in the log; --undo takes it back)')
      .argument('[ids...]', 'the cards to forget'),
  )
    .option('-y, --yes', 'forget every card the filters match without asking')
    .option('--undo', 'take back the latest forget')
    .addHelpText(
      'after',
      `${BY_FILTER}

Examples:
  flashdeck forget nn-opt/adam
  flashdeck forget --deck biology --yes
  flashdeck forget --undo`,
    )
    .action((ids: string[], raw: RawManageOptions) => run(commands.forget({ ...targets(ids, raw), undo: !!raw.undo })));
  for (const suspend of [true, false]) {
    const name = suspend ? 'suspend' : 'unsuspend';
    addDeckOptions(
      program
        .command(name)
        .description(
          suspend
            ? 'keep cards out of every session, --all included, until unsuspended'
            : 'let suspended cards be scheduled again',
        )
        .argument('[ids...]', `the cards to ${name}`),
    )
      .option('-y, --yes', `${name} every card the filters match without asking`)
      .addHelpText(
        'after',
        `${BY_FILTER}

Examples:
  flashdeck ${name} nn-opt/adam nn-opt/sgd
  flashdeck ${name} -t someday --yes`,
      )
      .action((ids: string[], raw: RawManageOptions) => run(commands.suspend({ ...targets(ids, raw), suspend })));
  }
  program
    .command('unbury')
    .description('bring buried cards back today: all of them, or those named')
    .argument('[ids...]', 'the cards to unbury (default: every buried card)')
    .option('--cards <dir>', 'cards folder (default: $FLASHDECK_CARDS, else the bundled deck)')
    .addHelpText(
      'after',
      `
Examples:
  flashdeck unbury
  flashdeck unbury nn-opt/adam`,
    )
    .action((ids: string[], raw: RawManageOptions) =>
      run(commands.unbury({ cardsRoot: resolveCardsRoot(raw.cards, env), ids })),
    );
}
