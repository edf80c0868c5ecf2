// How the bench measures: whole processes, timed from spawn to exit (or to a text on a pseudo-terminal).
import { spawn as spawnPty } from 'node-pty';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

const SCRIPTS = path.dirname(fileURLToPath(import.meta.url));
/** The built CLI, as users run it. */
export const BIN = path.resolve(SCRIPTS, '../bin/flashdeck.js');

/** The median of `values`. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Runs `node args…` to completion with output thrown away; milliseconds from spawn to exit. */
export function timeNode(args, env) {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return elapsed;
}

/** Runs `node args…` and returns its standard output, failing loudly on a non-zero exit. */
export function runNode(args, env) {
  const result = spawnSync(process.execPath, args, { env, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

/** The peak resident memory (MB) of `node args…`, reported by the process itself as it exits. */
export function measurePeakMemory(args, env, scratch) {
  const file = path.join(scratch, 'maxrss.txt');
  const hook = path.join(SCRIPTS, 'bench-maxrss.mjs');
  timeNode(['--import', `file://${hook}`, ...args], { ...env, BENCH_MAXRSS_FILE: file });
  const kilobytes = Number(readFileSync(file, 'utf8'));
  rmSync(file);
  return kilobytes / 1024;
}

/**
 * Starts `node args…` in a pseudo-terminal and resolves with the milliseconds until `text` is on screen
 * (or, without `text`, until the process exits); a running process is then killed.
 */
export function timePty(args, env, text) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const pty = spawnPty(process.execPath, args, { name: 'xterm-256color', cols: 120, rows: 40, env });
    let screen = '';
    let done = false;
    const finish = (error) => {
      if (done) return;
      done = true;
      const elapsed = performance.now() - start;
      if (text !== undefined) pty.kill();
      if (error) reject(error);
      else resolve(elapsed);
    };
    pty.onData((data) => {
      screen += data;
      if (text !== undefined && stripVTControlCharacters(screen).includes(text)) finish();
    });
    pty.onExit(({ exitCode }) => {
      if (text === undefined && exitCode === 0) finish();
      else
        finish(
          new Error(
            `exited ${exitCode} before ${JSON.stringify(text)} showed; screen:\n${stripVTControlCharacters(screen)}`,
          ),
        );
    });
  });
}

/**
 * Runs `measure` `runs` times, alternating with `baseline` when given so drift hits both alike; medians in ms. The
 * ratio is the median of each run's ratio to the baseline run just before it: on a machine whose speed drifts from
 * one second to the next, a pair measured back to back compares like with like, where two medians may not.
 */
export async function compare(runs, measure, baseline) {
  const times = [];
  const baseTimes = [];
  for (let run = 0; run < runs; run += 1) {
    if (baseline) baseTimes.push(await baseline());
    times.push(await measure());
  }
  const ratio = baseline ? median(times.map((time, run) => time / baseTimes[run])) : null;
  return {
    median: median(times),
    runs: times,
    baseline: baseline ? median(baseTimes) : null,
    baselineRuns: baseTimes,
    ratio,
  };
}
