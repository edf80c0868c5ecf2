import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hashHashcardsCards, readHashcardsCloze } from '../../../src/core/formats/hashcards-hash.js';

const fixture = (name: string) => readFileSync(`tests/fixtures/collections/hashcards/${name}`, 'utf8');

// Every hash below was printed by hashcards' own code (eudoxia0/hashcards at a23b7e2: src/parser.rs's Parser and
// src/types/card.rs's CardContent::hash, built against the blake3 crate) reading the same text.
describe('hashHashcardsCards', () => {
  it("gives the cards of hashcards' example deck the hashes hashcards gives them", () => {
    expect(hashHashcardsCards(fixture('eudoxia0-hashcards-Math.md'))).toEqual([
      { line: 1, hidden: null, hash: '9b40f82e5ef7470e0ded383b0e96712e3c02f705a9c909630b43c9beb5cf45cc' },
      { line: 4, hidden: null, hash: 'cf726e4e468a738806cd0ab93eb01362ed6abde7d4087fbae96c8e547c73b46a' },
      { line: 12, hidden: null, hash: '20110b302667c2f572c1525d251adfe85efbc39e5a554c9ce45554defc088e1d' },
      { line: 25, hidden: null, hash: 'bed2fce8d9a898311c5d7cb99b2e809107da0119f50efc8905c0fed26bc9cf89' },
      { line: 28, hidden: '$\\alpha$', hash: '49de85e192bfdfde002c5803af441c56b38e9be915b2aefba1c9230539e787c3' },
      { line: 32, hidden: 'F', hash: 'bed1da17d144a1fb819e86198ebc442eff53137330587eb72f93a66bebbd8db8' },
      { line: 32, hidden: 'T', hash: 'b83c5e881af62b47ad42ffe3b955d24474b82136fbdcf4cbca02bfd640bd10d3' },
      { line: 32, hidden: 'T', hash: '4f73205698b9fb1b67ec9a811979021ea659bb62943949c638a5721bbabf611d' },
      { line: 32, hidden: 'T', hash: '4d21096814f8661926aadd1e99f463baca41bd0ed4d8f57ba2418538266b1f94' },
    ]);
  });

  it('hashes basic cards by their trimmed question and answer, so a card written twice has one hash', () => {
    const vim = hashHashcardsCards(fixture('zchrysaylor-hashcards-decks-vim.md')).map((card) => card.hash);
    expect(vim.slice(0, 2)).toEqual([
      '38ab4136d9dce7b7f1029fa2942cc37b8fb45cf725147d54fdfbe2201accf106',
      '901f9bd305ae2f288b8895860fc33bec201d1c3ae7b35d5e38e8d1f1145c5f2f',
    ]);
    expect(vim.at(-1)).toBe('8c7c4c1807f4d942303772f693570a75fd182b711716080cda9a9a4ec3f9fb93');
    const twice = hashHashcardsCards(fixture('zchrysaylor-hashcards-decks-behavior.md'));
    expect(twice.map((card) => card.hash)).toEqual([
      '0ec02163df68557b80a81010a41a2fcbc910a2efef834b7fe2180e9e1ce28357',
      '0ec02163df68557b80a81010a41a2fcbc910a2efef834b7fe2180e9e1ce28357',
    ]);
  });

  it('counts cloze positions in bytes of the text without brackets, images and escapes as hashcards does', () => {
    const text = [
      'C: Foo [bar] ![](image.jpg) [quux].',
      '',
      'C:',
      'Build something people want in Lisp.',
      '',
      '— [Paul Graham], [_Hackers and Painters_]',
      '',
      '---',
      'C: \\[markdown\\] [`\\[cloze\\]`]',
      '',
      'Q: What is Rust?',
      'A: A systems programming language.',
    ].join('\r\n');
    expect(hashHashcardsCards(text)).toEqual([
      { line: 1, hidden: 'bar', hash: '20b62327b94d6b5665549523ff2d49180ba42a6426a27a1571747ce2d5005c6b' },
      { line: 1, hidden: 'quux', hash: 'e0752f7b29205ab72607df7fcec360a8d9d72da70451740fff3ddfc980d0f225' },
      { line: 3, hidden: 'Paul Graham', hash: 'ab14197e8520489a391f29a14d35fce15a2df1263ce5ad09c8ad88c33dcef83a' },
      {
        line: 3,
        hidden: '_Hackers and Painters_',
        hash: '238b94f1650735831edafdd9ab7c07299bd6b279d740243994786b7d0c083af4',
      },
      { line: 9, hidden: '`[cloze]`', hash: 'cbfe8f15d8698c3783856075cddddaa6da60b1e320277088b1bf4ab7a1a7502b' },
      { line: 11, hidden: null, hash: 'd2f43b1bdbe175ca49a1093185df830cf0a1bd9902dac3758a564588e4522ccb' },
    ]);
  });

  it('gives a Q: without an A: no card', () => {
    expect(hashHashcardsCards('Q: a question alone\n')).toEqual([]);
  });
});

describe('readHashcardsCloze', () => {
  // The cases of hashcards' parser tests (src/parser.rs), with the clean text and positions they assert.
  it.each([
    [
      'Foo [bar] baz [quux].',
      'Foo bar baz quux.',
      [
        [4, 6],
        [12, 15],
      ],
    ],
    [
      'Foo [bar] ![](image.jpg) [quux].',
      'Foo bar ![](image.jpg) quux.',
      [
        [4, 6],
        [23, 26],
      ],
    ],
    ['Key: [`\\[`]', 'Key: `[`', [[5, 7]]],
    ['\\[markdown\\] [`\\[cloze\\]`]', '[markdown] `[cloze]`', [[11, 19]]],
    [
      '[foo]\n[bar]\nbaz.',
      'foo\nbar\nbaz.',
      [
        [0, 2],
        [4, 6],
      ],
    ],
    ["The notation [$n!$] means 'n factorial'.", "The notation $n!$ means 'n factorial'.", [[13, 16]]],
    [
      '\nBuild something people want in Lisp.\n\n— [Paul Graham], [_Hackers and Painters_]\n\n',
      'Build something people want in Lisp.\n\n— Paul Graham, _Hackers and Painters_',
      [
        [42, 52],
        [55, 76],
      ],
    ],
  ])('reads %j', (text, clean, positions) => {
    const cloze = readHashcardsCloze(text);
    expect(new TextDecoder().decode(cloze.clean)).toBe(clean);
    expect(cloze.deletions.map(({ start, end }) => [start, end])).toEqual(positions);
  });
});
