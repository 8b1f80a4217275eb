/**
 * Shards of one scan: `scan --shard i/n` reports the files whose path falls in
 * share i of n (a stable hash of the path, so a file stays in its shard however
 * the tree grows), and `merge` puts the shard reports back together into
 * exactly the report one scan prints: the same files in the same order, the
 * same skipped entries, totals and budget findings. Each shard report carries
 * the position of its entries in the whole scan so the order can be restored.
 */
import { buildTotals, budgetFindings } from './totals';
import type { FileReport, ScanReport, SkippedFile } from './types';

export interface ShardSpec {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

/** What a shard report adds to the scan report (removed again by merge). */
export interface ShardInfo extends ShardSpec {
  /** For each entry of `files`: its position among the files the whole scan analyses. */
  readonly fileOrder: readonly number[];
  /** For each entry of `skipped`: its position among the whole scan's skipped entries. */
  readonly skippedOrder: readonly number[];
}

/** A scan report as `scan --format json` prints it, maybe with `shard`. */
export type ShardReport = ScanReport & {
  readonly shard?: ShardInfo;
  readonly skippedCounts?: Readonly<Record<string, number>>;
  readonly cancelled?: boolean;
};

/** Reasons counted for the whole tree by every shard (the walk sees them all); the rest are per path. */
export const WHOLE_TREE_COUNTS = ['unsupported', 'excluded'] as const;

/** FNV-1a over the path's UTF-16 code units: stable across runs, platforms and versions. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The 1-based shard (of `count`) a report path belongs to. */
export function shardOf(path: string, count: number): number {
  return (fnv1a(path) % count) + 1;
}

/** Parses `i/n` (1 ≤ i ≤ n); undefined when malformed. */
export function parseShard(text: string): ShardSpec | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return count >= 1 && index >= 1 && index <= count ? { index, count } : undefined;
}

export class MergeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MergeError';
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The reports of all n shards of one scan, as that one scan's report. */
export function mergeShards(reports: readonly ShardReport[]): ShardReport {
  if (reports.length === 0) throw new MergeError('no reports to merge');
  const first = reports[0];
  for (const [i, r] of reports.entries()) {
    if (r.version !== 1 || !Array.isArray(r.files) || !r.totals) throw new MergeError(`report ${i + 1} is not a tokenomics scan report (version 1)`);
    if (!r.shard) throw new MergeError(`report ${i + 1} is not a shard: make it with tokenomics scan --shard i/n --format json`);
    if (r.root !== first.root || !same(r.catalog, first.catalog) || !same(r.assumptions, first.assumptions)) {
      throw new MergeError(`report ${i + 1} (shard ${r.shard.index}/${r.shard.count}) is from another scan: its root, catalog or assumptions differ from the first report's`);
    }
  }
  const count = first.shard!.count;
  const seen = new Map<number, number>();
  for (const [i, r] of reports.entries()) {
    if (r.shard!.count !== count) throw new MergeError(`shard ${r.shard!.index}/${r.shard!.count} does not fit with ${first.shard!.index}/${count}`);
    if (seen.has(r.shard!.index)) throw new MergeError(`shard ${r.shard!.index}/${count} is given twice (reports ${seen.get(r.shard!.index)! + 1} and ${i + 1})`);
    seen.set(r.shard!.index, i);
  }
  const missing = Array.from({ length: count }, (_, k) => k + 1).filter((k) => !seen.has(k));
  if (missing.length > 0) throw new MergeError(`missing shard${missing.length === 1 ? '' : 's'} ${missing.map((k) => `${k}/${count}`).join(', ')}`);

  const files = reports.flatMap((r) => r.files.map((f, k) => ({ f, at: r.shard!.fileOrder[k] }))).sort((a, b) => a.at - b.at).map((x) => x.f as FileReport);
  const skipped = reports.flatMap((r) => r.skipped.map((s, k) => ({ s, at: r.shard!.skippedOrder[k] }))).sort((a, b) => a.at - b.at).map((x) => x.s as SkippedFile);
  // The shards were scanned with the same scopes in the headline: the merge keeps them.
  const scopes = { headlineScopes: first.totals.scopes };
  const totals = buildTotals(files, first.assumptions, scopes);
  const counts: Record<string, number> = {};
  for (const key of WHOLE_TREE_COUNTS) counts[key] = first.skippedCounts?.[key] ?? 0;
  for (const s of skipped) counts[s.reason] = (counts[s.reason] ?? 0) + 1;
  const { shard: _shard, ...rest } = first;
  void _shard;
  return {
    ...rest,
    files,
    skipped,
    totals: { ...totals, files: reports.reduce((n, r) => n + r.totals.files, 0) },
    budgetExceeded: budgetFindings(files, totals.pricedMonthlyCost, first.assumptions, scopes),
    skippedCounts: counts,
    ...(reports.some((r) => r.cancelled) ? { cancelled: true } : {}),
  };
}
