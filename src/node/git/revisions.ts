/**
 * `diffRevisions`: the cost difference between two revisions of a repository.
 * Both sides are exported from git into a temporary folder outside the
 * repository (removed afterwards, whatever happens), scanned by the ordinary
 * scan with the same settings, and compared site by site with git's rename
 * detection and line changes. A file whose content is the same on both sides is
 * parsed once. The repository itself is only read.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { buildDiff, mapLine, parseUnifiedDiff, type DiffReport, type FileChange, type FilePairing } from '../../core/diff';
import type { DetectedFile } from '../../core/detect/types';
import { scanPaths, type ScanOptions, type ScanResult } from '../scan';
import { exportCommit, exportWorkingTree } from './export';
import { headCommit, repositoryRoot, resolveCommit, RepoError } from './repo';
import { git } from './run';
import { withTempDir } from './temp';

/** What both sides are scanned with; `root` and `cwd` are set per side. */
export type SideScanOptions = Omit<ScanOptions, 'root' | 'cwd' | 'detectCache'>;

export interface RevisionDiffOptions {
  /** A folder inside the repository. */
  readonly dir: string;
  readonly base: string;
  /** Absent: the working tree (tracked and untracked-but-not-ignored files, as they are on disk). */
  readonly head?: string;
  /** Only this folder (absolute, or relative to `dir`) is compared; default: the whole repository. */
  readonly path?: string;
  readonly maxFileBytes: number;
  readonly includeUnchanged?: boolean;
  /** Settings for both sides, given the head's scan root (where its tokenomics.json is). */
  readonly settings: (headRoot: string) => SideScanOptions;
}

export interface RevisionDiff {
  readonly report: DiffReport;
  readonly base: ScanResult;
  readonly head: ScanResult;
}

/** Repository-relative, forward slashes; '' for the whole repository. */
function subpathOf(root: string, dir: string, path: string | undefined): string {
  if (path === undefined) return '';
  const abs = resolve(dir, path);
  const rel = relative(root, abs);
  if (rel.startsWith('..') || resolve(root, rel) !== abs) throw new RepoError(`--path ${path} is outside the repository ${root}`);
  return rel.split(sep).join('/');
}

function underSubpath(path: string, subpath: string): string | undefined {
  if (!subpath) return path;
  return path.startsWith(`${subpath}/`) ? path.slice(subpath.length + 1) : undefined;
}

/** Pairs head files with base files from git's changes (paths relative to the scanned folder). */
function pairingFrom(changes: readonly FileChange[], subpath: string): FilePairing {
  const baseOf = new Map<string, string | undefined>();
  const hunksOf = new Map<string, FileChange['hunks']>();
  for (const c of changes) {
    const head = c.headPath !== undefined ? underSubpath(c.headPath, subpath) : undefined;
    const base = c.basePath !== undefined ? underSubpath(c.basePath, subpath) : undefined;
    if (head !== undefined) baseOf.set(head, base);
    if (base !== undefined) hunksOf.set(base, c.hunks);
  }
  return {
    basePathOf: (headPath) => (baseOf.has(headPath) ? baseOf.get(headPath) : headPath),
    mapLine: (basePath, line) => mapLine(hunksOf.get(basePath) ?? [], line),
  };
}

function textReader(root: string): (path: string) => string | undefined {
  return (path) => {
    try {
      return readFileSync(join(root, ...path.split('/')), 'utf8');
    } catch {
      return undefined;
    }
  };
}

export async function diffRevisions(options: RevisionDiffOptions): Promise<RevisionDiff> {
  const repo = await repositoryRoot(options.dir);
  const subpath = subpathOf(repo, options.dir, options.path);
  const baseCommit = await resolveCommit(repo, options.base);
  const headRev = options.head !== undefined ? await resolveCommit(repo, options.head) : undefined;
  const headAt = headRev ?? (await headCommit(repo)) ?? null;
  return withTempDir('tokenomics-diff-', repo, async (tmp) => {
    const baseDir = join(tmp, 'base');
    const headDir = join(tmp, 'head');
    const exportOptions = { subpath, maxFileBytes: options.maxFileBytes };
    await Promise.all([
      exportCommit(repo, baseCommit, baseDir, exportOptions),
      headRev ? exportCommit(repo, headRev, headDir, exportOptions) : exportWorkingTree(repo, headDir, exportOptions),
    ]);
    const baseRoot = join(baseDir, ...subpath.split('/').filter(Boolean));
    const headRoot = join(headDir, ...subpath.split('/').filter(Boolean));
    for (const r of [baseRoot, headRoot]) if (!existsSync(r)) mkdirSync(r, { recursive: true });

    const settings = options.settings(headRoot);
    const detectCache = new Map<string, DetectedFile>();
    const scan = (root: string) => scanPaths([root], { ...settings, root, cwd: root, detectCache });
    const base = await scan(baseRoot);
    const head = await scan(headRoot);

    const patch = await git(repo, ['diff', '-M', '-U0', '--no-color', '--no-ext-diff', '--no-textconv', '--ignore-submodules', baseCommit, ...(headRev ? [headRev] : []), '--', subpath || '.']);
    const report = buildDiff({
      base: { ref: options.base, commit: baseCommit, report: base, textOf: textReader(baseRoot) },
      head: headRev
        ? { ref: options.head!, commit: headRev, report: head, textOf: textReader(headRoot) }
        : { ref: 'working tree', commit: headAt, workingTree: true, report: head, textOf: textReader(headRoot) },
      pairing: pairingFrom(parseUnifiedDiff(patch.toString('utf8')), subpath),
      includeUnchanged: options.includeUnchanged,
    });
    return { report, base, head };
  });
}
