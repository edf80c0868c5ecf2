import { describe, expect, it } from 'vitest';
import type { CardDraft } from '../../../src/core/transfer/card-draft.js';
import { getCardStem, planImport } from '../../../src/core/transfer/import-plan.js';
import { MAX_NAME_BYTES } from '../../../src/core/transfer/slug.js';

const draft = (fields: Partial<CardDraft>): CardDraft => ({
  line: 1,
  question: 'What?',
  answer: 'A.',
  difficulty: null,
  tags: [],
  deck: '',
  reverse: false,
  ...fields,
});

describe('planImport', () => {
  it('names files after the question inside their deck folder, with ids under the namespace', () => {
    const { files, problems } = planImport(
      [draft({ question: 'What is **Adam**?', deck: 'ml/opt' }), draft({ question: '???', line: 2 })],
      'nn',
    );
    expect(problems).toEqual([]);
    expect(files.map(({ path, id, line }) => ({ path, id, line }))).toEqual([
      { path: 'ml/opt/what-is-adam.md', id: 'nn/ml/opt/what-is-adam', line: 1 },
      { path: 'card.md', id: 'nn/card', line: 2 },
    ]);
    expect(files[0]?.text).toBe('---\nid: nn/ml/opt/what-is-adam\n---\n\n# What is **Adam**?\n\nA.\n');
  });

  it('numbers clashing names, ignoring case, and keeps ids the source gave', () => {
    const { files } = planImport(
      [draft({ question: 'Same' }), draft({ question: 'same?', id: 'given' }), draft({ question: 'SAME!' })],
      '',
    );
    expect(files.map(({ path, id }) => [path, id])).toEqual([
      ['same.md', 'same'],
      ['same-2.md', 'given'],
      ['same-3.md', 'same-3'],
    ]);
  });

  it('reports a second card with an id already used, and leaves it out', () => {
    const { files, problems } = planImport(
      [draft({ id: 'x', line: 3 }), draft({ id: 'x', question: 'Other', line: 9 })],
      'n',
    );
    expect(files.map((file) => file.path)).toEqual(['what.md']);
    expect(problems).toEqual([{ line: 9, message: 'duplicate id "x" (already used by the card on line 3)' }]);
  });

  it('cuts deck folder names to the file system limit, keeping different decks in different folders', () => {
    const long = '日本語の単語'.repeat(20); // 360 bytes
    const decks = [`${long}一`, `${long}二`, `${long}一`, `${long}一/${long}`];
    const { files, problems } = planImport(
      decks.map((deck, line) => draft({ deck, line })),
      'ns',
    );
    expect(problems).toEqual([]);
    const cut = '日本語の単語'.repeat(14); // 252 bytes: room for `日`, or for `-2`
    expect(files.map((file) => file.path)).toEqual([
      `${cut}日/what.md`,
      `${cut}-2/what.md`,
      `${cut}日/what-2.md`,
      `${cut}日/${cut}日/what.md`,
    ]);
    expect(files.map((file) => file.id)).toEqual(files.map((file) => `ns/${file.path.slice(0, -3)}`));
    for (const name of files.flatMap((file) => file.path.split('/')))
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
  });

  it('keeps emoji whole in a cut deck name, and gives the same names and ids to the same cards every time', () => {
    const cards = [draft({ deck: '🇯🇵'.repeat(40) }), draft({ deck: '🇯🇵'.repeat(41), line: 2 })];
    const { files } = planImport(cards, 'ns');
    // A flag is two code points, 8 bytes: 31 fit, with or without `-2`.
    expect(files.map((file) => file.id)).toEqual([`ns/${'🇯🇵'.repeat(31)}/what`, `ns/${'🇯🇵'.repeat(31)}-2/what`]);
    for (const { id } of files) expect(id).not.toMatch(/\p{Cs}/u); // no half of an emoji
    expect(planImport(cards, 'ns')).toEqual({ files, problems: [] });
  });

  it('tells decks apart without case, and never gives a folder the name of a card file', () => {
    const { files } = planImport(
      [
        draft({ deck: 'Spanish' }),
        draft({ deck: 'spanish' }),
        draft({ deck: 'Spanish' }),
        draft({ question: 'X' }),
        draft({ deck: 'x.md' }),
      ],
      '',
    );
    expect(files.map((file) => file.path)).toEqual([
      'Spanish/what.md',
      'spanish-2/what.md',
      'Spanish/what-2.md',
      'x.md',
      'x.md-2/what.md',
    ]);
  });
});

describe('getCardStem', () => {
  it('names the file after the question in its deck folder, each name cut to fit with its copy number', () => {
    expect(getCardStem({ deck: 'bio/cells', question: 'What is ATP?', answer: 'A.' })).toBe('bio/cells/what-is-atp');
    expect(getCardStem({ deck: '', question: 'What is ATP?', answer: 'A.' }, 3)).toBe('what-is-atp-3');
    const stem = getCardStem({ deck: `${'ü'.repeat(200)}/b`, question: 'Q', answer: 'A.' }, 2);
    expect(stem).toBe(`${'ü'.repeat(127)}/b/q-2`);
  });

  it('names a cloze note without a question after its text, deletions as plain words', () => {
    expect(getCardStem({ deck: '', question: '', answer: '{{c1::Paris}} is in {{c2::France::country}}.' })).toBe(
      'paris-is-in-france',
    );
  });
});
