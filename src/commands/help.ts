import { ExitCode } from '../core/errors.js';
import { printLong, type Deps } from '../deps.js';
import { formatHelpTopic } from '../render/help-topics.js';
import type { HelpTopic } from '../render/help-topic-names.js';

/** Prints a help topic: the card format, the quiz keys or the settings. */
export async function runHelp(options: { topic: HelpTopic }, deps: Deps): Promise<number> {
  const screen = await deps.screen();
  printLong(deps, formatHelpTopic(options.topic, screen.width(), screen.chalk));
  return ExitCode.Ok;
}
