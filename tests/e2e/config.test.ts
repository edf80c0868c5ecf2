import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardFile, cliEnv, runCli, testdir } from './helpers.js';

describe('flashdeck config', () => {
  it('lists, sets, gets and unsets settings in the store’s config.json', () => {
    const home = testdir();
    const env = cliEnv(home);
    expect(runCli(['config'], env).stdout).toMatch(
      /new-per-day\s+20\s[\s\S]*reviews-per-day\s+200\s[\s\S]*retention\s+0\.9\s/,
    );
    expect(runCli(['config', 'set', 'new-per-day', '7'], env)).toMatchObject({ code: 0, stdout: 'new-per-day = 7\n' });
    expect(runCli(['config', 'get', 'new-per-day'], env).stdout).toBe('7\n');
    expect(runCli(['config', 'unset', 'new-per-day'], env).code).toBe(0);
    expect(runCli(['config', 'get', 'new-per-day'], env).stdout).toBe('20\n');
  });

  it.each([
    [['config', 'set', 'colour', 'blue'], /unknown setting "colour"/],
    [['config', 'set', 'retention', '0.5'], /retention must be .*0\.7 to 0\.99/],
    [['config', 'set', 'new-per-day', '-3'], /new-per-day must be/],
    [
      ['config', 'set', 'new-per-day'],
      /^error: the value is missing: `flashdeck config set new-per-day <value>`, where the value is a whole number, 0 or more\.\n$/,
    ],
    [
      ['config', 'get', 'retention', 'extra'],
      /^error: flashdeck config get takes \[name\] only, not also 'extra' \(see `flashdeck config get --help`\)\n$/,
    ],
    [
      ['config', 'frobnicate'],
      /^error: unknown command 'config frobnicate': use one of list, get, set, unset, path\n$/,
    ],
    [['config', 'stet', 'retention', '0.8'], /^error: unknown command 'config stet' \(did you mean config set\?\)\n$/],
  ])('%j is a usage error with one line', (args, message) => {
    const result = runCli(args, cliEnv(testdir()));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('schedules by the retention setting: a lower target gives a later due date', () => {
    const cards = testdir({ 'a.md': cardFile('Q', 'A', 'id: a') });
    const home = testdir();
    const reviewedAt = new Date(Date.now() - 3_600_000).toISOString();
    writeFileSync(
      path.join(home, 'reviews.jsonl'),
      `${JSON.stringify({ card: 'a', rating: 4, at: reviewedAt, seconds: 2 })}\n`,
    );
    const due = () => JSON.parse(runCli(['list', '--json', '--cards', cards], cliEnv(home)).stdout)[0].due as string;
    const strict = due();
    runCli(['config', 'set', 'retention', '0.75'], cliEnv(home));
    expect(Date.parse(due())).toBeGreaterThan(Date.parse(strict));
  });
});
