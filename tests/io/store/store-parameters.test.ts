import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../../src/core/errors.js';
import { DEFAULT_PARAMETERS } from '../../../src/core/schedule/parameters.js';
import { openStore, STORE_FORMAT_VERSION } from '../../../src/io/store/store.js';
import { testdir } from '../../e2e/helpers.js';

describe('fitted FSRS weights in the store', () => {
  it('are absent until saved, kept in config.json beside the settings, and dropped by unset', () => {
    const store = openStore(testdir());
    expect(store.getParameters()).toBeUndefined();
    const fitted = DEFAULT_PARAMETERS.map((weight) => weight + 0.01);
    store.setParameters(fitted);
    expect(openStore(store.dir).getParameters()).toEqual(fitted);
    expect(JSON.parse(fs.readFileSync(store.configPath, 'utf8'))).toMatchObject({
      formatVersion: STORE_FORMAT_VERSION,
      parameters: fitted,
    });
    expect(store.getSettings().retention).toBe(0.9);
    store.setParameters(undefined);
    expect(store.getParameters()).toBeUndefined();
    expect(JSON.parse(fs.readFileSync(store.configPath, 'utf8'))).not.toHaveProperty('parameters');
  });

  it.each([[[1, 2, 3]], ['0.2,1.3'], [[...DEFAULT_PARAMETERS.slice(0, 20), null]]])(
    'refuses damaged weights %j with a way out',
    (stored) => {
      const home = testdir();
      fs.writeFileSync(path.join(home, 'config.json'), JSON.stringify({ formatVersion: 1, parameters: stored }));
      const store = openStore(home);
      expect(() => store.getParameters()).toThrow(StoreError);
      expect(() => store.getParameters()).toThrow(/flashdeck config unset parameters/);
    },
  );
});
