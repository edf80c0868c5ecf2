/** Unicode's superscript and subscript characters, for `<sup>`, `<sub>` and LaTeX's `^` and `_`. */

const SUPERSCRIPTS = mapCharacters(
  '0123456789+-−=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVWβγδθιφχ′*∗⊤∘',
  '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂᵝᵞᵟᶿᶥᵠᵡ′**ᵀ°',
);
const SUBSCRIPTS = mapCharacters('0123456789+-−=()aehijklmnoprstuvxβγρφχ', '₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ');

/** Each character of `from` mapped to the one at the same place in `to`. */
function mapCharacters(from: string, to: string): Map<string, string> {
  const targets = [...to];
  return new Map([...from].map((char, index) => [char, targets[index] ?? char]));
}

function mapAll(text: string, characters: ReadonlyMap<string, string>): string | undefined {
  const mapped = [...text].map((char) => characters.get(char));
  return mapped.every((char) => char !== undefined) ? mapped.join('') : undefined;
}

/** `text` in superscript characters, or undefined when Unicode has none for one of them. */
export function toSuperscript(text: string): string | undefined {
  return mapAll(text, SUPERSCRIPTS);
}

/** `text` in subscript characters, or undefined when Unicode has none for one of them. */
export function toSubscript(text: string): string | undefined {
  return mapAll(text, SUBSCRIPTS);
}
