/**
 * The one contract between an editor host and the scan process it forks (src/node/scan-process.ts).
 * The host sends one request and the process exits after its answer:
 *   - `scan` (the Cost report's scan): `progress` messages, then one `result` or one `failed`;
 *   - `diff` (the report's "Compare with revision"): one `diff-result`, one `diff-refused` (git
 *     said no: not a repository, an unknown revision) or one `failed`.
 * Plain data only (it crosses the IPC channel as JSON). The host checks every message it receives
 * with `isScanProcessMessage` (and that it answers the request it sent); the process checks its
 * request with `scanRequestProblem` / `diffRequestProblem`, so a malformed one gets a clear answer
 * instead of a crash.
 */
import type { Catalog } from '../core/catalog/types';
import type { SiteScope } from '../core/report/types';
import type { Assumptions } from '../core/workload';
import type { ScanSummary } from './scan-summary';
import { isReportRowIndex } from './report-rows';
import { isReportDiffSites, type ReportDiffSites } from './report-row-deltas';

/** What the process needs to run `scanPaths`: its options, less the functions (the process has its own core). */
export interface ScanRequest {
  readonly paths: readonly string[];
  readonly root: string;
  readonly cwd: string;
  readonly exclude: readonly string[];
  readonly maxFileBytes: number;
  readonly respectGitignore: boolean;
  /** Detection worker threads inside the process. */
  readonly jobs: number;
  /** The host's catalog, with the user's custom models and price overrides applied. */
  readonly catalog: Catalog;
  readonly assumptions: Assumptions;
  readonly headlineScopes?: readonly SiteScope[];
  /**
   * Where the process writes the whole report (JSON) before it answers; the host reads it back
   * only for Export. The host picks the path (a private temporary folder) and deletes the file.
   */
  readonly reportFile: string;
  /** The workspace folders' names, as the view heads the report with them. */
  readonly folders?: readonly string[];
}

/** Host → process. Cancel is not a message: the host kills the process, which frees its memory at once. */
export interface ScanStart {
  readonly type: 'scan';
  readonly request: ScanRequest;
}

/**
 * What the process needs to compare a folder with a revision as `tokenomics diff <ref> --path <root>`
 * does (`diffRevisions`): both sides scanned with these settings, the working tree against `ref`.
 */
export interface DiffRequest {
  /** The folder compared (the report's scanned root); only it is compared, also when the repository is larger. */
  readonly root: string;
  /** `HEAD`, a branch, a tag, or any revision git knows. */
  readonly ref: string;
  readonly exclude: readonly string[];
  readonly maxFileBytes: number;
  readonly respectGitignore: boolean;
  // No worker count: the diff detects on one thread, as it shares each unchanged file's detection between both sides.
  readonly catalog: Catalog;
  readonly assumptions: Assumptions;
}

export interface DiffStart {
  readonly type: 'diff';
  readonly request: DiffRequest;
}

/** Process → host. */
export type ScanProcessMessage =
  | { readonly type: 'progress'; readonly done: number; readonly total: number; readonly current?: string }
  /** What the host keeps: the view's header, its rows' index (the rows are in a file), the models named, and where the whole report is. */
  | { readonly type: 'result'; readonly summary: ScanSummary }
  /** One line that says what went wrong; the process exits after it. */
  | { readonly type: 'failed'; readonly message: string }
  /** The comparison as the view keeps it: its summary, every workspace site's delta, the removed sites. */
  | { readonly type: 'diff-result'; readonly data: ReportDiffSites }
  /** Git refused the comparison (its words, e.g. `unknown revision 'x'`); the host says it in the view's words. */
  | { readonly type: 'diff-refused'; readonly message: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export function isScanProcessMessage(m: unknown): m is ScanProcessMessage {
  if (!isRecord(m)) return false;
  switch (m.type) {
    case 'progress':
      return isCount(m.done) && isCount(m.total) && (m.current === undefined || typeof m.current === 'string');
    case 'result':
      return isScanSummary(m.summary);
    case 'failed':
    case 'diff-refused':
      return typeof m.message === 'string';
    case 'diff-result':
      return isReportDiffSites(m.data);
    default:
      return false;
  }
}

function isScanSummary(s: unknown): s is ScanSummary {
  if (!isRecord(s) || typeof s.reportFile !== 'string' || !Array.isArray(s.models) || !isCount(s.files) || !isCount(s.filesWithSites)) return false;
  const view = s.view;
  return isRecord(view) && isCount(view.siteCount) && isRecord(view.totals) && Array.isArray(view.folders) && isReportRowIndex(s.rows) && s.rows.sites.offset.length === view.siteCount;
}

/** Why a `scan` message cannot be run, or undefined when it can. */
export function scanRequestProblem(m: unknown): string | undefined {
  if (!isRecord(m) || m.type !== 'scan') return 'expected a scan request';
  const r = m.request;
  if (!isRecord(r)) return 'the scan request has no options';
  if (!Array.isArray(r.paths) || r.paths.length === 0 || !r.paths.every((p) => typeof p === 'string')) return 'the scan request names no paths';
  if (typeof r.root !== 'string' || typeof r.cwd !== 'string') return 'the scan request has no root';
  if (typeof r.reportFile !== 'string' || r.reportFile === '') return 'the scan request names no report file';
  if (r.folders !== undefined && !(Array.isArray(r.folders) && r.folders.every((f) => typeof f === 'string'))) return 'the scan request has malformed folder names';
  if (!Array.isArray(r.exclude) || !r.exclude.every((g) => typeof g === 'string')) return 'the scan request has no exclude list';
  if (!isCount(r.maxFileBytes) || !isCount(r.jobs) || typeof r.respectGitignore !== 'boolean') return 'the scan request has no limits';
  if (!isRecord(r.catalog) || !Array.isArray(r.catalog.models) || !Array.isArray(r.catalog.offerings)) return 'the scan request has no catalog';
  if (!isRecord(r.assumptions)) return 'the scan request has no assumptions';
  return undefined;
}

/** Why a `diff` message cannot be run, or undefined when it can. */
export function diffRequestProblem(m: unknown): string | undefined {
  if (!isRecord(m) || m.type !== 'diff') return 'expected a diff request';
  const r = m.request;
  if (!isRecord(r)) return 'the diff request has no options';
  if (typeof r.root !== 'string' || r.root === '') return 'the diff request names no folder';
  if (typeof r.ref !== 'string' || r.ref.trim() === '') return 'the diff request names no revision';
  if (!Array.isArray(r.exclude) || !r.exclude.every((g) => typeof g === 'string')) return 'the diff request has no exclude list';
  if (!isCount(r.maxFileBytes) || typeof r.respectGitignore !== 'boolean') return 'the diff request has no limits';
  if (!isRecord(r.catalog) || !Array.isArray(r.catalog.models) || !Array.isArray(r.catalog.offerings)) return 'the diff request has no catalog';
  if (!isRecord(r.assumptions)) return 'the diff request has no assumptions';
  return undefined;
}

/** An error's first line, for a message the user reads (stacks go to the log, not the view). */
export function oneLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n').find((l) => l.trim() !== '')?.trim() ?? 'unknown error';
}
