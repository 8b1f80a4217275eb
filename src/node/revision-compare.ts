/**
 * The Cost report's "Compare with revision" as the scan process runs it (src/node/scan-process.ts):
 * the report's folder against a revision with `diffRevisions` (the engine of `tokenomics diff`, the
 * same call as `tokenomics diff <ref> --path <folder> --all`), turned into what the host pages from
 * (`ReportDiffSites`). Exporting both sides and scanning them is the heavy part, so it runs in the
 * scan process, not in the extension host. Git's refusals (not a repository, an unknown revision)
 * are an answer, in git's words; the host says them in the view's words (revision-diff.ts).
 */
import { resolveModel } from '../core/catalog';
import { headlineText, type DiffReport } from '../core/diff';
import { siteDiffKey, type ReportRemovedSite, type ReportSiteDelta } from '../webview/protocol/report';
import { diffRevisions } from './git/revisions';
import { RepoError } from './git/repo';
import { GitError } from './git/run';
import type { ReportDiffSites } from './report-row-deltas';
import type { DiffRequest, ScanProcessMessage } from './scan-process-protocol';

/**
 * The view's side of a diff: its summary (what the page gets), every site of the workspace keyed as
 * the host keys its rows, and the removed ones (sent to the page a page at a time: report-row-deltas.ts).
 */
export function reportDiffSites(report: DiffReport, ref: string): ReportDiffSites {
  const sites: Record<string, ReportSiteDelta> = {};
  const removed: ReportRemovedSite[] = [];
  const counts = { added: 0, changed: 0, unchanged: 0, removed: 0 };
  for (const s of report.sites) {
    counts[s.change]++;
    if (s.change === 'removed') {
      removed.push({ path: s.path, line: s.line, kind: s.kind, monthlyBase: s.monthly.base, reasons: s.reasons });
      continue;
    }
    sites[siteDiffKey(s)] = { change: s.change, monthlyDelta: s.monthly.delta, monthlyBase: s.monthly.base, reasons: s.reasons };
  }
  return {
    summary: {
      ref,
      commit: (report.base.commit ?? '').slice(0, 7),
      delta: { usd: report.delta.monthlyCost.usd, percent: report.delta.percent },
      headline: headlineText(report),
      counts,
    },
    sites,
    removed,
  };
}

export type CompareAnswer = Extract<ScanProcessMessage, { type: 'diff-result' | 'diff-refused' }>;

/**
 * Compares the folder `request.root` (working tree, untracked files included, as the view scanned it)
 * with `request.ref`. Rejects on anything but git's refusals (the process answers that as `failed`).
 */
export async function compareFolder(request: DiffRequest): Promise<CompareAnswer> {
  const { root, ref, maxFileBytes } = request;
  const settings = { catalog: request.catalog, assumptions: request.assumptions, resolveModel, exclude: request.exclude, maxFileBytes, respectGitignore: request.respectGitignore };
  try {
    const { report } = await diffRevisions({ dir: root, base: ref, path: root, maxFileBytes, includeUnchanged: true, settings: () => settings });
    return { type: 'diff-result', data: reportDiffSites(report, ref) };
  } catch (err) {
    // The whole message: the host matches it ("not a git repository", "unknown revision") to say it in the view's words.
    if (err instanceof RepoError || err instanceof GitError) return { type: 'diff-refused', message: err.message };
    throw err;
  }
}
