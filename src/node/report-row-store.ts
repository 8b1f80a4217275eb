/**
 * The host's side of the Cost report's rows (report-rows.ts): the compact index of a scan's rows
 * in typed arrays, and the answer to the view's `query`: which rows match the filter, in which
 * order, split into the headline and the scopes listed apart, and the rows of the pages asked
 * for, read back from the rows file. The host never holds every row: a page is 50 rows read from
 * disk and dropped once posted. Figures are the rows' own (the core's); nothing is summed here.
 * No `vscode`: unit-tested against the view model's full list of rows.
 */
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import type { SiteScope } from '../core/report/types';
import {
  DEFAULT_SITE_SORT,
  SITES_PAGE_SIZE,
  type ReportFileRow,
  type ReportGroupPage,
  type ReportQuery,
  type ReportSiteRows,
  type ReportSiteView,
  type SiteGroupKey,
  type SiteSort,
  siteDiffKey,
} from '../webview/protocol/report';
import type { ReportRowDeltas } from './report-row-deltas';
import { ROW_KINDS, ROW_SCOPES, type ReportRowIndex } from './report-rows';

/** Rows are listed apart in this order (the core's scope order). */
const SCOPE_ORDER: readonly SiteScope[] = ROW_SCOPES;

const ints = (values: readonly number[]): Int32Array => Int32Array.from(values);
const floats = (values: readonly number[]): Float64Array => Float64Array.from(values);

function pageCount(rows: number): number {
  return Math.max(1, Math.ceil(rows / SITES_PAGE_SIZE));
}

function clampPage(page: number | undefined, pages: number): number {
  return Math.min(Math.max(0, Math.floor(page ?? 0)), pages - 1);
}

export class ReportRowStore {
  readonly rowsFile: string;
  readonly count: number;
  private readonly offset: Float64Array;
  private readonly length: Int32Array;
  private readonly siteId: readonly string[];
  private readonly path: Int32Array;
  private readonly line: Int32Array;
  private readonly column: Int32Array;
  private readonly kind: Uint8Array;
  private readonly scope: Uint8Array;
  private readonly model: Int32Array;
  private readonly framework: Int32Array;
  private readonly monthlyUsd: Float64Array;
  private readonly perUnitUsd: Float64Array;
  private readonly paths: readonly string[];
  private readonly models: readonly string[];
  private readonly frameworks: readonly string[];
  private readonly fileOffset: Float64Array;
  private readonly fileLength: Int32Array;
  /** Lower-cased paths, models and frameworks for the text filter; made on the first text filter. */
  private lowered?: { readonly paths: readonly string[]; readonly models: readonly string[]; readonly frameworks: readonly string[] };
  /** The last order asked for (a sort is kept while the user pages or filters). */
  private ordered?: { readonly key: string; readonly deltas?: ReportRowDeltas; readonly order: Uint32Array };

  constructor(index: ReportRowIndex) {
    const s = index.sites;
    this.rowsFile = index.rowsFile;
    this.count = s.offset.length;
    this.offset = floats(s.offset);
    this.length = ints(s.length);
    this.siteId = s.siteId;
    this.path = ints(s.path);
    this.line = ints(s.line);
    this.column = ints(s.column);
    this.kind = Uint8Array.from(s.kind);
    this.scope = Uint8Array.from(s.scope);
    this.model = ints(s.model);
    this.framework = ints(s.framework);
    this.monthlyUsd = floats(s.monthlyUsd);
    this.perUnitUsd = floats(s.perUnitUsd);
    this.paths = index.paths;
    this.models = index.models;
    this.frameworks = index.frameworks;
    this.fileOffset = floats(index.files.offset);
    this.fileLength = ints(index.files.length);
  }

  /** The site `siteId` at `path`, when it is in the report: where to open it. */
  find(path: string, siteId: string): { readonly line: number; readonly column: number } | undefined {
    for (let i = 0; i < this.count; i++) {
      if (this.siteId[i] === siteId && this.paths[this.path[i]] === path) return { line: this.line[i], column: this.column[i] };
    }
    return undefined;
  }

  /** Row `row`'s key in a comparison with a revision (`siteDiffKey`: path, line, kind). */
  diffKey(row: number): string {
    return siteDiffKey({ path: this.paths[this.path[row]], line: this.line[row], kind: ROW_KINDS[this.kind[row]] });
  }

  /**
   * The rows of the pages `query` asks for, with each group's count of matching sites; while the view
   * compares with a revision (`deltas`, built on this store's rows), the deltas of those rows only.
   */
  async query(query: Omit<ReportQuery, 'id'> & { readonly id?: number }, headlineScopes: readonly SiteScope[], deltas?: ReportRowDeltas): Promise<ReportSiteRows> {
    const inHeadline = new Set(headlineScopes.length > 0 ? headlineScopes : ['runtime']);
    const groupOf = (i: number): SiteGroupKey => {
      const scope = ROW_SCOPES[this.scope[i]];
      return inHeadline.has(scope) ? 'headline' : scope;
    };
    const members = new Map<SiteGroupKey, number[]>([['headline', []]]);
    for (const i of this.order(query.sort ?? DEFAULT_SITE_SORT, deltas)) {
      if (!this.matches(i, query)) continue;
      const group = groupOf(i);
      let list = members.get(group);
      if (!list) members.set(group, (list = []));
      list.push(i);
    }
    const keys: SiteGroupKey[] = ['headline', ...SCOPE_ORDER.filter((s) => !inHeadline.has(s) && members.has(s))];
    const picked = keys.map((group) => {
      const list = members.get(group)!;
      const pages = pageCount(list.length);
      const page = clampPage(query.pages[group], pages);
      return { group, matched: list.length, page, pages, indices: list.slice(page * SITES_PAGE_SIZE, (page + 1) * SITES_PAGE_SIZE) };
    });
    const filePages = pageCount(this.fileOffset.length);
    const filesPage = clampPage(query.filesPage, filePages);
    const fileIndices: number[] = [];
    for (let i = filesPage * SITES_PAGE_SIZE; i < Math.min(this.fileOffset.length, (filesPage + 1) * SITES_PAGE_SIZE); i++) fileIndices.push(i);
    const handle = await fs.open(this.rowsFile, 'r');
    try {
      const groups: ReportGroupPage<ReportSiteView>[] = [];
      for (const g of picked) {
        const rows = await Promise.all(g.indices.map((i) => readLine<ReportSiteView>(handle, this.offset[i], this.length[i])));
        groups.push({ group: g.group, matched: g.matched, page: g.page, pages: g.pages, rows });
      }
      const files = await Promise.all(fileIndices.map((i) => readLine<ReportFileRow>(handle, this.fileOffset[i], this.fileLength[i])));
      const diff = deltas?.pageDiff(picked.flatMap((g) => g.indices), (i) => this.diffKey(i), query.removedPage);
      return { id: query.id ?? 1, groups, files: { page: filesPage, pages: filePages, count: this.fileOffset.length, rows: files }, ...(diff ? { diff } : {}) };
    } finally {
      await handle.close();
    }
  }

  private matches(i: number, q: Pick<ReportQuery, 'text' | 'model' | 'kind'>): boolean {
    if (q.kind !== '' && ROW_KINDS[this.kind[i]] !== q.kind) return false;
    const model = this.model[i] >= 0 ? this.models[this.model[i]] : undefined;
    if (q.model !== '' && model !== q.model) return false;
    const needle = q.text.trim().toLowerCase();
    if (needle === '') return true;
    this.lowered ??= { paths: this.paths.map((p) => p.toLowerCase()), models: this.models.map((m) => m.toLowerCase()), frameworks: this.frameworks.map((f) => f.toLowerCase()) };
    const low = this.lowered;
    return low.paths[this.path[i]].includes(needle) || (this.model[i] >= 0 && low.models[this.model[i]].includes(needle)) || low.frameworks[this.framework[i]].includes(needle);
  }

  /**
   * Row indices in the order asked for. The rows file is in the core's ranking (monthly cost, most
   * expensive first, unpriced last), which breaks every tie. Unpriced rows stay last in both directions;
   * so do rows with no delta when sorted by it. Without a comparison the delta column is the ranking.
   */
  private order(asked: SiteSort, deltas: ReportRowDeltas | undefined): Uint32Array {
    const sort = asked.key === 'delta' && !deltas ? DEFAULT_SITE_SORT : asked;
    const key = `${sort.key}:${sort.descending}`;
    if (this.ordered?.key === key && (sort.key !== 'delta' || this.ordered.deltas === deltas)) return this.ordered.order;
    const order = new Uint32Array(this.count);
    for (let i = 0; i < this.count; i++) order[i] = i;
    if (!(sort.key === 'cost' && sort.descending)) {
      const sign = sort.descending ? -1 : 1;
      const byUsd = (figure: (row: number) => number) => (a: number, b: number) => {
        const [x, y] = [figure(a), figure(b)];
        const [xLast, yLast] = [x < 0 || Number.isNaN(x), y < 0 || Number.isNaN(y)];
        if (xLast !== yLast) return xLast ? 1 : -1;
        return (xLast ? 0 : sign * (x - y)) || a - b;
      };
      // A delta may be negative (cheaper than at the revision): only an unknown one goes last.
      const byDelta = (a: number, b: number): number => {
        const [x, y] = [deltas!.sortFigure(a), deltas!.sortFigure(b)];
        if (Number.isNaN(x) !== Number.isNaN(y)) return Number.isNaN(x) ? 1 : -1;
        return (Number.isNaN(x) ? 0 : sign * (x - y)) || a - b;
      };
      const compare =
        sort.key === 'cost'
          ? byUsd((i) => this.monthlyUsd[i])
          : sort.key === 'perUnit'
            ? byUsd((i) => this.perUnitUsd[i])
            : sort.key === 'delta'
              ? byDelta
              : (a: number, b: number) => sign * (this.paths[this.path[a]].localeCompare(this.paths[this.path[b]]) || this.line[a] - this.line[b]) || a - b;
      order.sort(compare);
    }
    this.ordered = { key, ...(sort.key === 'delta' ? { deltas } : {}), order };
    return order;
  }

  /** Every row, in the core's ranking (tests and benches; the host itself never reads them all). */
  async allRows(): Promise<ReportSiteView[]> {
    const handle = await fs.open(this.rowsFile, 'r');
    try {
      const out: ReportSiteView[] = [];
      for (let i = 0; i < this.count; i++) out.push(await readLine<ReportSiteView>(handle, this.offset[i], this.length[i]));
      return out;
    } finally {
      await handle.close();
    }
  }
}

async function readLine<T>(handle: FileHandle, offset: number, length: number): Promise<T> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, offset);
  if (bytesRead !== length) throw new Error('the report rows file is shorter than its index (it was changed or removed)');
  return JSON.parse(buffer.toString('utf8')) as T;
}
