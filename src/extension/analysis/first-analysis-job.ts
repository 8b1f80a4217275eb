/**
 * One document's analysis as the first-analysis worker runs it (src/node/first-analysis-worker.ts),
 * off the extension host's thread, during the session's cold start. No `vscode`: the host sends what
 * its own analysis reads from the editor (the text, the settings' raw values and the workspace
 * tokenomics.json as read, see ExtensionConfig.environmentInput) and this builds the same catalog and
 * assumptions with the core's loader, applies the same skip rules and prices the file alone, so the
 * report is the one the host would have computed (test/unit/extension/first-analysis.test.ts).
 */
import type { FileReport } from '../../core/report/types';
import { analyzeFile } from '../../core/report/analyze';
import { getBundledCatalog, resolveModel } from '../../core/catalog';
import { catalogIndex } from '../../core/catalog/lookup';
import { loadEnvironment } from '../../core/config';
import { countTokens } from '../../core/tokenize';
import { parserFor, type Grammar } from '../../core/detect/parser';
import { skipReason } from './skip';

/** What the core's environment loader reads, as the host has it (plain data: it crosses to the worker). */
export interface EnvironmentInputs {
  /** The `tokenomics.*` settings' raw values, workspace trust applied (config-read.ts `collectRaw`). */
  readonly settings: Record<string, unknown>;
  readonly file?: { readonly text: string; readonly path: string };
}

export interface FirstAnalysisRequest {
  readonly id: number;
  readonly text: string;
  /** Relative to the workspace folder, as the host's analysis names it. */
  readonly path: string;
  readonly languageId: string;
  readonly environment: EnvironmentInputs;
}

export type FirstAnalysisReply =
  | { readonly id: number; readonly kind: 'report'; readonly report: FileReport; readonly ms: number }
  | { readonly id: number; readonly kind: 'skipped'; readonly reason: string }
  | { readonly id: number; readonly kind: 'error'; readonly message: string };

/** The worker's own cold start, posted once when its loads are done (for the host's log). */
export interface WorkerWarmUp {
  readonly kind: 'warm';
  readonly grammars: readonly Grammar[];
  /** From the worker's start (its bundle loaded) to each load done, in ms. */
  readonly grammarsMs: number;
  readonly ranksMs: number;
  readonly catalogMs: number;
  readonly error?: string;
}

/**
 * The worker's loads, started at once and in parallel where they can be: the grammars' reads and wasm
 * compiles are asynchronous; the ranks and the catalog are built on the worker's thread meanwhile.
 */
export async function warmWorker(grammars: readonly Grammar[], now: () => number = () => performance.now()): Promise<WorkerWarmUp> {
  const started = now();
  let error: string | undefined;
  const parsers = Promise.all(grammars.map((g) => parserFor(g))).then(
    () => now() - started,
    (err: unknown) => {
      error = err instanceof Error ? err.message : String(err);
      return now() - started;
    },
  );
  await new Promise((resolve) => setImmediate(resolve));
  countTokens(' ', 'o200k_base');
  const ranksMs = now() - started;
  catalogIndex(getBundledCatalog());
  const catalogMs = now() - started;
  const grammarsMs = await parsers;
  return { kind: 'warm', grammars, grammarsMs, ranksMs, catalogMs, ...(error ? { error } : {}) };
}

/** The document analysed alone (no repository index: none is built during the cold start), or why it is skipped. */
export async function runFirstAnalysis(request: FirstAnalysisRequest, now: () => number = () => performance.now()): Promise<FirstAnalysisReply> {
  const started = now();
  try {
    const env = loadEnvironment({ baseCatalog: getBundledCatalog(), settings: request.environment.settings, ...(request.environment.file ? { file: request.environment.file } : {}) });
    const reason = skipReason(request.path, request.text.length, env.config.exclude, env.config.maxFileSizeKb);
    if (reason) return { id: request.id, kind: 'skipped', reason };
    const report = await analyzeFile(request.text, request.path, request.languageId, { catalog: env.catalog, assumptions: env.assumptions, resolveModel });
    return { id: request.id, kind: 'report', report, ms: now() - started };
  } catch (err) {
    return { id: request.id, kind: 'error', message: err instanceof Error ? err.message : String(err) };
  }
}
