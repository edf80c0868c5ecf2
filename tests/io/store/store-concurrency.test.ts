import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { parseReviewLog } from '../../../src/core/log/review-log.js';

// Child processes cannot load TypeScript on Node 20, so they use the store as built from src/ into dist/test/
// (`npm test` builds first).
const BUILT_STORE = path.resolve('dist/test/store.js');
const APPENDS = 300;

// Each child opens the store and appends APPENDS reviews with its own card ids.
const CHILD = `
const [storeUrl, dir, tag, count] = process.argv.slice(2);
const { openStore } = await import(storeUrl);
const store = openStore(dir);
for (let i = 0; i < Number(count); i++) {
  store.append({ card: tag + '-' + i, rating: 1 + (i % 5), at: new Date().toISOString(), seconds: i / 10 });
}
`;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flashdeck-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function runChild(script: string, tag: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, pathToFileURL(BUILT_STORE).href, dir, tag, String(APPENDS)], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`child ${tag} exited ${code}: ${stderr}`))));
  });
}

it('keeps every line when two processes append to one store at once', async () => {
  expect(fs.existsSync(BUILT_STORE), 'dist/test/store.js is missing: run `npm run build` first').toBe(true);
  const script = path.join(dir, 'append.mjs');
  fs.writeFileSync(script, CHILD);
  await Promise.all([runChild(script, 'one'), runChild(script, 'two')]);

  const text = fs.readFileSync(path.join(dir, 'reviews.jsonl'), 'utf8');
  const parsed = parseReviewLog(text);
  expect(parsed.badLines).toEqual([]);
  expect(parsed.tornTail).toBeNull();
  expect(text.split('\n')).toHaveLength(2 * APPENDS + 1);
  const cards = new Set(parsed.entries.map((entry) => entry.card));
  expect(cards.size).toBe(2 * APPENDS);
  for (const tag of ['one', 'two']) {
    for (let i = 0; i < APPENDS; i++) expect(cards.has(`${tag}-${i}`)).toBe(true);
  }
}, 60_000);
