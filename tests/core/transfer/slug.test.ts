import { describe, expect, it } from 'vitest';
import { fitName, MAX_NAME_BYTES, slugify } from '../../../src/core/transfer/slug.js';

describe('slugify', () => {
  it.each([
    ['What is backpropagation? How does it work?', 'what-is-backpropagation-how-does-it-work'],
    ['What’s the learning rate?', 'whats-the-learning-rate'],
    ['Qu’est-ce qu’un réseau de neurones ?', 'quest-ce-quun-reseau-de-neurones'],
    ['Straße & Ärger', 'straße-arger'],
    ['日本語とは何ですか', '日本語とは何ですか'],
    ['हिन्दी क्या है', 'हिन्दी-क्या-है'],
    ['  --- ?!  ', ''],
    ['C++ vs. C#', 'c-vs-c'],
  ])('%j → %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('cuts at a word boundary, and cuts a single long word', () => {
    expect(slugify('one two three four', 10)).toBe('one-two');
    expect(slugify('supercalifragilistic', 5)).toBe('super');
    expect(slugify('a '.repeat(100)).length).toBeLessThanOrEqual(60);
  });
});

describe('fitName', () => {
  const bytes = (text: string) => Buffer.byteLength(text);

  it('keeps a name that fits, with its ending', () => {
    expect(fitName('short', '-2.md')).toBe('short-2.md');
    expect(fitName('x'.repeat(252), '.md')).toBe(`${'x'.repeat(252)}.md`);
  });

  it('cuts a long name so that name and ending take at most 255 UTF-8 bytes', () => {
    expect(fitName('x'.repeat(300))).toBe('x'.repeat(MAX_NAME_BYTES));
    expect(fitName('x'.repeat(300), '-2.md')).toBe(`${'x'.repeat(250)}-2.md`);
    // Three bytes a character: 84 of them and `.md` make 255.
    expect(fitName('日本語'.repeat(40), '.md')).toBe(`${'日本語'.repeat(28)}.md`);
    expect(bytes(fitName('日本語'.repeat(40), '-10.md'))).toBeLessThanOrEqual(MAX_NAME_BYTES);
  });

  it('never splits an emoji with its modifiers, or a letter from its accents', () => {
    const thumbs = '👍🏽'; // 8 bytes: 31 fit in 252
    expect(fitName(thumbs.repeat(40), '.md')).toBe(`${thumbs.repeat(31)}.md`);
    const family = '👨‍👩‍👧'; // 18 bytes: 14 fit in 255
    expect(fitName(family.repeat(20))).toBe(family.repeat(14));
    const accented = 'e\u0301'; // 3 bytes
    expect(fitName(accented.repeat(100), '.md')).toBe(`${accented.repeat(84)}.md`);
    expect(fitName('🇯🇵'.repeat(40))).toBe('🇯🇵'.repeat(31)); // a flag is two code points, 8 bytes
  });

  it('drops the dots, spaces and dashes a cut leaves at the end, unless nothing else is left', () => {
    expect(fitName(`${'a'.repeat(254)}-bcd`)).toBe('a'.repeat(254));
    expect(fitName(`${'a'.repeat(253)}. bcd`)).toBe('a'.repeat(253));
    expect(fitName('-'.repeat(300), '-2')).toBe(`${'-'.repeat(253)}-2`);
  });

  it('cuts one character too long for the limit by its code points', () => {
    const zalgo = `Z${'\u0336'.repeat(200)}`; // one grapheme of 401 bytes
    const fitted = fitName(zalgo, '.md');
    expect(fitted).toBe(`Z${'\u0336'.repeat(125)}.md`);
    expect(bytes(fitted)).toBe(254);
  });
});
