import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { ratePrompt, revealPrompt } from '../../src/io/key-prompts.js';

/** Whether the prompt is still waiting after the keys sent so far have been handled. */
async function isPending(answer: Promise<unknown>): Promise<boolean> {
  const pending = Symbol('pending');
  return (await Promise.race([answer, new Promise((r) => setTimeout(() => r(pending), 20))])) === pending;
}

const confirmations = { 1: 'one', 2: 'two', 3: 'three', 4: 'four', 5: 'five' } as const;

describe('revealPrompt', () => {
  it('ignores digits and letters, reveals on Space', async () => {
    const { answer, events, getScreen } = await render(revealPrompt, { message: 'Space shows' });
    expect(getScreen()).toContain('Space shows');
    events.keypress('3');
    events.keypress('x');
    expect(await isPending(answer)).toBe(true);
    events.keypress('space');
    await expect(answer).resolves.toBe('reveal');
  });

  it('reveals on Enter', async () => {
    const { answer, events } = await render(revealPrompt, { message: 'm' });
    events.keypress('enter');
    await expect(answer).resolves.toBe('reveal');
  });

  it('quits on q', async () => {
    const { answer, events } = await render(revealPrompt, { message: 'm' });
    events.keypress('q');
    await expect(answer).resolves.toBe('quit');
  });
});

describe('ratePrompt', () => {
  it('rates at once on a digit 1–5 (no Enter) and leaves the confirmation on screen', async () => {
    const { answer, events, getScreen } = await render(ratePrompt, { message: 'How well?', confirmations });
    expect(getScreen()).toContain('How well?');
    events.keypress('enter');
    events.keypress('space');
    events.keypress('0');
    events.keypress('6');
    expect(await isPending(answer)).toBe(true);
    expect(getScreen()).toContain('How well?');
    events.keypress('4');
    await expect(answer).resolves.toBe(4);
    expect(getScreen()).toContain('four');
  });

  it.each([1, 2, 3, 5] as const)('accepts %i', async (rating) => {
    const { answer, events } = await render(ratePrompt, { message: 'm', confirmations });
    events.keypress(String(rating));
    await expect(answer).resolves.toBe(rating);
  });

  it('quits on q', async () => {
    const { answer, events } = await render(ratePrompt, { message: 'm', confirmations });
    events.keypress('q');
    await expect(answer).resolves.toBe('quit');
  });
});
