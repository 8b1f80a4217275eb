/**
 * Writing one side of a diff into a temporary directory outside the repository,
 * so that the ordinary scan can read it: a commit from git's objects (`ls-tree`
 * + `cat-file --batch`), the working tree by copying what git would commit
 * (tracked and untracked-but-not-ignored files). Nothing in the repository is
 * written: not the work tree, index, HEAD, refs, stash or object store.
 * Files over the size limit become sparse files of the same size, so the scan
 * skips them as `too-large` exactly as it would in a checkout; symlinks and
 * submodules are left out (a checkout would not make them analysable text).
 */
import { promises as fs } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { git } from './run';

export interface ExportOptions {
  /** Only files under this repository-relative folder ('' for all). */
  readonly subpath: string;
  /** Larger files are written as sparse placeholders of the same size. */
  readonly maxFileBytes: number;
}

export interface ExportResult {
  /** Repository-relative paths written (forward slashes). */
  readonly files: number;
}

interface TreeEntry {
  readonly path: string;
  readonly sha: string;
  readonly size: number;
}

/** Bytes of blob content fetched per `cat-file --batch` call, to bound memory. */
const BATCH_BYTES = 32 * 1024 * 1024;

export async function exportCommit(repo: string, commit: string, dest: string, options: ExportOptions): Promise<ExportResult> {
  const listing = await git(repo, ['ls-tree', '-r', '-l', '-z', '--full-tree', commit, ...(options.subpath ? ['--', options.subpath] : [])]);
  const entries: TreeEntry[] = [];
  for (const record of listing.toString('utf8').split('\0')) {
    if (!record) continue;
    const tab = record.indexOf('\t');
    const [mode, type, sha, size] = record.slice(0, tab).split(/\s+/);
    // Regular and executable files only: symlinks (120000) and submodules (commit) are not text we analyse.
    if (type !== 'blob' || (mode !== '100644' && mode !== '100755')) continue;
    entries.push({ path: record.slice(tab + 1), sha, size: Number(size) });
  }
  const wanted: TreeEntry[] = [];
  for (const e of entries) {
    if (e.size > options.maxFileBytes) await writeSparse(dest, e.path, e.size);
    else wanted.push(e);
  }
  for (let i = 0; i < wanted.length; ) {
    const batch: TreeEntry[] = [];
    let bytes = 0;
    while (i < wanted.length && (batch.length === 0 || bytes + wanted[i].size <= BATCH_BYTES)) {
      bytes += wanted[i].size;
      batch.push(wanted[i++]);
    }
    const blobs = splitBatch(await git(repo, ['cat-file', '--batch'], { input: batch.map((e) => e.sha).join('\n') + '\n' }));
    for (const e of batch) {
      const content = blobs.get(e.sha);
      if (content) await writeInside(dest, e.path, content);
    }
  }
  return { files: entries.length };
}

/** The working tree as git sees it: tracked files (as they are on disk) plus untracked files not ignored. */
export async function exportWorkingTree(repo: string, dest: string, options: ExportOptions): Promise<ExportResult> {
  const listing = await git(repo, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', ...(options.subpath ? ['--', options.subpath] : [])]);
  const paths = [...new Set(listing.toString('utf8').split('\0').filter(Boolean))];
  let files = 0;
  for (const path of paths) {
    const source = join(repo, ...path.split('/'));
    let stat;
    try {
      stat = await fs.lstat(source);
    } catch {
      continue; // deleted in the work tree but still in the index: not part of the working tree
    }
    if (!stat.isFile()) continue;
    files++;
    if (stat.size > options.maxFileBytes) await writeSparse(dest, path, stat.size);
    else await writeInside(dest, path, await fs.readFile(source));
  }
  return { files };
}

/** `cat-file --batch` output: `<sha> <type> <size>\n<content>\n` per object; missing ones are skipped. */
function splitBatch(out: Buffer): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(10, at);
    if (eol < 0) break;
    const [sha, type, size] = out.subarray(at, eol).toString('utf8').split(' ');
    if (type === 'missing' || size === undefined) {
      at = eol + 1;
      continue;
    }
    const length = Number(size);
    blobs.set(sha, out.subarray(eol + 1, eol + 1 + length));
    at = eol + 1 + length + 1;
  }
  return blobs;
}

function target(dest: string, path: string): string {
  const abs = resolve(dest, ...path.split('/'));
  const rel = relative(dest, abs);
  if (!rel || rel.startsWith('..') || rel.split(sep).includes('..')) throw new Error(`refusing to write outside the export: ${path}`);
  return abs;
}

async function writeInside(dest: string, path: string, content: Buffer): Promise<void> {
  const abs = target(dest, path);
  await fs.mkdir(dirname(abs), { recursive: true });
  await fs.writeFile(abs, content);
}

async function writeSparse(dest: string, path: string, size: number): Promise<void> {
  const abs = target(dest, path);
  await fs.mkdir(dirname(abs), { recursive: true });
  await fs.writeFile(abs, '');
  await fs.truncate(abs, size);
}
