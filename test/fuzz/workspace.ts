/**
 * Builds a hostile workspace on disk: mutated real agent files, the pathological
 * files, a symlink loop, a named pipe with a source extension, a malformed
 * tokenomics.json. Also hashes a tree so tests can prove a scan changed nothing.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { mutate, pathologicalFiles, seededRandom } from './pathological';

export interface HostileWorkspace {
  readonly root: string;
  readonly mutatedFiles: number;
  readonly pathologicalFiles: number;
}

export function buildHostileWorkspace(sources: readonly { path: string; text: string }[], count: number, seed: number, bigMinifiedBytes?: number): HostileWorkspace {
  const root = mkdtempSync(join(tmpdir(), 'tokenomics-hostile-'));
  const rand = seededRandom(seed);
  mkdirSync(join(root, 'mutated'));
  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length];
    const ext = source.path.slice(source.path.lastIndexOf('.'));
    writeFileSync(join(root, 'mutated', `m${String(i).padStart(4, '0')}${ext}`), mutate(source.text, rand));
  }
  mkdirSync(join(root, 'pathological'));
  const hostile = pathologicalFiles(seed, bigMinifiedBytes);
  for (const f of hostile) writeFileSync(join(root, 'pathological', f.name), f.bytes);
  // A directory symlink that points at its own parent: a walker that follows it never ends.
  mkdirSync(join(root, 'loop'));
  symlinkSync('..', join(root, 'loop', 'again'));
  symlinkSync(join(root, 'does-not-exist.ts'), join(root, 'dangling.ts'));
  // A FIFO named like source: reading it would block forever.
  try {
    execFileSync('mkfifo', [join(root, 'pipe.ts')]);
  } catch {
    // mkfifo missing: the other cases still run.
  }
  writeFileSync(join(root, 'tokenomics.json'), '{\n  "defaultModel": "gpt-4.1",\n  "outputTokens": -5,\n  "callsPerDay": "lots",\n  "budgets": { "monthlyUsd": 1e400 ,\n}\n');
  return { root, mutatedFiles: count, pathologicalFiles: hostile.length };
}

/** sha256 over every path, type, mode, size and content (symlinks by target), never following links. */
export function hashTree(root: string): string {
  const hash = createHash('sha256');
  const visit = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      const st = lstatSync(p);
      const rel = relative(root, p);
      hash.update(`${rel}\0${st.mode}\0${st.size}\0${st.mtimeMs}\0`);
      if (st.isSymbolicLink()) hash.update(readlinkSync(p));
      else if (st.isDirectory()) visit(p);
      else if (st.isFile()) hash.update(readFileSync(p));
    }
  };
  visit(root);
  return hash.digest('hex');
}
