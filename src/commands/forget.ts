import { ExitCode, UsageError } from '../core/errors.js';
import { collectForgets } from '../core/log/kept-marks.js';
import type { LogEntry } from '../core/log/review-log.js';
import { formatCount, sanitizeTerminalText } from '../core/markdown/text.js';
import { printNote } from '../deps.js';
import { selectTargets, type ConfirmDeps, type TargetOptions } from './card-targets.js';
import { loadCollection, openReportedStore } from './collection.js';

/** Options of `flashdeck forget`. */
export interface ForgetOptions extends TargetOptions {
  /** Takes back the latest forget instead. */
  undo: boolean;
}

/**
 * Makes the named cards new again: one `forget` line a card, appended; their reviews stay in the log. `--undo` takes
 * back the latest forget (every card it made new).
 */
export async function runForget(options: ForgetOptions, deps: ConfirmDeps): Promise<number> {
  if (options.undo) return undoLatestForget(options, deps);
  const collection = await loadCollection(options, deps);
  const targets = await selectTargets(options, collection, 'forget', deps);
  if (targets === null) return ExitCode.Ok;
  const at = deps.now().toISOString();
  // A card never rated (or forgotten already) is new as it is: nothing to write for it.
  const rated = targets.filter((card) => collection.states.has(card.id));
  if (rated.length === 0) {
    printNote(
      deps,
      targets.length === 0 ? 'No cards match these filters.' : 'Nothing to forget: these cards are new already.',
    );
    return ExitCode.Ok;
  }
  collection.store.appendAll(rated.map((card): LogEntry => ({ card: card.id, forget: true, at })));
  const names = rated.length === 1 ? sanitizeTerminalText(rated[0]?.id ?? '') : formatCount(rated.length, 'card');
  printNote(deps, `Forgot ${names}: new again. \`flashdeck forget --undo\` brings the history back.`);
  return ExitCode.Ok;
}

/** Undoes every forget line of the latest forget (they share its time). */
function undoLatestForget(options: ForgetOptions, deps: ConfirmDeps): number {
  if (options.ids.length > 0) throw new UsageError('`forget --undo` takes back the latest forget: leave out the ids.');
  const store = openReportedStore(deps);
  const forgets = collectForgets(store.readLog());
  const latest = forgets.at(-1);
  if (!latest) {
    printNote(deps, 'Nothing to undo: no forget is in force.');
    return ExitCode.Ok;
  }
  const batch = forgets.filter((forget) => forget.at === latest.at);
  const at = deps.now().toISOString();
  store.appendAll(batch.map((forget): LogEntry => ({ card: forget.card, undo: forget.at, at })));
  const names = batch.length === 1 ? sanitizeTerminalText(latest.card) : formatCount(batch.length, 'card');
  printNote(deps, `Undid the forget of ${names}: ${batch.length === 1 ? 'its' : 'their'} history counts again.`);
  return ExitCode.Ok;
}
