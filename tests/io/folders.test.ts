import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFolders } from '../../src/io/folders.js';
import { testdir } from '../e2e/helpers.js';

describe('makeFolders', () => {
  it('makes a folder and its missing parents, and accepts one already there', () => {
    const root = testdir();
    const deep = path.join(root, 'a', 'b', 'c');
    makeFolders(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    mkdirSync(path.join(root, 'x'));
    expect(() => makeFolders(path.join(root, 'x'))).not.toThrow();
  });

  it('refuses a file in the way of a folder or of a parent', () => {
    const root = testdir({ file: 'text' });
    expect(() => makeFolders(path.join(root, 'file'))).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(() => makeFolders(path.join(root, 'file', 'inner'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });

  it.skipIf(!existsSync('/proc/self'))('throws ENOENT where the system refuses a folder whose parent exists', () => {
    expect(() => makeFolders('/proc/flashdeck-test/inner')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});
