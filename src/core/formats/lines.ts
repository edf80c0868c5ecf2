/** The lines of a file, without a byte order mark or the `\r` of CRLF endings. */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/);
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** For each line, whether it belongs to a fenced code block (fence lines included), where markers mean nothing. */
export function findCodeLines(lines: readonly string[]): boolean[] {
  let open: string | null = null;
  return lines.map((line) => {
    const fence = FENCE.exec(line)?.[1];
    if (open === null) {
      if (fence !== undefined) open = fence;
      return fence !== undefined;
    }
    // A fence closes on a bare run of the same character at least as long as the one that opened it.
    if (fence !== undefined && fence[0] === open[0] && fence.length >= open.length && line.trim() === fence)
      open = null;
    return true;
  });
}
