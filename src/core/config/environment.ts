/**
 * The one environment loader: settings, the workspace `tokenomics.json`, the catalog with
 * that file's and the settings' custom models and price overrides, and the assumptions
 * every estimate is built on. The extension (with its settings) and the CLI (with none, or
 * flags on top) both call `loadEnvironment`, so the editor analyses exactly what a scan of
 * the same folder analyses. Pure: callers read the file; this never touches the disk.
 */
import { applyOverrides } from '../catalog/overrides';
import type { Catalog, CatalogIssue } from '../catalog/types';
import type { Assumptions } from '../workload';
import { parseConfigFile } from './file';
import { normalizeConfig } from './normalize';
import { configToAssumptions, type SurfaceSwitches, type TokenomicsConfig } from './types';

export interface EnvironmentInput {
  /** The bundled catalog (or a test's). */
  readonly baseCatalog: Catalog;
  /** Raw settings (the editor's `tokenomics.*` values); absent for the CLI. */
  readonly settings?: Record<string, unknown>;
  /** The workspace `tokenomics.json`, when there is one and it may be read (trusted workspace). */
  readonly file?: { readonly text: string; readonly path: string };
}

export interface Environment {
  readonly config: TokenomicsConfig;
  readonly assumptions: Assumptions;
  readonly surfaces: SurfaceSwitches;
  /** The base catalog with custom models and price overrides applied. */
  readonly catalog: Catalog;
  /** Problems of the file (with lines), then of the settings, then of the overrides not already reported. */
  readonly issues: readonly CatalogIssue[];
  /** The file read, if any. */
  readonly filePath?: string;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Settings overlaid with the workspace `tokenomics.json`, which wins. Objects merge key by
 * key; lists of custom models and overrides are concatenated; anything else is replaced.
 */
export function overlay(base: Record<string, unknown>, top: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(top)) {
    const prev = out[key];
    if (isPlainObject(prev) && isPlainObject(value)) out[key] = { ...prev, ...value };
    else if (Array.isArray(prev) && Array.isArray(value)) out[key] = [...prev, ...value];
    else out[key] = value;
  }
  return out;
}

export function loadEnvironment(input: EnvironmentInput): Environment {
  const parsed = input.file ? parseConfigFile(input.file.text, input.file.path, input.baseCatalog) : undefined;
  const normalized = normalizeConfig(overlay(input.settings ?? {}, (parsed?.config ?? {}) as Record<string, unknown>), input.settings ? 'settings' : input.file?.path ?? 'defaults');
  const config = normalized.config;
  const origin = input.file?.path ?? 'settings';
  const overridden = applyOverrides(input.baseCatalog, { customModels: config.customModels, priceOverrides: config.priceOverrides }, origin);
  // parseConfigFile already checked the file's entries against the catalog, with lines: report the rest once.
  const issues: CatalogIssue[] = [...(parsed?.issues ?? [])];
  const seen = new Set(issues.map((i) => `${i.path}|${i.message}`));
  for (const issue of [...normalized.issues, ...overridden.issues]) {
    const key = `${issue.path}|${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return {
    config,
    assumptions: configToAssumptions(config),
    surfaces: normalized.surfaces,
    catalog: overridden.catalog,
    issues,
    ...(input.file ? { filePath: input.file.path } : {}),
  };
}
