import { describe, expect, it } from 'vitest';
import { describeBinary, getUtf16Encoding } from '../../../src/core/transfer/binary-file.js';

const bytes = (text: string, ...extra: number[]) => new Uint8Array([...Buffer.from(text, 'latin1'), ...extra]);

describe('describeBinary', () => {
  it('says what a binary file is and what to do, and never asks to save it as UTF-8', () => {
    expect(describeBinary(bytes('SQLite format 3\0', 4, 0))).toMatch(/^an SQLite database .*Notes in Plain Text/);
    expect(describeBinary(bytes('%PDF-1.7\n'))).toMatch(/^a PDF document/);
    expect(describeBinary(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1]))).toMatch(/save the sheet as CSV/);
    expect(describeBinary(bytes('\x89PNG\r\n'))).toMatch(/^an image/);
    expect(describeBinary(bytes('abc', 0, 1, 2))).toMatch(/^a binary file/);
    for (const kind of ['SQLite format 3\0', '%PDF-', 'abc\0'])
      expect(describeBinary(bytes(kind))).not.toMatch(/UTF-8/);
  });

  it('leaves text, UTF-16 text and zip archives (told apart by their name) alone', () => {
    expect(describeBinary(bytes('front,back\n'))).toBeNull();
    expect(describeBinary(new Uint8Array([0xff, 0xfe, 0x61, 0x00]))).toBeNull();
    expect(describeBinary(bytes('PK\x03\x04', 0, 0))).toBeNull();
    expect(getUtf16Encoding(new Uint8Array([0xff, 0xfe, 0x61, 0x00]))).toBe('utf-16le');
    expect(getUtf16Encoding(bytes('ab'))).toBeNull();
  });
});
