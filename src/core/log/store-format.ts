/** Layout version of the store this flashdeck writes; a store written by a newer layout is refused, not misread. */
export const STORE_FORMAT_VERSION = 1;

/** The contents of config.json. */
export type StoreConfigData = Record<string, unknown>;

/** Turns config.json of one format version into the next. The review log is never rewritten: a step may only add. */
export type FormatStep = (config: StoreConfigData) => StoreConfigData;

/** The step from each older format version to the next, by the version it starts from; none yet, as 1 is the first. */
export const FORMAT_STEPS: Readonly<Record<number, FormatStep>> = {};

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
