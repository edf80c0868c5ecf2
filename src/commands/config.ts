import { UsageError } from '../core/errors.js';
import { findSetting, SETTINGS, type SettingSpec } from '../core/settings.js';
import type { Deps } from '../deps.js';
import { openStore, resolveStoreDir } from '../io/store.js';

/** Options of `flashdeck config [get|set|unset] [name] [value]`. */
export interface ConfigOptions {
  action: 'list' | 'get' | 'set' | 'unset';
  name?: string;
  value?: string;
}

function requireSetting(name: string | undefined): SettingSpec {
  const spec = name === undefined ? undefined : findSetting(name);
  if (!spec) {
    const names = SETTINGS.map((setting) => setting.name).join(', ');
    throw new UsageError(`${name === undefined ? 'name a setting' : `unknown setting "${name}"`}: one of ${names}.`);
  }
  return spec;
}

/** Shows or changes the settings kept in the progress store; returns the exit code. */
export async function runConfig(options: ConfigOptions, deps: Deps): Promise<number> {
  const store = openStore(resolveStoreDir(deps.env));
  const settings = store.getSettings();
  if (options.action === 'list') {
    const width = Math.max(...SETTINGS.map((spec) => spec.name.length));
    for (const spec of SETTINGS) {
      deps.out.print(`${spec.name.padEnd(width)}  ${String(settings[spec.key]).padEnd(5)}  ${spec.description}`);
    }
    deps.out.print(`(stored in ${store.configPath})`);
    return 0;
  }
  const spec = requireSetting(options.name);
  if (options.action === 'get') {
    deps.out.print(String(settings[spec.key]));
    return 0;
  }
  if (options.action === 'unset') {
    store.setSetting(spec, undefined);
    deps.out.print(`${spec.name} is back to its default, ${spec.defaultValue}`);
    return 0;
  }
  const value = options.value === undefined ? null : spec.parse(options.value);
  if (value === null) throw new UsageError(`${spec.name} must be ${spec.description}; got "${options.value ?? ''}".`);
  store.setSetting(spec, value);
  deps.out.print(`${spec.name} = ${value}`);
  return 0;
}
