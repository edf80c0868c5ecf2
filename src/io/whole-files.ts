import fs from 'node:fs';
import path from 'node:path';

// Files written whole or not at all: created exclusively, or written beside their name and renamed over it, so a
// reader never sees half of one, a killed process leaves at most a hidden temporary file, and no write follows a link.

/** Writes a temporary file beside `file` and renames it over the name, so a link there is replaced, not followed. */
export function replaceWhole(file: string, contents: string | Uint8Array): void {
  const temporary = createTemporaryBeside(file, contents);
  try {
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * A new file beside `file` holding `contents`: its name is short, so it fits beside a name at the length limit, and
 * hidden, so a leftover is never read as a card.
 */
export function createTemporaryBeside(file: string, contents: string | Uint8Array): string {
  const temporary = path.join(
    path.dirname(file),
    `.flashdeck-${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`,
  );
  createFile(temporary, contents);
  return temporary;
}

/** Creates a file that did not exist (O_EXCL: never through a link), with its contents; a failed write removes it again. */
export function createFile(file: string, contents: string | Uint8Array): void {
  const descriptor = fs.openSync(file, 'wx');
  try {
    try {
      fs.writeFileSync(descriptor, contents);
    } finally {
      fs.closeSync(descriptor);
    }
  } catch (error) {
    fs.rmSync(file, { force: true });
    throw error;
  }
}
