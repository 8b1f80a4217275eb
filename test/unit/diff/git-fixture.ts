/** Temporary git repositories with real commits, for the diff tests. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CliIo } from '../../../src/cli/command';
import { main } from '../../../src/cli/main';

const ENV = { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.invalid', GIT_CONFIG_NOSYSTEM: '1' };

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

export function writeFiles(dir: string, files: Record<string, string | null>): void {
  for (const [rel, text] of Object.entries(files)) {
    const abs = join(dir, rel);
    if (text === null) rmSync(abs, { force: true });
    else {
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, text);
    }
  }
}

/** A fresh repository with one commit of `files`. */
export function makeRepo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tokenomics-diff-test-'));
  git(dir, 'init', '-q');
  writeFiles(dir, files);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  return dir;
}

/** Writes (null: deletes) files, commits everything, returns the new commit. */
export function commit(dir: string, files: Record<string, string | null>, message = 'change'): string {
  writeFiles(dir, files);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
  return git(dir, 'rev-parse', 'HEAD');
}

export async function cli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), stderrIsTty: false, cwd, readStdin: async () => '' };
  const code = await main(args, io);
  return { code, out, err };
}

/** A TypeScript file with one call (model given) and one loop (bound given, or none). */
export function agentSource(options: { callModel: string; loopModel?: string; loopBound?: number; headerLines?: number; prompt?: string }): string {
  const header = Array.from({ length: options.headerLines ?? 0 }, (_, i) => `// note ${i + 1}`).join('\n');
  const loop = options.loopBound !== undefined ? `for (let step = 0; step < ${options.loopBound}; step++) {` : 'while (true) {';
  return `${header ? header + '\n' : ''}import OpenAI from 'openai';
const client = new OpenAI();
export async function summarize(text: string) {
  return client.chat.completions.create({ model: '${options.callModel}', messages: [{ role: 'user', content: '${options.prompt ?? 'Summarize this.'}' + text }], max_tokens: 300 });
}
export async function run() {
  ${loop}
    const r = await client.chat.completions.create({ model: '${options.loopModel ?? 'gpt-4.1'}', messages: [{ role: 'system', content: 'You are a careful reviewer.' }], max_tokens: 200 });
    if (!r.choices[0].message.tool_calls) return r;
  }
}
`;
}
