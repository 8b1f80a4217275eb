/**
 * The many-sites workspace (report-many-fixture.ts) compared with its HEAD, by the core: the
 * fixture committed in a temporary git repository, then changed in the working tree — every fourth
 * runtime call moved to another model (changed sites, up and down), 55 test files deleted (more
 * removed sites than a page shows), three new calls (added). The view's scan of the working tree
 * and the host's comparison (`diffFolderWith`) are what the host pages from. Removed afterwards.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getBundledCatalog, resolveModel } from '../../src/core/catalog';
import { DEFAULT_ASSUMPTIONS } from '../../src/core/workload';
import { diffFolderWith } from '../../src/extension/webviews/report/revision-diff';
import type { ReportDiffSites } from '../../src/node/report-row-deltas';
import { scanPaths, type ScanResult } from '../../src/node/scan';
import { MANY_RUNTIME, manyCall, write, writeManySites } from './report-many-fixture';

export const MANY_REMOVED_FILES = 55;
export const MANY_ADDED = 3;

export interface ManyDiffFixture {
  readonly report: ScanResult;
  readonly diff: ReportDiffSites;
}

function gitIn(dir: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Tokenomics Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, stdio: 'ignore' });
}

let built: Promise<ManyDiffFixture> | undefined;

async function build(): Promise<ManyDiffFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'tokenomics-report-many-diff-'));
  try {
    writeManySites(dir);
    gitIn(dir, 'init', '-q');
    gitIn(dir, 'add', '-A');
    gitIn(dir, 'commit', '-q', '-m', 'many');
    const swap = ['claude-sonnet-4-5', 'gpt-4.1', 'gpt-4.1-mini'];
    for (let i = 0; i < MANY_RUNTIME; i += 4) write(dir, `src/pkg${i % 7}/agent${i}.ts`, manyCall(i, swap[i % 3]));
    for (let i = 0; i < MANY_REMOVED_FILES; i++) unlinkSync(join(dir, `tests/agent${i}.test.ts`));
    for (let i = 0; i < MANY_ADDED; i++) write(dir, `src/added/new${i}.ts`, manyCall(5000 + i, 'gpt-4.1'));
    const settings = { catalog: getBundledCatalog(), assumptions: DEFAULT_ASSUMPTIONS, resolveModel, respectGitignore: true };
    const report = await scanPaths([dir], { ...settings, root: dir, cwd: dir });
    const diff = await diffFolderWith({ root: dir, ref: 'HEAD', catalog: settings.catalog, assumptions: settings.assumptions, exclude: [], maxFileBytes: 1024 * 1024, respectGitignore: true });
    if (!diff?.ok) throw new Error(diff?.message ?? 'the comparison was stopped');
    return { report: { ...report, root: '.' }, diff: diff.data };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Built once per test process. */
export function manyDiffFixture(): Promise<ManyDiffFixture> {
  built ??= build();
  return built;
}
