#!/usr/bin/env node
/**
 * Export the pinned commits of the real-application corpus (bench/repos/corpus.json) to plain
 * directories that `npm run bench:repos` scans.
 *
 *   node scripts/corpus/export.mjs                      every repository of the corpus
 *   node scripts/corpus/export.mjs owner/name ...       some of them
 *   node scripts/corpus/export.mjs owner/name --git-dir /path/to/repo.git
 *
 * The git directory of `owner/name` is found under $TOKENOMICS_CORPUS_MIRROR (default /work/.mirror)
 * as `<owner>+<name>/repo` (what the fetch tool gives), or given with --git-dir (any clone or bare
 * mirror that holds the commit). The export goes to $TOKENOMICS_CORPUS_DIR/<owner>+<name>
 * (default ~/.cache/tokenomics-corpus/<owner>+<name>), replacing what was there.
 *
 * Why blob by blob (`git ls-tree -r -z` + `git cat-file --batch`) and not `git archive`: mirrors may
 * lack their largest blobs, and `git archive` then stops partway without failing loudly. Here a
 * missing blob is skipped and counted, and everything else is written. Symlinks and submodules are
 * not exported (counted too). Nothing of the repositories is ever committed to Tokenomics: only labels.
 */
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function corpusDir() {
  return process.env.TOKENOMICS_CORPUS_DIR ?? join(homedir(), '.cache', 'tokenomics-corpus');
}

export function mirrorDir(repo) {
  return join(process.env.TOKENOMICS_CORPUS_MIRROR ?? '/work/.mirror', repo.replace('/', '+'), 'repo');
}

/** Entries of the tree at `commit`: regular files only, with what was left out counted. */
function listTree(gitDir, commit) {
  const out = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-z', '--full-tree', commit], { maxBuffer: 1 << 30 });
  const blobs = [];
  const left = { symlinks: 0, submodules: 0 };
  for (const record of out.toString('utf8').split('\0')) {
    if (!record) continue;
    const tab = record.indexOf('\t');
    const [mode, type, sha] = record.slice(0, tab).split(' ');
    const path = record.slice(tab + 1);
    if (type === 'commit') left.submodules++;
    else if (mode === '120000') left.symlinks++;
    else if (type === 'blob') blobs.push({ sha, path });
  }
  return { blobs, left };
}

/** Reads the blobs through one `git cat-file --batch`, calling `onBlob(entry, buffer | null)` in order (null: missing). */
function readBlobs(gitDir, entries, onBlob) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('git', ['--git-dir', gitDir, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let pending = Buffer.alloc(0);
    let index = 0;
    child.stdout.on('data', (chunk) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      for (;;) {
        const newline = pending.indexOf(10);
        if (newline < 0) return;
        const header = pending.subarray(0, newline).toString('utf8');
        if (header.endsWith(' missing')) {
          onBlob(entries[index++], null);
          pending = pending.subarray(newline + 1);
          continue;
        }
        const size = Number(header.split(' ')[2]);
        if (pending.length < newline + 1 + size + 1) return;
        onBlob(entries[index++], pending.subarray(newline + 1, newline + 1 + size));
        pending = pending.subarray(newline + 1 + size + 1);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 && index === entries.length ? resolvePromise() : reject(new Error(`git cat-file stopped after ${index} of ${entries.length} objects (exit ${code})`))));
    child.stdin.end(entries.map((e) => e.sha).join('\n') + '\n');
  });
}

export async function exportRepo(repo, commit, gitDir, dest) {
  if (!existsSync(gitDir)) throw new Error(`no git directory for ${repo} at ${gitDir}: fetch it first, or pass --git-dir`);
  const { blobs, left } = listTree(gitDir, commit);
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  let written = 0;
  const missing = [];
  await readBlobs(gitDir, blobs, (entry, content) => {
    if (!content) return void missing.push(entry.path);
    const target = resolve(dest, entry.path);
    if (!target.startsWith(dest + sep)) return void missing.push(entry.path); // never write outside the export
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    written++;
  });
  const manifest = { repo, commit, exportedAt: new Date().toISOString(), written, missing, symlinks: left.symlinks, submodules: left.submodules };
  writeFileSync(`${dest}.export.json`, JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

async function main() {
  const args = process.argv.slice(2);
  let gitDirFlag;
  const names = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--git-dir') gitDirFlag = args[++i];
    else if (args[i] === '--help' || args[i] === '-h') {
      console.log('usage: node scripts/corpus/export.mjs [owner/name ...] [--git-dir DIR]');
      return;
    } else names.push(args[i]);
  }
  const corpus = JSON.parse(readFileSync(join(ROOT, 'bench', 'repos', 'corpus.json'), 'utf8'));
  const chosen = names.length ? names.map((n) => corpus.repos.find((r) => r.repo === n) ?? { repo: n, missingFromCorpus: true }) : corpus.repos;
  if (gitDirFlag && chosen.length !== 1) throw new Error('--git-dir goes with exactly one owner/name');
  let failed = 0;
  for (const entry of chosen) {
    if (entry.missingFromCorpus) {
      console.error(`${entry.repo}: not in bench/repos/corpus.json`);
      failed++;
      continue;
    }
    const gitDir = gitDirFlag ? resolve(gitDirFlag) : mirrorDir(entry.repo);
    const dest = join(corpusDir(), entry.repo.replace('/', '+'));
    try {
      const m = await exportRepo(entry.repo, entry.commit, gitDir, dest);
      console.log(`${entry.repo}@${entry.commit.slice(0, 10)} → ${dest}: ${m.written} files` + (m.missing.length ? `, ${m.missing.length} missing blobs skipped` : '') + (m.symlinks + m.submodules ? `, ${m.symlinks} symlinks and ${m.submodules} submodules left out` : ''));
    } catch (error) {
      console.error(`${entry.repo}: ${error.message}`);
      failed++;
    }
  }
  if (failed) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error.message);
    process.exitCode = 1;
  });
}
