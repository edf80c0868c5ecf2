import { ExitCode, UsageError } from '../core/errors.js';
import { PARAMETERS_SETTING } from '../core/schedule/parameters.js';
import { findSetting, SETTINGS, type Settings, type SettingSpec } from '../core/schedule/settings.js';
import type { Deps } from '../deps.js';
import { resolveStoreDir, type Store } from '../io/store/store.js';
import { openReportedStore } from './collection.js';

/** Options of `flashdeck config [list|get|set|unset|path] [name] [value]`. */
export interface ConfigOptions {
  action: 'list' | 'get' | 'set' | 'unset' | 'path';
  name?: string;
  value?: string;
}

function requireSetting(name: string | undefined): SettingSpec {
  const spec = name === undefined ? undefined : findSetting(name);
  if (!spec) {
    const names = [...SETTINGS.map((setting) => setting.name), PARAMETERS_SETTING].join(', ');
    throw new UsageError(`${name === undefined ? 'name a setting' : `unknown setting "${name}"`}: one of ${names}.`);
  }
  return spec;
}

/** Shows or changes the settings kept in the progress store; returns the exit code. */
export async function runConfig(options: ConfigOptions, deps: Deps): Promise<number> {
  // The folder is named without being created: `config path` changes nothing.
  if (options.action === 'path') {
    deps.out.print(resolveStoreDir(deps.env));
    return ExitCode.Ok;
  }
  const store = openReportedStore(deps);
  const settings = store.getSettings();
  if (options.action === 'list') {
    printSettings(settings, store, deps);
    return ExitCode.Ok;
  }
  if (options.name === PARAMETERS_SETTING) return runParameters(options.action, store, deps);
  const spec = requireSetting(options.name);
  if (options.action === 'get') {
    deps.out.print(String(settings[spec.key]));
    return ExitCode.Ok;
  }
  if (options.action === 'unset') {
    store.setSetting(spec, undefined);
    deps.out.print(`${spec.name} is back to its default, ${spec.defaultValue}`);
    return ExitCode.Ok;
  }
  if (options.value === undefined) {
    throw new UsageError(
      `the value is missing: \`flashdeck config set ${spec.name} <value>\`, where the value is ${spec.allowed}.`,
    );
  }
  const value = spec.parse(options.value);
  if (value === null) throw new UsageError(`${spec.name} must be ${spec.allowed}; got "${options.value}".`);
  store.setSetting(spec, value);
  deps.out.print(`${spec.name} = ${value}`);
  return ExitCode.Ok;
}

// The fitted weights are not typed in: `optimize` writes them, `unset` drops them.
function runParameters(action: ConfigOptions['action'], store: Store, deps: Deps): number {
  if (action === 'set') {
    throw new UsageError(
      `${PARAMETERS_SETTING} are fitted to your reviews by \`flashdeck optimize\`; they cannot be set by hand.`,
    );
  }
  if (action === 'unset') {
    store.setParameters(undefined);
    deps.out.print(`${PARAMETERS_SETTING} are back to the FSRS defaults`);
  } else {
    deps.out.print((store.getParameters() ?? ['default']).join(' '));
  }
  return ExitCode.Ok;
}

/** Every setting on a line of aligned columns: name, value (`*` when not the default) and what it does. */
function printSettings(settings: Settings, store: Store, deps: Deps): void {
  const fitted = store.getParameters() !== undefined;
  const rows = [
    ...SETTINGS.map((spec) => ({
      name: spec.name,
      value: String(settings[spec.key]),
      changed: settings[spec.key] !== spec.defaultValue,
      meaning: spec.description,
    })),
    {
      name: PARAMETERS_SETTING,
      value: fitted ? 'fitted' : 'default',
      changed: fitted,
      meaning: 'FSRS weights, set by `flashdeck optimize`',
    },
  ];
  const nameWidth = Math.max(...rows.map((row) => row.name.length));
  const valueWidth = Math.max(...rows.map((row) => row.value.length));
  for (const row of rows) {
    deps.out.print(
      `${row.name.padEnd(nameWidth)}  ${row.value.padEnd(valueWidth)} ${row.changed ? '*' : ' '}  ${row.meaning}`,
    );
  }
  if (rows.some((row) => row.changed))
    deps.out.print('* not the default; `flashdeck config unset <name>` puts it back');
  deps.out.print(`(stored in ${store.configPath})`);
}
