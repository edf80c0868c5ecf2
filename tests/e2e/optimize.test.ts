import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateLearner, toLogText } from '../core/synthetic-learner.js';
import { cardFile, cliEnv, runCli, testdir } from './helpers.js';

const log = simulateLearner({
  cards: 120,
  days: 120,
  newPerDay: 10,
  seed: 11,
  start: new Date('2026-01-05T09:00:00Z'),
});

/** A store holding `text` as its review log, with config.json already created. */
function storeWithLog(text: string): { home: string; env: NodeJS.ProcessEnv; config: () => string } {
  const home = testdir({ 'reviews.jsonl': text });
  const env = cliEnv(home);
  expect(runCli(['config'], env).code).toBe(0);
  return { home, env, config: () => readFileSync(path.join(home, 'config.json'), 'utf8') };
}

function optimizeJson(env: NodeJS.ProcessEnv, ...args: string[]) {
  const result = runCli(['optimize', '--json', ...args], env);
  expect(result).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(result.stdout) as Record<string, unknown> & {
    parameters: number[];
    logLoss: { default: number; fitted: number };
  };
}

describe('flashdeck optimize', () => {
  it('with too little history says how many more reviews are needed and changes nothing', () => {
    const { env, config } = storeWithLog(toLogText(log.slice(0, 150)));
    const before = config();
    const result = runCli(['optimize'], env);
    expect(result.code).toBe(0);
    const [, usable] = /(\d+) reviews FSRS can learn from, 400 needed/.exec(result.stdout) ?? [];
    expect(Number(usable)).toBeGreaterThan(0);
    expect(result.stdout).toContain(`at least ${400 - Number(usable)} more are needed. Nothing was changed.`);
    const json = runCli(['optimize', '--json'], env);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      reviews: Number(usable),
      cards: expect.any(Number),
      parameters: null,
      logLoss: null,
      rmse: null,
      saved: false,
    });
    expect(json.stderr).toContain('more are needed');
    expect(config()).toBe(before);
  });

  it('fits, prints the documented JSON, saves the weights, and fits the same weights again', () => {
    const { env, config } = storeWithLog(toLogText(log));
    const first = optimizeJson(env);
    expect(Object.keys(first)).toEqual(['reviews', 'cards', 'parameters', 'logLoss', 'rmse', 'saved']);
    expect(first).toMatchObject({
      reviews: expect.any(Number),
      cards: expect.any(Number),
      saved: true,
      rmse: { default: expect.any(Number), fitted: expect.any(Number) },
    });
    expect(first.parameters).toHaveLength(21);
    expect(first.logLoss.fitted).toBeLessThan(first.logLoss.default);
    expect(JSON.parse(config()).parameters).toEqual(first.parameters);
    expect(runCli(['config', 'get', 'parameters'], env).stdout).toBe(`${first.parameters.join(' ')}\n`);
    expect(optimizeJson(env)).toEqual(first);
  });

  it('with --dry-run reports the fit but leaves config.json as it was', () => {
    const { env, config } = storeWithLog(toLogText(log));
    const before = config();
    expect(optimizeJson(env, '--dry-run')).toMatchObject({ saved: false });
    expect(config()).toBe(before);
    expect(runCli(['optimize', '--dry-run'], env).stdout).toMatch(
      /log loss[\s\S]*default[\s\S]*fitted[\s\S]*Not saved \(--dry-run\)/,
    );
  });

  it('reschedules every card from its log with the saved weights, and back with `config unset parameters`', () => {
    const ids = ['c0000', 'c0001', 'c0002', 'c0003'];
    const cards = testdir(
      Object.fromEntries(ids.map((id) => [`${id}.md`, cardFile(`Question ${id}`, 'Answer', `id: ${id}`)])),
    );
    const { env } = storeWithLog(toLogText(log));
    const dues = () =>
      (JSON.parse(runCli(['list', '--json', '--cards', cards], env).stdout) as { due: string }[]).map(
        (card) => card.due,
      );
    const withDefaults = dues();
    expect(dues()).toEqual(withDefaults);
    optimizeJson(env);
    const fitted = dues();
    expect(fitted).not.toEqual(withDefaults);
    expect(dues()).toEqual(fitted);
    expect(runCli(['config', 'unset', 'parameters'], env).code).toBe(0);
    expect(dues()).toEqual(withDefaults);
  });

  it('fails with one line, not a stack trace, where the optimiser cannot load', () => {
    const { env, config } = storeWithLog(toLogText(log));
    const before = config();
    // Points the binding's loader at a native module that does not exist, as on a platform without one.
    const result = runCli(['optimize'], { ...env, NAPI_RS_NATIVE_LIBRARY_PATH: path.join(testdir(), 'missing.node') });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: the FSRS optimiser is not available for [\w-]+ in this installation; .*\n$/);
    expect(config()).toBe(before);
  });

  it('is listed read-only by `flashdeck config`', () => {
    const { env } = storeWithLog('');
    expect(runCli(['config'], env).stdout).toMatch(/parameters\s+default\s/);
    const set = runCli(['config', 'set', 'parameters', '1'], env);
    expect(set.code).toBe(2);
    expect(set.stderr).toMatch(/flashdeck optimize/);
    expect(runCli(['config', 'get', 'parameters'], env).stdout).toBe('default\n');
  });

  it('refuses damaged stored weights with a message saying how to fix them', () => {
    const { home, env } = storeWithLog('');
    writeFileSync(path.join(home, 'config.json'), JSON.stringify({ formatVersion: 1, parameters: [1, 2, 'x'] }));
    const result = runCli(['list', '--json', '--cards', testdir({ 'a.md': cardFile('Q', 'A') })], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /parameters in .*config\.json must be a list of 21 FSRS weights.*config unset parameters/,
    );
    expect(runCli(['config', 'unset', 'parameters'], env).code).toBe(0);
  });
});
