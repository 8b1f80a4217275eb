/**
 * The Cost report's "vs REF" column in the host, a page at a time. The core's diff of the workspace
 * against a revision (`tokenomics diff`'s engine) has an entry for every site; the page used to get
 * all of them in one post (about as large as the rows themselves). Now the host keeps them in columns
 * aligned with the shown report's rows (report-row-store.ts) and sends, with each page of rows, the
 * deltas of those rows only and a page of the removed sites; the page gets the comparison's summary
 * (`ReportDiffData`). The delta column sorts across pages from these columns. Figures are the core's.
 * No `vscode`.
 */
import {
  isReportDiffData,
  SITES_PAGE_SIZE,
  type ReportDiffData,
  type ReportRemovedSite,
  type ReportRowsPage,
  type ReportSiteDelta,
} from '../webview/protocol/report';
import { isFiniteNumber, isRecord } from '../webview/protocol/guards';

/** The comparison as the host gets it from the diff engine: its summary, every workspace site's delta, the removed sites. */
export interface ReportDiffSites {
  readonly summary: ReportDiffData;
  /** Keyed by `siteDiffKey` of the workspace's site. */
  readonly sites: Readonly<Record<string, ReportSiteDelta>>;
  /** Ranked as the diff engine ranks them (largest monthly change first). */
  readonly removed: readonly ReportRemovedSite[];
}

const CHANGES = ['added', 'changed', 'unchanged'] as const;

const isFigure = (v: unknown): boolean => v === null || isFiniteNumber(v);
const isReasons = (v: unknown): boolean => Array.isArray(v) && v.every((r) => typeof r === 'string');

/** Whether `v` (a message from the scan process) is a comparison the host can page: every delta and removed site well formed. */
export function isReportDiffSites(v: unknown): v is ReportDiffSites {
  if (!isRecord(v) || !isReportDiffData(v.summary) || !isFigure(v.summary.delta.percent) || !isRecord(v.sites) || !Array.isArray(v.removed)) return false;
  const siteOk = (d: unknown): boolean => isRecord(d) && (CHANGES as readonly unknown[]).includes(d.change) && isFigure(d.monthlyDelta) && isFigure(d.monthlyBase) && isReasons(d.reasons);
  const removedOk = (r: unknown): boolean =>
    isRecord(r) && typeof r.path === 'string' && Number.isInteger(r.line) && (r.kind === 'call' || r.kind === 'loop' || r.kind === 'instructions') && isFigure(r.monthlyBase) && isReasons(r.reasons);
  return Object.values(v.sites).every(siteOk) && v.removed.every(removedOk) && v.summary.counts.removed === v.removed.length;
}
const NONE = 255;

/** What the deltas need of the row store: how many rows, and each row's key. */
export interface KeyedRows {
  readonly count: number;
  diffKey(row: number): string;
}

export class ReportRowDeltas {
  readonly summary: ReportDiffData;
  /** Index into CHANGES; NONE for a row the comparison does not have. */
  private readonly change: Uint8Array;
  /** NaN where the figure is null (unpriced on a side). */
  private readonly delta: Float64Array;
  private readonly base: Float64Array;
  /** Reasons are few and mostly shared ("new site"): one array per distinct list. */
  private readonly reasons: (readonly string[])[];
  private readonly removed: readonly ReportRemovedSite[];

  constructor(diff: ReportDiffSites, rows: KeyedRows) {
    this.summary = diff.summary;
    this.removed = diff.removed;
    const n = rows.count;
    this.change = new Uint8Array(n).fill(NONE);
    this.delta = new Float64Array(n).fill(Number.NaN);
    this.base = new Float64Array(n).fill(Number.NaN);
    this.reasons = new Array<readonly string[]>(n);
    const shared = new Map<string, readonly string[]>();
    for (let i = 0; i < n; i++) {
      const d = diff.sites[rows.diffKey(i)];
      if (!d) continue;
      this.change[i] = CHANGES.indexOf(d.change);
      this.delta[i] = d.monthlyDelta ?? Number.NaN;
      this.base[i] = d.monthlyBase ?? Number.NaN;
      const key = d.reasons.join('\n');
      let reasons = shared.get(key);
      if (!reasons) shared.set(key, (reasons = [...d.reasons]));
      this.reasons[i] = reasons;
    }
  }

  /** The delta column's sort figure of a row: its monthly change in dollars; NaN (sorted last) when unknown. */
  sortFigure(row: number): number {
    return this.delta[row];
  }

  /** How row `row` differs from the revision; undefined when the comparison does not have it. */
  deltaOf(row: number): ReportSiteDelta | undefined {
    const change = this.change[row];
    if (change === NONE) return undefined;
    const nullable = (x: number): number | null => (Number.isNaN(x) ? null : x);
    return { change: CHANGES[change], monthlyDelta: nullable(this.delta[row]), monthlyBase: nullable(this.base[row]), reasons: this.reasons[row] ?? [] };
  }

  /** What a page of rows carries of the comparison: the deltas of `rows` (keyed as the page keys them) and the removed sites' page. */
  pageDiff(rows: readonly number[], keyOf: (row: number) => string, removedPage: number | undefined): NonNullable<ReportRowsPage<unknown>['diff']> {
    const deltas: Record<string, ReportSiteDelta> = {};
    for (const i of rows) {
      const d = this.deltaOf(i);
      if (d) deltas[keyOf(i)] = d;
    }
    const pages = Math.max(1, Math.ceil(this.removed.length / SITES_PAGE_SIZE));
    const page = Math.min(Math.max(0, Math.floor(removedPage ?? 0)), pages - 1);
    return { ref: this.summary.ref, deltas, removed: { page, pages, count: this.removed.length, rows: this.removed.slice(page * SITES_PAGE_SIZE, (page + 1) * SITES_PAGE_SIZE) } };
  }
}
