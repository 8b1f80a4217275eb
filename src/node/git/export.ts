/**
 * Writing one side of a diff into a temporary directory outside the repository,
 * so that the ordinary scan can read it: a commit from git's objects (`ls-tree`
 * + `cat-file --batch`), the working tree by copying what git would commit
 * (tracked and untracked-but-not-ignored files). Nothing in the repository is
 * written: not the work tree, index, HEAD, refs, stash or object store.
 * Files over the size limit become sparse files of the same size, so the scan
 * skips them as `too-large` exactly as it would in a checkout; symlinks and
 * submodules are left out (a checkout would not make them analysable text).
 * Only what a scan reads is written: files of the types it analyses, plus
 * `.gitignore` and `tokenomics.json` files (so totals are the same as a scan of a
 * checkout; other files would only be counted as `unsupported`). Writes run a
 * few at a time.
 */
import { promises as fs } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { classifyPath } from '../../core/detect/language';
import { git } from './run';

/** Files written at once: enough to keep the file system busy, few enough to stay under open-file limits. */
const WRITE_CONCURRENCY = 32;

/** Whether a scan of the export reads this file (analyses it, or takes rules or settings from it). */
export function neededByScan(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base === '.gitignore' || base === 'tokenomics.json' || classifyPath(path) !== undefined;
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

export interface ExportOptions {
  /** Only files under this repository-relative folder ('' for all). */
  readonly subpath: string;
  /** Larger files are written as sparse placeholders of the same size. */
  readonly maxFileBytes: number;
  /**
   * Another export of the same repository: a file whose blob is the same there is hard-linked
   * from it instead of read from git and written again (the two sides of a diff share most files).
   */
  readonly linkFrom?: { readonly dir: string; readonly blobs: ReadonlyMap<string, string> };
}

export interface ExportResult {
  /** Files written. */
  readonly files: number;
  /** For a commit: the blob of each file written, by repository path (for `linkFrom`). */
  readonly blobs: ReadonlyMap<string, string>;
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
    if (!neededByScan(record.slice(tab + 1))) continue;
    entries.push({ path: record.slice(tab + 1), sha, size: Number(size) });
  }
  const link = options.linkFrom;
  const linked = new Set<TreeEntry>();
  if (link) {
    await eachLimited(
      entries.filter((e) => e.size <= options.maxFileBytes && link.blobs.get(e.path) === e.sha),
      WRITE_CONCURRENCY,
      async (e) => {
        if (await linkInside(link.dir, dest, e.path)) linked.add(e);
      },
    );
  }
  const wanted = entries.filter((e) => e.size <= options.maxFileBytes && !linked.has(e));
  await eachLimited(
    entries.filter((e) => e.size > options.maxFileBytes),
    WRITE_CONCURRENCY,
    (e) => writeSparse(dest, e.path, e.size),
  );
  for (let i = 0; i < wanted.length; ) {
    const batch: TreeEntry[] = [];
    let bytes = 0;
    while (i < wanted.length && (batch.length === 0 || bytes + wanted[i].size <= BATCH_BYTES)) {
      bytes += wanted[i].size;
      batch.push(wanted[i++]);
    }
    const blobs = splitBatch(await git(repo, ['cat-file', '--batch'], { input: batch.map((e) => e.sha).join('\n') + '\n' }));
    await eachLimited(batch, WRITE_CONCURRENCY, async (e) => {
      const content = blobs.get(e.sha);
      if (content) await writeInside(dest, e.path, content);
    });
  }
  return { files: entries.length, blobs: new Map(entries.map((e) => [e.path, e.sha])) };
}

/** The working tree as git sees it: tracked files (as they are on disk) plus untracked files not ignored. */
export async function exportWorkingTree(repo: string, dest: string, options: ExportOptions): Promise<ExportResult> {
  const listing = await git(repo, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', ...(options.subpath ? ['--', options.subpath] : [])]);
  const paths = [...new Set(listing.toString('utf8').split('\0').filter(Boolean))].filter(neededByScan);
  let files = 0;
  await eachLimited(paths, WRITE_CONCURRENCY, async (path) => {
    const source = join(repo, ...path.split('/'));
    let stat;
    try {
      stat = await fs.lstat(source);
    } catch {
      return; // deleted in the work tree but still in the index: not part of the working tree
    }
    if (!stat.isFile()) return;
    files++;
    if (stat.size > options.maxFileBytes) await writeSparse(dest, path, stat.size);
    else await writeInside(dest, path, await fs.readFile(source));
  });
  return { files, blobs: new Map() };
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

/** Hard-links `path` of one export into another; false when that fails (then it is written instead). */
async function linkInside(fromDir: string, dest: string, path: string): Promise<boolean> {
  const abs = target(dest, path);
  try {
    await fs.mkdir(dirname(abs), { recursive: true });
    await fs.link(target(fromDir, path), abs);
    return true;
  } catch {
    return false;
  }
}

async function writeSparse(dest: string, path: string, size: number): Promise<void> {
  const abs = target(dest, path);
  await fs.mkdir(dirname(abs), { recursive: true });
  await fs.writeFile(abs, '');
  await fs.truncate(abs, size);
}
