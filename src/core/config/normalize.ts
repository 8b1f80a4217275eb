/**
 * Any raw settings object → a complete, valid `TokenomicsConfig` plus the
 * issues found on the way. Used by the extension (VS Code settings overlaid
 * with tokenomics.json) and the CLI alike.
 */
import type { CatalogIssue } from '../catalog/types';
import { cleanSettings, type Locator } from './clean';
import { DEFAULT_CONFIG, DEFAULT_SURFACES, type SurfaceSwitches, type TokenomicsConfig } from './types';

export interface NormalizedConfig {
  readonly config: TokenomicsConfig;
  /** The editor's on/off switches (`hover.enabled`, …); defaults when absent. */
  readonly surfaces: SurfaceSwitches;
  readonly issues: CatalogIssue[];
}

const SURFACE_KEYS: Readonly<Record<string, keyof SurfaceSwitches>> = {
  'hover.enabled': 'hover',
  'codeLens.enabled': 'codeLens',
  'diagnostics.enabled': 'diagnostics',
  'statusBar.enabled': 'statusBar',
};

export function normalizeConfig(raw: unknown, origin: string, locate?: Locator): NormalizedConfig {
  const { value, issues } = cleanSettings(raw, origin, locate);
  const config: Record<string, unknown> = { ...DEFAULT_CONFIG };
  const surfaces: Record<string, boolean> = { ...DEFAULT_SURFACES };
  for (const [key, v] of Object.entries(value)) {
    if (key in SURFACE_KEYS) surfaces[SURFACE_KEYS[key]] = v as boolean;
    else if (key === 'budgets') config.budgets = { ...(v as object) };
    // Vendors a user names replace the bundled fallbacks one by one; the others stay.
    else if (key === 'defaultModels') config.defaultModels = { ...DEFAULT_CONFIG.defaultModels, ...(v as object) };
    else if (key in DEFAULT_CONFIG) config[key] = v;
  }
  return { config: config as unknown as TokenomicsConfig, surfaces: surfaces as unknown as SurfaceSwitches, issues };
}
