import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardFile, cliEnv, RATE, REVEAL, runCli, startPty, testdir } from './helpers.js';

// Text in angle brackets as the built CLI shows it: what the author wrote is what the learner sees.

const QUESTIONS = ['What is Vec<T>?', 'What does HashMap<K, V> hold?', 'Why List<String>?', 'Is x<y and z>w?'];

function deck(): string {
  return testdir(
    Object.fromEntries(QUESTIONS.map((question, index) => [`card-${index}.md`, cardFile(question, 'An answer.')])),
  );
}

describe('text in angle brackets', () => {
  it('list shows every question whole, in the table and in --json', () => {
    const cards = deck();
    const table = runCli(['list', '--cards', cards], cliEnv(testdir()));
    expect(table.code).toBe(0);
    for (const question of QUESTIONS) expect(table.stdout).toContain(question);
    const json = JSON.parse(runCli(['list', '--json', '--cards', cards], cliEnv(testdir())).stdout) as {
      question: string;
    }[];
    expect(json.map((card) => card.question)).toEqual(QUESTIONS);
  });

  it('import names the card file after the whole question', () => {
    const dir = testdir();
    const csv = path.join(dir, 'cards.csv');
    writeFileSync(csv, 'question,answer\n"What is Vec<T>?",A growable array.\n');
    const out = path.join(dir, 'out');
    expect(runCli(['import', csv, '--out', out], cliEnv(testdir())).code).toBe(0);
    expect(existsSync(path.join(out, 'what-is-vec-t.md'))).toBe(true);
  });

  it('the quiz shows them in the question and the answer, with the tags cards use rendered', async () => {
    const cards = testdir({
      'vec.md': cardFile(
        'What is Vec<T>?',
        'A growable array; HashMap<K, V> maps keys.\n\nWrap it in a &lt;div&gt;, press <kbd>Ctrl</kbd>+<kbd>C</kbd>, drink H<sub>2</sub>O.',
      ),
    });
    const t = startPty(['--cards', cards], cliEnv(testdir()));
    await t.waitFor('What is Vec<T>?');
    await t.waitFor(REVEAL);
    t.pty.write(' ');
    await t.waitFor(RATE);
    expect(t.screen()).toContain('HashMap<K, V> maps keys.');
    expect(t.screen()).toContain('Wrap it in a <div>, press [Ctrl]+[C], drink H₂O.');
    t.pty.write('q');
    expect(await t.exited).toBe(0);
  });
});
