import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { getKeyName, keyPrompt, typedAnswerPrompt } from '../../../src/io/terminal/key-prompts.js';

/** Whether the prompt is still waiting after the keys sent so far have been handled. */
async function isPending(answer: Promise<unknown>): Promise<boolean> {
  const pending = Symbol('pending');
  return (await Promise.race([answer, new Promise((r) => setTimeout(() => r(pending), 20))])) === pending;
}

const REVEAL = ['space', 'enter', 'u', 'q'];
const RATE = ['1', '2', '3', '4', '5', 'q'];

describe('getKeyName', () => {
  it('names Enter, Space and typed characters', () => {
    expect(getKeyName({ name: 'return', ctrl: false })).toBe('enter');
    expect(getKeyName({ name: 'enter', ctrl: false })).toBe('enter');
    expect(getKeyName({ name: 'space', ctrl: false })).toBe('space');
    expect(getKeyName({ name: '', ctrl: false, sequence: '?' } as never)).toBe('?');
    expect(getKeyName({ name: 'q', ctrl: false, sequence: 'Q' } as never)).toBe('Q');
  });
});

describe('keyPrompt as the reveal prompt', () => {
  it('ignores digits and other letters, answers Space', async () => {
    const { answer, events, getScreen } = await render(keyPrompt, { message: 'Space shows', keys: REVEAL });
    expect(getScreen()).toContain('Space shows');
    events.keypress('3');
    events.keypress('x');
    expect(await isPending(answer)).toBe(true);
    events.keypress('space');
    await expect(answer).resolves.toBe('space');
  });

  it.each(['enter', 'q', 'u'])('answers %s', async (key) => {
    const { answer, events } = await render(keyPrompt, { message: 'm', keys: REVEAL });
    events.keypress(key);
    await expect(answer).resolves.toBe(key);
  });
});

describe('keyPrompt as the rating prompt', () => {
  it('rates at once on a digit 1–5 (no Enter)', async () => {
    const { answer, events, getScreen } = await render(keyPrompt, { message: 'How well?', keys: RATE });
    expect(getScreen()).toContain('How well?');
    for (const key of ['enter', 'space', '0', '6']) events.keypress(key);
    expect(await isPending(answer)).toBe(true);
    expect(getScreen()).toContain('How well?');
    events.keypress('4');
    await expect(answer).resolves.toBe('4');
  });

  it.each(['1', '2', '3', '5', 'q'])('accepts %s', async (key) => {
    const { answer, events } = await render(keyPrompt, { message: 'm', keys: RATE });
    events.keypress(key);
    await expect(answer).resolves.toBe(key);
  });
});

describe('typedAnswerPrompt', () => {
  it('takes several lines and finishes on an empty line', async () => {
    const { answer, events, getScreen } = await render(typedAnswerPrompt, { message: 'Type:' });
    events.type('first line');
    events.keypress('enter');
    events.type('second');
    expect(getScreen()).toContain('> first line');
    events.keypress('enter');
    expect(await isPending(answer)).toBe(true);
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ text: 'first line\nsecond', leftTyping: false });
  });

  it('leaves typing on Esc with what was typed, the unfinished line included', async () => {
    const { answer, events } = await render(typedAnswerPrompt, { message: 'Type:' });
    events.type('first');
    events.keypress('enter');
    events.type('half');
    events.keypress('escape');
    await expect(answer).resolves.toEqual({ text: 'first\nhalf', leftTyping: true });
  });

  it('starts from text typed before', async () => {
    const { answer, events, getScreen } = await render(typedAnswerPrompt, { message: 'Type:', initial: 'kept line' });
    expect(getScreen()).toContain('> kept line');
    events.type('more');
    events.keypress('enter');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ text: 'kept line\nmore', leftTyping: false });
  });

  it('gives an empty answer on Enter straight away', async () => {
    const { answer, events } = await render(typedAnswerPrompt, { message: 'Type:' });
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ text: '', leftTyping: false });
  });
});
