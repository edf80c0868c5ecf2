import { existsSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { sanitizeTerminalText } from '../../core/markdown/terminal-text.js';

/**
 * Throws a usage error unless `root` is a folder, saying what it is instead; `variable` is the environment variable
 * that named it, if one did, so the message points at what to change.
 */
export function checkCardsFolder(root: string, variable?: string): void {
  let info: Stats | undefined;
  try {
    info = statSync(root);
  } catch {
    info = undefined;
  }
  if (info?.isDirectory()) return;
  const shown = sanitizeTerminalText(root);
  const problem = !info ? 'does not exist' : info.isFile() ? 'is a file, not a folder' : 'is not a folder';
  if (variable) throw new UsageError(`${variable} is set to ${shown}, which ${problem}: set it to the folder that holds your cards, or pass --cards <dir>.`);
  if (!info) throw new UsageError(`cards folder not found: ${shown} (pass --cards <dir> or set FLASHDECK_CARDS)`);
  throw new UsageError(`${shown} ${problem}: pass the folder that holds your cards.`);
}

/** The command that lists every problem of the cards in `root`, ready to paste into a shell. */
export function formatLintCommand(root: string): string {
  const shown = sanitizeTerminalText(root);
  return `flashdeck lint --cards ${/^[\w@%+=:,./-]+$/.test(shown) ? shown : `'${shown.replaceAll("'", "'\\''")}'`}`;
}

/**
 * Whether `root` is a folder of notes rather than of cards: an Obsidian vault (`.obsidian/`) or a Logseq graph
 * (`logseq/config.edn`), where most notes hold no card.
 */
export function isNotesFolder(root: string): boolean {
  return existsSync(join(root, '.obsidian')) || existsSync(join(root, 'logseq', 'config.edn'));
}
