import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETERS, parseParameters, roundParameters } from '../../../src/core/schedule/parameters.js';

describe('stored FSRS weights', () => {
  it('accepts 17, 19 or 21 finite numbers, as ts-fsrs does', () => {
    expect(parseParameters([...DEFAULT_PARAMETERS])).toEqual([...DEFAULT_PARAMETERS]);
    expect(parseParameters(DEFAULT_PARAMETERS.slice(0, 19))).toHaveLength(19);
    expect(parseParameters(DEFAULT_PARAMETERS.slice(0, 17))).toHaveLength(17);
  });

  it.each([
    [undefined],
    ['1,2'],
    [[1, 2, 3]],
    [[...DEFAULT_PARAMETERS.slice(0, 20), Number.NaN]],
    [[...DEFAULT_PARAMETERS.slice(0, 20), '1']],
  ])('refuses %j', (value) => {
    expect(parseParameters(value)).toBeNull();
  });

  it('rounds fitted weights to 4 decimals', () => {
    expect(roundParameters([0.21199999749660492, 1.2930999994277954, 0.00005])).toEqual([0.212, 1.2931, 0.0001]);
  });
});
