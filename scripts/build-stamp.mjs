// `node scripts/build-stamp.mjs write` records what the build was made from; `check` exits 0 when dist/ was built
// from the sources as they are now, 1 otherwise. `npm start` builds only then, so it starts at once after the first time.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STAMP = path.join(ROOT, 'dist', 'build-stamp.json');
const BUNDLE = path.join(ROOT, 'dist', 'bundle', 'main.cjs');
// Everything the build reads besides node_modules, whose changes show in package-lock.json (tsconfig.json only
// types: `tsc --noEmit`).
const INPUTS = ['src', 'package.json', 'package-lock.json', 'rollup.config.mjs'];

/** Each input file with its size and modification time: an edit, a new or a deleted file changes it. */
function describeInputs() {
  const files = INPUTS.flatMap((input) => {
    const absolute = path.join(ROOT, input);
    if (!existsSync(absolute)) return [];
    if (!statSync(absolute).isDirectory()) return [input];
    return readdirSync(absolute, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
  });
  return files.sort().map((file) => {
    const { size, mtimeMs } = statSync(path.join(ROOT, file));
    return `${file} ${size} ${mtimeMs}`;
  });
}

function isFresh() {
  if (!existsSync(BUNDLE) || !existsSync(STAMP)) return false;
  return readFileSync(STAMP, 'utf8') === JSON.stringify(describeInputs());
}

const [action] = process.argv.slice(2);
if (action === 'write') writeFileSync(STAMP, JSON.stringify(describeInputs()));
else if (action === 'check') process.exitCode = isFresh() ? 0 : 1;
else throw new Error('usage: node scripts/build-stamp.mjs write|check');
