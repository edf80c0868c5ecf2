import { ExitCode } from '../core/errors.js';
import type { LogEntry } from '../core/log/review-log.js';
import { formatCount, sanitizeTerminalText } from '../core/markdown/text.js';
import { printNote } from '../deps.js';
import { selectTargets, type ConfirmDeps, type TargetOptions } from './card-targets.js';
import { loadCollection } from './collection.js';

/** Options of `flashdeck suspend` and `flashdeck unsuspend`. */
export interface SuspendOptions extends TargetOptions {
  /** True to suspend, false to let the cards be scheduled again. */
  suspend: boolean;
}

/** Suspends the named cards (never scheduled nor quizzed until unsuspended), or unsuspends them: lines appended. */
export async function runSuspend(options: SuspendOptions, deps: ConfirmDeps): Promise<number> {
  const collection = await loadCollection(options, deps);
  const action = options.suspend ? 'suspend' : 'unsuspend';
  const targets = await selectTargets(options, collection, action, deps);
  if (targets === null) return ExitCode.Ok;
  const changing = targets.filter((card) => collection.suspended.has(card.id) !== options.suspend);
  if (changing.length === 0) {
    const state = options.suspend ? 'suspended already' : 'not suspended';
    printNote(deps, targets.length === 0 ? 'No cards match these filters.' : `Nothing to ${action}: ${state}.`);
    return ExitCode.Ok;
  }
  const at = deps.now().toISOString();
  collection.store.appendAll(
    changing.map((card): LogEntry =>
      options.suspend ? { card: card.id, suspend: true, at } : { card: card.id, unsuspend: true, at },
    ),
  );
  const names =
    changing.length === 1 ? sanitizeTerminalText(changing[0]?.id ?? '') : formatCount(changing.length, 'card');
  printNote(
    deps,
    options.suspend
      ? `Suspended ${names}: kept out of every session until \`flashdeck unsuspend\`.`
      : `Unsuspended ${names}: scheduled again.`,
  );
  return ExitCode.Ok;
}
