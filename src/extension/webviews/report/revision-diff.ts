/**
 * The Cost report's "vs REF" column: the workspace folder against a revision with the core's diff
 * engine (`diffRevisions`, the engine of `tokenomics diff`), turned into what the page shows. No
 * vscode: the host passes the scan settings it scanned with, so both columns agree. A folder that
 * is not in a git repository, or a revision git does not know, is a one-line message.
 */
import { headlineText, type DiffReport } from '../../../core/diff';
import { GitError, gitText } from '../../../node/git/run';
import { RepoError } from '../../../node/git/repo';
import { diffRevisions, type SideScanOptions } from '../../../node/git/revisions';
import type { ReportDiffSites } from '../../../node/report-row-deltas';
import { siteDiffKey, type ReportRemovedSite, type ReportSiteDelta } from '../../../webview/protocol/report';

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

export type RevisionDiffResult = { readonly ok: true; readonly data: ReportDiffSites } | { readonly ok: false; readonly message: string };

/**
 * Compares the folder `root` (as the view scanned it: working tree, untracked files included)
 * with `ref`. Only `root` is compared, also when the repository is larger.
 */
export async function diffFolderWith(root: string, ref: string, settings: SideScanOptions, maxFileBytes: number): Promise<RevisionDiffResult> {
  try {
    const { report } = await diffRevisions({ dir: root, base: ref, path: root, maxFileBytes, includeUnchanged: true, settings: () => settings });
    return { ok: true, data: reportDiffSites(report, ref) };
  } catch (err) {
    if (err instanceof RepoError || err instanceof GitError) return { ok: false, message: userMessage(err.message, root, ref) };
    throw err;
  }
}

function userMessage(message: string, root: string, ref: string): string {
  if (/not a git repository|not inside a git work tree/.test(message)) return `No comparison with ${ref}: ${root} is not in a git repository.`;
  if (/unknown revision/.test(message)) return `No comparison with ${ref}: git does not know that revision here.`;
  return `No comparison with ${ref}: ${message}`;
}

/** Branches and tags to offer, most recently committed first; none outside a repository. */
export async function revisionsToOffer(root: string, limit = 30): Promise<string[]> {
  try {
    const text = await gitText(root, ['for-each-ref', '--sort=-committerdate', `--count=${limit}`, '--format=%(refname:short)', 'refs/heads', 'refs/tags']);
    return text.split('\n').filter((r) => r.trim() !== '');
  } catch {
    return [];
  }
}
