import type { Command } from 'commander';
import type { ShowOptions } from '../commands/show.js';
import { resolveCardsRoot } from './options.js';
import type { ProgramParts } from './transfer-program.js';

/** The commands that look at and manage single cards; each returns the exit code. */
export interface ManageCommands {
  show(options: ShowOptions): Promise<number>;
}

interface RawManageOptions {
  cards?: string;
  json?: boolean;
}

/** Wires `show`. */
export function addManageCommands(program: Command, commands: ManageCommands, parts: ProgramParts): void {
  const { env, run } = parts;
  program
    .command('show')
    .description('one card: where it is, how it renders, its schedule now and every review')
    .argument('<id>', 'the card’s id (as `flashdeck list` shows it)')
    .option('--cards <dir>', 'cards folder (default: $FLASHDECK_CARDS, else the bundled deck)')
    .option('--json', 'print a JSON object with a `reviews` array')
    .addHelpText(
      'after',
      `
Examples:
  flashdeck show optimization-in-neural-networks/adam
  flashdeck show my-note#c2 --json | jq '.reviews[].rating'`,
    )
    .action((id: string, raw: RawManageOptions) =>
      run(commands.show({ cardsRoot: resolveCardsRoot(raw.cards, env), id, json: !!raw.json })),
    );
}
