import type { ChalkInstance } from 'chalk';
import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

/** Wraps text at word boundaries by display width (emoji and CJK count two); a word longer than a line is cut. */
export function wrapText(text: string, width: number): string[] {
  return wrapAnsi(text, Math.max(1, width), { hard: true }).split('\n');
}

/** Text wrapped to `width` as `wrapText` does, every line indented by two spaces (within the width). */
export function wrapIndented(text: string, width: number): string[] {
  return wrapText(text, width - 2).map((line) => `  ${line}`);
}

/** Pads `text` to `width` columns by display width, cutting it first if longer (at the end, or in the middle). */
export function fitToWidth(text: string, width: number, position: 'end' | 'middle' = 'end'): string {
  const fitted = cliTruncate(text, width, { position });
  return fitted + ' '.repeat(Math.max(0, width - stringWidth(fitted)));
}

/** Joins `items` with `separator`, starting a new line rather than going past `width`. */
export function joinToWidth(items: readonly string[], width: number, separator = ' · '): string[] {
  const lines: string[] = [];
  for (const item of items) {
    const last = lines.at(-1);
    if (last !== undefined && stringWidth(`${last}${separator}${item}`) <= width)
      lines[lines.length - 1] = `${last}${separator}${item}`;
    else lines.push(item);
  }
  return lines;
}

/** A section title, bold, and a dim note after ` · `; the note goes below, wrapped, when both do not fit `width`. */
export function formatHeading(title: string, note: string, width: number, chalk: ChalkInstance): string[] {
  if (!note) return [chalk.bold(title)];
  if (stringWidth(`${title} · ${note}`) <= width) return [`${chalk.bold(title)}${chalk.dim(` · ${note}`)}`];
  return [chalk.bold(title), ...wrapIndented(note, width).map((line) => chalk.dim(line))];
}
