import fs from 'node:fs';
import path from 'node:path';

/**
 * Creates `dir` and its missing parents, like `mkdirSync(dir, { recursive: true })`. Node's version retries for ever
 * where the system refuses a folder with ENOENT although its parent exists (under /proc, say); here each folder is
 * made once, so any refusal is thrown at once.
 */
export function makeFolders(dir: string): void {
  try {
    makeFolder(dir);
  } catch (error) {
    const parent = path.dirname(dir);
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === dir) throw error;
    makeFolders(parent);
    makeFolder(dir);
  }
}

// A folder already there (made by another process, say) is fine; a file in its place is not.
function makeFolder(dir: string): void {
  try {
    fs.mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !fs.statSync(dir).isDirectory()) throw error;
  }
}
