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
import { detectFile } from '../core/detect';
import type { DetectedFile, DetectOptions } from '../core/detect/types';
import { analyzeDetected } from '../core/report/analyze';
import { buildRepository } from './repo-pass';
import type { Resolver } from '../core/report/models';
import { budgetFindings, buildTotals } from '../core/report/totals';
import { REPORT_VERSION, type FileReport, type ScanReport, type SkippedFile } from '../core/report/types';
import { TOOL_VERSION } from '../core/version';
import type { Assumptions } from '../core/workload';
import { toReportPath, walkPaths } from './walk';

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
};

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;
const BINARY_SNIFF_BYTES = 8000;
const READ_AHEAD = 16;

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
  const detectedFiles: DetectedFile[] = [];
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  let cancelled = false;
  let lastYield = Date.now();
  // Reads run ahead of analysis (a few files in flight) so that file I/O overlaps parsing.
  const reads = new Map<number, Promise<ReadOutcome>>();
  const readAhead = (i: number): void => {
    for (let k = i; k < Math.min(walked.files.length, i + READ_AHEAD); k++) {
      if (!reads.has(k)) reads.set(k, readText(walked.files[k], maxBytes));
    }
  };
  for (let i = 0; i < walked.files.length; i++) {
    if (isCancelled?.()) {
      cancelled = true;
      break;
    }
    readAhead(i);
    const rel = toReportPath(root, walked.files[i]);
    progress?.({ done: i, total: walked.files.length, current: rel });
    const outcome = await reads.get(i)!;
    reads.delete(i);
    if (outcome.kind === 'skipped') skipped.push({ path: rel, reason: outcome.reason, ...(outcome.detail ? { detail: outcome.detail } : {}) });
    else {
      const detected = await detectFile(outcome.text, rel, undefined, { ...options.detectOptions, isCancelled });
      detectedFiles.push(detected);
    }
    // Let a host's event loop breathe (progress bars, cancellation) during long scans.
    if (Date.now() - lastYield > 50) {
      await new Promise((r) => setImmediate(r));
      lastYield = Date.now();
    }
  }
  await Promise.allSettled(reads.values());
  // Repository pass: one index of every detected file, the configuration files and prompt files,
  // so that models, wrappers, loops and prompts are followed across files.
  const repo = await buildRepository(root, detectedFiles, walked.others);
  // Pricing pass: every file, with the repository's answers.
  const env = { catalog: options.catalog, assumptions: options.assumptions, resolveModel: options.resolveModel, repo };
  repo.setPricer((f) => analyzeDetected(f, env));
  for (const detected of detectedFiles) {
    if (cancelled || isCancelled?.()) {
      cancelled = true;
      break;
    }
    files.push(analyzeDetected(detected, env));
  }
  progress?.({ done: walked.files.length, total: walked.files.length });
  const reported = files.filter((f) => f.prompts.length + f.calls.length + f.agentLoops.length > 0 || f.instructions || f.diagnostics.length > 0);
  const totals = buildTotals(reported, options.assumptions);
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
    budgetExceeded: budgetFindings(reported, totals.pricedMonthlyCost, options.assumptions),
    skippedCounts: counts,
    ...(cancelled ? { cancelled: true } : {}),
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

type ReadOutcome = { kind: 'text'; text: string } | { kind: 'skipped'; reason: SkippedFile['reason']; detail?: string };

/** The file as UTF-8 text, or why it was skipped. One open: size check and read on the same handle. */
async function readText(abs: string, maxBytes: number): Promise<ReadOutcome> {
  let handle: import('node:fs/promises').FileHandle | undefined;
  let buffer: Buffer;
  try {
    handle = await fs.open(abs, 'r');
    const { size } = await handle.stat();
    if (size > maxBytes) return { kind: 'skipped', reason: 'too-large', detail: `${size} bytes > ${maxBytes}` };
    buffer = await handle.readFile();
  } catch (err) {
    const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
    return { kind: 'skipped', reason: code === 'ENOENT' ? 'vanished' : 'unreadable', detail: code || String(err) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
  if (buffer.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { kind: 'skipped', reason: 'binary' };
  return { kind: 'text', text: buffer.toString('utf8') };
}
