/**
 * Building the diff report: sites of both scans paired, each pair classified and
 * explained, the headline delta taken from the two scans' own totals (so that it
 * equals the difference of two `tokenomics scan` runs), and the list ranked by
 * the size of its monthly change.
 */
import type { Price } from '../cost/types';
import { formatInteger, formatTokens } from '../format';
import type { ReportTotals, ScanReport } from '../report/types';
import { matchSites, type FilePairing, type SitePair } from './match';
import { comparableSites, type ComparableSite } from './sites';
import { DIFF_VERSION, type DiffReport, type SiteDelta } from './types';

export interface DiffSideInput {
  readonly ref: string;
  readonly commit: string | null;
  readonly workingTree?: boolean;
  readonly report: ScanReport;
  /** The text of a reported file (paths as in the report), to read each site's anchor. */
  readonly textOf: (path: string) => string | undefined;
}

export interface BuildDiffInput {
  readonly base: DiffSideInput;
  readonly head: DiffSideInput;
  readonly pairing: FilePairing;
  /** List unchanged sites too (`--all`). */
  readonly includeUnchanged?: boolean;
}

/** The figure a scan's headline prints: the total when fully priced, else the priced part. */
export function headlineMonthly(totals: ReportTotals): { usd: number; low: number; high: number } {
  const t = totals as ReportTotals & { pricedMonthlyCost?: Price };
  const p = t.monthlyCost.kind === 'priced' ? t.monthlyCost : t.pricedMonthlyCost;
  if (!p || p.kind !== 'priced') return { usd: 0, low: 0, high: 0 };
  return { usd: p.usd, low: p.low ?? p.usd, high: p.high ?? p.usd };
}

function usd(p: Price | undefined): number | null {
  return p && p.kind === 'priced' ? p.usd : null;
}

const UNIT = { call: 'call', loop: 'task', instructions: 'request' } as const;

function signedTokens(n: number): string {
  return `${n > 0 ? '+' : '−'}${formatTokens(Math.abs(n))}`;
}

/** Why a paired site's cost moved, in the words a reviewer uses. */
export function reasonsFor(b: ComparableSite, h: ComparableSite): string[] {
  const out: string[] = [];
  if (b.model !== h.model) out.push(`model swap ${b.model} → ${h.model}`);
  if (b.inputTokens !== h.inputTokens) out.push(`prompt ${signedTokens(h.inputTokens - b.inputTokens)} tokens`);
  if (b.outputTokens !== h.outputTokens) out.push(`output ${formatTokens(b.outputTokens)} → ${formatTokens(h.outputTokens)} tokens`);
  if (b.bounded === true && h.bounded === false) out.push(`loop bound removed (${b.steps} → ${h.steps} assumed steps)`);
  else if (b.bounded === false && h.bounded === true) out.push(`loop bound added (${b.steps} assumed → ${h.steps} steps)`);
  else if (b.steps !== h.steps) out.push(`steps ${b.steps} → ${h.steps}`);
  if (b.callsPerDay !== h.callsPerDay) out.push(`traffic ${formatInteger(b.callsPerDay)} → ${formatInteger(h.callsPerDay)} a day`);
  if (b.caching !== h.caching && b.caching !== undefined && h.caching !== undefined) out.push(`caching ${b.caching ? 'on → off' : 'off → on'}`);
  if (b.batch !== h.batch && b.batch !== undefined && h.batch !== undefined) out.push(`batch ${b.batch ? 'on → off' : 'off → on'}`);
  if (b.tools !== h.tools && b.tools !== undefined && h.tools !== undefined) out.push(`tools ${b.tools} → ${h.tools}`);
  if (b.perUnit.kind !== h.perUnit.kind) out.push(h.perUnit.kind === 'unpriced' ? `now unpriced (${h.perUnit.missing[0] ?? 'no price'})` : 'now priced');
  if (out.length === 0 && (usd(b.perUnit) !== usd(h.perUnit) || usd(b.monthly) !== usd(h.monthly))) out.push('cost inputs changed (tool results, placeholders or caching)');
  return out;
}

function toDelta(pair: SitePair): SiteDelta {
  const { base: b, head: h } = pair;
  const site = (h ?? b)!;
  const reasons = b && h ? reasonsFor(b, h) : [];
  const change = !b ? 'added' : !h ? 'removed' : reasons.length > 0 ? 'changed' : 'unchanged';
  const mb = b ? usd(b.monthly) : 0;
  const mh = h ? usd(h.monthly) : 0;
  return {
    change,
    path: site.path,
    line: site.line,
    basePath: b?.path ?? null,
    baseLine: b?.line ?? null,
    kind: site.kind,
    framework: site.framework,
    ...(site.scope ? { scope: site.scope } : {}),
    unit: UNIT[site.kind],
    model: { base: b?.model ?? null, head: h?.model ?? null },
    perUnit: { base: b ? usd(b.perUnit) : null, head: h ? usd(h.perUnit) : null },
    monthly: { base: b ? mb : null, head: h ? mh : null, delta: mb === null || mh === null ? null : mh - mb },
    reasons: change === 'added' ? ['new site'] : change === 'removed' ? ['site removed'] : reasons,
  };
}

function rank(a: SiteDelta, b: SiteDelta): number {
  const da = a.monthly.delta === null ? -1 : Math.abs(a.monthly.delta);
  const db = b.monthly.delta === null ? -1 : Math.abs(b.monthly.delta);
  return db - da || a.path.localeCompare(b.path) || a.line - b.line;
}

export function buildDiff(input: BuildDiffInput): DiffReport {
  const collect = (side: DiffSideInput) => side.report.files.flatMap((f) => comparableSites(f, side.textOf(f.path), side.report.assumptions));
  const pairs = matchSites(collect(input.base), collect(input.head), input.pairing);
  const sites = pairs
    .map(toDelta)
    .filter((s) => input.includeUnchanged || s.change !== 'unchanged')
    .sort(rank);
  const before = headlineMonthly(input.base.report.totals);
  const after = headlineMonthly(input.head.report.totals);
  const delta = after.usd - before.usd;
  // Both sides share assumptions, so their uncertainties move together: the range of the delta is
  // the difference of the lows and of the highs (ordered, and always around the delta itself).
  const lowDelta = after.low - before.low;
  const highDelta = after.high - before.high;
  const side = (s: DiffSideInput) => ({ ref: s.ref, commit: s.commit, ...(s.workingTree ? { workingTree: true } : {}), totals: s.report.totals });
  return {
    version: DIFF_VERSION,
    command: 'diff',
    base: side(input.base),
    head: side(input.head),
    delta: {
      monthlyCost: { usd: delta, low: Math.min(lowDelta, highDelta, delta), high: Math.max(lowDelta, highDelta, delta) },
      percent: before.usd > 0 ? (delta / before.usd) * 100 : null,
    },
    sites,
    catalog: { asOf: input.head.report.catalog.asOf, source: input.head.report.catalog.source },
  };
}
