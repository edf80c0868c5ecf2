/** One field of a protobuf message: its number and its value (a varint as a number, a length-delimited field as bytes). */
export interface ProtoField {
  number: number;
  value: number | Uint8Array;
}

const VARINT = 0;
const FIXED64 = 1;
const LENGTH_DELIMITED = 2;
const FIXED32 = 5;

/**
 * The top-level fields of a protobuf message, in order: enough to read Anki's package metadata, media list and the
 * configs of its note types without their schema. Throws on bytes that are not a message.
 */
export function readProtoFields(bytes: Uint8Array): ProtoField[] {
  const fields: ProtoField[] = [];
  let offset = 0;
  const readVarint = (): number => {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (offset >= bytes.length) throw new RangeError('a protobuf varint runs past the end');
      const byte = bytes[offset++] as number;
      // Multiplication, not shifts: a 64-bit value loses precision but never wraps round to a small one.
      value += (byte & 0x7f) * scale;
      scale *= 128;
      if (byte < 0x80) return value;
    }
  };
  while (offset < bytes.length) {
    const key = readVarint();
    const number = Math.floor(key / 8);
    const wire = key % 8;
    if (wire === VARINT) fields.push({ number, value: readVarint() });
    else if (wire === LENGTH_DELIMITED) {
      const length = readVarint();
      if (offset + length > bytes.length) throw new RangeError('a protobuf field runs past the end');
      fields.push({ number, value: bytes.subarray(offset, offset + length) });
      offset += length;
    } else if (wire === FIXED64 || wire === FIXED32) offset += wire === FIXED64 ? 8 : 4;
    else throw new RangeError(`unknown protobuf wire type ${wire}`);
  }
  if (offset > bytes.length) throw new RangeError('a protobuf field runs past the end');
  return fields;
}

const UTF8 = new TextDecoder();

/** The first varint field `number` of a message, else `fallback` (protobuf's default). */
export function getProtoNumber(fields: readonly ProtoField[], number: number, fallback = 0): number {
  const found = fields.find((field) => field.number === number && typeof field.value === 'number');
  return found ? (found.value as number) : fallback;
}

/** The first string field `number` of a message, else ''. */
export function getProtoString(fields: readonly ProtoField[], number: number): string {
  const found = fields.find((field) => field.number === number && typeof field.value !== 'number');
  return found ? UTF8.decode(found.value as Uint8Array) : '';
}

/** Every length-delimited field `number` (a repeated message), in order. */
export function getProtoMessages(fields: readonly ProtoField[], number: number): Uint8Array[] {
  return fields
    .filter((field) => field.number === number && typeof field.value !== 'number')
    .map((field) => field.value as Uint8Array);
}
