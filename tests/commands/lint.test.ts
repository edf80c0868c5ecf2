import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runLint } from '../../src/commands/lint.js';
import type { Output } from '../../src/deps.js';

const BUNDLED_CARDS = fileURLToPath(new URL('../../cards', import.meta.url));
let root: string | undefined;

function captureOutput() {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out: Output = { print: (text) => stdout.push(text), warn: (text) => stderr.push(text) };
  return { out, stdout, stderr };
}

afterEach(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
  root = undefined;
});

describe('runLint', () => {
  it('prints every problem as path:line: message and returns 1', async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'flashdeck-lint-'));
    fs.mkdirSync(path.join(root, 'deck'));
    fs.writeFileSync(path.join(root, 'deck', 'good.md'), '# Good question\n\nGood answer.\n');
    fs.writeFileSync(path.join(root, 'deck', 'no-answer.md'), '---\nid: x\n---\n\n# Lonely question\n');
    fs.writeFileSync(path.join(root, 'evil.md'), '---js\n{ id: "x" }\n---\n# Q\n\nA\n');
    const { out, stdout, stderr } = captureOutput();

    expect(await runLint({ cardsRoot: root }, { out })).toBe(1);
    expect(stdout).toEqual([
      'deck/no-answer.md:5: empty answer: write the answer below the question',
      'evil.md:1: frontmatter must be YAML (found "---js"); remove the language tag',
    ]);
    expect(stderr).toEqual(['2 problems in 3 card files']);
  });

  it('reports misspelt frontmatter fields as problems, each file counted once', async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'flashdeck-lint-'));
    fs.writeFileSync(path.join(root, 'typo.md'), '---\ntag: [a]\ndificulty: hard\naliases: [b]\n---\n# Q\n\nA\n');
    fs.writeFileSync(path.join(root, 'good.md'), '---\ntags: [a]\n---\n# Q2\n\nA\n');
    const { out, stdout, stderr } = captureOutput();

    expect(await runLint({ cardsRoot: root }, { out })).toBe(1);
    expect(stdout).toEqual([
      'typo.md:2: unknown field "tag" (did you mean "tags"?)',
      'typo.md:3: unknown field "dificulty" (did you mean "difficulty"?)',
    ]);
    expect(stderr).toEqual(['2 problems in 2 card files']);
  });

  it('returns 0 on the bundled deck', async () => {
    const { out, stdout, stderr } = captureOutput();
    expect(await runLint({ cardsRoot: BUNDLED_CARDS }, { out })).toBe(0);
    expect(stdout).toEqual([]);
    expect(stderr).toEqual(['all 11 cards valid']);
  });
});
