import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectImageOutput, fitImage, formatInlineImage, readPngSize } from '../../src/render/terminal-image.js';

const png = readFileSync('tests/fixtures/media/gradient.png');
const base64 = png.toString('base64');

describe('detectImageOutput', () => {
  it.each<[string, NodeJS.ProcessEnv, ReturnType<typeof detectImageOutput>]>([
    ['kitty by its TERM', { TERM: 'xterm-kitty' }, { protocol: 'kitty', multiplexed: false }],
    [
      'kitty by its window id',
      { TERM: 'xterm-256color', KITTY_WINDOW_ID: '1' },
      { protocol: 'kitty', multiplexed: false },
    ],
    ['ghostty', { TERM: 'xterm-ghostty' }, { protocol: 'kitty', multiplexed: false }],
    ['iTerm2', { TERM: 'xterm-256color', TERM_PROGRAM: 'iTerm.app' }, { protocol: 'iterm', multiplexed: false }],
    ['WezTerm', { TERM: 'xterm-256color', TERM_PROGRAM: 'WezTerm' }, { protocol: 'iterm', multiplexed: false }],
    ['an unknown terminal', { TERM: 'xterm-256color' }, null],
    ['the Linux console', { TERM: 'linux' }, null],
    ['kitty inside tmux', { TERM: 'tmux-256color', TMUX: '/tmp/tmux-1/default,1,0', KITTY_WINDOW_ID: '1' }, null],
    ['iTerm2 inside screen', { TERM: 'screen', STY: '1.pts', LC_TERMINAL: 'iTerm2' }, null],
  ])('%s with the setting auto', (_, env, expected) => {
    expect(detectImageOutput(env, 'auto')).toEqual(expected);
  });

  it('draws inside tmux only when told to (its passthrough cannot be seen), and never with off', () => {
    const env = { TERM: 'tmux-256color', TMUX: '/tmp/tmux-1/default,1,0', KITTY_WINDOW_ID: '1' };
    expect(detectImageOutput(env, 'on')).toEqual({ protocol: 'kitty', multiplexed: true });
    expect(detectImageOutput({ TERM: 'xterm-kitty' }, 'off')).toBeNull();
  });
});

describe('picture sizes', () => {
  it('reads a PNG size from its header, and nothing from other bytes', () => {
    expect(readPngSize(png)).toEqual({ width: 32, height: 16 });
    expect(readPngSize(Buffer.from('GIF89a....................'))).toBeUndefined();
    expect(readPngSize(png.subarray(0, 20))).toBeUndefined();
  });

  it('keeps a small picture at its size and shrinks a large one into the box, keeping its proportions', () => {
    expect(fitImage({ width: 32, height: 16 }, { cols: 60, rows: 12 })).toEqual({ cols: 4, rows: 1 });
    expect(fitImage({ width: 1600, height: 800 }, { cols: 60, rows: 12 })).toEqual({ cols: 48, rows: 12 });
    expect(fitImage({ width: 4000, height: 1000 }, { cols: 60, rows: 12 })).toEqual({ cols: 60, rows: 8 });
    expect(fitImage(undefined, { cols: 60, rows: 12 })).toEqual({ cols: 40, rows: 10 });
  });
});

describe('formatInlineImage: the bytes each terminal receives', () => {
  const box = { cols: 4, rows: 1 };

  it('kitty: one graphics command with the PNG, shown at once, no reply asked', () => {
    expect(formatInlineImage({ protocol: 'kitty', multiplexed: false }, png, 'gradient.png', box)).toBe(
      `\u001b_Ga=T,f=100,q=2,c=4,r=1,m=0;${base64}\u001b\\`,
    );
  });

  it('kitty: a large picture in chunks of 4096 characters, each but the last marked m=1', () => {
    const large = Buffer.concat([png, Buffer.alloc(6000, 7)]);
    const payload = large.toString('base64');
    const sequence = formatInlineImage({ protocol: 'kitty', multiplexed: false }, large, 'x.png', box) ?? '';
    expect(sequence).toBe(
      `\u001b_Ga=T,f=100,q=2,c=4,r=1,m=1;${payload.slice(0, 4096)}\u001b\\` +
        `\u001b_Gm=1;${payload.slice(4096, 8192)}\u001b\\` +
        `\u001b_Gm=0;${payload.slice(8192)}\u001b\\`,
    );
  });

  it('kitty: a picture that is not a PNG is not sent', () => {
    expect(formatInlineImage({ protocol: 'kitty', multiplexed: false }, Buffer.from('GIF89a'), 'a.gif', box)).toBe(
      undefined,
    );
  });

  it('iTerm2: one OSC 1337 File sequence with the name, the size and the cells', () => {
    const name = Buffer.from('gradient.png').toString('base64');
    expect(formatInlineImage({ protocol: 'iterm', multiplexed: false }, png, 'gradient.png', box)).toBe(
      `\u001b]1337;File=name=${name};size=913;width=4;height=1;preserveAspectRatio=1;inline=1:${base64}\u0007`,
    );
  });

  it('inside tmux: each sequence wrapped for passthrough, its escapes doubled', () => {
    expect(formatInlineImage({ protocol: 'kitty', multiplexed: true }, png, 'gradient.png', box)).toBe(
      `\u001bPtmux;\u001b\u001b_Ga=T,f=100,q=2,c=4,r=1,m=0;${base64}\u001b\u001b\\\u001b\\`,
    );
  });
});
