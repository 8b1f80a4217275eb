/**
 * Scan speed: `scanPaths` over a generated workspace of 10,000 files (agent code in
 * TypeScript and Python, plain code, prompt and instruction files, some binary and
 * ignored files), run in a child process so its peak memory is its own. Reference:
 * reading the same files in the same run. And one 5,000-line file: analysis time
 * against merely tokenizing it (o200k_base) and reading it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { compared, type BenchContext, type BenchMetric, type BenchModule } from './harness';
import { getBundledCatalog, resolveModel } from '../src/core/catalog';
import { analyzeFile } from '../src/core/report/analyze';
import { countTokens } from '../src/core/tokenize';
import { DEFAULT_ASSUMPTIONS } from '../src/core/workload';

const TS_AGENT = (i: number) => `import OpenAI from 'openai';
import { generateText, stepCountIs } from 'ai';
import { openai } from '@ai-sdk/openai';

const client = new OpenAI();
const MODEL_${i} = 'gpt-4.1';
const SYSTEM_${i} = \`You are agent number ${i}. You review code, find bugs and propose fixes.
Answer in Markdown with the most important finding first.\`;

export async function run${i}(diff: string) {
  const messages: any[] = [{ role: 'system', content: SYSTEM_${i} }, { role: 'user', content: \`Diff:\\n\${diff}\` }];
  for (let turn = 0; turn < ${(i % 9) + 2}; turn++) {
    const r = await client.chat.completions.create({ model: MODEL_${i}, messages, max_tokens: 800 });
    if (!r.choices[0].message.tool_calls) return r.choices[0].message.content;
    messages.push(r.choices[0].message);
  }
}

export async function summary${i}(text: string) {
  return generateText({ model: openai('gpt-4.1-mini'), system: 'Summarise in three bullets.', prompt: text, stopWhen: stepCountIs(3) });
}
`;

const PY_AGENT = (i: number) => `import anthropic
from crewai import Agent

client = anthropic.Anthropic()
SYSTEM_PROMPT = """You are research assistant ${i}. Search first, then answer with citations.
Never invent a source."""

def ask_${i}(question):
    messages = [{"role": "user", "content": f"Question: {question}"}]
    while True:
        r = client.messages.create(model="claude-sonnet-4-5", max_tokens=1024, system=SYSTEM_PROMPT, messages=messages)
        if r.stop_reason != "tool_use":
            return r.content[0].text

analyst_${i} = Agent(role="Analyst ${i}", goal="Size the market for {product}", backstory="You distrust round numbers.", llm="gpt-4.1-mini")
`;

const PLAIN_TS = (i: number) => `export interface Item${i} { id: number; name: string; tags: string[] }
export function sortItems${i}(items: Item${i}[]): Item${i}[] {
  return [...items].sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
}
export function tagged${i}(items: Item${i}[], tag: string): Item${i}[] {
  return items.filter((item) => item.tags.includes(tag));
}
${Array.from({ length: 40 }, (_, k) => `export const value${i}_${k} = ${k} * ${i} + ${k % 7};`).join('\n')}
`;

const PLAIN_PY = (i: number) => `import json

def load_${i}(path):
    with open(path) as f:
        return json.load(f)

${Array.from({ length: 40 }, (_, k) => `def f${i}_${k}(x):\n    return x * ${k} + ${i}\n`).join('\n')}
`;

/** Writes `count` files under `dir`; returns total bytes. */
export function generateWorkspace(dir: string, count: number): number {
  let bytes = 0;
  const write = (rel: string, content: string | Buffer) => {
    const path = join(dir, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.length;
  };
  write('.gitignore', 'build/\n*.log\n');
  write('AGENTS.md', '# Rules\n\nRun the tests before committing. Keep prompts in constants.\n');
  for (let i = 0; i < count - 2; i++) {
    const pkg = `pkg${Math.floor(i / 100)}`;
    switch (i % 10) {
      case 0:
      case 1:
        write(`${pkg}/agent${i}.ts`, TS_AGENT(i));
        break;
      case 2:
        write(`${pkg}/agent${i}.py`, PY_AGENT(i));
        break;
      case 3:
      case 4:
      case 5:
        write(`${pkg}/util${i}.ts`, PLAIN_TS(i));
        break;
      case 6:
      case 7:
        write(`${pkg}/mod${i}.py`, PLAIN_PY(i));
        break;
      case 8:
        write(`${pkg}/prompts/p${i}.prompt`, `---\nmodel: gpt-4.1-mini\n---\nSummarise {{doc}} for engineer ${i} in five bullets.\n`);
        break;
      default:
        write(i % 20 === 9 ? `${pkg}/build/out${i}.js` : `${pkg}/image${i}.png`, i % 20 === 9 ? 'console.log("ignored")\n' : Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
    }
  }
  return bytes;
}

function listFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) listFiles(p, out);
    else out.push(p);
  }
  return out;
}

/** Scans `dir` in a child process (detection on `jobs` worker threads; 0: on its main thread): wall and CPU time, files analysed, peak RSS. */
function scanInChild(root: string, dir: string, jobs = 0): { ms: number; cpuMs: number; files: number; maxRssKb: number } {
  const script = `
    const { scanPaths } = require(${JSON.stringify(join(root, 'out', 'src', 'node', 'scan.js'))});
    const { getBundledCatalog, resolveModel } = require(${JSON.stringify(join(root, 'out', 'src', 'core', 'catalog', 'index.js'))});
    const { DEFAULT_ASSUMPTIONS } = require(${JSON.stringify(join(root, 'out', 'src', 'core', 'workload.js'))});
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    scanPaths([${JSON.stringify(dir)}], { catalog: getBundledCatalog(), assumptions: DEFAULT_ASSUMPTIONS, resolveModel, jobs: ${jobs} }).then((r) => {
      const ms = performance.now() - t0;
      const cpu = process.cpuUsage(c0);
      process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, files: r.totals.files, maxRssKb: process.resourceUsage().maxRSS }));
    });`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 20 }));
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
}

export const benchModule: BenchModule = {
  name: 'detect',
  description: 'workspace scan (files/s, MB/s, peak memory) and one 5,000-line file vs tokenizing it',
  async run(context: BenchContext): Promise<readonly BenchMetric[]> {
    const count = context.quick ? 1_000 : 10_000;
    const dir = mkdtempSync(join(tmpdir(), 'tokenomics-bench-'));
    try {
      const bytes = generateWorkspace(dir, count);
      context.log(`generated ${count} files (${(bytes / 1e6).toFixed(1)} MB) in ${dir}`);
      const scan = scanInChild(context.root, dir);
      // What `tokenomics scan` does by default: detection on one worker thread per core (--jobs).
      const cores = availableParallelism();
      const parallel = scanInChild(context.root, dir, cores);
      const readStart = performance.now();
      for (const f of listFiles(dir)) readFileSync(f);
      const readMs = performance.now() - readStart;

      // One big file: 5,000 lines of agent code.
      const big = Array.from({ length: 250 }, (_, i) => TS_AGENT(i)).join('\n').split('\n').slice(0, 5_000).join('\n');
      const env = { catalog: getBundledCatalog(), assumptions: DEFAULT_ASSUMPTIONS, resolveModel };
      await analyzeFile(big, 'warm.ts', undefined, env); // grammar and ranks loaded
      // CPU time of this process: less disturbed than wall time when the machine is shared.
      const c0 = process.cpuUsage();
      const report = await analyzeFile(big, 'big.ts', undefined, env);
      const analyzeMs = cpuMs(c0);
      const c1 = process.cpuUsage();
      countTokens(big + ' ', 'o200k_base'); // a fresh string: the count cache cannot answer
      const tokenizeMs = cpuMs(c1);

      return [
        compared({ name: `scan ${count.toLocaleString('en-US')} files`, value: scan.ms / 1000, unit: 's', reference: readMs / 1000, referenceName: 'read them all', better: 'lower', note: `${scan.files} analysed; target: well under 60 s for 10,000 files` }),
        { name: `scan ${count.toLocaleString('en-US')} files, CPU`, value: scan.cpuMs / 1000, unit: 's CPU', better: 'lower', note: 'user + system time of the scanning process (one thread): less disturbed than wall time when the machine is shared' },
        { name: 'scan throughput', value: (count / scan.ms) * 1000, unit: 'files/s', better: 'higher' },
        { name: 'scan throughput (bytes)', value: bytes / 1e6 / (scan.ms / 1000), unit: 'MB/s', better: 'higher' },
        { name: 'scan peak memory', value: scan.maxRssKb / 1024, unit: 'MiB', better: 'lower', note: 'max RSS of the scanning process' },
        compared({ name: `scan ${count.toLocaleString('en-US')} files, --jobs ${cores}`, value: parallel.ms / 1000, unit: 's', reference: scan.ms / 1000, referenceName: 'the same scan on one thread', better: 'lower', note: `speed-up ${(scan.ms / parallel.ms).toFixed(2)}× on ${cores} cores; ${parallel.files} analysed` }),
        { name: `scan peak memory, --jobs ${cores}`, value: parallel.maxRssKb / 1024, unit: 'MiB', better: 'lower', note: 'max RSS of the scanning process, worker threads included (issue 15: under 300 MB)' },
        compared({ name: 'analyse a 5,000-line file', value: analyzeMs, unit: 'ms CPU', reference: tokenizeMs, referenceName: 'tokenize it', better: 'lower', note: `${report.calls.length} calls, ${report.prompts.length} prompts, ${report.agentLoops.length} loops; detection and pricing` }),
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
