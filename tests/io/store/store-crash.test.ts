import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { parseReviewLog } from '../../../src/core/log/review-log.js';
import { openStore, STORE_FORMAT_VERSION } from '../../../src/io/store/store.js';
import { createRandom } from '../../../scripts/seeded-random.mjs';

// Child processes cannot load TypeScript on Node 20, so they use the store as built from src/ into dist/test/
// (`npm test` builds first).
const BUILT_STORE = path.resolve('dist/test/store.js');
const ROUNDS = 14;
const SEED = 20_261_125;

// Opens the store and rates without end, changing a setting now and then so config.json is rewritten too. Each id is
// printed only once `append` has returned: what the quiz would have confirmed on screen.
const CHILD = `
const [storeUrl, dir, round] = process.argv.slice(2);
const { openStore } = await import(storeUrl);
const store = openStore(dir);
for (let i = 0; ; i++) {
  const card = 'r' + round + '-' + i;
  const at = new Date().toISOString();
  store.append({ card, rating: 1 + (i % 5), at, seconds: 1 });
  process.stdout.write(card + '\\n');
  if (i % 5 === 0) store.setSetting({ key: 'newCardsPerDay' }, 1 + (i % 50));
}
`;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flashdeck-crash-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** When to kill: `delayMs` after the child has confirmed `afterLines` ratings (0: after it started). */
interface KillPlan {
  afterLines: number;
  delayMs: number;
}

/** Runs the child, kills it with SIGKILL as planned, and returns the ids it confirmed. */
function rateUntilKilled(script: string, round: number, plan: KillPlan): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [script, pathToFileURL(BUILT_STORE).href, path.join(dir, 'store'), String(round)],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const killLater = () => (timer ??= setTimeout(() => child.kill('SIGKILL'), plan.delayMs));
    if (plan.afterLines === 0) killLater();
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.split('\n').length > plan.afterLines) killLater();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`child ended by itself (${code}): ${stderr}`));
      // Only whole lines: a line cut by the kill was not confirmed.
      else resolve(stdout.split('\n').slice(0, -1));
    });
  });
}

it('keeps every confirmed rating and opens cleanly after kill -9 at random moments', async () => {
  expect(fs.existsSync(BUILT_STORE), 'dist/test/store.js is missing: run `npm run build` first').toBe(true);
  const script = path.join(dir, 'rate.mjs');
  fs.writeFileSync(script, CHILD);
  const store = path.join(dir, 'store');
  const random = createRandom(SEED);
  const confirmed: string[] = [];
  let killedAfterRatings = 0;
  for (let round = 0; round < ROUNDS; round++) {
    // Some while Node starts and opens the store, most inside the write loop.
    const plan =
      random() < 0.25
        ? { afterLines: 0, delayMs: Math.floor(random() * 200) }
        : { afterLines: 1 + Math.floor(random() * 60), delayMs: Math.floor(random() * 20) };
    const ids = await rateUntilKilled(script, round, plan);
    if (ids.length > 0) killedAfterRatings++;
    confirmed.push(...ids);

    const reopened = openStore(store);
    // At most the torn tail of a write the kill cut short, set aside with one warning.
    expect(reopened.warnings.length).toBeLessThanOrEqual(1);
    const logged = new Set(reopened.readLog().map((entry) => entry.card));
    expect(confirmed.filter((id) => !logged.has(id))).toEqual([]);
    expect(() => reopened.getSettings()).not.toThrow();
    expect(() => reopened.getLegacyBurials()).not.toThrow();
  }
  // The kills did land inside the write loop, not only before it.
  expect(killedAfterRatings).toBeGreaterThan(ROUNDS / 2);
  const text = fs.readFileSync(path.join(store, 'reviews.jsonl'), 'utf8');
  expect(parseReviewLog(text).badLines).toEqual([]);
  expect(JSON.parse(fs.readFileSync(path.join(store, 'config.json'), 'utf8'))).toMatchObject({
    formatVersion: STORE_FORMAT_VERSION,
  });
}, 30_000);
