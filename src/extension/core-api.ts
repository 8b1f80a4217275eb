/**
 * The core APIs the editor calls, gathered in one module so the glue has one
 * import to read and the bench can load the same functions without `vscode`.
 */
import type { TokenizerId } from '../core/catalog/types';
import type { Catalog } from '../core/catalog/types';
import { resolveModel } from '../core/catalog';
import { compareOfferings } from '../core/compare';
import { analyzeDetected, analyzeFile } from '../core/report/analyze';
import type { DetectedFile } from '../core/detect/types';
import type { EditorIndex } from '../node/editor-index';
import type { FileReport, SiteNeeds } from '../core/report/types';
import type { Assumptions, Workload } from '../core/workload';
import { pickAlternatives, type Alternative } from './hover/pick-alternatives';

export { getBundledCatalog, resolveModel } from '../core/catalog';
export { applyOverrides } from '../core/catalog/overrides';
export { catalogIndex, isCatalogIndexed } from '../core/catalog/lookup';
export { DEFAULT_CONFIG, DEFAULT_SURFACES, configToAssumptions, loadEnvironment, normalizeConfig, parseConfigFile, type SurfaceSwitches, type TokenomicsConfig } from '../core/config';
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

export { WorkspaceRepository } from '../node/workspace-repo';

/**
 * Detection plus pricing of one document's text, with the catalog's own model resolution. With the
 * workspace's repository index (built: in this process or in the index process, editor-index.ts), the
 * document's facts update it and pricing follows values across files exactly as a scan does.
 */
export async function analyzeText(text: string, path: string, languageId: string, env: AnalyzeEnv, workspace?: EditorIndex): Promise<FileReport> {
  if (!workspace?.isBuilt()) return analyzeFile(text, path, languageId, { ...env, resolveModel });
  return workspace.analyze(text, path, languageId, env);
}

/**
 * Pricing of a document's detection (the second half of `analyzeText` without an index): what the
 * host does with the first-analysis worker's detection during the cold start (engine.ts).
 */
export function priceDetected(detected: DetectedFile, env: AnalyzeEnv): FileReport {
  return analyzeDetected(detected, { ...env, resolveModel });
}

/**
 * Cheapest that fits, fastest and a balanced pick for a workload (empty when nothing else is priced),
 * among the offerings that can do the site's job (`needs`: core `checkCapabilities`).
 */
export function cheapestAndFastest(catalog: Catalog, workload: Workload, currentOffering?: string, measuredIn?: { tokenizer: TokenizerId; model?: string }, needs?: SiteNeeds): Alternative[] {
  const options = { ...(measuredIn ? { workloadTokenizer: measuredIn.tokenizer, workloadModel: measuredIn.model } : {}), ...(needs ? { needs } : {}) };
  return pickAlternatives(compareOfferings(catalog, workload, options), currentOffering);
}
