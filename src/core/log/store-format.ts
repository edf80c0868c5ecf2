/**
 * Layout version of the store this flashdeck writes; a store written by a newer layout is refused, not misread.
 * 1: reviews and undos in the log, settings and burials in config.json. 2: burials are lines of the log (bury,
 * unbury); a flashdeck of format 1 would call such a line damage, so it is told to upgrade instead. 3: renames are
 * lines of the log (a card's history moved to its new id), and reviews may carry the text they rated. 4: forgets,
 * suspensions and schedules carried over from other tools are lines of the log.
 */
export const STORE_FORMAT_VERSION = 4;

/** The contents of config.json. */
export type StoreConfigData = Record<string, unknown>;

/** Turns config.json of one format version into the next. The review log is never rewritten: a step may only add. */
export type FormatStep = (config: StoreConfigData) => StoreConfigData;

/** The step from each older format version to the next, by the version it starts from. */
export const FORMAT_STEPS: Readonly<Record<number, FormatStep>> = {
  // Burials of format 1 stay in config.json's `buried`, read (never written) until they end: nothing to change.
  1: (config) => config,
  // Renames are only ever appended: nothing to change.
  2: (config) => config,
  // So are forgets, suspensions and schedules.
  3: (config) => config,
};

/** The format version of config.json data whose `formatVersion` is checked: a store from before the field is version 1. */
function getFormatVersion(config: StoreConfigData): number {
  return typeof config.formatVersion === 'number' ? config.formatVersion : 1;
}

/** Brings config.json data from its version up to `target`, one step at a time, and records the version. */
export function migrateStoreConfig(
  config: StoreConfigData,
  steps: Readonly<Record<number, FormatStep>> = FORMAT_STEPS,
  target: number = STORE_FORMAT_VERSION,
): StoreConfigData {
  let data = config;
  for (let version = getFormatVersion(config); version < target; version++) {
    const step = steps[version];
    if (!step) throw new Error(`no step from store format ${version} to ${version + 1}`);
    data = step(data);
  }
  return { ...data, formatVersion: target };
}
