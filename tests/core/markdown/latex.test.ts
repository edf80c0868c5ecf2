import { describe, expect, it } from 'vitest';
import { convertLatex } from '../../../src/core/markdown/latex.js';

// One table per class of symbol: what a card writes, what the terminal shows.
const CLASSES: Record<string, [string, string][]> = {
  greek: [
    ['\\alpha + \\beta', 'α + β'],
    ['\\Gamma(\\theta) \\Omega', 'Γ(θ) Ω'],
    ['\\varepsilon, \\varphi, \\lambda', 'ε, φ, λ'],
  ],
  superscripts: [
    ['x^2', 'x²'],
    ['e^{-x}', 'e⁻ˣ'],
    ['A^T A^{-1}', 'Aᵀ A⁻¹'],
    ["f'(x) + f''", 'f′(x) + f′′'],
    ['x^*', 'x*'],
  ],
  'superscript fallbacks': [
    ['2^{q}', '2^q'],
    ['e^{i\\pi/4}', 'e^(iπ/4)'],
  ],
  subscripts: [
    ['x_1', 'x₁'],
    ['a_{ij} + x_{n+1}', 'aᵢⱼ + xₙ₊₁'],
    ['\\theta_{t+1} = \\theta_t - \\eta \\nabla L(\\theta_t)', 'θₜ₊₁ = θₜ - η ∇L(θₜ)'],
  ],
  'subscript fallbacks': [
    ['x_b', 'x_b'],
    ['W_{QK}', 'W_(QK)'],
  ],
  fractions: [
    ['\\frac{1}{2}', '½'],
    ['\\frac{a}{b}', 'a⁄b'],
    ['\\frac{a+b}{2n}', '(a+b)/(2n)'],
    ['\\dfrac{\\partial L}{\\partial w}', '(∂L)/(∂w)'],
  ],
  roots: [
    ['\\sqrt{2}', '√2'],
    ['\\sqrt{x^2+y^2}', '√(x²+y²)'],
    ['\\sqrt[3]{8}', '∛8'],
    ['\\sqrt[n]{x}', 'ⁿ√x'],
  ],
  'sums, products and integrals with limits': [
    ['\\sum_{i=1}^{n} x_i', '∑ᵢ₌₁ⁿ xᵢ'],
    ['\\prod_{k=1}^{K} p_k', '∏ₖ₌₁ᴷ pₖ'],
    ['\\int_0^\\infty e^{-x} dx', '∫₀^∞ e⁻ˣ dx'],
    ['\\lim_{x \\to 0} f(x)', 'lim_(x→0) f(x)'],
  ],
  relations: [
    ['a \\le b \\ne c', 'a ≤ b ≠ c'],
    ['x\\in\\mathbb{R}', 'x ∈ ℝ'],
    ['p \\approx q \\equiv r', 'p ≈ q ≡ r'],
    ['a \\lt b \\leqslant c \\triangleq d', 'a < b ≤ c ≜ d'],
    ['a \\not= b', 'a ≠ b'],
    ['2 \\times 3 \\cdot 4 \\pm 1', '2 × 3 · 4 ± 1'],
  ],
  arrows: [
    ['f: X \\to Y', 'f: X → Y'],
    ['p \\Rightarrow q \\iff r', 'p ⇒ q ⇔ r'],
    ['x \\mapsto x^2', 'x ↦ x²'],
  ],
  'blackboard bold and other alphabets': [
    ['\\mathbb{R}^n', 'ℝⁿ'],
    ['\\mathbb{N} \\subset \\mathbb{Z}', 'ℕ ⊂ ℤ'],
    ['\\mathcal{L}', 'ℒ'],
    ['\\mathbf{x}', '𝐱'],
    ['\\mathbb{E}[X]', '𝔼[X]'],
  ],
  text: [
    ['\\text{if } x > 0', 'if x > 0'],
    ['\\operatorname{softmax}(z)', 'softmax(z)'],
    ['\\operatorname*{argmax}_{k} p_k', 'argmaxₖ pₖ'],
    ['x = 1 \\quad \\text{else}', 'x = 1    else'],
  ],
  accents: [
    ['\\hat{y}', 'ŷ'],
    ['\\bar{x}', 'x̄'],
    ['\\vec{v}', 'v⃗'],
    ['\\dot{x} + \\tilde{n}', 'ẋ + ñ'],
  ],
  'delimiters and spacing': [
    ['\\left( \\frac{a}{b} \\right)', '(a⁄b)'],
    ['\\{x \\mid x > 0\\}', '{x ∣ x > 0}'],
    ['\\langle u, v \\rangle', '⟨u, v⟩'],
    ['a\\,b\\!c', 'a bc'],
  ],
  'lines and aligned environments': [
    ['a = b \\\\ c = d', 'a = b\nc = d'],
    ['\\begin{aligned} f(x) &= x^2 \\\\ &= y \\end{aligned}', 'f(x) = x²\n= y'],
    [
      '|x| = \\begin{cases} x & x \\ge 0 \\\\ -x & \\text{otherwise} \\end{cases}',
      '|x| =\n{ x   x ≥ 0\n  -x   otherwise',
    ],
  ],
};

describe('convertLatex', () => {
  for (const [kind, cases] of Object.entries(CLASSES)) {
    it.each(cases)(`converts ${kind}: %s`, (tex, shown) => {
      expect(convertLatex(tex)).toBe(shown);
    });
  }

  it.each([
    ['an unknown command', '\\alpha + \\unknowncmd{x}'],
    ['a matrix', '\\begin{pmatrix} a & b \\end{pmatrix}'],
    ['an unclosed group', '\\frac{a}{b'],
    ['a stray closing brace', 'a}b'],
    ['a digit with no script form', '\\mathcal{1}'],
    ['a missing argument', 'x^'],
    ['nothing', '  '],
  ])('leaves %s unconverted, so the formula shows as written', (_, tex) => {
    expect(convertLatex(tex)).toBeUndefined();
  });

  it('never leaves a backslash command in what it converts', () => {
    for (const cases of Object.values(CLASSES))
      for (const [tex] of cases) expect(convertLatex(tex)).not.toMatch(/\\[A-Za-z]/);
  });

  it('gives up on hostile nesting instead of recursing without end', () => {
    expect(convertLatex(`${'{'.repeat(5000)}x${'}'.repeat(5000)}`)).toBeUndefined();
    expect(convertLatex(`${'\\sqrt{'.repeat(3000)}x${'}'.repeat(3000)}`)).toBeUndefined();
  });
});
