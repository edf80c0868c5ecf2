import fs from 'node:fs';
import path from 'node:path';
import envPaths from 'env-paths';
import { StoreError } from '../../core/errors.js';
import { parseParameters } from '../../core/schedule/parameters.js';
import type { LogEntry } from '../../core/log/review-log.js';
import {
  DEFAULT_SETTINGS,
  SETTINGS,
  type Settings,
  type SettingSpec,
  type SettingValue,
} from '../../core/schedule/settings.js';
import { migrateStoreConfig, STORE_FORMAT_VERSION, type StoreConfigData } from '../../core/log/store-format.js';
import { withFileLock } from './file-lock.js';
import { appendEntries, prepareLogEnd, readLog } from './log-file.js';
import { attempt, readIfExists } from './store-errors.js';
import { makeFolders } from '../folders.js';
import { replaceWhole } from '../whole-files.js';
import { LazyConf } from './lazy-conf.js';

/** Layout version of the store; a store written by a newer layout is refused, not misread. */
export { STORE_FORMAT_VERSION } from '../../core/log/store-format.js';

/** The progress store: settings in conf's config.json, reviews appended to reviews.jsonl. */
export interface Store {
  /** The store folder, absolute. */
  readonly dir: string;
  /** `<dir>/reviews.jsonl`, the append-only review log. */
  readonly logPath: string;
  /** `<dir>/config.json`, conf's settings file. */
  readonly configPath: string;
  /** Things the user should know about, found while opening (e.g. a torn last line set aside). */
  readonly warnings: string[];
  /** Every entry of the log, in file order; throws StoreError if a line is damaged. */
  readLog(): LogEntry[];
  /** The log's size, times and identity without reading it (for the state cache); undefined when there is no log yet. */
  statLog(): fs.Stats | undefined;
  /** The log's bytes as they are (a torn last line included), empty when there is no log yet; throws StoreError. */
  readLogBytes(): Buffer;
  /** Appends one entry as one line, on disk before it returns. */
  append(entry: LogEntry): void;
  /** Appends entries as lines in one write, on disk before it returns (for merging a whole log). */
  appendAll(entries: readonly LogEntry[]): void;
  /** The current settings, defaults filled in; throws StoreError naming a value that is not allowed. */
  getSettings(): Settings;
  /** Stores one setting (the value already checked with `spec.parse`); undefined goes back to the default. */
  setSetting(spec: SettingSpec, value: SettingValue | undefined): void;
  /** The FSRS weights saved by `flashdeck optimize`, undefined for the defaults; throws StoreError if they are damaged. */
  getParameters(): number[] | undefined;
  /** Saves fitted FSRS weights; undefined goes back to the defaults. */
  setParameters(parameters: readonly number[] | undefined): void;
  /**
   * Burials that flashdeck before store format 2 kept in config.json (`buried`), by id; expired ones included. Only
   * read: burials are now lines of the log, and these stay until they expire.
   */
  getLegacyBurials(): Map<string, Date>;
}

type StoreConfig = Partial<Settings> & { formatVersion: number; buried?: Record<string, string>; parameters?: unknown };

/** The store folder: FLASHDECK_HOME when set, else conf's per-OS config folder for flashdeck (which reads process.env). */
export function resolveStoreDir(env: NodeJS.ProcessEnv = process.env): string {
  const home = env.FLASHDECK_HOME;
  if (home) return path.resolve(home);
  // The same call conf makes for `projectName: 'flashdeck', projectSuffix: ''`.
  return envPaths('flashdeck', { suffix: '' }).config;
}

/** Opens (creating if needed) the store in `dir`; refuses damaged or newer settings, sets aside a torn last log line. */
export function openStore(dir: string): Store {
  const root = path.resolve(dir);
  const logPath = path.join(root, 'reviews.jsonl');
  const configPath = path.join(root, 'config.json');
  attempt('create the folder', root, () => makeFolders(root));
  const initialConfig = checkConfig(root, configPath);
  // No defaults: conf would write them on open, outside the lock. Settings left out follow the defaults of the
  // flashdeck reading them.
  // conf itself loads only for the first write: most commands just read.
  const conf = attempt(
    'read',
    configPath,
    () =>
      new LazyConf<StoreConfig>({
        cwd: root,
        configName: 'config',
        projectSuffix: '',
        accessPropertiesByDotNotation: false,
        // conf would otherwise replace a damaged file with defaults.
        clearInvalidConfig: false,
      }),
  );
  // conf rewrites the whole file on every change: several sessions take turns, so none undoes another's change.
  const lockPath = `${configPath}.lock`;
  const writeConfig = (run: () => void) =>
    attempt('lock', lockPath, () =>
      withFileLock(lockPath, () => {
        removeUnfinishedConfigs(root);
        attempt('write', configPath, run);
      }),
    );
  if (initialConfig?.formatVersion !== STORE_FORMAT_VERSION) {
    writeConfig(() => {
      // Read again under the lock: another process may have just written it.
      const current = checkConfig(root, configPath);
      // A new store's one line is written as conf would write it, without loading conf (a first run's slowest step).
      if (current === null)
        replaceWhole(configPath, JSON.stringify({ formatVersion: STORE_FORMAT_VERSION }, null, '\t'));
      else if (current.formatVersion !== STORE_FORMAT_VERSION) conf.store = migrateStoreConfig(current) as StoreConfig;
    });
  }
  const warnings: string[] = [];
  const end = prepareLogEnd(logPath);
  if (end.sideFile)
    warnings.push(`warning: set aside an incomplete last line of ${logPath} (saved in ${end.sideFile})`);
  let needsNewline = end.needsNewline;
  return {
    dir: root,
    logPath,
    configPath,
    warnings,
    readLog: () => readLog(logPath),
    statLog: () => attempt('read', logPath, () => fs.statSync(logPath, { throwIfNoEntry: false })),
    readLogBytes: () => readIfExists(logPath) ?? Buffer.alloc(0),
    append: (entry) => {
      appendEntries(logPath, [entry], needsNewline);
      needsNewline = false;
    },
    appendAll: (entries) => {
      if (entries.length === 0) return;
      appendEntries(logPath, entries, needsNewline);
      needsNewline = false;
    },
    getSettings: () => {
      checkConfig(root, configPath);
      const settings = { ...DEFAULT_SETTINGS };
      for (const spec of SETTINGS) {
        const stored: unknown = attempt('read', configPath, () => conf.get(spec.key));
        if (stored === undefined) continue;
        const value = spec.parse(stored);
        if (value === null) {
          throw new StoreError(
            `${spec.key} in ${configPath} must be ${spec.description} (it is ${JSON.stringify(stored)}). Fix it with \`flashdeck config set ${spec.name} <value>\`, or remove it to use the default of ${spec.defaultValue}.`,
          );
        }
        (settings as Record<keyof Settings, SettingValue>)[spec.key] = value;
      }
      return settings;
    },
    setSetting: (spec, value) =>
      writeConfig(() => (value === undefined ? conf.delete(spec.key) : conf.set(spec.key, value))),
    getParameters: () => {
      checkConfig(root, configPath);
      const stored = attempt('read', configPath, () => conf.get('parameters'));
      if (stored === undefined) return undefined;
      const parameters = parseParameters(stored);
      if (!parameters) {
        throw new StoreError(
          `parameters in ${configPath} must be a list of 21 FSRS weights. Run \`flashdeck optimize\` again, or \`flashdeck config unset parameters\` to use the defaults.`,
        );
      }
      return parameters;
    },
    setParameters: (parameters) =>
      writeConfig(() => (parameters ? conf.set('parameters', [...parameters]) : conf.delete('parameters'))),
    getLegacyBurials: () => {
      const stored: unknown = attempt('read', configPath, () => conf.get('buried')) ?? {};
      if (typeof stored !== 'object' || stored === null) return new Map();
      const burials = Object.entries(stored as Record<string, unknown>).flatMap(([id, until]): [string, Date][] =>
        typeof until === 'string' && !Number.isNaN(Date.parse(until)) ? [[id, new Date(until)]] : [],
      );
      return new Map(burials);
    },
  };
}

// conf writes config.json through a temporary file beside it; one left by a killed process is removed by the next
// writer, which holds the lock, so no other write can be under way.
function removeUnfinishedConfigs(root: string): void {
  for (const name of fs.readdirSync(root)) {
    if (name.startsWith('config.json.tmp-')) fs.rmSync(path.join(root, name), { force: true });
  }
}

function damagedConfig(configPath: string, problem: string): StoreError {
  return new StoreError(
    `progress settings are damaged: ${configPath} ${problem}. Move it aside or fix it; your reviews in reviews.jsonl are untouched.`,
  );
}

// conf would throw a bare SyntaxError on bad JSON and silently rewrite a non-object, so check first.
// Returns the contents, null when there is no file yet.
function checkConfig(root: string, configPath: string): StoreConfigData | null {
  const bytes = readIfExists(configPath);
  if (!bytes) return null;
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw damagedConfig(configPath, 'is not valid JSON');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw damagedConfig(configPath, 'does not hold a JSON object');
  const config = data as StoreConfigData;
  const version = config.formatVersion;
  // A store from before the field is format 1; an older format is migrated on open.
  if (version === undefined) return config;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw damagedConfig(configPath, `has an unknown formatVersion ${JSON.stringify(version)}`);
  }
  if (version > STORE_FORMAT_VERSION) {
    throw new StoreError(
      `the progress store ${root} was written by a newer flashdeck (format ${version}). Upgrade flashdeck to use it.`,
    );
  }
  return config;
}
