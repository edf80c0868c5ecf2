import { describe, expect, it } from 'vitest';
import { isRowProblem, readCardDraft, type CardDraft } from '../../../src/core/transfer/card-draft.js';
import { checkPlannedFiles } from '../../../src/core/transfer/check-files.js';
import { planImport } from '../../../src/core/transfer/import-plan.js';

function plan(rows: { question: string; answer: string }[]) {
  const drafts = rows.map((raw, index) => readCardDraft(raw, index + 1));
  return planImport(
    drafts.filter((draft): draft is CardDraft => !isRowProblem(draft)),
    'deck',
  ).files;
}

describe('checkPlannedFiles', () => {
  it('keeps the files the card parser reads back, and makes the others bad rows by their line', async () => {
    const files = plan([
      { question: 'Fine?', answer: 'Yes.' },
      { question: 'Too deep', answer: `${'> '.repeat(150)}quote` },
      { question: 'Looks like another tool', answer: 'Q: one\nA: two' },
      { question: 'Cloze', answer: '{{c1::Paris}} is in France' },
    ]);
    const { files: kept, problems } = await checkPlannedFiles(files);
    expect(kept.map((file) => file.path)).toEqual(['fine.md', 'cloze.md']);
    expect(problems).toEqual([
      {
        line: 2,
        message:
          'its card would not load (markdown nested more than 100 levels deep (lists, quotes, indentation): flatten it): fix the row',
      },
      { line: 3, message: "its card would not load (it reads as another tool's notes): fix the row" },
    ]);
  });
});
