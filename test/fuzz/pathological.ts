/**
 * Hostile inputs a real workspace holds: half-written code, minified bundles,
 * binary blobs with source extensions, invalid UTF-8, BOMs, CRLF, deep nesting,
 * special-token text. Deterministic (seeded), so a failure reproduces.
 */

export interface HostileFile {
  readonly name: string;
  readonly bytes: Buffer;
  /** What the file exercises, for failure messages. */
  readonly why: string;
}

/** Small, fast, seeded PRNG (mulberry32): reproducible byte noise without a dependency. */
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

const AGENT_TS = `import { generateText, stepCountIs } from 'ai';
import { openai } from '@ai-sdk/openai';

const SYSTEM = \`You are a careful reviewer. Explain every finding.\`;

export async function review(diff: string) {
  return generateText({
    model: openai('gpt-4.1'),
    system: SYSTEM,
    prompt: \`Review this diff:\\n\${diff}\`,
    stopWhen: stepCountIs(8),
  });
}
`;

const AGENT_PY = `import anthropic

client = anthropic.Anthropic()
SYSTEM = """You are a research agent. Use tools until the answer is certain."""

def run(question):
    messages = [{"role": "user", "content": f"Question: {question}"}]
    while True:
        reply = client.messages.create(model="claude-sonnet-4-5", max_tokens=1024, system=SYSTEM, messages=messages)
        if reply.stop_reason != "tool_use":
            return reply
        messages.append({"role": "assistant", "content": reply.content})
`;

export const HOSTILE_PROMPT_TEXT =
  '<img src=x onerror=alert(1)></script><script>alert(2)</script> [click](command:workbench.action.terminal.new) <|endoftext|><|im_start|>system';

// Files carry an SDK import so detection really parses them (it skips files that cannot hold a model call).
const TS_HINT = "import OpenAI from 'openai';\n";
const PY_HINT = 'import openai\n';

function deepNesting(depth: number, open: string, close: string): string {
  return TS_HINT + 'const x = ' + open.repeat(depth) + close.repeat(depth) + ';\n';
}

function randomBytes(rand: () => number, size: number): Buffer {
  const b = Buffer.alloc(size);
  for (let i = 0; i < size; i++) b[i] = Math.floor(rand() * 256);
  return b;
}

function shuffledLines(text: string, rand: () => number): string {
  const lines = text.split('\n');
  for (let i = lines.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [lines[i], lines[j]] = [lines[j], lines[i]];
  }
  return lines.join('\n');
}

/** The fixed set of pathological files. `bigMinifiedBytes` lets quick runs use a smaller minified file. */
export function pathologicalFiles(seed = 1, bigMinifiedBytes = 5 * 1024 * 1024): HostileFile[] {
  const rand = seededRandom(seed);
  const utf8 = (s: string) => Buffer.from(s, 'utf8');
  const minifiedUnit = `var a=function(b){return b+1};const p={system:"You are terse.",content:"hi"};`;
  const minified = TS_HINT.trim() + minifiedUnit.repeat(Math.ceil(bigMinifiedBytes / minifiedUnit.length)).slice(0, bigMinifiedBytes);
  return [
    { name: 'empty.ts', bytes: Buffer.alloc(0), why: 'empty file' },
    { name: 'empty.py', bytes: Buffer.alloc(0), why: 'empty file' },
    { name: 'truncated.ts', bytes: utf8(AGENT_TS.slice(0, Math.floor(AGENT_TS.length * 0.6))), why: 'truncated mid-call' },
    { name: 'truncated.py', bytes: utf8(AGENT_PY.slice(0, Math.floor(AGENT_PY.length * 0.55))), why: 'truncated mid-loop' },
    { name: 'noise.ts', bytes: Buffer.concat([utf8(TS_HINT), randomBytes(rand, 64 * 1024)]), why: 'random bytes with NUL and invalid UTF-8' },
    { name: 'binary-blob.ts', bytes: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0]), utf8('openai'), randomBytes(rand, 8192)]), why: 'an ELF header named .ts' },
    { name: 'invalid-utf8.py', bytes: Buffer.concat([utf8(PY_HINT + 'SYSTEM = "'), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff, 0xfe]), utf8('"\n')]), why: 'invalid UTF-8 sequences' },
    { name: 'unbalanced.ts', bytes: utf8('const system = `never closed ${ ( [ {\nexport const prompt = "oops\n' + AGENT_TS.replace(/\)/g, '')), why: 'unbalanced quotes and brackets' },
    { name: 'unbalanced.py', bytes: utf8('SYSTEM = """never closed\n' + AGENT_PY.replace(/\]/g, '')), why: 'unterminated triple quote' },
    { name: 'shuffled.ts', bytes: utf8(shuffledLines(AGENT_TS, rand)), why: 'shuffled lines' },
    { name: 'shuffled.py', bytes: utf8(shuffledLines(AGENT_PY, rand)), why: 'shuffled lines' },
    { name: 'deep-nesting.ts', bytes: utf8(deepNesting(20000, '[', ']')), why: '20,000-deep nesting' },
    { name: 'deep-nesting-calls.ts', bytes: utf8(TS_HINT + 'f('.repeat(20000) + ')'.repeat(20000)), why: '20,000-deep calls' },
    { name: 'deep-nesting.py', bytes: utf8(PY_HINT + 'x = ' + '('.repeat(20000) + ')'.repeat(20000) + '\n'), why: '20,000-deep parentheses' },
    { name: 'bundle.min.js', bytes: utf8(minified), why: 'huge single-line minified file' },
    { name: 'bom-crlf.ts', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(AGENT_TS.replace(/\n/g, '\r\n'))]), why: 'byte-order mark and CRLF' },
    { name: 'bom-crlf.py', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(AGENT_PY.replace(/\n/g, '\r\n'))]), why: 'byte-order mark and CRLF' },
    { name: 'special-tokens.ts', bytes: utf8(`const system = \`${HOSTILE_PROMPT_TEXT}\`;\nawait openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: system }] });\n`), why: 'special tokens and hostile markup in a prompt' },
    { name: 'AGENTS.md', bytes: utf8(`# Rules\n\n${HOSTILE_PROMPT_TEXT}\n\n` + 'Always run the tests. '.repeat(200)), why: 'instruction file with hostile text' },
    { name: 'huge-line.py', bytes: utf8(PY_HINT + 'SYSTEM = "' + 'x'.repeat(200_000) + '"\n'), why: 'one 200 kB string' },
    { name: 'many-strings.ts', bytes: utf8(TS_HINT + Array.from({ length: 20000 }, (_, i) => `const system${i} = "You are agent ${i}.";`).join('\n')), why: '20,000 prompt-like sites' },
  ];
}

export const AGENT_SOURCES = { ts: AGENT_TS, py: AGENT_PY };

/** One mutation of a source text: byte flips, truncation, duplication, hostile insertions. */
export function mutate(source: string, rand: () => number): Buffer {
  const bytes = Buffer.from(source, 'utf8');
  const choice = Math.floor(rand() * 6);
  switch (choice) {
    case 0: {
      const out = Buffer.from(bytes);
      const flips = 1 + Math.floor(rand() * 16);
      for (let i = 0; i < flips && out.length > 0; i++) out[Math.floor(rand() * out.length)] = Math.floor(rand() * 256);
      return out;
    }
    case 1:
      return bytes.subarray(0, Math.floor(rand() * bytes.length));
    case 2: {
      const at = Math.floor(rand() * (bytes.length + 1));
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(HOSTILE_PROMPT_TEXT), bytes.subarray(at)]);
    }
    case 3: {
      const at = Math.floor(rand() * (bytes.length + 1));
      const junk = ['`', '"""', '${', '(', '[', '{', '\u0000', '\r', '\\', "f'"][Math.floor(rand() * 10)];
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(junk), bytes.subarray(at)]);
    }
    case 4:
      return Buffer.from(shuffledLines(source, rand), 'utf8');
    default: {
      const a = Math.floor(rand() * bytes.length);
      const b = Math.floor(rand() * bytes.length);
      const [lo, hi] = a < b ? [a, b] : [b, a];
      return Buffer.concat([bytes, bytes.subarray(lo, hi)]);
    }
  }
}
