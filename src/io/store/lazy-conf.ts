import type Conf from 'conf';
import type { Options } from 'conf';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

type Fields = Record<string, unknown>;

/**
 * conf, loaded and constructed only when the store first writes. Loading conf (with its JSON-schema validator) costs
 * about as much as the rest of `flashdeck list`, and most commands only read: a read parses config.json the way
 * conf's `get` does without dot notation (own keys of the parsed object). Options that make conf do more on open or on
 * read (defaults, a schema, migrations, dot notation…) construct it at once.
 */
export class LazyConf<T extends Fields> {
  readonly path: string;
  readonly #options: Partial<Options<T>>;
  #conf: Conf<T> | undefined;

  constructor(options: Partial<Options<T>>) {
    this.#options = options;
    const extension = options.fileExtension ?? 'json';
    this.path = path.resolve(
      options.cwd ?? '.',
      `${options.configName ?? 'config'}${extension ? `.${extension}` : ''}`,
    );
    const readsLikeJson =
      options.accessPropertiesByDotNotation === false && !options.encryptionKey && !options.deserialize;
    const doesMoreOnOpen =
      options.defaults || options.schema || options.rootSchema || options.migrations || options.watch;
    if (!options.cwd || !readsLikeJson || doesMoreOnOpen) this.#open();
  }

  /** The value stored under `key`, undefined when there is none. */
  get<K extends keyof T>(key: K): T[K] {
    if (this.#conf) return this.#conf.get(key);
    const store = this.#read();
    return (Object.hasOwn(store, key) ? store[key as string] : undefined) as T[K];
  }

  /** Stores `value` under `key` (through conf: atomic write). */
  set<K extends keyof T>(key: K, value: T[K]): void {
    this.#open().set(key, value);
  }

  /** Removes `key`. */
  delete<K extends keyof T>(key: K): void {
    this.#open().delete(key);
  }

  /** Everything stored. */
  get store(): T {
    return this.#conf ? this.#conf.store : (this.#read() as T);
  }

  set store(value: T) {
    this.#open().store = value;
  }

  #read(): Fields {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    const data: unknown = JSON.parse(text);
    return typeof data === 'object' && data !== null ? (data as Fields) : {};
  }

  #open(): Conf<T> {
    if (!this.#conf) {
      // conf is ESM-only; Node 20.19+ (our minimum) loads it synchronously through require.
      const { default: ConfClass } = createRequire(import.meta.url)('conf') as { default: typeof Conf };
      this.#conf = new ConfClass<T>(this.#options);
    }
    return this.#conf;
  }
}
