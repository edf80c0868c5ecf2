/** Unicode's mathematical alphabets (`\mathbb`, `\mathcal`…) and its one-character fractions. */

/** Fonts with letters of their own in Unicode's mathematical alphabets: the first code point of `A`, `a` and `0`. */
const ALPHABETS: Record<
  string,
  { upper: number; lower?: number; digits?: number; exceptions: Record<string, string> }
> = {
  mathbb: {
    upper: 0x1d538,
    lower: 0x1d552,
    digits: 0x1d7d8,
    exceptions: { C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ' },
  },
  mathcal: {
    upper: 0x1d49c,
    lower: 0x1d4b6,
    exceptions: { B: 'ℬ', E: 'ℰ', F: 'ℱ', H: 'ℋ', I: 'ℐ', L: 'ℒ', M: 'ℳ', R: 'ℛ', e: 'ℯ', g: 'ℊ', o: 'ℴ' },
  },
  mathfrak: {
    upper: 0x1d504,
    lower: 0x1d51e,
    exceptions: { C: 'ℭ', H: 'ℌ', I: 'ℑ', R: 'ℜ', Z: 'ℨ' },
  },
  mathbf: { upper: 0x1d400, lower: 0x1d41a, digits: 0x1d7ce, exceptions: {} },
};
ALPHABETS.mathscr = ALPHABETS.mathcal as (typeof ALPHABETS)[string];
ALPHABETS.boldsymbol = ALPHABETS.mathbf as (typeof ALPHABETS)[string];
ALPHABETS.bm = ALPHABETS.mathbf as (typeof ALPHABETS)[string];

/** Whether `font` is one of the alphabets `toAlphabet` draws. */
export function isAlphabet(font: string): boolean {
  return Object.hasOwn(ALPHABETS, font);
}

/** `text` in a mathematical alphabet (`\mathbb{R}` → ℝ); undefined when a character has no letter in it. */
export function toAlphabet(font: string, text: string): string | undefined {
  const alphabet = ALPHABETS[font];
  if (!alphabet) return undefined;
  const letters = [...text].map((char) => {
    if (char === ' ') return '';
    const exception = alphabet.exceptions[char];
    if (exception) return exception;
    const code = char.codePointAt(0) ?? 0;
    if (char >= 'A' && char <= 'Z') return String.fromCodePoint(alphabet.upper + code - 65);
    if (char >= 'a' && char <= 'z' && alphabet.lower) return String.fromCodePoint(alphabet.lower + code - 97);
    if (char >= '0' && char <= '9' && alphabet.digits) return String.fromCodePoint(alphabet.digits + code - 48);
    // Greek letters and other symbols are drawn as they are: a bold θ is still θ.
    return /[\p{L}\p{N}]/u.test(char) && char.charCodeAt(0) < 128 ? undefined : char;
  });
  return letters.every((letter) => letter !== undefined) ? letters.join('') : undefined;
}

/** Fractions Unicode has one character for. */
export const VULGAR_FRACTIONS: ReadonlyMap<string, string> = new Map([
  ['1/2', '½'],
  ['1/3', '⅓'],
  ['2/3', '⅔'],
  ['1/4', '¼'],
  ['3/4', '¾'],
  ['1/5', '⅕'],
  ['1/6', '⅙'],
  ['1/8', '⅛'],
]);

/** One letter, number or symbol: shown without brackets under a root or in a fraction. */
export function isSimple(text: string): boolean {
  return /^(?:\d+(?:\.\d+)?|\S[\u0300-\u036f\u20d7]*)[\u00b2\u00b3\u00b9\u1d62-\u1d6a\u2070-\u209f\u2c7c]*$/u.test(
    text,
  );
}

/** `\\frac{a}{b}`: ½, a⁄b, or `(a+b)/(2n)`. */
export function formatFraction(numerator: string, denominator: string): string {
  const vulgar = VULGAR_FRACTIONS.get(`${numerator}/${denominator}`);
  if (vulgar) return vulgar;
  if (isSimple(numerator) && isSimple(denominator)) return `${numerator}⁄${denominator}`;
  const wrap = (part: string) => (isSimple(part) ? part : `(${part})`);
  return `${wrap(numerator)}/${wrap(denominator)}`;
}
