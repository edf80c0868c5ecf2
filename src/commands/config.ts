import { UsageError } from '../core/errors.js';
import { PARAMETERS_SETTING } from '../core/fsrs-parameters.js';
import { findSetting, SETTINGS, type SettingSpec } from '../core/settings.js';
import type { Deps } from '../deps.js';
import { openStore, resolveStoreDir, type Store } from '../io/store.js';

/** Options of `flashdeck config [get|set|unset] [name] [value]`. */
export interface ConfigOptions {
  action: 'list' | 'get' | 'set' | 'unset';
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
  const store = openStore(resolveStoreDir(deps.env));
  const settings = store.getSettings();
  if (options.action === 'list') {
    const width = Math.max(...SETTINGS.map((spec) => spec.name.length));
    for (const spec of SETTINGS) {
      deps.out.print(`${spec.name.padEnd(width)}  ${String(settings[spec.key]).padEnd(5)}  ${spec.description}`);
    }
    const fitted = store.getParameters() ? 'fitted' : 'default';
    deps.out.print(`${PARAMETERS_SETTING.padEnd(width)}  ${fitted}  FSRS weights, set by \`flashdeck optimize\` (unset to go back to the defaults)`);
    deps.out.print(`(stored in ${store.configPath})`);
    return 0;
  }
  if (options.name === PARAMETERS_SETTING) return runParameters(options.action, store, deps);
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
  if (value === null) throw new UsageError(`${spec.name} must be ${spec.allowed}; got "${options.value ?? ''}".`);
  store.setSetting(spec, value);
  deps.out.print(`${spec.name} = ${value}`);
  return 0;
}

// The fitted weights are not typed in: `optimize` writes them, `unset` drops them.
function runParameters(action: ConfigOptions['action'], store: Store, deps: Deps): number {
  if (action === 'set') {
    throw new UsageError(`${PARAMETERS_SETTING} are fitted to your reviews by \`flashdeck optimize\`; they cannot be set by hand.`);
  }
  if (action === 'unset') {
    store.setParameters(undefined);
    deps.out.print(`${PARAMETERS_SETTING} are back to the FSRS defaults`);
  } else {
    deps.out.print((store.getParameters() ?? ['default']).join(' '));
  }
  return 0;
}
