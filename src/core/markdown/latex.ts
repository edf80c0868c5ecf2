import { LATEX_ACCENTS, LATEX_NEGATIONS, LATEX_SIZES, LATEX_SYMBOLS } from './latex-symbols.js';
import { formatFraction, isAlphabet, isSimple, toAlphabet } from './latex-alphabets.js';
import { MAX_NESTING } from './nesting.js';
import { toSubscript, toSuperscript } from './scripts.js';

// Spaces are kept as written (TeX eats every space after a command word, which would make `\alpha + b` read
// `α+ b`), but for the one between an operator that binds to its operand and that operand (`\partial L` → ∂L).
const TOKEN = /\\([A-Za-z]+)|\\([\s\S])|(\s+)|([\s\S])/gu;
const BINDS_TO_OPERAND = new Set(['partial', 'nabla', 'neg', 'lnot']);

type Token = { kind: 'command'; name: string } | { kind: 'space' } | { kind: 'char'; char: string };

/** Raised for anything the table does not cover: the whole formula is then shown as written. */
class Unconvertible extends Error {}

/** Commands that only change how TeX sets the formula: left out. */
const IGNORED = new Set(['displaystyle', 'textstyle', 'scriptstyle', 'limits', 'nolimits', 'nonumber', 'notag']);
/** Commands whose argument is text, shown as written. */
const TEXT_COMMANDS = new Set(['text', 'textrm', 'textit', 'textbf', 'textsf', 'texttt', 'mbox', 'emph', 'textup']);
/** Commands whose argument is math in an upright or other plain font, shown as its letters. */
const PLAIN_FONTS = new Set(['mathrm', 'mathit', 'mathsf', 'mathtt', 'operatorname', 'mathnormal']);
/** Environments that only align or number lines: their rows become lines. */
const LINE_ENVIRONMENTS = new Set(
  ['aligned', 'align', 'gathered', 'gather', 'split', 'equation', 'eqnarray', 'multline', 'alignat'].flatMap((name) => [
    name,
    `${name}*`,
  ]),
);

/**
 * LaTeX math as Unicode text (`\alpha^2 \le \frac{1}{2}` → `α² ≤ ½`): lines split at `\\` and at the rows of aligned
 * environments. Undefined when any part of it has no Unicode form, so a formula is never shown half-translated.
 */
export function convertLatex(tex: string): string | undefined {
  const tokens: Token[] = [];
  for (const [, word, symbol, space, char] of tex.matchAll(TOKEN)) {
    const previous = tokens.at(-1);
    if (word !== undefined) tokens.push({ kind: 'command', name: word });
    else if (symbol !== undefined) tokens.push({ kind: 'command', name: symbol });
    else if (space === undefined) tokens.push({ kind: 'char', char: char ?? '' });
    else if (previous?.kind !== 'command' || !BINDS_TO_OPERAND.has(previous.name)) tokens.push({ kind: 'space' });
  }
  try {
    const converter = new Converter(tokens);
    const text = converter.readSequence(0);
    if (converter.position < tokens.length) return undefined; // a `}` without its `{`
    // Spaces as written collapse as in TeX; `\quad` brings its own, kept apart until then.
    const lines = text.split('\n').map((line) => tidySpaces(line));
    const result = lines.filter((line, index) => line !== '' || (index > 0 && index < lines.length - 1)).join('\n');
    // Accented letters as the precomposed characters terminals draw best.
    return result.trim() === '' ? undefined : result.normalize('NFC');
  } catch (error) {
    if (error instanceof Unconvertible) return undefined;
    throw error;
  }
}

class Converter {
  position = 0;
  /** What `&` becomes: nothing where it aligns rows, a gap between a case's value and its condition. */
  private columnGap = '';

  constructor(private readonly tokens: readonly Token[]) {}

  /** Atoms up to the `}` that closes this group (consumed) or the end, with their sub- and superscripts. */
  readSequence(depth: number, closing?: string): string {
    if (depth > MAX_NESTING) throw new Unconvertible();
    let out = '';
    for (;;) {
      const token = this.tokens[this.position];
      if (!token) {
        if (closing) throw new Unconvertible();
        return out;
      }
      if (token.kind === 'char' && token.char === '}') {
        if (closing === undefined) return out;
        if (closing !== '}') throw new Unconvertible();
        this.position += 1;
        return out;
      }
      if (token.kind === 'command' && token.name === 'end') {
        if (closing !== 'end') throw new Unconvertible();
        return out;
      }
      if (token.kind === 'space') {
        this.position += 1;
        if (!out.endsWith(' ')) out += ' ';
        continue;
      }
      const atom = this.readAtom(depth);
      const scripted = this.readScripts(atom.text, depth);
      if (atom.spaced) out = `${out.replace(/ $/, '')} ${scripted} `;
      else out += scripted;
      if (atom.spaced) this.skipSpaces();
    }
  }

  private skipSpaces(): void {
    while (this.tokens[this.position]?.kind === 'space') this.position += 1;
  }

  /** `base` with the `^` and `_` that follow it: Unicode's small characters, else `^(…)` and `_(…)`. */
  private readScripts(base: string, depth: number): string {
    let out = base;
    for (;;) {
      const save = this.position;
      this.skipSpaces();
      const token = this.tokens[this.position];
      if (token?.kind === 'char' && token.char === "'") {
        this.position += 1;
        out += '′';
        continue;
      }
      if (token?.kind !== 'char' || (token.char !== '^' && token.char !== '_')) {
        this.position = save;
        return out;
      }
      this.position += 1;
      const script = this.readArgument(depth).replace(/\s+/g, '');
      const small = token.char === '^' ? toSuperscript(script) : toSubscript(script);
      out += small ?? `${token.char}${[...script].length === 1 ? script : `(${script})`}`;
    }
  }

  /** The next argument: a `{group}`, a command, or one character. */
  private readArgument(depth: number): string {
    this.skipSpaces();
    const token = this.tokens[this.position];
    if (!token) throw new Unconvertible();
    if (token.kind === 'char' && token.char === '{') {
      this.position += 1;
      return this.readSequence(depth + 1, '}').trim();
    }
    if (token.kind === 'char' && (token.char === '}' || token.char === '^' || token.char === '_'))
      throw new Unconvertible();
    return this.readAtom(depth + 1).text.trim();
  }

  /** An argument's text exactly as written (for `\text{…}`); commands inside it are not converted. */
  private readTextArgument(): string {
    this.skipSpaces();
    const open = this.tokens[this.position];
    if (open?.kind !== 'char' || open.char !== '{') throw new Unconvertible();
    let text = '';
    for (this.position += 1; ; this.position += 1) {
      const token = this.tokens[this.position];
      if (!token) throw new Unconvertible();
      if (token.kind === 'space') text += ' ';
      else if (token.kind === 'char' && token.char === '}') break;
      else if (token.kind === 'char' && token.char !== '{') text += token.char;
      else if (token.kind === 'command' && LATEX_SYMBOLS.get(token.name)?.text.length === 1)
        text += LATEX_SYMBOLS.get(token.name)?.text;
      else throw new Unconvertible();
    }
    this.position += 1;
    return text;
  }

  private readAtom(depth: number): { text: string; spaced?: boolean } {
    const token = this.tokens[this.position];
    this.position += 1;
    if (!token || token.kind === 'space') return { text: ' ' };
    if (token.kind === 'char') return this.readCharacter(token.char, depth);
    const { name } = token;
    const symbol = LATEX_SYMBOLS.get(name);
    if (symbol) return symbol;
    if (IGNORED.has(name) || LATEX_SIZES.has(name)) {
      if (!LATEX_SIZES.has(name)) return { text: '' };
      // The delimiter after `\left`, `\big`…; `\left.` shows nothing.
      this.skipSpaces();
      const next = this.tokens[this.position];
      if (next?.kind === 'char' && next.char === '.') {
        this.position += 1;
        return { text: '' };
      }
      return next ? this.readAtom(depth) : { text: '' };
    }
    return { text: this.readCommand(name, depth) };
  }

  private readCharacter(char: string, depth: number): { text: string; spaced?: boolean } {
    switch (char) {
      case '{':
        return { text: this.readSequence(depth + 1, '}') };
      case '&':
        return { text: this.columnGap };
      case '~':
        return { text: ' ' };
      case "'":
        return { text: '′' };
      case '^':
      case '_':
        // A script with nothing before it, as in `{}^{14}C`.
        this.position -= 1;
        return { text: '' };
      default:
        return { text: char };
    }
  }

  private readCommand(name: string, depth: number): string {
    if (name === '\\' || name === 'newline' || name === 'cr') return '\n';
    if (TEXT_COMMANDS.has(name)) return this.readTextArgument();
    if (PLAIN_FONTS.has(name)) {
      // `\operatorname*{argmax}`: the star only moves the limits.
      const star = this.tokens[this.position];
      if (star?.kind === 'char' && star.char === '*') this.position += 1;
      return this.readArgument(depth);
    }
    if (isAlphabet(name)) {
      const letters = toAlphabet(name, this.readArgument(depth));
      if (letters === undefined) throw new Unconvertible();
      return letters;
    }
    const accent = LATEX_ACCENTS.get(name);
    if (accent) return [...this.readArgument(depth)].map((char) => (char === ' ' ? char : char + accent)).join('');
    switch (name) {
      case 'frac':
      case 'dfrac':
      case 'tfrac':
      case 'cfrac':
        return formatFraction(this.readArgument(depth), this.readArgument(depth));
      case 'sqrt':
        return this.readRoot(depth);
      case 'binom':
        return `C(${this.readArgument(depth)}, ${this.readArgument(depth)})`;
      case 'pmod':
        return ` (mod ${this.readArgument(depth)})`;
      case 'not': {
        const negated = this.readArgument(depth);
        return LATEX_NEGATIONS.get(negated) ?? `${negated}\u0338`;
      }
      case 'begin':
        return this.readEnvironment(depth);
      default:
        throw new Unconvertible();
    }
  }

  /** `\sqrt{x}` → √x, `\sqrt{x+1}` → √(x+1), `\sqrt[3]{x}` → ∛x. */
  private readRoot(depth: number): string {
    this.skipSpaces();
    let index = '';
    const open = this.tokens[this.position];
    if (open?.kind === 'char' && open.char === '[') {
      for (this.position += 1; ; this.position += 1) {
        const token = this.tokens[this.position];
        if (!token) throw new Unconvertible();
        if (token.kind === 'char' && token.char === ']') break;
        if (token.kind !== 'char') throw new Unconvertible();
        index += token.char;
      }
      this.position += 1;
    }
    const radicand = this.readArgument(depth);
    const sign = index === '' || index === '2' ? '√' : index === '3' ? '∛' : index === '4' ? '∜' : undefined;
    const body = isSimple(radicand) ? radicand : `(${radicand})`;
    if (sign) return sign + body;
    const small = toSuperscript(index);
    if (small === undefined) throw new Unconvertible();
    return `${small}√${body}`;
  }

  /** `\begin{aligned}…\end{aligned}` and its kin: each row a line, `&` left out. Other environments are not drawn. */
  private readEnvironment(depth: number): string {
    const name = this.readTextArgument();
    const cases = name === 'cases';
    if (!LINE_ENVIRONMENTS.has(name) && !cases) throw new Unconvertible();
    const outer = this.columnGap;
    this.columnGap = cases ? '\u2003' : '';
    const body = this.readSequence(depth + 1, 'end');
    this.columnGap = outer;
    this.position += 1; // `\end`
    if (this.readTextArgument() !== name) throw new Unconvertible();
    if (!cases) return `\n${body}\n`;
    // A brace before the first row, the others lined up under it.
    const rows = body.split('\n').filter((row) => row.trim() !== '');
    return `\n${rows.map((row, index) => `${index === 0 ? '{\u2003' : '\u2003\u2003'}${row.trim()}`).join('\n')}\n`;
  }
}

/** Runs of spaces as one, none inside brackets; `\quad` brings spaces of its own, kept apart until here. */
function tidySpaces(line: string): string {
  return line
    .replace(/ {2,}/g, ' ')
    .replace(/([([{⟨⌈⌊]) /g, '$1')
    .replace(/ ([)\]}⟩⌉⌋])/g, '$1')
    .replace(/^ | $/g, '')
    .replace(/\u2003/g, ' ');
}
