import { chmodSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/core/card/parse.js';
import { cliEnv, runCli, startPty, testdir } from './helpers.js';

// `flashdeck new`, scripted with options and interactive in a real terminal (build first).

async function readCard(root: string, file: string) {
  const parsed = await parseNote(readFileSync(path.join(root, file), 'utf8'), file);
  if ('problem' in parsed) throw new Error(parsed.problem.message);
  return parsed.note;
}

describe('flashdeck new with options', () => {
  it('writes reverse: true with --reverse, so list shows the #reverse card; an empty question with deletions is a cloze note', () => {
    const cards = testdir();
    const env = cliEnv(testdir());
    const reversed = runCli(['new', '--cards', cards, '-q', 'Capital of France?', '-a', 'Paris', '--reverse'], env);
    expect(reversed.stderr).toBe('');
    expect(readFileSync(path.join(cards, 'capital-of-france.md'), 'utf8')).toBe(
      '---\nid: capital-of-france\nreverse: true\n---\n\n# Capital of France?\n\nParis\n',
    );
    const cloze = runCli(['new', '--cards', cards, '-q', '', '-a', '{{c1::Rome}} is in Italy.'], env);
    expect(cloze.stdout).toBe(`Wrote ${cards}/rome-is-in-italy.md (id: rome-is-in-italy)\n`);
    const listed = JSON.parse(runCli(['list', '--json', '--cards', cards], env).stdout) as {
      id: string;
      kind: string;
    }[];
    expect(listed.map(({ id, kind }) => `${id} ${kind}`).sort()).toEqual([
      'capital-of-france basic',
      'capital-of-france#reverse reversed',
      'rome-is-in-italy#c1 cloze',
    ]);
    const empty = runCli(['new', '--cards', cards, '-q', '', '-a', 'No deletion here.'], env);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe('error: cannot write the card: the question is empty.\n');
  });

  it('writes a valid card named after its question, with an id, and asks nothing', async () => {
    const cards = testdir({ 'old.md': '# Old?\n\nYes.\n' });
    const args = [
      'new',
      '--cards',
      cards,
      '--deck',
      'bio',
      '-q',
      'What is ATP? 👶',
      '-a',
      'The cell’s **energy** currency.',
      '-t',
      'cells, energy',
    ];
    const { code, stdout, stderr } = runCli(args, cliEnv(testdir()));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(`Wrote ${cards}/bio/what-is-atp.md (id: bio/what-is-atp)\n`);
    expect(await readCard(cards, 'bio/what-is-atp.md')).toEqual({
      id: 'bio/what-is-atp',
      deck: 'bio',
      path: 'bio/what-is-atp.md',
      difficulty: 'easy',
      tags: ['cells', 'energy'],
      question: 'What is ATP?',
      answer: 'The cell’s **energy** currency.',
      line: 7,
      answerLine: 9,
      reverse: false,
      format: 'flashdeck',
    });
    expect(runCli(['lint', '--cards', cards], cliEnv(testdir())).code).toBe(0);
  });

  it('gives a second card with the same question its own file and id', async () => {
    const cards = testdir();
    const env = { ...cliEnv(testdir()), FLASHDECK_CARDS: cards };
    const runs = [0, 1].map((i) => runCli(['new', '-q', 'Same?', '-a', `Answer ${i}`, '-d', 'hard'], env));
    expect(runs.map((run) => run.code)).toEqual([0, 0]);
    expect(runs[0]?.stderr).toBe('');
    expect(runs[1]?.stderr).toBe('warning: same.md already asks this question; writing another card anyway.\n');
    expect(readdirSync(cards).sort()).toEqual(['same-2.md', 'same.md']);
    expect(await readCard(cards, 'same-2.md')).toMatchObject({ id: 'same-2', answer: 'Answer 1', difficulty: 'hard' });
  });

  it.each([
    [
      ['new', '--cards', '.', '-q', 'Only a question'],
      'error: flashdeck new asks its questions in a terminal; in scripts pass --question and --answer (and --difficulty, --tag, --deck).',
    ],
    [
      ['new', '-q', 'Q?', '-a', 'A.'],
      'error: name the cards folder to add the card to: pass --cards <dir> or set FLASHDECK_CARDS.',
    ],
    [
      ['new', '--cards', '.', '-q', 'Q?', '-a', 'A.', '-d', 'tricky'],
      'error: cannot write the card: unknown difficulty "tricky": use 👶/easy, ⭐️/medium or 🚀/hard.',
    ],
    [['new', '--cards', 'missing-folder', '-q', 'Q?', '-a', 'A.'], 'error: cards folder not found:'],
  ])('%j exits 2 with one message and writes nothing', (args, message) => {
    const cwd = testdir();
    const { code, stderr } = runCli(
      args.map((arg) => (arg === '.' ? cwd : arg === 'missing-folder' ? path.join(cwd, 'missing') : arg)),
      cliEnv(testdir()),
    );
    expect(code).toBe(2);
    expect(stderr.startsWith(message)).toBe(true);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('flashdeck new in a terminal', () => {
  it('asks for the question, the answer in $EDITOR, the difficulty, tags and deck, then writes the card', async () => {
    const cards = testdir();
    const tools = testdir({
      'editor.sh': '#!/bin/sh\nprintf "A **pseudo-terminal**:\\n\\n- master\\n- slave\\n" > "$1"\n',
    });
    chmodSync(path.join(tools, 'editor.sh'), 0o755);
    const env = cliEnv(testdir(), { EDITOR: path.join(tools, 'editor.sh'), VISUAL: '' });
    const t = startPty(['new', '--cards', cards], env);
    await t.waitFor('Question:');
    t.pty.write('What is a pty? 🚀\r');
    await t.waitFor('Answer (markdown)');
    t.pty.write('\r');
    await t.waitFor('Difficulty:');
    // The level in the question is not chosen again here: "none" keeps it.
    t.pty.write('\r');
    await t.waitFor('Tags');
    t.pty.write('terminals, testing\r');
    await t.waitFor('Deck folder');
    t.pty.write('io/tty\r');
    expect(await t.exited).toBe(0);
    expect(t.screen()).toContain(`Wrote ${cards}/io/tty/what-is-a-pty.md (id: io/tty/what-is-a-pty)`);
    expect(await readCard(cards, 'io/tty/what-is-a-pty.md')).toMatchObject({
      id: 'io/tty/what-is-a-pty',
      difficulty: 'hard',
      tags: ['terminals', 'testing'],
      question: 'What is a pty?',
      answer: 'A **pseudo-terminal**:\n\n- master\n- slave',
    });
  });

  it('asks only for what the options leave out, and Ctrl+C writes nothing', async () => {
    const cards = testdir();
    const t = startPty(
      ['new', '--cards', cards, '-a', 'Given.', '-d', 'easy', '-t', 'x', '--deck', 'd'],
      cliEnv(testdir()),
    );
    await t.waitFor('Question:');
    t.pty.write('\u0003');
    expect(await t.exited).toBe(130);
    expect(t.screen()).not.toContain('Difficulty:');
    expect(readdirSync(cards)).toEqual([]);
  });
});
