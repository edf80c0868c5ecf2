import { existsSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { FolderReading } from '../../core/card/parse.js';
import type { NoteFormat } from '../../core/card/card.js';
import { UsageError } from '../../core/errors.js';
import { FOREIGN_FORMATS } from '../../core/formats/foreign-note.js';
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

/** The file at a cards folder's root that names the format of its files, when recognising it from content cannot. */
export const FOLDER_FORMAT_FILE = '.flashdeck';

const FORMATS: readonly NoteFormat[] = ['flashdeck', ...FOREIGN_FORMATS];

/** How the files under `root` are read: whether it is a folder of notes, and the format its `.flashdeck` file names. */
export function readFolderReading(root: string): FolderReading {
  const format = readNamedFormat(root);
  return format ? { notesFolder: isNotesFolder(root), format } : { notesFolder: isNotesFolder(root) };
}

/** The format a `format: <name>` line of the folder's `.flashdeck` file names; a usage error for any other content. */
function readNamedFormat(root: string): NoteFormat | undefined {
  const file = join(root, FOLDER_FORMAT_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const name = /^format:\s*["']?([\w-]+)["']?\s*$/m.exec(text)?.[1];
  const known = FORMATS.find((format) => format === name);
  if (known) return known;
  const shown = sanitizeTerminalText(file);
  throw new UsageError(
    name === undefined
      ? `${shown} has no "format: <name>" line: name one of ${FORMATS.join(', ')}, or remove the file.`
      : `${shown} names the format "${sanitizeTerminalText(name)}", which flashdeck does not read: name one of ${FORMATS.join(', ')}.`,
  );
}

/**
 * Whether `root` is a folder of notes rather than of cards: an Obsidian vault (`.obsidian/`) or a Logseq graph
 * (`logseq/config.edn`), where most notes hold no card.
 */
function isNotesFolder(root: string): boolean {
  return existsSync(join(root, '.obsidian')) || existsSync(join(root, 'logseq', 'config.edn'));
}
