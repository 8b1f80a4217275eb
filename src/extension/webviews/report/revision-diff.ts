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
import { siteDiffKey, type ReportDiffData, type ReportSiteDelta } from '../../../webview/protocol/report';

/** The page's view of a diff: every site of the workspace keyed as the page keys its rows, and the removed ones. */
export function reportDiffData(report: DiffReport, ref: string): ReportDiffData {
  const sites: Record<string, ReportSiteDelta> = {};
  const removed: ReportDiffData['removed'][number][] = [];
  for (const s of report.sites) {
    if (s.change === 'removed') {
      removed.push({ path: s.path, line: s.line, kind: s.kind, monthlyBase: s.monthly.base, reasons: s.reasons });
      continue;
    }
    sites[siteDiffKey(s)] = { change: s.change, monthlyDelta: s.monthly.delta, monthlyBase: s.monthly.base, reasons: s.reasons };
  }
  return {
    ref,
    commit: (report.base.commit ?? '').slice(0, 7),
    delta: { usd: report.delta.monthlyCost.usd, percent: report.delta.percent },
    headline: headlineText(report),
    sites,
    removed,
  };
}

export type RevisionDiffResult = { readonly ok: true; readonly data: ReportDiffData } | { readonly ok: false; readonly message: string };

/**
 * Compares the folder `root` (as the view scanned it: working tree, untracked files included)
 * with `ref`. Only `root` is compared, also when the repository is larger.
 */
export async function diffFolderWith(root: string, ref: string, settings: SideScanOptions, maxFileBytes: number): Promise<RevisionDiffResult> {
  try {
    const { report } = await diffRevisions({ dir: root, base: ref, path: root, maxFileBytes, includeUnchanged: true, settings: () => settings });
    return { ok: true, data: reportDiffData(report, ref) };
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
