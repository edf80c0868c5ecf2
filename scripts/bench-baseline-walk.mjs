// The floor for loading cards: walk the folder and read every `.md` file, nothing else.
// Synchronous calls: for many small files they beat fs/promises several times over, so this is the honest floor.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function walk(folder) {
  let bytes = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const file = join(folder, entry.name);
    if (entry.isDirectory()) bytes += walk(file);
    else if (entry.name.endsWith('.md')) bytes += readFileSync(file).length;
  }
  return bytes;
}

console.log(walk(process.argv[2]));
