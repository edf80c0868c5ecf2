import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { cliEnv, runCli, testdir } from './helpers.js';

// The CLI runs from the bundle; with DEBUG set, bin/flashdeck.js turns on its source maps, so the stack names the
// TypeScript file and line that threw, not a line of dist/bundle/.
it('shows, with DEBUG set, a stack whose frames point at the line in src/ that threw', () => {
  const missing = path.join(testdir(), 'no-such-folder');
  const { code, stderr } = runCli(['list', '--cards', missing], cliEnv(testdir(), { DEBUG: '1' }));
  expect(code).toBe(2);
  expect(stderr).not.toContain('dist/bundle');
  const top = /^ {4}at .*?\(?([^\s()]+\.ts):(\d+):(\d+)\)?$/m.exec(stderr);
  expect(top, stderr).not.toBeNull();
  const [, file = '', line = '0'] = top ?? [];
  expect(path.relative(path.resolve('src'), file)).not.toMatch(/^\.\./);
  expect(readFileSync(file, 'utf8').split('\n')[Number(line) - 1]).toContain('throw');
});

it('shows no stack without DEBUG', () => {
  const missing = path.join(testdir(), 'no-such-folder');
  const env = cliEnv(testdir());
  delete env.DEBUG;
  const { code, stderr } = runCli(['list', '--cards', missing], env);
  expect(code).toBe(2);
  expect(stderr).not.toMatch(/^ {4}at /m);
});
