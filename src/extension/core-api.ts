/**
 * The core APIs the editor calls, in one place. Modules still being written
 * by other helpers (catalog, config, report, compare) are stood in for here
 * with the smallest honest fallback — an empty catalog prices nothing
 * (`unpriced`, never $0) — and replaced by re-exports as they land.
 */
import type { Catalog, CatalogIssue, TokenizerId } from '../core/catalog/types';
import { compareOfferings } from '../core/compare';
import { analyzeFile } from '../core/report/analyze';
import type { FileReport } from '../core/report/types';
import { DEFAULT_CONFIG, type TokenomicsConfig } from '../core/config/types';
import { resolveModel } from '../core/catalog';
import type { Assumptions, Workload } from '../core/workload';
import { pickAlternatives, type Alternative } from './hover/pick-alternatives';

// ---- catalog (helper "catalog") ----------------------------------------------------------
export { getBundledCatalog, resolveModel } from '../core/catalog';

export function applyOverrides(catalog: Catalog, _overrides: unknown, _origin: string): { catalog: Catalog; issues: CatalogIssue[] } {
  return { catalog, issues: [] };
}

// ---- config (helper "catalog") -----------------------------------------------------------
export { DEFAULT_CONFIG, configToAssumptions, type TokenomicsConfig } from '../core/config/types';

export function normalizeConfig(raw: unknown, _origin: string): { config: TokenomicsConfig; issues: CatalogIssue[] } {
  const obj = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const config = { ...DEFAULT_CONFIG } as Record<string, unknown>;
  for (const [key, fallback] of Object.entries(DEFAULT_CONFIG)) {
    const value = obj[key];
    if (value !== undefined && value !== null && typeof value === typeof fallback) config[key] = value;
  }
  return { config: config as unknown as TokenomicsConfig, issues: [] };
}

export function parseConfigFile(text: string, path: string): { config: Partial<TokenomicsConfig>; issues: CatalogIssue[] } {
  try {
    return { config: JSON.parse(text) as Partial<TokenomicsConfig>, issues: [] };
  } catch (err) {
    return { config: {}, issues: [{ origin: path, path: '', message: `not valid JSON: ${(err as Error).message}`, line: 1 }] };
  }
}

// ---- report (helper "detect") ------------------------------------------------------------
export interface AnalyzeEnv {
  readonly catalog: Catalog;
  readonly assumptions: Assumptions;
  readonly isCancelled?: () => boolean;
}

/** Detection plus pricing of one document's text, with the catalog's own model resolution. */
export function analyzeText(text: string, path: string, languageId: string, env: AnalyzeEnv): Promise<FileReport> {
  return analyzeFile(text, path, languageId, { ...env, resolveModel });
}

// ---- compare (helper "cost") -------------------------------------------------------------
export type { Alternative } from './hover/pick-alternatives';

/** Cheapest that fits, fastest and a balanced pick for a workload (empty when nothing else is priced). */
export function cheapestAndFastest(catalog: Catalog, workload: Workload, currentOffering?: string, measuredIn?: { tokenizer: TokenizerId; model?: string }): Alternative[] {
  const options = measuredIn ? { workloadTokenizer: measuredIn.tokenizer, workloadModel: measuredIn.model } : {};
  return pickAlternatives(compareOfferings(catalog, workload, options), currentOffering);
}
