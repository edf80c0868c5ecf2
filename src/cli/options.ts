import { InvalidArgumentError } from 'commander';
import path from 'node:path';
import { parseDifficulty, type Difficulty } from '../core/card/card.js';
import { UsageError } from '../core/errors.js';
import { PACKAGE_ROOT } from '../io/package-root.js';
import { checkCardsFolder } from '../io/cards/cards-folder.js';

/** The deck that ships with the package, `cards/` at its root. */
export const BUNDLED_CARDS = path.join(PACKAGE_ROOT, 'cards');

/** `--cards`, else `FLASHDECK_CARDS`, else the bundled deck; always absolute, and a folder (else a usage error naming the source). */
export function resolveCardsRoot(option: string | undefined, env: NodeJS.ProcessEnv): string {
  // `--cards "$DIR"` with DIR unset must not quietly mean the bundled deck.
  if (option === '') throw new UsageError('--cards needs a folder name: --cards <dir>.');
  const fromVariable = option === undefined && !!env.FLASHDECK_CARDS;
  const root = path.resolve(option ?? (env.FLASHDECK_CARDS || BUNDLED_CARDS));
  checkCardsFolder(root, fromVariable ? 'FLASHDECK_CARDS' : undefined);
  return root;
}

/** Parses `--difficulty` (`👶,⭐️`, `easy,medium`, …); an unknown level is a usage error. */
export function parseDifficulties(value: string): Difficulty[] {
  const levels = value.split(',').filter((part) => part.trim() !== '');
  if (levels.length === 0) throw new InvalidArgumentError('name at least one level: easy, medium or hard.');
  return levels.map((level) => {
    const difficulty = parseDifficulty(level);
    if (!difficulty)
      throw new InvalidArgumentError(`"${level.trim()}" is not a level: use 👶/easy, ⭐️/medium or 🚀/hard.`);
    return difficulty;
  });
}

/** Parses a whole number of at least `min`, for `--limit` and `--new`. */
export function parseCount(min: number): (value: string) => number {
  return (value) => {
    const count = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(count) || count < min) {
      throw new InvalidArgumentError(`expected a whole number of at least ${min}, got "${value}".`);
    }
    return count;
  };
}

/** Collects a repeatable option into a list. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Collects `-t`, repeatable and comma-separated (`-t a,b -t c`). */
export function collectTags(value: string, previous: string[] = []): string[] {
  const tags = value
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
  if (tags.length === 0) throw new InvalidArgumentError('name at least one tag: -t tag, or -t tag,tag.');
  return [...previous, ...tags];
}

/** The flags every command takes, anywhere before `--`: colour, paging and chatter. */
export interface GlobalFlags {
  /** `--color` (true), `--no-color` (false), or neither; the last one given wins. */
  color?: boolean;
  pager: boolean;
  quiet: boolean;
}

const GLOBAL_FLAGS = new Set(['--color', '--no-color', '--no-pager', '--quiet']);

/** Takes the global flags out of `args` (the words after `flashdeck`), leaving the rest to the commands. */
export function takeGlobalFlags(args: readonly string[]): { args: string[]; flags: GlobalFlags } {
  const flags: GlobalFlags = { pager: true, quiet: false };
  const end = args.indexOf('--');
  const head = end === -1 ? args : args.slice(0, end);
  for (const arg of head) {
    if (arg === '--color') flags.color = true;
    else if (arg === '--no-color') flags.color = false;
    else if (arg === '--no-pager') flags.pager = false;
    else if (arg === '--quiet') flags.quiet = true;
  }
  const rest = head.filter((arg) => !GLOBAL_FLAGS.has(arg));
  return { args: end === -1 ? rest : [...rest, ...args.slice(end)], flags };
}

/** What `--color` and `--no-color` mean for the environment colour is decided from (`NO_COLOR`, `FORCE_COLOR`). */
export function applyColorFlag(env: NodeJS.ProcessEnv, color: boolean | undefined): void {
  if (color === false) {
    env.NO_COLOR = '1';
  } else if (color === true) {
    delete env.NO_COLOR;
    if (!env.FORCE_COLOR || env.FORCE_COLOR === '0') env.FORCE_COLOR = '1';
  }
}
