// CSI (ESC [ or C1 0x9B) with its parameters; OSC/DCS/SOS/PM/APC strings up to BEL or ST; other ESC pairs.
// A string's payload stops at any ESC or C1 byte, so unterminated strings cannot make the scan quadratic.
const ESCAPE_SEQUENCE =
  /(?:\u001B\[|\u009B)[0-?]*[ -/]*[@-~]|(?:\u001B[\]PX^_]|[\u0090\u0098\u009D-\u009F])[^\u0007\u001B\u0080-\u009F]*(?:\u0007|\u001B\\|\u009C)|\u001B[ -/]*[0-~]/g;
// C0 and C1 controls except tab and newline, DEL, and the bidi embeddings, overrides and isolates.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Makes card text safe to print: no escape sequences, no controls but newline and tab, no bidi overrides. */
export function sanitizeTerminalText(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}

/** Tells whether text holds a control that `sanitizeTerminalText` removes (newline and tab are not among them). */
export function hasControlCharacter(text: string): boolean {
  // `search` ignores the pattern's `g` flag and its lastIndex.
  return text.search(CONTROL) !== -1;
}
