import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { findMedia } from '../../../src/core/markdown/media.js';
import { toPlainText } from '../../../src/core/markdown/text.js';
import { renderMarkdown } from '../../../src/render/markdown.js';

const plain = new Chalk({ level: 0 });

describe('pictures and sounds in card markdown', () => {
  it.each([
    ['a markdown picture by its alt text', 'See ![the heart](img/heart.png) here.', 'See [image: the heart] here.'],
    ['a picture without alt text by its file name', '![](pics/aorta%20arch.png)', '[image: aorta arch.png]'],
    ['an HTML picture', 'Map: <img src="maps/france.png" alt="France"> done', 'Map: [image: France] done'],
    ['an HTML picture without alt, alone', '<img src="maps/france.png">', '[image: france.png]'],
    ['an Anki sound', 'Hear it: [sound:bonjour.mp3]', 'Hear it: [sound: bonjour.mp3]'],
    ['a link to an audio file', '[listen](audio/word.ogg) again', '[sound: listen] again'],
    ['an audio tag', '<audio controls src="a/b.wav"></audio>', '[sound: b.wav]'],
    ['an audio tag around its source', '<audio controls><source src="clip.opus"></audio>', '[sound: clip.opus]'],
  ])('names %s where it stands', (_, markdown, shown) => {
    expect(renderMarkdown(markdown, 80, plain)).toBe(shown);
  });

  it('keeps ordinary links, and a link to an audio file that is its own text names the file', () => {
    expect(renderMarkdown('[docs](https://example.com/a)', 80, plain)).toBe('docs (https://example.com/a)');
    expect(renderMarkdown('<https://example.com/x.flac>', 80, plain)).toBe('[sound: x.flac]');
  });

  it('finds each picture and sound of a card once, in order, with its kind, target and name', () => {
    const markdown = [
      '![heart](heart.png) and [sound:beat.mp3]',
      '',
      '- in a list: <img alt="valve" src="valve.jpg">',
      '',
      '| a | b |',
      '| - | - |',
      '| ![](cell.png) | [hear](cell.m4a) |',
      '',
      '![again](heart.png)',
    ].join('\n');
    expect(findMedia(markdown)).toEqual([
      { kind: 'image', target: 'heart.png', label: 'heart' },
      { kind: 'sound', target: 'beat.mp3', label: 'beat.mp3' },
      { kind: 'image', target: 'valve.jpg', label: 'valve' },
      { kind: 'image', target: 'cell.png', label: 'cell.png' },
      { kind: 'sound', target: 'cell.m4a', label: 'hear' },
    ]);
    expect(findMedia('Plain words, no media.')).toEqual([]);
  });

  it('lists questions with their pictures and sounds named', () => {
    expect(toPlainText('Which organ? ![heart](heart.png)')).toBe('Which organ? heart');
    expect(toPlainText('Say it: [sound:word.mp3]')).toBe('Say it: [sound: word.mp3]');
  });
});
