/**
 * The report the page tests show, built by the core: `scanPaths` (the engine of the Cost report
 * view and `tokenomics scan`) on a copy of test/fixtures/app-workspace (an application with its
 * model in a config module, a wrapper, an agent loop in another file, a test, an example and an
 * AGENTS.md), plus one file whose name is markup and whose model the catalog lacks (unpriced).
 * The copy lives in a temporary folder, removed afterwards; the repository is never written.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getBundledCatalog, resolveModel } from '../../src/core/catalog';
import { DEFAULT_ASSUMPTIONS } from '../../src/core/workload';
import { scanPaths, type ScanResult } from '../../src/node/scan';

export const APP_WORKSPACE = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'app-workspace');

/** A path that must reach the page as text, never as markup. */
export const WEIRD_PATH = 'src/tools/<weird> & name.py';

const WEIRD_SOURCE = `from openai import OpenAI

client = OpenAI()


def ask(question: str) -> str:
    reply = client.chat.completions.create(model="mystery-9", messages=[{"role": "user", "content": question}])
    return reply.choices[0].message.content
`;

export type FixtureReport = ScanResult;

let built: Promise<FixtureReport> | undefined;

async function build(): Promise<FixtureReport> {
  const dir = mkdtempSync(join(tmpdir(), 'tokenomics-report-fixture-'));
  try {
    cpSync(APP_WORKSPACE, dir, { recursive: true });
    mkdirSync(join(dir, 'src', 'tools'), { recursive: true });
    writeFileSync(join(dir, ...WEIRD_PATH.split('/')), WEIRD_SOURCE);
    const report = await scanPaths([dir], { catalog: getBundledCatalog(), assumptions: DEFAULT_ASSUMPTIONS, resolveModel, root: dir, cwd: dir });
    // The temporary folder's name would differ on every run; the page shows paths relative to it.
    return { ...report, root: '.' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The fixture's report, scanned once per test process. */
export function fixtureReport(): Promise<FixtureReport> {
  built ??= build();
  return built;
}
