import type * as Commander from 'commander';
import { createRequire } from 'node:module';

// commander is CommonJS. Required directly it loads about 10 ms sooner than through its ESM wrapper (for which Node
// first scans the CommonJS source for its exports), and every command, `--version` included, pays for it.
const commander = createRequire(import.meta.url)('commander') as typeof Commander;

/** commander's classes, as `import { … } from 'commander'` gives them. */
export const { Command, CommanderError, InvalidArgumentError, Option } = commander;
/** A command, as commander types it. */
export type Command = Commander.Command;
/** An option, as commander types it. */
export type Option = Commander.Option;
