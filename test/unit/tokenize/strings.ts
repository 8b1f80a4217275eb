/**
 * Deterministic test strings for the tokenizer reference test: a seeded generator over the kinds of
 * text that break tokenizers (code, scripts with combining marks, emoji sequences, whitespace runs,
 * very long single pieces, special-token spellings), plus hand-picked cases.
 */

/** mulberry32: small, fast, seedable PRNG (public-domain algorithm). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TS_FRAGMENTS = [
  'export async function ', 'const ', 'let ', ' = await ', 'interface ', ' extends ', '(): Promise<void> {', '};\n',
  'return ', ' => ', '?.', ' ?? ', 'import { ', " } from './", "';\n", '  if (', ') {\n', '    throw new Error(`', '`);\n',
  'readonly ', ': string[]', 'Record<string, number>', '/** Doc comment. */\n', '// TODO: fix\n', '\t', '${value}', '0x1f', '1_000_000',
];
const PY_FRAGMENTS = [
  'def ', '(self, ', '):\n', '    return ', 'class ', '(BaseModel):\n', 'import ', 'from typing import ', 'async def ', '    await ',
  'f"{name!r:>10}"', ' if ', ' else ', 'lambda x: ', '    """Docstring."""\n', '# comment\n', '@dataclass\n', 'self.', ' += 1\n',
  'print(', ')\n', '[i for i in range(10)]', '{"key": [1, 2.5, None]}', '    ', '\n\n',
];
const WORDS = ['token', 'agent', 'loop', 'price', 'model', 'context', 'window', 'cache', 'über', 'naïve', 'café', 'déjà', 'x', 'HTTPServer', 'snake_case', 'camelCase', "don't", "it's", "we'll", "THEY'RE"];
const EMOJI = [
  '😀', '👍🏽', '👩‍💻', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇯🇵', '🇺🇦', '1️⃣', '❤️', '🧑🏿‍🚀', '🫠', '🐈‍⬛', '👁️‍🗨️', '✊🏻', '🏴󠁧󠁢󠁳󠁣󠁴󠁿',
];
const SPECIALS = ['<|endoftext|>', '<|im_start|>', '<|im_end|>', '<|fim_prefix|>', '<|fim_middle|>', '<|fim_suffix|>', '<|endofprompt|>', '<|', '|>', '<|endof', '<|start|>'];
const WHITESPACE = [' ', '  ', '\t', '\n', '\r\n', '\n\n\n', '\u00a0', '\u3000', '\u2009', '\u200b', '\u2028', '\f', '\v'];

type Range = readonly [number, number];
const SCRIPTS: Record<string, Range> = {
  cjk: [0x4e00, 0x9fff],
  hiragana: [0x3041, 0x3096],
  hangul: [0xac00, 0xd7a3],
  arabic: [0x0621, 0x064a],
  hebrew: [0x05d0, 0x05ea],
  devanagari: [0x0905, 0x0939],
  cyrillic: [0x0410, 0x044f],
  thai: [0x0e01, 0x0e2e],
  greek: [0x0391, 0x03c9],
  mathAlnum: [0x1d400, 0x1d7ff],
};

export function generatedStrings(seed: number): { label: string; text: string }[] {
  const rnd = seededRandom(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)];
  const fromRange = ([lo, hi]: Range) => String.fromCodePoint(lo + int(hi - lo + 1));
  const out: { label: string; text: string }[] = [];
  const add = (label: string, text: string) => out.push({ label: `${label} #${out.length}`, text });

  for (let i = 0; i < 30; i++) add('typescript', Array.from({ length: 5 + int(40) }, () => (rnd() < 0.3 ? pick(WORDS) : pick(TS_FRAGMENTS))).join(''));
  for (let i = 0; i < 30; i++) add('python', Array.from({ length: 5 + int(40) }, () => (rnd() < 0.3 ? pick(WORDS) : pick(PY_FRAGMENTS))).join(''));
  for (const [name, range] of Object.entries(SCRIPTS)) {
    for (let i = 0; i < 4; i++) {
      let text = '';
      const n = 3 + int(60);
      for (let k = 0; k < n; k++) text += rnd() < 0.12 ? pick(WHITESPACE) : rnd() < 0.1 ? fromRange([0x0300, 0x036f]) : fromRange(range);
      add(name, text);
    }
  }
  for (let i = 0; i < 20; i++) {
    let text = '';
    const n = 1 + int(25);
    for (let k = 0; k < n; k++) text += rnd() < 0.5 ? pick(EMOJI) : rnd() < 0.5 ? pick(WORDS) + ' ' : pick(WHITESPACE);
    add('emoji', text);
  }
  for (let i = 0; i < 20; i++) add('whitespace', Array.from({ length: 1 + int(30) }, () => (rnd() < 0.2 ? pick(WORDS) : pick(WHITESPACE).repeat(1 + int(8)))).join(''));
  for (let i = 0; i < 20; i++) add('special-token text', Array.from({ length: 1 + int(10) }, () => (rnd() < 0.5 ? pick(SPECIALS) : pick(WORDS) + pick(WHITESPACE))).join(''));
  for (let i = 0; i < 20; i++) {
    // Arbitrary code points across planes, including lone surrogates (encoded as U+FFFD by both sides).
    let text = '';
    const n = 1 + int(40);
    for (let k = 0; k < n; k++) {
      const r = rnd();
      if (r < 0.05) text += String.fromCharCode(0xd800 + int(0x800));
      else if (r < 0.5) text += String.fromCodePoint(0x20 + int(0x7f - 0x20));
      else if (r < 0.8) text += String.fromCodePoint(0xa0 + int(0x2000));
      else text += String.fromCodePoint(0x10000 + int(0x20000));
    }
    add('random code points', text);
  }
  for (let i = 0; i < 15; i++) {
    const unit = pick(['a', 'ab', ' ', '1', '.', '\n', 'é', '中', 'xy ', '=', '-', '_a']);
    add('long run', unit.repeat(50 + int(3000)));
  }
  return out;
}

export const HAND_PICKED: readonly string[] = [
  '',
  'hello world',
  'Hello, world!',
  'tiktoken is great!',
  'antidisestablishmentarianism',
  '2 + 2 = 4',
  'お誕生日おめでとう',
  '<|endoftext|>',
  'Prefix <|endoftext|> suffix <|im_start|>user\nHi<|im_end|>',
  '<|fim_prefix|>def f():<|fim_suffix|>\n<|fim_middle|>',
  'a'.repeat(10_000),
  ' '.repeat(10_000),
  '\n'.repeat(5_000),
  '1234567890'.repeat(1_000),
  '😀'.repeat(2_000),
  '👨‍👩‍👧‍👦'.repeat(500),
  'ab'.repeat(5_000),
  'x'.repeat(129),
  'x'.repeat(128),
  'e\u0301'.repeat(300),
  'مرحبا بالعالم — السلام عليكم',
  'Zalgo: Z̷̢̛̛͓̖̠̘̝͌̐͑͌a̵̧̛̯͈͙͂̀l̴̢̯̦͑g̶̱̈́o̵̳̍',
  'const x = { a: 1, "b": [true, null] };\n\tconsole.log(x?.a ?? 0);',
  'def f(x: int) -> int:\n    return x ** 2  # square\n',
  "I'm sure they've said we'll see. He'd done it; I'D DONE IT.",
  '   leading and trailing   ',
  '\r\n\r\n\t\t  \u00a0\u3000end',
  'https://example.com/path?query=1&x=%20#frag',
  '\ud800 lone high, lone low \udc00 and pair \ud83d\ude00',
];
