import type { ForgetEntry, KeptSchedule, LogEntry } from './review-log.js';

// What the log keeps marked on a card until another line takes it back: a suspension, a schedule carried over from
// another tool. Replays and `progress export` read them here, in log order.

/** What names a forget: its card and its `at`, which an undo of it names too. */
export function forgetKey(card: string, at: string): string {
  return `${card}\u0000${at}`;
}

/** The cards suspended after a whole log, each with the `at` of the suspend line in force. */
export function collectSuspended(entries: readonly LogEntry[]): Map<string, string> {
  const suspended = new Map<string, string>();
  for (const entry of entries) {
    if ('suspend' in entry) suspended.set(entry.card, entry.at);
    else if ('unsuspend' in entry) suspended.delete(entry.card);
  }
  return suspended;
}

/**
 * The latest schedule carried over for each card. A forget drops it, as it sets the card's reviews aside; an undo of
 * that forget brings it back.
 */
export function collectSchedules(entries: readonly LogEntry[]): Map<string, KeptSchedule> {
  const schedules = new Map<string, KeptSchedule>();
  const forgotten = new Map<string, KeptSchedule>();
  for (const entry of entries) {
    if ('schedule' in entry) {
      schedules.set(entry.card, entry.schedule);
    } else if ('forget' in entry) {
      const schedule = schedules.get(entry.card);
      if (schedule) forgotten.set(forgetKey(entry.card, entry.at), schedule);
      schedules.delete(entry.card);
    } else if ('undo' in entry) {
      const key = forgetKey(entry.card, entry.undo);
      const schedule = forgotten.get(key);
      if (schedule) schedules.set(entry.card, schedule);
      forgotten.delete(key);
    }
  }
  return schedules;
}

/** The forgets not taken back by an undo, in log order. */
export function collectForgets(entries: readonly LogEntry[]): ForgetEntry[] {
  const forgets = new Map<string, ForgetEntry>();
  for (const entry of entries) {
    if ('forget' in entry) forgets.set(forgetKey(entry.card, entry.at), entry);
    else if ('undo' in entry) forgets.delete(forgetKey(entry.card, entry.undo));
  }
  return [...forgets.values()];
}
