// The workspaces the editor bench opens. Each is built in a temporary folder (never in the tree):
//   small      the e2e fixture agents, two more small agents and a 4,000-line TypeScript file;
//   generated  the same files plus 10,000 generated files (agent code in TypeScript and Python,
//              plain code, prompt files, binaries, ignored build output: bench/detect.ts's mix);
//   corpus     a real repository exported under ~/.cache/tokenomics-corpus, plus the same files.
// The generator and the large file come from the compiled unit benches (out/bench/), so the
// editor bench scans what `npm run bench` scans.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Lines in the file typed into. */
export const TYPING_FILE_LINES = 4000;

/** Files every bench workspace holds, relative to its root: the lens probes open these. */
export const PROBE_FILES = {
  cold: 'agents/support_agent.ts',
  warm: ['agents/research_agent.py', 'extra/support.ts', 'extra/research.py'],
  typing: 'big/large_agent.ts',
};

const CORPUS_REPO = process.env.TOKENOMICS_BENCH_CORPUS_REPO || 'All-Hands-AI+OpenHands';

function compiled(repo, rel) {
  const file = join(repo, 'out', 'bench', rel);
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run compile-tests`);
  return createRequire(import.meta.url)(file);
}

/** The probe files, written under `dir` (which may already hold other files). */
function addProbeFiles(repo, dir) {
  cpSync(join(repo, 'test', 'e2e', 'workspace', 'agents'), join(dir, 'agents'), { recursive: true });
  mkdirSync(join(dir, 'extra'), { recursive: true });
  cpSync(join(repo, 'test', 'fixtures', 'workspace', 'support.ts'), join(dir, 'extra', 'support.ts'));
  cpSync(join(repo, 'test', 'fixtures', 'workspace', 'research.py'), join(dir, 'extra', 'research.py'));
  const { largeFixture } = compiled(repo, 'editor.js');
  const source = readFileSync(join(repo, 'test', 'fixtures', 'workspace', 'support.ts'), 'utf8');
  const lines = largeFixture(source, TYPING_FILE_LINES).split('\n').slice(0, TYPING_FILE_LINES).join('\n');
  mkdirSync(join(dir, 'big'), { recursive: true });
  writeFileSync(join(dir, 'big', 'large_agent.ts'), `${lines}\n`);
}

export function smallWorkspace(repo, dir) {
  addProbeFiles(repo, dir);
  return { name: 'small', dir, note: '5 files: 4 small agents + one 4,000-line file' };
}

/** TOKENOMICS_BENCH_FILES makes the generated workspace smaller for a quick look (the figures in the README are of 10,000). */
export function generatedWorkspace(repo, dir, count = Number(process.env.TOKENOMICS_BENCH_FILES) || 10_000) {
  const { generateWorkspace } = compiled(repo, 'detect.js');
  const bytes = generateWorkspace(dir, count);
  addProbeFiles(repo, dir);
  return { name: 'generated', dir, note: `${count.toLocaleString('en-US')} generated files (${(bytes / 1e6).toFixed(1)} MB) + the probe files` };
}

/** The real repository, when its export is on this machine; undefined otherwise. */
export function corpusWorkspace(repo, dir) {
  const source = join(process.env.TOKENOMICS_CORPUS_CACHE || join(homedir(), '.cache', 'tokenomics-corpus'), CORPUS_REPO);
  if (!existsSync(source)) return undefined;
  cpSync(source, dir, { recursive: true });
  addProbeFiles(repo, join(dir, 'tokenomics-bench'));
  const probe = Object.fromEntries(Object.entries(PROBE_FILES).map(([k, v]) => [k, Array.isArray(v) ? v.map((p) => `tokenomics-bench/${p}`) : `tokenomics-bench/${v}`]));
  return { name: 'corpus', dir, note: `${CORPUS_REPO} (a real repository) + the probe files`, probe };
}
