/**
 * Diff speed: `tokenomics diff` between two commits of a generated 10,000-file repository whose
 * second commit changes 20 agent files, against one scan of the same tree, each in its own child
 * process (same run, same machine). The target: a diff takes little more than one scan,
 * because files with the same content on both sides are parsed once.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateWorkspace } from './detect';
import { compared, type BenchContext, type BenchMetric, type BenchModule } from './harness';

const ENV = { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'b@example.invalid', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'b@example.invalid' };

function git(dir: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, env: ENV, stdio: 'ignore' });
}

function inChild(root: string, body: string): { ms: number; maxRssKb: number; detail: string } {
  const out = (p: string) => JSON.stringify(join(root, 'out', 'src', ...p.split('/')));
  const script = `
    const { scanPaths } = require(${out('node/scan.js')});
    const { diffRevisions } = require(${out('node/git/revisions.js')});
    const { getBundledCatalog, resolveModel } = require(${out('core/catalog/index.js')});
    const { DEFAULT_ASSUMPTIONS } = require(${out('core/workload.js')});
    const settings = { catalog: getBundledCatalog(), assumptions: DEFAULT_ASSUMPTIONS, resolveModel };
    const t0 = performance.now();
    (async () => { ${body} })().then((detail) => {
      process.stdout.write(JSON.stringify({ ms: performance.now() - t0, maxRssKb: process.resourceUsage().maxRSS, detail }));
    });`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 20 }));
}

export const benchModule: BenchModule = {
  name: 'diff',
  description: 'tokenomics diff of two commits (20 changed files) vs one scan of the repository',
  async run(context: BenchContext): Promise<readonly BenchMetric[]> {
    const count = context.quick ? 1_000 : 10_000;
    const dir = mkdtempSync(join(tmpdir(), 'tokenomics-bench-diff-'));
    try {
      generateWorkspace(dir, count);
      git(dir, 'init', '-q');
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', 'base');
      // 20 agent files change their model (files agent0.ts, agent10.ts, … of the generator).
      for (let k = 0; k < 20; k++) {
        const i = k * 10;
        const path = join(dir, `pkg${Math.floor(i / 100)}`, `agent${i}.ts`);
        writeFileSync(path, readFileSync(path, 'utf8').replace(`MODEL_${i} = 'gpt-4.1'`, `MODEL_${i} = 'gpt-4o'`));
      }
      git(dir, 'commit', '-q', '-am', 'head');
      const scan = inChild(context.root, `const r = await scanPaths([${JSON.stringify(dir)}], { ...settings, root: ${JSON.stringify(dir)} }); return r.totals.files + ' files';`);
      const diff = inChild(
        context.root,
        `const d = await diffRevisions({ dir: ${JSON.stringify(dir)}, base: 'HEAD~1', head: 'HEAD', maxFileBytes: 1 << 20, settings: () => settings });
         return d.report.sites.length + ' sites changed';`,
      );
      context.log(`scan: ${scan.detail}; diff: ${diff.detail}`);
      return [
        compared({ name: `diff ${count.toLocaleString('en-US')} files, 20 changed`, value: diff.ms / 1000, unit: 's', reference: scan.ms / 1000, referenceName: 'one scan', better: 'lower', target: { max: 2 }, note: `${diff.detail}; two exports from git, detection reused for unchanged files` }),
        compared({ name: 'diff peak memory', value: diff.maxRssKb / 1024, unit: 'MiB', reference: scan.maxRssKb / 1024, referenceName: 'one scan', better: 'lower' }),
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
