/**
 * Protocol of the "Cost report" sidebar view (view id `tokenomics.report`).
 * Imported by the page (src/webview/report) and the host
 * (src/extension/webviews/report); never imports vscode.
 *
 * The host scans the workspace with the core's `scanPaths` (the engine behind
 * `tokenomics scan`) and turns the ScanReport into the rows below (ranked by the core's
 * monthly cost). The page gets the report's header (`ReportHeader`: totals, counts) and asks
 * for the rows it shows a page at a time; filter, sort and paging run in the host
 * (report-pages.ts), so a large workspace's rows are never all posted.
 *
 *   page → host  `ready`                      the page listens; the host flushes what it held
 *   page → host  `refresh` / `cancel`         start a new scan / stop the running one
 *   page → host  `reveal` {path, siteId}      open the site in an editor (only sites of the last report)
 *   page → host  `export` {format}            save the last report through a save dialog
 *   page → host  `diffOff`                    stop comparing with a revision (the title bar picks one)
 *   page → host  `diffAgain`                  run the comparison a new scan stopped again
 *   page → host  `query` {query}              the rows of the pages shown (report-pages.ts)
 *   host → page  `scanning` {folders}         a scan started
 *   host → page  `progress` {done, total?, current?}
 *   host → page  `report` {data}              the finished report's header (totals, counts, models)
 *   host → page  `rows` {data}                the rows a `query` asked for
 *   host → page  `cancelled` / `error` {message}
 *   host → page  `exported` {file}            where the export went (a name, for a notice)
 *   host → page  `diffing` {ref}              comparing the workspace with a revision (vs HEAD)
 *   host → page  `diff` {data}                the comparison's summary (each row's delta comes with its page)
 *   host → page  `diffError` {ref, message}   the comparison failed (not a git repository, unknown ref)
 *   host → page  `diffStopped` {ref, message} a new scan stopped the comparison (its process killed): never
 *                                             left at "Comparing…"; it runs again after the scan, or on `diffAgain`
 *   host → page  `diffCleared`                the comparison is off
 */
import type { Price } from '../../core/cost/types';
import type { SiteScope, UnknownInput } from '../../core/report/types';
import { isFiniteNumber, isNonEmptyString, isRecord } from './guards';
import { isReportQuery, isReportRowsPage, type ReportQuery, type ReportRowsPage, type SiteSort } from './report-pages';

export * from './report-pages';

export const REPORT_VIEW_ID = 'tokenomics.report';
export const EXPORT_FORMATS = ['markdown', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type SiteKind = 'call' | 'loop' | 'instructions';

/** One priced site of the workspace. Paths are relative to the scanned root, with forward slashes. */
export interface ReportSiteView {
  readonly siteId: string;
  readonly kind: SiteKind;
  readonly path: string;
  readonly line: number;
  readonly column: number;
  /** Framework or SDK (`openai`, `vercel-ai`, `hand-written`…), or the instruction file's kind. */
  readonly framework: string;
  readonly model?: string;
  /** Cost of one call, one agent task, or one coding-agent request. */
  readonly perUnit: Price;
  readonly unit: 'call' | 'task' | 'request';
  /** Projected at the site's calls per day × 30 days; unpriced when its price is unknown. */
  readonly monthly: Price;
  readonly callsPerDay?: number;
  readonly steps?: number;
  readonly inputTokens: number;
  /** The scan could not read what the site sends: `inputTokens` is an assumed size (core/report/unknown-input.ts). */
  readonly inputUnknown?: UnknownInput;
  /** Assumptions and warnings attached to the site (for its tooltip / details). */
  readonly notes: readonly string[];
  /** Where the site runs (the file's scope); absent in reports saved before scopes: `runtime`. */
  readonly scope?: SiteScope;
  /** A relay of the app's own requests (`path:line`): its monthly figure is theirs, counted there and in no total. */
  readonly relays?: readonly string[];
}

/**
 * The workspace against a revision, as the page gets it: the comparison's summary. How each site
 * differs comes with the rows of each page (`ReportRowsPage.diff`): a large workspace's deltas are
 * never all posted.
 */
export interface ReportDiffData {
  /** The revision as picked (`HEAD`, `main`). */
  readonly ref: string;
  /** Its commit, abbreviated. */
  readonly commit: string;
  /** Head minus base of the headline monthly totals, and percent of the base's (null when the base costs nothing). */
  readonly delta: { readonly usd: number; readonly percent: number | null };
  /** The core's headline for it: `LLM cost +$412 a month (+18%)` or `No change to LLM cost`. */
  readonly headline: string;
  /** How many of the workspace's sites were added, changed or kept since the revision, and how many it had that are gone. */
  readonly counts: { readonly added: number; readonly changed: number; readonly unchanged: number; readonly removed: number };
}

export interface ReportData {
  readonly root: string;
  readonly folders: readonly string[];
  readonly catalog: { readonly asOf: string; readonly source: string };
  /** The traffic assumption behind every monthly figure: calls (or tasks) a day per site, unless a site's annotation says otherwise. */
  readonly callsPerDay?: number;
  readonly totals: {
    readonly files: number;
    readonly prompts: number;
    readonly calls: number;
    readonly agentLoops: number;
    readonly monthlyCost: Price;
    /** Sum of the priced sites only, and how many sites are unpriced (from the scan, when it says). */
    readonly pricedMonthlyCost?: Price;
    readonly unpricedSites?: number;
    readonly byModel: readonly { readonly model: string; readonly monthlyCost: Price; readonly sites: number }[];
    readonly byFile: readonly { readonly path: string; readonly monthlyCost: Price }[];
    /** Monthly cost and site count per scope (the core's totals), and the scopes that make the headline. */
    readonly byScope?: readonly { readonly scope: SiteScope; readonly monthlyCost: Price; readonly sites: number }[];
    readonly scopes?: readonly SiteScope[];
  };
  /** The core's note when prompts were found but no request that sends them (`unsentPromptsNote`). */
  readonly coverageNote?: string;
  /** Ranked by projected monthly cost, most expensive first; unpriced last. */
  readonly sites: readonly ReportSiteView[];
  readonly skipped: number;
  readonly diagnostics: number;
  readonly budgetExceeded: number;
  /** Milliseconds the scan took, for the status line. */
  readonly elapsedMs: number;
}

/**
 * What the page gets of a report: everything but its rows (asked for a page at a time) and the
 * per-file totals (the "By file" table is paged the same way).
 */
export type ReportHeader = Omit<ReportData, 'sites' | 'totals'> & {
  readonly totals: Omit<ReportData['totals'], 'byFile'>;
  /** Sites in the report, and files in the "By file" table. */
  readonly siteCount: number;
  readonly fileCount: number;
  /** Every model a site names, sorted (the model filter's choices). */
  readonly models: readonly string[];
};

/** A site row as the page gets it. */
export type ReportSiteRows = ReportRowsPage<ReportSiteView>;

export type ReportPageMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'refresh' }
  | { readonly type: 'cancel' }
  | { readonly type: 'reveal'; readonly path: string; readonly siteId: string }
  | { readonly type: 'export'; readonly format: ExportFormat }
  | { readonly type: 'diffOff' }
  | { readonly type: 'diffAgain' }
  | { readonly type: 'query'; readonly query: ReportQuery };

export type ReportHostMessage =
  | { readonly type: 'scanning'; readonly folders: readonly string[] }
  | { readonly type: 'progress'; readonly done: number; readonly total?: number; readonly current?: string }
  | { readonly type: 'report'; readonly data: ReportHeader }
  | { readonly type: 'rows'; readonly data: ReportSiteRows }
  | { readonly type: 'cancelled' }
  | { readonly type: 'error'; readonly message: string }
  | { readonly type: 'exported'; readonly file: string }
  | { readonly type: 'diffing'; readonly ref: string }
  | { readonly type: 'diff'; readonly data: ReportDiffData }
  | { readonly type: 'diffError'; readonly ref: string; readonly message: string }
  | { readonly type: 'diffStopped'; readonly ref: string; readonly message: string }
  | { readonly type: 'diffCleared' };

export interface ReportUiState {
  readonly text: string;
  readonly model: string;
  readonly kind: '' | SiteKind;
  /** Page of the headline (runtime) sites. */
  readonly page: number;
  /** Scope groups listed apart that the user opened, and their pages. */
  readonly open?: readonly SiteScope[];
  readonly pages?: Readonly<Partial<Record<SiteScope, number>>>;
  /** The sites' order (the core's ranking unless the user picked a column), and the "By file" page. */
  readonly sort?: SiteSort;
  readonly filesPage?: number;
  /** The page of the "Removed since REF" table. */
  readonly removedPage?: number;
}

export interface ReportSavedState {
  readonly data?: ReportHeader;
  /** The rows last shown, so a restored page shows them before the host answers. */
  readonly rows?: ReportSiteRows;
  readonly ui?: ReportUiState;
  readonly diff?: ReportDiffData;
}

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

export function isReportPageMessage(value: unknown): value is ReportPageMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'ready':
    case 'refresh':
    case 'cancel':
    case 'diffOff':
    case 'diffAgain':
      return true;
    case 'reveal':
      return isNonEmptyString(value.path) && isNonEmptyString(value.siteId, 512);
    case 'export':
      return isExportFormat(value.format);
    case 'query':
      return isReportQuery(value.query);
    default:
      return false;
  }
}

function isSiteRow(s: unknown): boolean {
  return isRecord(s) && typeof s.siteId === 'string' && typeof s.path === 'string' && isFiniteNumber(s.line) && isRecord(s.monthly) && isRecord(s.perUnit);
}

export function isReportHeader(value: unknown): value is ReportHeader {
  return (
    isRecord(value) &&
    typeof value.root === 'string' &&
    Array.isArray(value.folders) &&
    isRecord(value.catalog) &&
    isRecord(value.totals) &&
    Array.isArray(value.totals.byModel) &&
    isFiniteNumber(value.siteCount) &&
    isFiniteNumber(value.fileCount) &&
    Array.isArray(value.models) &&
    value.models.every((m) => typeof m === 'string') &&
    (value.coverageNote === undefined || typeof value.coverageNote === 'string')
  );
}

export function isReportSiteRows(value: unknown): value is ReportSiteRows {
  return isReportRowsPage(value, isSiteRow);
}

export function isReportHostMessage(value: unknown): value is ReportHostMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'scanning':
      return Array.isArray(value.folders) && value.folders.every((f) => typeof f === 'string');
    case 'progress':
      return isFiniteNumber(value.done) && (value.total === undefined || isFiniteNumber(value.total)) && (value.current === undefined || typeof value.current === 'string');
    case 'report':
      return isReportHeader(value.data);
    case 'rows':
      return isReportSiteRows(value.data);
    case 'cancelled':
      return true;
    case 'error':
      return isNonEmptyString(value.message);
    case 'exported':
      return isNonEmptyString(value.file);
    case 'diffing':
      return isNonEmptyString(value.ref);
    case 'diff':
      return isReportDiffData(value.data);
    case 'diffError':
    case 'diffStopped':
      return isNonEmptyString(value.ref) && isNonEmptyString(value.message);
    case 'diffCleared':
      return true;
    default:
      return false;
  }
}

export function isReportDiffData(value: unknown): value is ReportDiffData {
  return (
    isRecord(value) &&
    isNonEmptyString(value.ref) &&
    typeof value.commit === 'string' &&
    isRecord(value.delta) &&
    isFiniteNumber(value.delta.usd) &&
    typeof value.headline === 'string' &&
    isRecord(value.counts) &&
    ['added', 'changed', 'unchanged', 'removed'].every((k) => isFiniteNumber((value.counts as Record<string, unknown>)[k]))
  );
}

export function parseReportSavedState(value: unknown): ReportSavedState {
  if (!isRecord(value)) return {};
  const data = isReportHeader(value.data) ? value.data : undefined;
  const rows = data && isReportSiteRows(value.rows) ? value.rows : undefined;
  const ui = isRecord(value.ui) ? (value.ui as unknown as ReportUiState) : undefined;
  const diff = isReportDiffData(value.diff) ? value.diff : undefined;
  return { ...(data ? { data } : {}), ...(rows ? { rows } : {}), ...(ui ? { ui } : {}), ...(diff ? { diff } : {}) };
}
