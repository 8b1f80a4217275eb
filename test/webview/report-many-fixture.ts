/**
 * A workspace with more sites than a page shows, scanned by the core (`scanPaths`): 130 runtime
 * calls (three models, each with its own output and traffic annotation, so that the order by
 * monthly cost, by cost per call and by path all differ), 60 calls in tests (a group of two pages),
 * and one call on a model the catalog lacks (unpriced). Written to a temporary folder, removed after the scan.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { getBundledCatalog, resolveModel } from '../../src/core/catalog';
import { DEFAULT_ASSUMPTIONS } from '../../src/core/workload';
import { scanPaths, type ScanResult } from '../../src/node/scan';

export const MANY_RUNTIME = 130;
export const MANY_TESTS = 60;
const MODELS = ['gpt-4.1', 'gpt-4.1-mini', 'claude-sonnet-4-5'];

export function manyCall(i: number, model: string): string {
  return [
    "import OpenAI from 'openai';",
    'const client = new OpenAI();',
    `// tokenomics: callsPerDay=${100 + ((i * 37) % 900)}`,
    `export const ask${i} = (q: string) => client.chat.completions.create({ model: '${model}', messages: [{ role: 'user', content: 'Question ${i}: ' + q }], max_tokens: ${20 + ((i * 53) % 700)} });`,
    '',
  ].join('\n');
}

export function write(root: string, rel: string, text: string): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
}

let built: Promise<ScanResult> | undefined;

/** The fixture's files, written into `dir`. */
export function writeManySites(dir: string): void {
  for (let i = 0; i < MANY_RUNTIME; i++) write(dir, `src/pkg${i % 7}/agent${i}.ts`, manyCall(i, MODELS[i % MODELS.length]));
  for (let i = 0; i < MANY_TESTS; i++) write(dir, `tests/agent${i}.test.ts`, manyCall(1000 + i, 'gpt-4.1-mini'));
  write(dir, 'src/mystery.ts', manyCall(9999, 'mystery-9'));
}

async function build(): Promise<ScanResult> {
  const dir = mkdtempSync(join(tmpdir(), 'tokenomics-report-many-'));
  try {
    writeManySites(dir);
    const report = await scanPaths([dir], { catalog: getBundledCatalog(), assumptions: DEFAULT_ASSUMPTIONS, resolveModel, root: dir, cwd: dir });
    return { ...report, root: '.' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The report, scanned once per test process. */
export function manySitesReport(): Promise<ScanResult> {
  built ??= build();
  return built;
}
