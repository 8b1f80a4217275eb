/**
 * The Cost report's rows, kept out of the extension host's heap. The scan (in its own process)
 * writes every site row of the view (`ReportSiteView`, ranked by the core) and every per-file
 * total to a rows file, one JSON line each, and sends the host only a compact index of them
 * (`ReportRowIndex`): where each row is in the file, and the few fields the host filters, sorts,
 * groups and reveals by, as columns. The host reads back the rows of the pages the view shows
 * (report-row-store.ts). A 10,000-file workspace's 7,000 rows were 4.3 MB of JSON that crossed
 * the scan's channel, stayed in the host and were posted to the view whole; the index is a tenth of it.
 * Plain data: it crosses the scan process's JSON channel.
 */
import { promises as fs } from 'node:fs';
import type { SiteScope } from '../core/report/types';
import type { ReportData, ReportFileRow, ReportHeader, ReportSiteView, SiteKind } from '../webview/protocol/report';

export const ROW_KINDS: readonly SiteKind[] = ['call', 'loop', 'instructions'];
export const ROW_SCOPES: readonly SiteScope[] = ['runtime', 'test', 'example', 'docs', 'notebook', 'instructions'];

/** Column `i` of each array is row `i` of the ranking (the core's order); strings are indices into their table. */
export interface ReportRowIndex {
  readonly rowsFile: string;
  readonly sites: {
    /** Byte offset and length of each row's line in the rows file. */
    readonly offset: readonly number[];
    readonly length: readonly number[];
    readonly siteId: readonly string[];
    readonly path: readonly number[];
    readonly line: readonly number[];
    readonly column: readonly number[];
    /** Index into ROW_KINDS / ROW_SCOPES. */
    readonly kind: readonly number[];
    readonly scope: readonly number[];
    /** Index into `models`, -1 when the site names none. */
    readonly model: readonly number[];
    readonly framework: readonly number[];
    /** US dollars; -1 when unpriced (sorted last either way). */
    readonly monthlyUsd: readonly number[];
    readonly perUnitUsd: readonly number[];
  };
  readonly paths: readonly string[];
  readonly models: readonly string[];
  readonly frameworks: readonly string[];
  /** The per-file totals' lines, after the sites', in the core's order. */
  readonly files: { readonly offset: readonly number[]; readonly length: readonly number[] };
}

/** The rows file beside a report file. */
export function rowsFileFor(reportFile: string): string {
  return reportFile.replace(/(\.json)?$/, '.rows.jsonl');
}

class Table {
  readonly values: string[] = [];
  private readonly at = new Map<string, number>();
  indexOf(value: string): number {
    let i = this.at.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.at.set(value, i);
    }
    return i;
  }
}

const usd = (p: ReportSiteView['monthly']): number => (p.kind === 'priced' ? p.usd : -1);

/** The view's header (what the page gets) from its data: every field but the rows. */
export function reportHeader(view: ReportData, models: readonly string[]): ReportHeader {
  const { sites, totals, ...rest } = view;
  const { byFile, ...headerTotals } = totals;
  return { ...rest, totals: headerTotals, siteCount: sites.length, fileCount: byFile.length, models };
}

/** Writes the view's rows to `rowsFile` and returns their index. */
export async function writeReportRows(view: ReportData, rowsFile: string): Promise<ReportRowIndex> {
  const paths = new Table();
  const models = new Table();
  const frameworks = new Table();
  const lines: string[] = [];
  const sites = { offset: [] as number[], length: [] as number[], siteId: [] as string[], path: [] as number[], line: [] as number[], column: [] as number[], kind: [] as number[], scope: [] as number[], model: [] as number[], framework: [] as number[], monthlyUsd: [] as number[], perUnitUsd: [] as number[] };
  const files = { offset: [] as number[], length: [] as number[] };
  let offset = 0;
  const add = (row: object, into: { offset: number[]; length: number[] }): void => {
    const text = JSON.stringify(row);
    const bytes = Buffer.byteLength(text);
    into.offset.push(offset);
    into.length.push(bytes);
    lines.push(text);
    offset += bytes + 1;
  };
  for (const s of view.sites) {
    add(s, sites);
    sites.siteId.push(s.siteId);
    sites.path.push(paths.indexOf(s.path));
    sites.line.push(s.line);
    sites.column.push(s.column);
    sites.kind.push(Math.max(0, ROW_KINDS.indexOf(s.kind)));
    sites.scope.push(Math.max(0, ROW_SCOPES.indexOf(s.scope ?? 'runtime')));
    sites.model.push(s.model ? models.indexOf(s.model) : -1);
    sites.framework.push(frameworks.indexOf(s.framework));
    sites.monthlyUsd.push(usd(s.monthly));
    sites.perUnitUsd.push(usd(s.perUnit));
  }
  for (const f of view.totals.byFile) add({ path: f.path, monthlyCost: f.monthlyCost } satisfies ReportFileRow, files);
  await fs.writeFile(rowsFile, lines.length > 0 ? `${lines.join('\n')}\n` : '', { encoding: 'utf8', mode: 0o600 });
  return { rowsFile, sites, paths: paths.values, models: models.values, frameworks: frameworks.values, files };
}

export function isReportRowIndex(value: unknown): value is ReportRowIndex {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const sites = v.sites as Record<string, unknown> | undefined;
  const files = v.files as Record<string, unknown> | undefined;
  if (typeof v.rowsFile !== 'string' || !sites || !files || ![v.paths, v.models, v.frameworks].every(Array.isArray)) return false;
  const n = Array.isArray(sites.offset) ? sites.offset.length : -1;
  const columns = ['offset', 'length', 'siteId', 'path', 'line', 'column', 'kind', 'scope', 'model', 'framework', 'monthlyUsd', 'perUnitUsd'];
  return n >= 0 && columns.every((c) => Array.isArray(sites[c]) && (sites[c] as unknown[]).length === n) && Array.isArray(files.offset) && Array.isArray(files.length) && files.offset.length === files.length.length;
}
