import { blake3 } from '@noble/hashes/blake3.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { splitHashcardsBlocks } from './hashcards.js';

/**
 * One card as hashcards knows it: the line of its block, the hash its database names it by, and for a cloze card the
 * text its deletion hides (one card per deletion).
 */
export interface HashcardsCard {
  line: number;
  hash: string;
  hidden: string | null;
}

/** A cloze text as hashcards reads it: the text without deletion brackets, and each deletion's first and last byte. */
export interface HashcardsCloze {
  clean: Uint8Array;
  deletions: { start: number; end: number }[];
}

const UTF8 = new TextEncoder();
const TEXT = new TextDecoder();
const OPEN = 0x5b; // [
const CLOSE = 0x5d; // ]
const BANG = 0x21; // !
const BACKSLASH = 0x5c; // \

/** The cards of a hashcards file in order, with the hashes hashcards gives them (src/types/card.rs, CardContent::hash). */
export function hashHashcardsCards(text: string): HashcardsCard[] {
  return splitHashcardsBlocks(text).blocks.flatMap(({ kind, line, question, answer }): HashcardsCard[] => {
    if (kind === 'Q')
      return answer === null ? [] : [{ line, hash: hashBasic(question.join('\n'), answer.join('\n')), hidden: null }];
    const cloze = readHashcardsCloze(question.join('\n'));
    return cloze.deletions.map(({ start, end }) => ({
      line,
      hash: hashCloze(cloze.clean, start, end),
      hidden: TEXT.decode(cloze.clean.subarray(start, end + 1)),
    }));
  });
}

/** hashcards' hash of a basic card: BLAKE3 of "Basic", the trimmed question and the trimmed answer, in hex. */
export function hashBasic(question: string, answer: string): string {
  return hexBlake3([UTF8.encode('Basic'), UTF8.encode(question.trim()), UTF8.encode(answer.trim())]);
}

/** hashcards' hash of one deletion of a cloze text: BLAKE3 of "Cloze", the clean text, then both bytes as 64-bit LE. */
export function hashCloze(clean: Uint8Array, start: number, end: number): string {
  const positions = new DataView(new ArrayBuffer(16));
  // hashcards computes `end` as an unsigned `index - 1`: an empty `[]` first in the text wraps around.
  positions.setBigUint64(0, BigInt.asUintN(64, BigInt(start)), true);
  positions.setBigUint64(8, BigInt.asUintN(64, BigInt(end)), true);
  return hexBlake3([UTF8.encode('Cloze'), clean, new Uint8Array(positions.buffer)]);
}

/**
 * A `C:` block's text read the way hashcards' parser does (src/parser.rs, parse_cloze_cards), byte by byte: `[x]` is
 * a deletion, `![x]` an image and `\[` a bracket, and nothing else (links, code and math are not told apart).
 * Written as two passes, as hashcards does, so the rare text where they disagree gives the same positions.
 */
export function readHashcardsCloze(text: string): HashcardsCloze {
  const bytes = UTF8.encode(text.trim());
  return { clean: cleanClozeText(bytes), deletions: findClozeDeletions(bytes) };
}

function cleanClozeText(bytes: Uint8Array): Uint8Array {
  const clean: number[] = [];
  let image = false;
  let escape = false;
  bytes.forEach((byte, position) => {
    const next = bytes[position + 1];
    if (byte === OPEN) {
      if (image) clean.push(byte);
      if (escape) {
        escape = false;
        clean.push(byte);
      }
    } else if (byte === CLOSE) {
      if (image) {
        image = false;
        clean.push(byte);
      } else if (escape) {
        escape = false;
        clean.push(byte);
      }
    } else if (byte === BANG) {
      if (!image && next === OPEN) image = true;
      clean.push(byte);
    } else if (byte === BACKSLASH) {
      if (!escape) {
        if (next === OPEN || next === CLOSE) escape = true;
        else clean.push(byte);
      }
    } else clean.push(byte);
  });
  return Uint8Array.from(clean);
}

function findClozeDeletions(bytes: Uint8Array): { start: number; end: number }[] {
  const deletions: { start: number; end: number }[] = [];
  let start: number | null = null;
  let index = 0;
  let image = false;
  let escape = false;
  bytes.forEach((byte, position) => {
    const next = bytes[position + 1];
    if (byte === OPEN) {
      if (image) index += 1;
      else if (escape) {
        index += 1;
        escape = false;
      } else start = index;
    } else if (byte === CLOSE) {
      if (image) {
        image = false;
        index += 1;
      } else if (escape) {
        escape = false;
        index += 1;
      } else if (start !== null) {
        deletions.push({ start, end: index - 1 });
        start = null;
      }
    } else if (byte === BANG) {
      if (!image && next === OPEN) image = true;
      index += 1;
    } else if (byte === BACKSLASH) {
      if (!escape) {
        if (next === OPEN || next === CLOSE) escape = true;
        else index += 1;
      }
    } else index += 1;
  });
  return deletions;
}

function hexBlake3(parts: Uint8Array[]): string {
  const hasher = blake3.create();
  for (const part of parts) hasher.update(part);
  return bytesToHex(hasher.digest());
}
