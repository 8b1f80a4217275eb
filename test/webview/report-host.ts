/**
 * The Cost report view's host side for tests, without VS Code: a report built by the core is
 * summarised as the scan process summarises it (`summarizeScan`: the header, the rows file and its
 * index), and the page's queries are answered by the host's own `ReportRowStore`, as
 * `ReportViewHost` answers them. The report's files live in a temporary folder, removed by `dispose`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportData } from '../../src/extension/webviews/report/view-model';
import { ReportRowDeltas, type ReportDiffSites } from '../../src/node/report-row-deltas';
import { ReportRowStore } from '../../src/node/report-row-store';
import type { ScanResult } from '../../src/node/scan';
import { summarizeScan, type ScanSummary } from '../../src/node/scan-summary';
import { isReportPageMessage, type ReportData, type ReportDiffData, type ReportHeader } from '../../src/webview/protocol/report';
import type { WebviewPage } from './harness';

export interface ReportHostFixture {
  /** What the host posts as `report`. */
  readonly header: ReportHeader;
  /** Every row, as the view model builds them (what the pages must show, a page at a time). */
  readonly view: ReportData;
  readonly summary: ScanSummary;
  readonly store: ReportRowStore;
  /**
   * Compares the view with a revision as `ReportViewHost` does: the comparison kept as columns of the
   * rows (sent with each page from now on); returns the summary the host posts as `diff`. Undefined: off.
   */
  compare(diff: ReportDiffSites | undefined): ReportDiffData | undefined;
  /** The comparison's columns, while one is on. */
  readonly deltas: ReportRowDeltas | undefined;
  /** Answers the page's queries (the harness's `host` option). */
  readonly host: (message: { type: string; [k: string]: unknown }, page: WebviewPage) => Promise<void>;
  dispose(): void;
}

export async function reportHost(report: ScanResult, folders: readonly string[], elapsedMs: number): Promise<ReportHostFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'tokenomics-report-host-'));
  const summary = await summarizeScan(report, join(dir, 'report.json'), folders, elapsedMs);
  const store = new ReportRowStore(summary.rows);
  const header = summary.view;
  let deltas: ReportRowDeltas | undefined;
  return {
    header,
    view: reportData(report, folders, elapsedMs),
    summary,
    store,
    compare: (diff) => {
      deltas = diff ? new ReportRowDeltas(diff, store) : undefined;
      return deltas?.summary;
    },
    get deltas() {
      return deltas;
    },
    host: async (message, page) => {
      if (!isReportPageMessage(message) || message.type !== 'query') return;
      await page.send({ type: 'rows', data: await store.query(message.query, header.totals.scopes ?? [], deltas) });
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
