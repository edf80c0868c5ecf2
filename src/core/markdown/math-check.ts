/** A formula's delimiters that do not pair, found in a card file's text. */
export interface MathDelimiterProblem {
  /** 1-based line of the delimiter. */
  line: number;
  message: string;
}

// `\\` first, so the line break in `a \\[2pt] b` is not read as `\[`.
const DELIMITER = /\\\\|\$\$|\\\(|\\\)|\\\[|\\\]/g;
const CLOSERS: Record<string, string> = { $$: '$$', '\\(': '\\)', '\\[': '\\]' };
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Display and inline formulas left open (`$$`, `\(`, `\[` with no partner before the paragraph ends) or closed without
 * being opened. Code blocks and code spans are skipped; single `$` is not checked, since a price is not a formula.
 */
export function findUnbalancedMath(text: string): MathDelimiterProblem[] {
  const problems: MathDelimiterProblem[] = [];
  let open: { delimiter: string; line: number } | null = null;
  let fence: string | null = null;
  const closeParagraph = () => {
    if (open) problems.push({ line: open.line, message: `${open.delimiter} opens a formula that is never closed` });
    open = null;
  };
  text.split('\n').forEach((line, index) => {
    const fenceMark = FENCE.exec(line)?.[1];
    if (fence !== null) {
      if (fenceMark?.startsWith(fence)) fence = null;
      return;
    }
    if (fenceMark) {
      fence = fenceMark;
      return;
    }
    if (line.trim() === '') {
      closeParagraph();
      return;
    }
    for (const [delimiter] of line.replace(/(`+)[^`]*?\1/g, (code) => ' '.repeat(code.length)).matchAll(DELIMITER)) {
      if (delimiter === '\\\\') continue;
      if (open) {
        if (delimiter === CLOSERS[open.delimiter]) open = null;
      } else if (CLOSERS[delimiter]) open = { delimiter, line: index + 1 };
      else problems.push({ line: index + 1, message: `${delimiter} closes a formula that was never opened` });
    }
  });
  closeParagraph();
  return problems;
}
