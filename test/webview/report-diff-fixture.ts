/**
 * A workspace compared with its HEAD, built by the core: test/fixtures/app-workspace committed
 * in a temporary git repository, then changed in the working tree (the planner's model in the
 * config module, a new summarizer call, the example deleted). The view's scan of the working
 * tree and the host's comparison (`diffFolderWith`, the engine of `tokenomics diff`) are what the
 * page receives. Everything happens in a temporary folder, removed afterwards.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getBundledCatalog, resolveModel } from '../../src/core/catalog';
import { DEFAULT_ASSUMPTIONS } from '../../src/core/workload';
import { diffFolderWith, type RevisionDiffResult } from '../../src/extension/webviews/report/revision-diff';
import { scanPaths, type ScanResult } from '../../src/node/scan';
import { APP_WORKSPACE } from './report-fixture';

export const SUMMARIZER_SOURCE = `import OpenAI from 'openai';

const openai = new OpenAI();

export async function summarize(text: string): Promise<string> {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: 'Summarize in one sentence: ' + text }],
  });
  return completion.choices[0].message.content ?? '';
}
`;

export interface DiffFixture {
  readonly report: ScanResult;
  readonly diff: RevisionDiffResult;
  /** The same comparison asked of a folder outside any repository. */
  readonly outside: RevisionDiffResult;
}

function gitIn(dir: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Tokenomics Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, stdio: 'ignore' });
}

let built: Promise<DiffFixture> | undefined;

async function build(): Promise<DiffFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'tokenomics-report-diff-'));
  const outsideDir = mkdtempSync(join(tmpdir(), 'tokenomics-report-nogit-'));
  try {
    cpSync(APP_WORKSPACE, dir, { recursive: true });
    gitIn(dir, 'init', '-q');
    gitIn(dir, 'add', '-A');
    gitIn(dir, 'commit', '-q', '-m', 'app');
    const models = join(dir, 'src', 'lib', 'models.ts');
    writeFileSync(models, readFileSync(models, 'utf8').replace("PLANNER_MODEL = 'gpt-4.1'", "PLANNER_MODEL = 'gpt-4.1-mini'"));
    writeFileSync(join(dir, 'src', 'summarize.ts'), SUMMARIZER_SOURCE);
    unlinkSync(join(dir, 'examples', 'quickstart.ts'));
    const settings = { catalog: getBundledCatalog(), assumptions: DEFAULT_ASSUMPTIONS, resolveModel, respectGitignore: true };
    const report = await scanPaths([dir], { ...settings, root: dir, cwd: dir });
    const request = { catalog: settings.catalog, assumptions: settings.assumptions, exclude: [], maxFileBytes: 1024 * 1024, respectGitignore: true, ref: 'HEAD' };
    // As the host runs it: in the scan process (out/src/node/scan-process.js).
    const diff = await diffFolderWith({ ...request, root: dir });
    cpSync(APP_WORKSPACE, outsideDir, { recursive: true });
    const outside = await diffFolderWith({ ...request, root: outsideDir });
    if (!diff || !outside) throw new Error('a comparison nobody stopped came back stopped');
    return { report: { ...report, root: '.' }, diff, outside };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(outsideDir, { recursive: true, force: true });
  }
}

/** Built once per test process. */
export function diffFixture(): Promise<DiffFixture> {
  built ??= build();
  return built;
}
