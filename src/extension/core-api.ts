/**
 * The core APIs the editor calls, gathered in one module so the glue has one
 * import to read and the bench can load the same functions without `vscode`.
 */
import type { TokenizerId } from '../core/catalog/types';
import type { Catalog } from '../core/catalog/types';
import { resolveModel } from '../core/catalog';
import { compareOfferings } from '../core/compare';
import { analyzeFile } from '../core/report/analyze';
import type { FileReport } from '../core/report/types';
import type { Assumptions, Workload } from '../core/workload';
import { pickAlternatives, type Alternative } from './hover/pick-alternatives';

export { getBundledCatalog, resolveModel } from '../core/catalog';
export { applyOverrides } from '../core/catalog/overrides';
export { DEFAULT_CONFIG, DEFAULT_SURFACES, configToAssumptions, normalizeConfig, parseConfigFile, type SurfaceSwitches, type TokenomicsConfig } from '../core/config';
export type { Alternative } from './hover/pick-alternatives';
// What the warm-up after activation loads ahead of the first analysis (src/extension/analysis/warmup.ts).
export { classifyPath } from '../core/detect/language';
export { parserFor, type Grammar } from '../core/detect/parser';
export { countTokens } from '../core/tokenize';

export interface AnalyzeEnv {
  readonly catalog: Catalog;
  readonly assumptions: Assumptions;
  readonly isCancelled?: () => boolean;
}

/** Detection plus pricing of one document's text, with the catalog's own model resolution. */
export function analyzeText(text: string, path: string, languageId: string, env: AnalyzeEnv): Promise<FileReport> {
  return analyzeFile(text, path, languageId, { ...env, resolveModel });
}

/** Cheapest that fits, fastest and a balanced pick for a workload (empty when nothing else is priced). */
export function cheapestAndFastest(catalog: Catalog, workload: Workload, currentOffering?: string, measuredIn?: { tokenizer: TokenizerId; model?: string }): Alternative[] {
  const options = measuredIn ? { workloadTokenizer: measuredIn.tokenizer, workloadModel: measuredIn.model } : {};
  return pickAlternatives(compareOfferings(catalog, workload, options), currentOffering);
}
