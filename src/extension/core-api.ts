/**
 * The core APIs the editor calls, gathered in one module so the glue has one
 * import to read and the bench can load the same functions without `vscode`.
 */
import type { TokenizerId } from '../core/catalog/types';
import type { Catalog } from '../core/catalog/types';
import { resolveModel } from '../core/catalog';
import { compareOfferings } from '../core/compare';
import { detectFile } from '../core/detect';
import { analyzeDetected } from '../core/report/analyze';
import type { WorkspaceImports } from '../node/workspace-imports';
import type { FileReport, SiteNeeds } from '../core/report/types';
import type { Assumptions, Workload } from '../core/workload';
import { pickAlternatives, type Alternative } from './hover/pick-alternatives';

export { getBundledCatalog, resolveModel } from '../core/catalog';
export { applyOverrides } from '../core/catalog/overrides';
export { DEFAULT_CONFIG, DEFAULT_SURFACES, configToAssumptions, loadEnvironment, normalizeConfig, parseConfigFile, type SurfaceSwitches, type TokenomicsConfig } from '../core/config';
export type { Alternative } from './hover/pick-alternatives';

export interface AnalyzeEnv {
  readonly catalog: Catalog;
  readonly assumptions: Assumptions;
  readonly isCancelled?: () => boolean;
  /** Prompts this file imports from other files of the workspace (the scan's `importedPrompt`). */
  readonly imports?: WorkspaceImports;
}

/**
 * Detection plus pricing of one document's text, with the catalog's own model resolution and
 * the prompts it imports from the workspace: the same analysis `tokenomics scan` makes of it.
 */
export async function analyzeText(text: string, path: string, languageId: string, env: AnalyzeEnv): Promise<FileReport> {
  const detected = await detectFile(text, path, languageId, { isCancelled: env.isCancelled });
  const importedPrompt = await env.imports?.lookupFor(detected);
  return analyzeDetected(detected, { catalog: env.catalog, assumptions: env.assumptions, resolveModel, ...(env.isCancelled ? { isCancelled: env.isCancelled } : {}), ...(importedPrompt ? { importedPrompt } : {}) });
}

/**
 * Cheapest that fits, fastest and a balanced pick for a workload (empty when nothing else is priced),
 * among the offerings that can do the site's job (`needs`: core `checkCapabilities`).
 */
export function cheapestAndFastest(catalog: Catalog, workload: Workload, currentOffering?: string, measuredIn?: { tokenizer: TokenizerId; model?: string }, needs?: SiteNeeds): Alternative[] {
  const options = { ...(measuredIn ? { workloadTokenizer: measuredIn.tokenizer, workloadModel: measuredIn.model } : {}), ...(needs ? { needs } : {}) };
  return pickAlternatives(compareOfferings(catalog, workload, options), currentOffering);
}
