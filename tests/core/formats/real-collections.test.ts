import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findClozeDeletions } from '../../../src/core/card/cloze.js';
import { readHashcards } from '../../../src/core/formats/hashcards.js';
import { readMdanki, recognizeMdanki } from '../../../src/core/formats/mdanki.js';
import { readObsidian } from '../../../src/core/formats/obsidian.js';

// Cases found by reading whole public collections (tests/fixtures/collections/SOURCES.md, section 7): each excerpt
// reads as its tool reads it. They sit apart from the format folders, whose card counts the e2e tests assert.
const fixture = (path: string) => readFileSync(`tests/fixtures/collections/measured/${path}`, 'utf8');
const hidden = (text: string) => findClozeDeletions(text).deletions.map((deletion) => deletion.text);

describe('hashcards: brackets around deletions, as in E[[a] - [b]]', () => {
  it('hides only the innermost brackets and shows the outer ones not, as hashcards does', () => {
    const reading = readHashcards(fixture('hashcards/1998x-stack-interview_hashcards-REINFORCE.md'));
    expect(reading.problems).toEqual([]);
    const clozes = reading.notes.filter((note) => note.question === '');
    expect(reading.notes.length - clozes.length).toBe(6);
    expect(clozes.map((note) => hidden(note.answer))).toEqual([['G_t', 'b(s_t)'], ['平均策略'], ['A_t']]);
    expect(clozes[0]?.answer).toBe('引入 baseline 后的梯度公式：∇_θ J = E∇_θ log π · ({{c1::G_t}} - {{c2::b(s_t)}})');
  });
});

describe('Obsidian: what a highlight may hold', () => {
  it('reads a highlight of inline code as one deletion', () => {
    const [cloze] = readObsidian(fixture('obsidian-sr/LavoniDK-Datalogi-AU-Flashcards-objects-and-classes.md')).notes;
    expect(cloze?.answer).toBe(
      '{{c1::Object}} construction in MiniScala uses the {{c2::`new`}} keyword and dot syntax for {{c3::field access}}.',
    );
    expect(cloze?.schedules).toHaveLength(3);
  });

  it('reads a highlight holding "a = b" as one deletion, so each of the three schedules has its card', () => {
    const reading = readObsidian(fixture('obsidian-sr/LavoniDK-Datalogi-AU-Flashcards-discrete-math-relations.md'));
    const cloze = reading.notes.find((note) => note.question === '');
    expect(hidden(cloze?.answer ?? '')).toHaveLength(3);
    expect(hidden(cloze?.answer ?? '')[2]).toContain('implies $a = b$');
    expect(cloze?.schedules).toHaveLength(3);
  });
});

describe('mdanki: real decks', () => {
  it('takes a line of ```inline code``` for code in a line, not for a fence that swallows the next sections', () => {
    const reading = readMdanki(fixture('mdanki/mohanmca-MohanLearningGround-postgresql.md'));
    expect(reading.notes.map((note) => [note.line, note.question])).toEqual([
      [1, 'How to list all the scheama?'],
      [5, 'How to show each record in columnar multi-row format?'],
      [11, 'From CLI'],
    ]);
    expect(reading.notes[0]?.answer).toBe(
      '```select * from information_schema.schemata;```\n```SELECT datname FROM pg_database WHERE datistemplate = false;```',
    );
  });

  it('reads a deck that opens with a ### heading before its ## sections, that part a card as mdanki makes it', () => {
    const text = fixture('mdanki/mohanmca-MohanLearningGround-shell.md');
    expect(recognizeMdanki(text)).toBe(true);
    const reading = readMdanki(text);
    expect(reading.notes.map((note) => [note.line, note.question])).toEqual([
      [1, 'If you have access to SSH, can you connect to remote machine to another port from localhost?'],
      [6, 'Kill All Java'],
      [12, 'Find docker.service log from systemd journal'],
      [17, 'How to recursively grep for multiple words in specific extension file'],
    ]);
    expect(reading.notes[0]?.answer).toMatch(/^1\. Yes, Use SSL tunnelling\n/);
  });

  it('still takes a ### heading alone, with no ## section, for no mdanki deck', () => {
    expect(recognizeMdanki('### Notes\n\nSome text.\n\n### More\n')).toBe(false);
  });
});
