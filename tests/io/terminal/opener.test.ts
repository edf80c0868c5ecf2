import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openMedia } from '../../../src/io/terminal/opener.js';
import { testdir } from '../../e2e/helpers.js';

/** A program that writes its arguments, one a line, to `out`. */
function recordingProgram(dir: string, name: string, out: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > "${out}"\n`);
  chmodSync(file, 0o755);
  return file;
}

async function waitForFile(file: string): Promise<string> {
  for (const end = Date.now() + 5000; Date.now() < end; await new Promise((r) => setTimeout(r, 20)))
    if (existsSync(file) && readFileSync(file, 'utf8').endsWith('\n')) return readFileSync(file, 'utf8');
  throw new Error(`${file} was never written`);
}

describe.skipIf(process.platform === 'win32')('openMedia', () => {
  it('runs $FLASHDECK_OPEN with the path as one argument, spaces and quotes included, without waiting', async () => {
    const dir = testdir();
    const out = path.join(dir, 'opened.txt');
    const opener = recordingProgram(dir, 'open-it', out);
    const target = path.join(dir, `it's a "heart".png`);
    const started = Date.now();
    expect(openMedia(target, 'image', { PATH: process.env.PATH, FLASHDECK_OPEN: opener })).toBeNull();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await waitForFile(out)).toBe(`${target}\n`);
  });

  it('plays a sound with a player found on PATH, quiet and windowless', async () => {
    const dir = testdir();
    const out = path.join(dir, 'played.txt');
    recordingProgram(dir, 'mpv', out);
    expect(openMedia('/cards/bonjour.mp3', 'sound', { PATH: dir })).toBeNull();
    expect(await waitForFile(out)).toBe('--no-video\n--really-quiet\n/cards/bonjour.mp3\n');
  });

  it("opens a picture with the system's opener found on PATH", async () => {
    const dir = testdir();
    const out = path.join(dir, 'opened.txt');
    recordingProgram(dir, process.platform === 'darwin' ? 'open' : 'xdg-open', out);
    expect(openMedia('/cards/heart.png', 'image', { PATH: dir })).toBeNull();
    expect(await waitForFile(out)).toBe('/cards/heart.png\n');
  });

  it('says what to do when there is nothing to open it with', () => {
    expect(openMedia('/cards/heart.png', 'image', { PATH: testdir() })).toMatch(/set FLASHDECK_OPEN/);
  });
});
