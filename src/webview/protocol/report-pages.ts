/**
 * The Cost report's rows, a page at a time. The page never holds every site of a large
 * workspace (a 10,000-file scan has about 7,000): the host sends the report's header (totals,
 * counts, the models for the filter; `ReportHeader`) and answers the page's `query` (filter,
 * sort, the page of each group) with the rows of those pages only (`ReportRowsPage`). Every
 * figure on a row or in a total is the core's; the host only picks which rows to send.
 *
 *   page → host  `query` {query}             the rows the page shows now (after any filter, sort or page change)
 *   host → page  `rows` {data}               those rows, with how many match in each group; `data.id` is the query's
 *
 * Browser- and Node-safe: no DOM, no vscode.
 */
import type { Price } from '../../core/cost/types';
import type { SiteScope } from '../../core/report/types';
import { isFiniteNumber, isRecord, isRequestId } from './guards';

/** Rows per page of each table. */
export const SITES_PAGE_SIZE = 50;

export const SITE_SORT_KEYS = ['cost', 'perUnit', 'site', 'delta'] as const;
/**
 * `cost` is the core's ranking (monthly cost, unpriced last); `perUnit` the cost of one unit; `site` path then line;
 * `delta` the change of monthly cost since the compared revision (the core's diff; sites without a figure last, the
 * core's ranking when no comparison is on).
 */
export type SiteSortKey = (typeof SITE_SORT_KEYS)[number];

export interface SiteSort {
  readonly key: SiteSortKey;
  readonly descending: boolean;
}

/** The default order: the core's ranking, most expensive first. */
export const DEFAULT_SITE_SORT: SiteSort = { key: 'cost', descending: true };

/** `headline`: the scopes the total counts, ranked together; each other scope is listed apart. */
export type SiteGroupKey = 'headline' | SiteScope;

const SCOPES: readonly SiteScope[] = ['runtime', 'test', 'example', 'docs', 'notebook', 'instructions'];
const KINDS = ['', 'call', 'loop', 'instructions'] as const;

export interface ReportQuery {
  /** Increases with every query of a page: a reply to an older one is dropped. */
  readonly id: number;
  readonly text: string;
  readonly model: string;
  readonly kind: (typeof KINDS)[number];
  readonly sort: SiteSort;
  /** The page of each group (0 when absent). */
  readonly pages: Readonly<Partial<Record<SiteGroupKey, number>>>;
  /** The page of the "By file" table. */
  readonly filesPage: number;
  /** The page of the "Removed since REF" table, while a comparison is on (0 when absent). */
  readonly removedPage?: number;
}

/** One group's page: its rows (`ReportSiteView`, as the host built them) and how many of its sites match the filter. */
export interface ReportGroupPage<Row> {
  readonly group: SiteGroupKey;
  readonly matched: number;
  readonly page: number;
  readonly pages: number;
  readonly rows: readonly Row[];
}

export interface ReportFileRow {
  readonly path: string;
  readonly monthlyCost: Price;
}

export interface ReportRowsPage<Row> {
  readonly id: number;
  /** The headline group always, then each other scope with a matching site, in the core's scope order. */
  readonly groups: readonly ReportGroupPage<Row>[];
  /** The "By file" table's page (the core's per-file totals, most expensive first). */
  readonly files: { readonly page: number; readonly pages: number; readonly count: number; readonly rows: readonly ReportFileRow[] };
  /**
   * While the view compares with a revision: how each row of these pages differs from it, keyed by
   * `siteDiffKey` (only the rows sent, never the whole workspace's), and a page of the sites it removed.
   */
  readonly diff?: {
    /** The revision these deltas are against (a reply to an older comparison is recognised by it). */
    readonly ref: string;
    readonly deltas: Readonly<Record<string, ReportSiteDelta>>;
    readonly removed: { readonly page: number; readonly pages: number; readonly count: number; readonly rows: readonly ReportRemovedSite[] };
  };
}

/** How a site differs from the compared revision (the core's diff engine, `tokenomics diff`). */
export interface ReportSiteDelta {
  readonly change: 'added' | 'changed' | 'unchanged';
  /** Head minus base monthly cost in US dollars; null when either side is unpriced. */
  readonly monthlyDelta: number | null;
  /** The base's monthly cost; null for an added or unpriced site. */
  readonly monthlyBase: number | null;
  /** Why it changed, in the diff engine's words (`model swap gpt-4o-mini → gpt-4.1`). */
  readonly reasons: readonly string[];
}

/** A site the compared revision had and the workspace no longer has. */
export interface ReportRemovedSite {
  readonly path: string;
  readonly line: number;
  readonly kind: 'call' | 'loop' | 'instructions';
  readonly monthlyBase: number | null;
  readonly reasons: readonly string[];
}

/** The key of a site in a page's `diff.deltas`. */
export function siteDiffKey(site: { readonly path: string; readonly line: number; readonly kind: string }): string {
  return `${site.path}:${site.line}:${site.kind}`;
}

function isPageNumber(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

export function isSiteSort(value: unknown): value is SiteSort {
  return isRecord(value) && (SITE_SORT_KEYS as readonly unknown[]).includes(value.key) && typeof value.descending === 'boolean';
}

export function isReportQuery(value: unknown): value is ReportQuery {
  return (
    isRecord(value) &&
    isRequestId(value.id) &&
    typeof value.text === 'string' &&
    value.text.length <= 200 &&
    typeof value.model === 'string' &&
    value.model.length <= 200 &&
    (KINDS as readonly unknown[]).includes(value.kind) &&
    isSiteSort(value.sort) &&
    isRecord(value.pages) &&
    Object.entries(value.pages).every(([group, page]) => (group === 'headline' || (SCOPES as readonly string[]).includes(group)) && isPageNumber(page)) &&
    isPageNumber(value.filesPage) &&
    (value.removedPage === undefined || isPageNumber(value.removedPage))
  );
}

function isSiteDelta(d: unknown): boolean {
  return isRecord(d) && (d.change === 'added' || d.change === 'changed' || d.change === 'unchanged') && (d.monthlyDelta === null || isFiniteNumber(d.monthlyDelta)) && Array.isArray(d.reasons);
}

function isRowsDiff(value: unknown): boolean {
  if (!isRecord(value) || typeof value.ref !== 'string' || !isRecord(value.deltas) || !isRecord(value.removed)) return false;
  const removed = value.removed;
  return (
    Object.values(value.deltas).every(isSiteDelta) &&
    isPageNumber(removed.page) &&
    isFiniteNumber(removed.pages) &&
    isPageNumber(removed.count) &&
    Array.isArray(removed.rows) &&
    removed.rows.every((r) => isRecord(r) && typeof r.path === 'string' && isFiniteNumber(r.line) && Array.isArray(r.reasons))
  );
}

export function isReportRowsPage(value: unknown, isRow: (row: unknown) => boolean): boolean {
  if (!isRecord(value) || !isRequestId(value.id) || !Array.isArray(value.groups) || !isRecord(value.files)) return false;
  const files = value.files;
  return (
    (value.diff === undefined || isRowsDiff(value.diff)) &&
    value.groups.every((g) => isRecord(g) && (g.group === 'headline' || (SCOPES as readonly unknown[]).includes(g.group)) && isPageNumber(g.matched) && isPageNumber(g.page) && isFiniteNumber(g.pages) && Array.isArray(g.rows) && g.rows.every(isRow)) &&
    isPageNumber(files.page) &&
    isFiniteNumber(files.pages) &&
    isPageNumber(files.count) &&
    Array.isArray(files.rows) &&
    files.rows.every((f) => isRecord(f) && typeof f.path === 'string' && isRecord(f.monthlyCost))
  );
}
