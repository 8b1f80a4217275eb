/**
 * scanPaths: walk the given paths, analyse every supported file and put the
 * priced results together as a ScanReport (the JSON contract, version 1).
 * Oversized and binary files are skipped and counted; a file that cannot be
 * read is skipped with its reason and the scan goes on. Progress is reported
 * per file; cancellation returns what was done so far, marked `cancelled`.
 */
import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import type { Catalog } from '../core/catalog/types';
import type { DetectedFile, DetectOptions } from '../core/detect/types';
import { analyzeDetected } from '../core/report/analyze';
import { buildRepository } from './repo-pass';
import type { Resolver } from '../core/report/models';
import { shardOf, type ShardInfo, type ShardSpec } from '../core/report/shards';
import { budgetFindings, buildTotals } from '../core/report/totals';
import { REPORT_VERSION, type FileReport, type ScanReport, type SiteScope, type SkippedFile } from '../core/report/types';
import { TOOL_VERSION } from '../core/version';
import type { Assumptions } from '../core/workload';
import { toReportPath, walkPaths } from './walk';
import { DetectPool, workerScript } from './detect-pool';
import { detectInThread, detectInWorkers } from './scan-detect';

export interface ScanOptions {
  readonly catalog: Catalog;
  readonly assumptions: Assumptions;
  /** The catalog's `resolveModel`. */
  readonly resolveModel?: Resolver;
  /** Paths in the report are relative to this; default: the one directory given, else the current directory. */
  readonly root?: string;
  /** Directory the report's `root` is shown relative to (the CLI's working directory). Default: process.cwd(). */
  readonly cwd?: string;
  /** Globs relative to the root (`tokenomics.exclude`). */
  readonly exclude?: readonly string[];
  /** Larger files are skipped (`too-large`). Default 1 MiB. */
  readonly maxFileBytes?: number;
  readonly respectGitignore?: boolean;
  readonly detectOptions?: DetectOptions;
  /** Scopes whose sites make the headline total (default `runtime`); the others are totalled apart. */
  readonly headlineScopes?: readonly SiteScope[];
  /**
   * Detections to reuse across scans of nearly the same tree (the two sides of a diff), keyed
   * by path and content: a file whose text is unchanged is not parsed again.
   */
  readonly detectCache?: Map<string, DetectedFile>;
  /**
   * Report only the files of this shard (`scan --shard i/n`). Every file is still read and
   * detected, so prompts a shard's files import from other shards are found.
   */
  readonly shard?: ShardSpec;
  /**
   * Detection worker threads: files are read and parsed off the calling thread. 0 (the default)
   * detects on the calling thread, as when the worker script is not found next to this module or
   * a `detectCache` is given (the cache lives on this thread).
   */
  readonly jobs?: number;
  /**
   * Below this many files the scan detects on the calling thread even when `jobs` asks for
   * workers: starting a worker (its own parser and grammars) costs more than a small tree's scan.
   */
  readonly minFilesForWorkers?: number;
}

export interface ScanProgress {
  readonly done: number;
  readonly total: number;
  readonly current?: string;
}

/** ScanReport plus what a scan adds on top of the contract (all optional there). */
export type ScanResult = ScanReport & {
  readonly cancelled?: boolean;
  /** How many files were skipped for each reason, including the ones not listed (unsupported types, excluded paths). */
  readonly skippedCounts: Readonly<Record<string, number>>;
  readonly totals: ScanReport['totals'] & { readonly pricedMonthlyCost: ScanReport['totals']['monthlyCost']; readonly unpricedSites: number };
  /** Present for `--shard i/n`: which shard, and where its entries sit in the whole scan (for merge). */
  readonly shard?: ShardInfo;
};

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;
/** Measured on examples/ and a 1,440-file tree: workers pay off from a few dozen files. */
export const MIN_FILES_FOR_WORKERS = 48;

export async function scanPaths(
  paths: readonly string[],
  options: ScanOptions,
  progress?: (p: ScanProgress) => void,
  isCancelled?: () => boolean,
): Promise<ScanResult> {
  const cwd = options.cwd ?? process.cwd();
  const inputs = paths.length ? paths : ['.'];
  const root = resolve(cwd, options.root ?? (await singleDirectory(inputs.map((p) => resolve(cwd, p)))) ?? cwd);
  const walked = await walkPaths(root, inputs.map((p) => resolve(cwd, p)), { exclude: options.exclude, respectGitignore: options.respectGitignore, isCancelled });
  const skipped: SkippedFile[] = [...walked.skipped];
  const files: FileReport[] = [];
  const inShard = (rel: string) => !options.shard || shardOf(rel, options.shard.count) === options.shard.index;
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const jobs = options.detectCache ? 0 : (options.jobs ?? 0);
  const script = jobs >= 1 && walked.files.length >= (options.minFilesForWorkers ?? MIN_FILES_FOR_WORKERS) ? workerScript() : undefined;
  const input = { root, files: walked.files, maxBytes, detectOptions: options.detectOptions ?? {}, detectCache: options.detectCache };
  const detection = script
    ? await detectInWorkers(input, new DetectPool(Math.min(jobs, Math.max(1, walked.files.length)), script), progress, isCancelled)
    : await detectInThread(input, progress, isCancelled);
  skipped.push(...detection.skipped);
  // A cancel seen by the walk (nothing left to detect) is a cancel too.
  let cancelled = detection.cancelled || Boolean(isCancelled?.());
  const detectedFiles = detection.detected;
  // Shard bookkeeping: each entry's position in the whole scan, so that merge restores the order.
  const detectedOrder = detection.detectedIndex;
  const skippedOrder: number[] = [...walked.skipped.map((_, k) => k), ...detection.skippedIndex.map((i) => walked.skipped.length + i)];
  // Repository pass: one index of every detected file, the configuration files and prompt files,
  // so that models, wrappers, loops and prompts are followed across files.
  const repo = await buildRepository(root, detectedFiles, walked.others);
  // Pricing pass: every file, with the repository's answers.
  const env = { catalog: options.catalog, assumptions: options.assumptions, resolveModel: options.resolveModel, repo };
  repo.setPricer((f) => analyzeDetected(f, env));
  const fileOrder: number[] = [];
  for (const [k, detected] of detectedFiles.entries()) {
    if (cancelled || isCancelled?.()) {
      cancelled = true;
      break;
    }
    if (!inShard(detected.path)) continue;
    files.push(analyzeDetected(detected, env));
    fileOrder.push(detectedOrder[k]);
  }
  // Prompt files the code loads at run time (YAML templates, Markdown prompts) that detection did not read.
  const detectedPaths = new Set(detectedFiles.map((f) => f.path));
  const otherOrder = new Map(walked.others.map((abs, k) => [toReportPath(root, abs), k] as const));
  for (const loaded of cancelled ? [] : repo.loadedPromptFiles()) {
    if (detectedPaths.has(loaded.path) || !inShard(loaded.path)) continue;
    files.push(analyzeDetected(loaded, env));
    fileOrder.push(walked.files.length + (otherOrder.get(loaded.path) ?? 0));
  }
  progress?.({ done: walked.files.length, total: walked.files.length });
  const isReported = (f: FileReport) => f.prompts.length + f.calls.length + f.agentLoops.length > 0 || Boolean(f.instructions) || f.diagnostics.length > 0;
  const reported = files.filter(isReported);
  const shardSkipped = skipped.map((s, k) => ({ s, at: skippedOrder[k] })).filter((x) => inShard(x.s.path));
  if (options.shard) skipped.splice(0, skipped.length, ...shardSkipped.map((x) => x.s));
  const totals = buildTotals(reported, options.assumptions, { headlineScopes: options.headlineScopes });
  const counts: Record<string, number> = { unsupported: walked.unsupported, excluded: walked.excluded };
  for (const s of skipped) counts[s.reason] = (counts[s.reason] ?? 0) + 1;
  return {
    version: REPORT_VERSION,
    tool: { name: 'tokenomics', version: TOOL_VERSION },
    root: toReportPath(cwd, root) || '.',
    catalog: { asOf: options.catalog.asOf, source: options.catalog.source },
    assumptions: options.assumptions,
    files: reported,
    skipped,
    totals: { ...totals, files: files.length },
    // A shard's monthly total is partial: the monthly budget is checked by merge, on the whole.
    budgetExceeded: budgetFindings(reported, totals.pricedMonthlyCost, options.assumptions, { headlineScopes: options.headlineScopes }).filter(
      (b) => !options.shard || b.code !== 'over-budget-monthly',
    ),
    skippedCounts: counts,
    ...(cancelled ? { cancelled: true } : {}),
    ...(options.shard
      ? { shard: { ...options.shard, fileOrder: fileOrder.filter((_, k) => isReported(files[k])), skippedOrder: shardSkipped.map((x) => x.at) } }
      : {}),
  };
}

async function singleDirectory(inputs: readonly string[]): Promise<string | undefined> {
  if (inputs.length !== 1) return undefined;
  try {
    return (await fs.stat(inputs[0])).isDirectory() ? inputs[0] : undefined;
  } catch {
    return undefined;
  }
}
