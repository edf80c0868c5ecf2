import { describe, expect, it } from 'vitest';
import type { CardDraft } from '../../src/core/card-draft.js';
import { planImport } from '../../src/core/import-plan.js';

const draft = (fields: Partial<CardDraft>): CardDraft => ({ line: 1, question: 'What?', answer: 'A.', difficulty: null, tags: [], deck: '', ...fields });

describe('planImport', () => {
  it('names files after the question inside their deck folder, with ids under the namespace', () => {
    const { files, problems } = planImport([draft({ question: 'What is **Adam**?', deck: 'ml/opt' }), draft({ question: '???', line: 2 })], 'nn');
    expect(problems).toEqual([]);
    expect(files.map(({ path, id, line }) => ({ path, id, line }))).toEqual([
      { path: 'ml/opt/what-is-adam.md', id: 'nn/ml/opt/what-is-adam', line: 1 },
      { path: 'card.md', id: 'nn/card', line: 2 },
    ]);
    expect(files[0]?.text).toBe('---\nid: nn/ml/opt/what-is-adam\n---\n\n# What is **Adam**?\n\nA.\n');
  });

  it('numbers clashing names, ignoring case, and keeps ids the source gave', () => {
    const { files } = planImport([draft({ question: 'Same' }), draft({ question: 'same?', id: 'given' }), draft({ question: 'SAME!' })], '');
    expect(files.map(({ path, id }) => [path, id])).toEqual([['same.md', 'same'], ['same-2.md', 'given'], ['same-3.md', 'same-3']]);
  });

  it('reports a second card with an id already used, and leaves it out', () => {
    const { files, problems } = planImport([draft({ id: 'x', line: 3 }), draft({ id: 'x', question: 'Other', line: 9 })], 'n');
    expect(files.map((file) => file.path)).toEqual(['what.md']);
    expect(problems).toEqual([{ line: 9, message: 'duplicate id "x" (already used by the card on line 3)' }]);
  });
});
