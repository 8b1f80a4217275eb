/**
 * The typed settings shared by the CLI and the extension. One flat object whose
 * keys are exactly the `tokenomics.*` settings of the core (the editor adds its
 * own on/off switches for surfaces, see `SurfaceSwitches`), so the manifest can
 * be checked against `DEFAULT_CONFIG` key by key.
 */
import { DEFAULT_ASSUMPTIONS, type Assumptions } from '../workload';

/** One model the bundled catalog lacks, as written in settings or `tokenomics.json`. */
export interface CustomModelInput {
  readonly id: string;
  readonly name?: string;
  readonly vendor?: string;
  readonly family?: string;
  readonly tokenizer?: string;
  readonly aliases?: readonly string[];
  readonly contextWindow: number;
  readonly maxOutput?: number;
  readonly reasoning?: boolean;
  /** Providers serving it, each with its prices per million tokens (absent price = unpriced, never zero). */
  readonly offerings?: readonly CustomOfferingInput[];
  readonly source?: string;
  readonly asOf?: string;
}

export interface PriceInput {
  readonly input?: number;
  readonly output?: number;
  readonly cachedRead?: number;
  readonly cacheWrite?: number;
  readonly cacheWrite1h?: number;
}

export interface CustomOfferingInput extends PriceInput {
  readonly provider: string;
  readonly providerModelId?: string;
  readonly batchDiscount?: number;
  readonly ttftMs?: number;
  readonly outputTokensPerSecond?: number;
}

/** New prices for an offering the catalog has (or a new provider for a known model). */
export interface PriceOverrideInput extends PriceInput {
  /** Model id or any alias the catalog resolves (`gpt-4o`, `openai/gpt-4o`). */
  readonly model: string;
  /** Provider id; absent: every offering of the model. */
  readonly provider?: string;
  readonly batchDiscount?: number;
  readonly ttftMs?: number;
  readonly outputTokensPerSecond?: number;
  readonly source?: string;
  readonly asOf?: string;
}

/** Which editor surfaces are on. Editor-only; the CLI ignores them. */
export interface SurfaceSwitches {
  readonly hover: boolean;
  readonly codeLens: boolean;
  readonly diagnostics: boolean;
  readonly statusBar: boolean;
}

export const DEFAULT_SURFACES: SurfaceSwitches = { hover: true, codeLens: true, diagnostics: true, statusBar: true };

export interface TokenomicsConfig extends Assumptions {
  /** Globs (relative to the workspace folder) of files not analysed. */
  readonly exclude: readonly string[];
  /** Files larger than this many KiB are not analysed in the editor. */
  readonly maxFileSizeKb: number;
  /** Entries already checked against the schema; `applyOverrides` turns them into catalog entries. */
  readonly customModels: readonly CustomModelInput[];
  readonly priceOverrides: readonly PriceOverrideInput[];
}

export const DEFAULT_EXCLUDE: readonly string[] = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/out/**'];

export const DEFAULT_CONFIG: TokenomicsConfig = {
  ...DEFAULT_ASSUMPTIONS,
  exclude: DEFAULT_EXCLUDE,
  maxFileSizeKb: 1024,
  customModels: [],
  priceOverrides: [],
};

/** The assumptions part of a config (what estimates list as their basis). */
export function configToAssumptions(config: TokenomicsConfig): Assumptions {
  const { defaultModel, codingModel, defaultModels, outputTokens, reasoningTokens, unboundedSteps, toolResultTokens, placeholderTokens, placeholderSizes, callsPerDay, caching, budgets } = config;
  return { defaultModel, codingModel, defaultModels, outputTokens, reasoningTokens, unboundedSteps, toolResultTokens, placeholderTokens, placeholderSizes, callsPerDay, caching, budgets };
}
