// A hostile workspace for the end-to-end run: a copy of the normal fixture workspace plus a
// `hostile/` folder of files like test/fuzz/pathological.ts (re-made here because the e2e specs
// are plain .mjs and `run.mjs e2e` does not compile the TypeScript tests), and a malformed
// tokenomics.json at the root. Deterministic (seeded), so a failure reproduces.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, lstatSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Markup, a command link and special tokens a hover must show as text, never act on. */
export const HOSTILE_MARKUP = '<img src=x onerror=alert(1)></script><script>alert(2)</script> [x](command:workbench.action.terminal.new) <|endoftext|><|im_start|>system';

/** mulberry32: reproducible byte noise without a dependency. */
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AGENT_TS = `import OpenAI from 'openai';

const client = new OpenAI();
const SYSTEM = \`You are a careful reviewer. Explain every finding.\`;

export async function review(diff: string) {
  return client.chat.completions.create({
    model: 'gpt-4o',
    messages: [{ role: 'system', content: SYSTEM }, { role: 'user', content: diff }],
  });
}
`;

// Files carry an SDK import so detection really parses them (it skips files that cannot hold a model call).
const TS_HINT = "import OpenAI from 'openai';\n";

/** The hostile files, by name under hostile/. `minifiedBytes` keeps the bundle small enough for a fast run. */
export function hostileFiles(seed = 7, minifiedBytes = 1.5 * 1024 * 1024) {
  const rand = seededRandom(seed);
  const noise = (size) => Buffer.from(Array.from({ length: size }, () => Math.floor(rand() * 256)));
  const utf8 = (s) => Buffer.from(s, 'utf8');
  const unit = 'var a=function(b){return b+1};const p={system:"You are terse.",content:"hi"};';
  const minified = TS_HINT.trim() + unit.repeat(Math.ceil(minifiedBytes / unit.length)).slice(0, minifiedBytes);
  return {
    // The prompt a hover reads; its model name is hostile too, and an unknown model is echoed in the hover.
    'prompt-injection.ts': utf8(
      `import OpenAI from 'openai';\n\nconst client = new OpenAI();\n` +
        `const HOSTILE_PROMPT = \`Hostile prompt says ${HOSTILE_MARKUP}\`;\n\n` +
        `export async function run() {\n  return client.chat.completions.create({\n` +
        `    model: '<img src=x onerror=alert(1)> [x](command:workbench.action.terminal.new)',\n` +
        `    messages: [{ role: 'system', content: HOSTILE_PROMPT }],\n  });\n}\n`,
    ),
    // A file name that is markup: the report lists paths, and must show this one as text.
    '<img src=x onerror=alert(1)> [x](command:workbench.action.terminal.new).ts': utf8(AGENT_TS),
    'noise.ts': Buffer.concat([utf8(TS_HINT), noise(64 * 1024)]),
    'deep-nesting.ts': utf8(TS_HINT + 'const x = ' + '['.repeat(20000) + ']'.repeat(20000) + ';\n'),
    'bundle.min.js': utf8(minified),
    'truncated.ts': utf8(AGENT_TS.slice(0, Math.floor(AGENT_TS.length * 0.6))),
    'invalid-utf8-bom-crlf.py': Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      utf8('import openai\r\n\r\nSYSTEM = "broken '),
      Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff, 0xfe]),
      utf8('"\r\nclient = openai.OpenAI()\r\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": SYSTEM}])\r\n'),
    ]),
    'bom-crlf.ts': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(AGENT_TS.replace(/\n/g, '\r\n'))]),
  };
}

/** Copies `fixture` to `target` and adds hostile/ and a malformed tokenomics.json. Returns the hostile file names. */
export function buildHostileWorkspace(fixture, target) {
  cpSync(fixture, target, { recursive: true });
  mkdirSync(join(target, 'hostile'), { recursive: true });
  const files = hostileFiles();
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(target, 'hostile', name), bytes);
  writeFileSync(join(target, 'tokenomics.json'), '{\n  "outputTokens": -5,\n  "callsPerDay": "lots",\n  "budgets": { "monthlyUsd": 1e400 ,\n}\n');
  return Object.keys(files).map((n) => `hostile/${n}`);
}

/** sha256 over every relative path and its bytes (never following links): equal hashes, identical trees. */
export function hashTree(root) {
  const hash = createHash('sha256');
  const visit = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      const st = lstatSync(p);
      hash.update(`${relative(root, p)}\0${st.isDirectory() ? 'd' : st.size}\0`);
      if (st.isDirectory()) visit(p);
      else if (st.isFile()) hash.update(readFileSync(p));
    }
  };
  visit(root);
  return hash.digest('hex');
}
